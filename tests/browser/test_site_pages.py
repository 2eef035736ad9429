"""Every page in Chromium: no request leaves the site, axe-core finds no violations, no script errors, nothing
scrolls sideways at 320 px; search works offline; pages read without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.reflow import PHONE, phone_overflow
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


# axe-core runs once on every page, on the phone (the first user's screen, where layouts are tightest). On a
# desktop screen it runs on every page except the module pages and handouts beyond the first of each: those share
# one template each, and a run of axe on a module page costs seconds. (tests/browser/test_presenter.py checks
# a module page in presenter mode at projector size.)
REPEATED_TEMPLATES = ("modules/", "handouts/")


def desktop_axe_pages(pages: list[str]) -> set[str]:
    """The pages axe-core checks on a desktop screen too: every page, but only the first module page, the first
    handouts page and the first answer sheet (all pages in the modules' and handouts' folder indexes are kept)."""
    chosen: set[str] = set()
    firsts: set[str] = set()
    for path in pages:
        folder = next((prefix for prefix in REPEATED_TEMPLATES if path.startswith(prefix) and path != prefix), None)
        if folder is None:
            chosen.add(path)
            continue
        kind = folder + ("answers" if path.endswith("-answers/") else "")
        if kind not in firsts:
            firsts.add(kind)
            chosen.add(path)
    return chosen


def axe_problems(page: object, path: str, where: str) -> list[str]:
    """axe-core's violations on an open page, one line each."""
    problems = []
    for violation in run_axe(page):
        targets = [node["target"] for node in violation["nodes"][:3]]
        problems.append(f"{where} /{path}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return problems


def phone_problems(phone: object, path: str) -> list[str]:
    """On a 320 px phone screen (WCAG 2.2 reflow): nothing scrolls sideways or runs off the screen, and axe-core
    finds no violations."""
    page = phone.open(path)
    return [f"phone /{path}: {problem}" for problem in phone_overflow(page)] + axe_problems(page, path, "phone")


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
def test_every_page_passes_axe_reflows_at_320_px_reads_without_javascript_and_stays_on_the_site(
        visit, no_js_visit, browser, base_url, pages, part: int) -> None:
    """Every page, on a desktop screen and on a 320 px phone with JavaScript, and without it: no request to
    another host, no script error, no axe-core violation (see desktop_axe_pages), no sideways scrolling on the
    phone, one h1 and no script-only actions without JavaScript."""
    from tests.conftest import Visit

    phone = Visit(browser, base_url, viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB")
    on_desktop = desktop_axe_pages(pages)
    problems = []
    for path in part_of(pages, part):
        page = visit.open(path)
        if path in on_desktop:
            problems += axe_problems(page, path, "desktop")
        problems += phone_problems(phone, path)
        problems += [f"no JavaScript {problem}" for problem in no_js_problems(no_js_visit, path)]
    phone.close()
    assert visit.console_errors == [] and phone.console_errors == []
    assert visit.external == [] and phone.external == []
    assert problems == [], "\n".join(problems)


def test_the_desktop_axe_sample_keeps_every_other_page_and_one_of_each_repeated_template() -> None:
    pages = ["", "modules/", "modules/a/", "modules/b/", "handouts/", "handouts/a/", "handouts/a-answers/",
             "handouts/b/", "handouts/b-answers/", "my-learning/", "404.html"]
    assert desktop_axe_pages(pages) == {
        "", "modules/", "modules/a/", "handouts/", "handouts/a/", "handouts/a-answers/", "my-learning/", "404.html"
    }


def test_search_works_offline(visit) -> None:
    page = visit.open("")
    page.click("input.md-search__input")
    page.keyboard.type("supervision")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.match(/\\d+ matching/)", timeout=10000
    )
    assert page.locator(".md-search-result__item").count() > 0
    assert visit.external == []
