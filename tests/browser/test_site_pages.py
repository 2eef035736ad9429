"""Every page in Chromium: no request leaves the site, axe-core finds no violations, no script errors;
search works offline; pages read without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as a path relative to its root (not the data lab's JupyterLite
    app pages under lab/: tests/browser/test_data_lab.py tests those). Pages are folders' index.html, plus
    the not-found page, 404.html, which a server shows for any unknown address: it is visited at its own URL."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        if relative == "lab" or relative.startswith("lab/"):
            continue
        pages.append("" if relative == "." else relative + "/")
    if (site / "404.html").is_file():
        pages.append("404.html")
    return pages


@pytest.fixture(scope="module")
def pages(site_dir: Path) -> list[str]:
    found = site_pages(site_dir)
    assert len(found) > 5
    assert "404.html" in found, "the built site has no 404.html (Material's not-found page)"
    return found


def run_axe(page: object) -> list[dict]:
    """Run axe-core (all rules, including best practice) and return its violations."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm install` (make test does this)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => JSON.stringify((await axe.run(document)).violations)")
    return json.loads(result)


def test_every_page_has_no_external_requests_no_axe_violations_and_no_errors(visit, pages) -> None:
    problems = []
    for path in pages:
        page = visit.open(path)
        for violation in run_axe(page):
            targets = [node["target"] for node in violation["nodes"][:3]]
            problems.append(f"/{path}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    assert visit.console_errors == []
    assert visit.external == []
    assert problems == [], "\n".join(problems)


def test_every_page_on_a_phone_has_no_axe_violations(browser, base_url, pages) -> None:
    from tests.conftest import Visit

    phone = Visit(browser, base_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    problems = []
    for path in pages:
        page = phone.open(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            problems.append(f"/{path}: page is {width}px wide on a 390px screen (horizontal scrolling)")
        problems += [f"/{path}: {v['id']}: {v['help']}" for v in run_axe(page)]
    phone.close()
    assert phone.external == []
    assert problems == [], "\n".join(problems)


def test_search_works_offline(visit) -> None:
    page = visit.open("")
    page.click("input.md-search__input")
    page.keyboard.type("supervision")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.match(/\\d+ matching/)", timeout=10000)
    assert page.locator(".md-search-result__item").count() > 0
    assert visit.external == []


def test_pages_read_without_javascript(no_js_visit, pages) -> None:
    for path in pages:
        page = no_js_visit.open(path)
        assert page.locator("h1").count() == 1, path
        assert page.locator("form[data-rs-widget] [data-rs-actions]:visible").count() == 0
