"""The offline copy (scripts/build-offline.sh, RS_OFFLINE=true) opened from files (file://) in Chromium, with
no server and no network: search returns results and an exercise saves; nothing is fetched from elsewhere."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from macros.offline import ESBUILD
from tests.browser.kit import enhanced, form_selector, wait_saved
from tests.helpers import ROOT, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.build]

SHIM = ROOT / "overrides" / "assets" / "vendor" / "iframe-worker" / "shim.js"
JOURNAL = "what-is-supervision-journal"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not ESBUILD.exists():
        pytest.fail("esbuild is missing: run `npm install` (make test does this)")
    out = tmp_path_factory.mktemp("offline") / "site"
    result = mkdocs_build(ROOT, out, extra_env={"RS_OFFLINE": "true"})
    assert result.returncode == 0, f"offline build failed:\n{result.stdout}\n{result.stderr}"
    return out


def test_vendored_shim_is_the_pinned_package_file() -> None:
    installed = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not installed.exists():
        pytest.fail("iframe-worker is missing: run `npm install` (make test does this)")
    assert SHIM.read_bytes() == installed.read_bytes()
    assert (SHIM.parent / "LICENSE").is_file()


def test_offline_pages_use_files_only(offline_site: Path) -> None:
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker/shim.js"' in home and "unpkg.com" not in home
    assert 'type="module"' not in home and 'src="assets/js/app.bundle.js"' in home
    assert (offline_site / "search" / "search_index.js").is_file()
    assert (offline_site / "modules" / "what-is-supervision.html").is_file()


@pytest.fixture()
def file_page(browser, offline_site: Path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    elsewhere: list[str] = []
    errors: list[str] = []

    def route(route: object) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    yield page
    context.close()
    assert elsewhere == [], f"requests that left the files: {elsewhere}"
    assert errors == []


def test_search_works_from_files(file_page, offline_site: Path) -> None:
    file_page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    file_page.click("input.md-search__input")
    file_page.keyboard.type("supervision")
    file_page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.match(/\\d+ matching/)", timeout=15000)
    assert file_page.locator(".md-search-result__item").count() > 0


def test_an_exercise_saves_and_restores_from_files(file_page, offline_site: Path) -> None:
    file_page.goto((offline_site / "modules" / "what-is-supervision.html").as_uri(), wait_until="load")
    enhanced(file_page, JOURNAL)
    field = f"{form_selector(JOURNAL)} textarea[data-rs-field='closest-in-practice']"
    file_page.fill(field, "Offline answer.")
    assert wait_saved(file_page, JOURNAL)["values"]["closest-in-practice"] == "Offline answer."
    file_page.reload(wait_until="load")
    enhanced(file_page, JOURNAL)
    assert file_page.input_value(field) == "Offline answer."


def test_the_build_script_makes_a_zip(tmp_path: Path) -> None:
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build-offline.sh"), str(ROOT / "mkdocs.yml"), str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "reflective-supervision-offline.zip").stat().st_size > 100_000
