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


# The page sweep is cut into parts so parallel workers (pytest-xdist) share it; each part visits its pages once
# in each of the three ways below, and every check of that way runs on that one visit.
PARTS = 6


def part_of(pages: list[str], part: int, parts: int = PARTS) -> list[str]:
    """Every ``parts``-th page, starting at ``part``: the parts together are every page, each once."""
    return pages[part::parts]


def desktop_problems(visit: object, path: str) -> list[str]:
    """With JavaScript on a desktop screen: axe-core finds no violations."""
    page = visit.open(path)
    problems = []
    for violation in run_axe(page):
        targets = [node["target"] for node in violation["nodes"][:3]]
        problems.append(f"/{path}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return problems


def phone_problems(phone: object, path: str) -> list[str]:
    """On a phone: no sideways scrolling at 390 px and no axe-core violations."""
    page = phone.open(path)
    problems = []
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > 390:
        problems.append(f"/{path}: page is {width}px wide on a 390px screen (horizontal scrolling)")
    return problems + [f"/{path}: {v['id']}: {v['help']}" for v in run_axe(page)]


def no_js_problems(no_js_visit: object, path: str) -> list[str]:
    """Without JavaScript: the page reads (one h1) and shows no actions that need scripts."""
    page = no_js_visit.open(path)
    problems = []
    if page.locator("h1").count() != 1:
        problems.append(f"/{path}: {page.locator('h1').count()} h1 elements without JavaScript")
    if page.locator("form[data-rs-widget] [data-rs-actions]:visible").count() != 0:
        problems.append(f"/{path}: an exercise shows its actions without JavaScript")
    return problems


@pytest.mark.parametrize("part", range(PARTS))
def test_every_page_passes_axe_on_desktop_and_phone_reads_without_javascript_and_stays_on_the_site(
        visit, no_js_visit, browser, base_url, pages, part: int) -> None:
    """Every page, on a desktop screen and on a phone with JavaScript, and without it: no request to another
    host, no script error, no axe-core violation, no sideways scrolling on the phone, one h1 and no script-only
    actions without JavaScript."""
    from tests.conftest import Visit

    phone = Visit(browser, base_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    problems = []
    for path in part_of(pages, part):
        problems += [f"desktop {problem}" for problem in desktop_problems(visit, path)]
        problems += [f"phone {problem}" for problem in phone_problems(phone, path)]
        problems += [f"no JavaScript {problem}" for problem in no_js_problems(no_js_visit, path)]
    phone.close()
    assert visit.console_errors == [] and phone.console_errors == []
    assert visit.external == [] and phone.external == []
    assert problems == [], "\n".join(problems)


def test_search_works_offline(visit) -> None:
    page = visit.open("")
    page.click("input.md-search__input")
    page.keyboard.type("supervision")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.match(/\\d+ matching/)", timeout=10000
    )
    assert page.locator(".md-search-result__item").count() > 0
    assert visit.external == []
