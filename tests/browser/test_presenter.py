"""Presenter mode in Chromium at projector size (1280x720): one section at a time in large, high-contrast type,
no navigation chrome, keyboard next and previous, Escape to leave, exercises still usable; axe stays clean."""

from __future__ import annotations

import pytest

from tests.browser.kit import form_selector, tab_to, wait_saved
from tests.browser.test_site_pages import run_axe
from tests.conftest import Visit

MODULE = "modules/supervision-models/"
PRESENT = '[data-rs-tool="present"]'
POSITION = ".rs-presenter__position"


@pytest.fixture()
def projector(browser, base_url):
    session = Visit(browser, base_url, viewport={"width": 1280, "height": 720}, locale="en-GB")
    yield session
    session.close()
    assert session.external == []


def start(page: object) -> None:
    tab_to(page, PRESENT)
    page.keyboard.press("Enter")
    page.wait_for_selector(POSITION)


def visible_h2(page: object) -> list[str]:
    return [text.rstrip("¶").strip() for text in page.locator("article h2:visible").all_inner_texts()]


def test_keyboard_moves_through_sections_and_escape_leaves(projector) -> None:
    page = projector.open(MODULE)
    sections = page.locator("article > h2").count() + 1  # the part before the first h2 is section 1
    start(page)
    assert page.evaluate("document.documentElement.classList.contains('rs-presenting')")
    assert page.locator(POSITION).inner_text() == f"Section 1 of {sections}"
    assert page.locator("article h1").is_visible() and visible_h2(page) == []
    assert page.locator(".rs-module-intro").is_visible()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".rs-page-tools"):
        assert not page.locator(chrome).first.is_visible(), chrome

    page.keyboard.press("ArrowRight")
    assert page.locator(POSITION).inner_text() == f"Section 2 of {sections}"
    assert visible_h2(page) == ["Learning outcomes"]
    assert page.evaluate("document.activeElement.textContent").startswith("Learning outcomes")
    assert not page.locator(".rs-module-intro").is_visible()
    # The page title stays as a small running head.
    assert page.locator("article h1.rs-presenter-title").is_visible()
    page.keyboard.press("PageDown")
    assert page.locator(POSITION).inner_text() == f"Section 3 of {sections}"
    assert visible_h2(page) == ["What supervision is for: Proctor's three functions"]
    page.keyboard.press("PageUp")
    page.keyboard.press("ArrowLeft")
    assert page.locator(POSITION).inner_text() == f"Section 1 of {sections}"
    page.keyboard.press("ArrowLeft")  # nothing before the first section
    assert page.locator(POSITION).inner_text() == f"Section 1 of {sections}"
    for _ in range(sections + 2):
        page.keyboard.press("PageDown")
    assert page.locator(POSITION).inner_text() == f"Section {sections} of {sections}"
    assert visible_h2(page) == ["References"]

    # The on-screen buttons work too, and keep the focus at either end.
    page.get_by_role("button", name="Previous").click()
    assert page.locator(POSITION).inner_text() == f"Section {sections - 1} of {sections}"
    assert page.get_by_role("button", name="Next").get_attribute("aria-disabled") == "false"

    page.keyboard.press("Escape")
    assert not page.evaluate("document.documentElement.classList.contains('rs-presenting')")
    assert page.locator(POSITION).count() == 0
    assert page.locator("article h1").is_visible() and len(visible_h2(page)) == sections - 1
    assert page.locator(".md-header").is_visible()
    assert page.evaluate("document.activeElement.dataset.rsTool") == "present"
    assert projector.console_errors == []


def test_large_high_contrast_type_readable_at_the_back_of_a_room(projector) -> None:
    page = projector.open(MODULE)
    start(page)
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    style = page.locator("article > p:visible").first.evaluate(
        "(p) => { const s = getComputedStyle(p); return [parseFloat(s.fontSize), s.color, getComputedStyle(document.body).backgroundColor]; }")
    size, colour, background = style
    assert size >= 28, f"body text is {size}px"
    assert colour == "rgb(0, 0, 0)" and background in {"rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"}
    heading = page.locator("article h2:visible").evaluate("(h) => parseFloat(getComputedStyle(h).fontSize)")
    assert heading >= 40
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_exercises_stay_usable_and_arrow_keys_belong_to_the_fields(projector) -> None:
    page = projector.open(MODULE)
    start(page)
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")  # section 3 holds the Proctor self-assessment
    form = form_selector("proctor-function-balance")
    assert page.locator(form).is_visible()
    first = page.locator(f"{form} input[type=radio][data-rs-field]:not([data-rs-field=perspective])").first
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # moves the radio choice, not the section
    assert page.locator(POSITION).inner_text().startswith("Section 3 of")
    entry = wait_saved(page, "proctor-function-balance")
    assert list(entry["values"].values()) == ["2"]


def test_presenter_mode_never_shows_facilitator_notes(projector) -> None:
    page = projector.open(MODULE)
    page.click('[data-rs-tool="facilitator"]')
    assert page.locator("[data-rs-facilitator]").is_visible()
    start(page)
    assert not page.locator("[data-rs-facilitator]").is_visible()
    page.keyboard.press("Escape")
    assert page.locator("[data-rs-facilitator]").is_visible()


def test_axe_finds_nothing_in_presenter_mode(projector) -> None:
    page = projector.open(MODULE)
    start(page)
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    problems = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in run_axe(page)]
    assert problems == []


def test_without_javascript_the_page_is_unchanged(no_js_visit) -> None:
    page = no_js_visit.open(MODULE)
    assert not page.locator(PRESENT).is_visible()
    assert page.locator(".md-header").is_visible()
