"""The offline copy (scripts/build-offline.sh, RS_OFFLINE=true) opened from files (file://) in Chromium, with
no server and no network: search returns results and an exercise saves; nothing is fetched from elsewhere."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from macros.offline import ESBUILD
from tests.browser.kit import enhanced, form_selector, wait_saved
from tests.helpers import ROOT, built_once

pytestmark = [pytest.mark.browser, pytest.mark.build]

SHIM = ROOT / "overrides" / "assets" / "vendor" / "iframe-worker" / "shim.js"
JOURNAL = "what-is-supervision-journal"


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not ESBUILD.exists():
        pytest.fail("esbuild is missing: run `npm install` (make test does this)")
    return built_once(tmp_path_factory, "offline-site")


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
    # No service worker or manifest in a copy opened from files (macros/service_worker.py is for web builds).
    assert not (offline_site / "sw.js").exists() and not (offline_site / "manifest.webmanifest").exists()
    assert 'rel="manifest"' not in home and "rs-service-worker" not in home


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


def test_the_data_lab_page_says_the_lab_is_not_in_the_offline_copy(offline_site: Path) -> None:
    """The lab needs a web server, so it is left out of the copy; its page keeps no embed or link into it."""
    assert not (offline_site / "lab").exists()
    page = (offline_site / "data-lab.html").read_text(encoding="utf-8")
    assert page.count("rs-lab-embed--offline") == 3  # two notebooks and the REPL
    assert "is not part of this offline copy" in page
    assert re.search(r'(href|src)="[^"]*lab/', page) is None, "a link into the lab, which the copy leaves out"
    for html in offline_site.rglob("*.html"):
        assert re.search(r'(href|src)="(\.\./)*lab/', html.read_text(encoding="utf-8")) is None, html


def test_search_works_from_files(file_page, offline_site: Path) -> None:
    file_page.goto((offline_site / "index.html").as_uri(), wait_until="load")
    file_page.click("input.md-search__input")
    file_page.keyboard.type("supervision")
    file_page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.match(/\\d+ matching/)", timeout=15000
    )
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


def test_the_offline_agenda_says_word_documents_need_the_online_site(file_page, offline_site: Path) -> None:
    """The Word library is not in the offline copy's bundle (tests/unit/test_vendor.py): the button says so."""
    file_page.goto((offline_site / "agenda.html").as_uri(), wait_until="load")
    file_page.fill("[data-rs-agenda-new]", "Offline item")
    file_page.click("[data-rs-action='add-item']")
    file_page.click("[data-rs-action='word']")
    status = file_page.locator("#rs-app-agenda .rs-app__status, [data-rs-app='agenda'] .rs-app__status").first
    file_page.wait_for_function("() => document.querySelector('.rs-app__status').textContent.includes('offline copy')")
    assert "only on the online site" in status.inner_text()


def test_the_build_script_makes_a_zip_of_an_adapted_copy(tmp_path: Path) -> None:
    """`make offline CONFIG=<copy>/mkdocs.yml`: the example copy, zipped, with its branding and its choice of
    modules."""
    config = ROOT / "examples" / "glenbarra-council" / "mkdocs.yml"
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build-offline.sh"), str(config), str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    archive = tmp_path / "glenbarra-council-offline.zip"
    assert archive.stat().st_size > 100_000
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
        assert zipped.testzip() is None
        home = zipped.read("site/index.html").decode("utf-8")
        search = zipped.read("site/search/search_index.js").decode("utf-8")
    for needed in ("site/index.html", "site/modules/what-is-supervision.html", "site/assets/js/app.bundle.js",
                   "site/glenbarra/index.html", "site/assets/organisation/logo.svg"):
        assert needed in names, needed
    assert not any(name.startswith("site/lab/") or "seven-eyed-model" in name for name in names)
    assert "Glenbarra Council" in home and "seven-eyed-model" not in search


def test_a_copy_moved_to_another_folder_offers_the_answers_saved_under_the_old_one(file_page, offline_site: Path,
                                                                                    tmp_path: Path) -> None:
    """Chromium gives every file:// page one storage: the moved copy finds the old folder's answers, brings them
    over."""
    moved = tmp_path / "moved copy"
    moved.symlink_to(offline_site, target_is_directory=True)
    file_page.goto((moved / "my-learning.html").as_uri(), wait_until="load")
    file_page.locator("[data-rs-offline-why]").wait_for()  # nothing saved, nothing elsewhere: why, and what to do
    file_page.goto((offline_site / "modules" / "what-is-supervision.html").as_uri(), wait_until="load")
    enhanced(file_page, JOURNAL)
    field = f"{form_selector(JOURNAL)} textarea[data-rs-field='closest-in-practice']"
    file_page.fill(field, "Answered before the move.")
    wait_saved(file_page, JOURNAL)
    file_page.goto((moved / "my-learning.html").as_uri(), wait_until="load")
    offer = file_page.locator("[data-rs-other-folders]")
    assert str(offline_site) in offer.inner_text()
    offer.locator("[data-rs-action='bring-folder']").click()
    file_page.locator(f"[data-rs-saved-entry='{JOURNAL}']", has_text="Answered before the move.").wait_for()
    assert "brought over from" in file_page.locator("[role='status']").first.inner_text()
    assert "already here" in file_page.locator("[data-rs-other-folders]").inner_text()
    link = file_page.locator(f"[data-rs-saved-entry='{JOURNAL}'] h4 a").get_attribute("href")
    assert link.startswith(moved.as_uri()), link
