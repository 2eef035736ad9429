"""On a 320 px screen (WCAG 2.2 reflow): a self-assessment's results table scrolls in its own region, and a module
page without JavaScript keeps its tables in named regions. Every page's reflow is checked by the one page sweep
(tests/browser/test_site_pages.py)."""

from __future__ import annotations

from tests.browser.kit import GALLERY, enhanced, form_selector, wait_saved
from tests.browser.reflow import PHONE, phone_overflow


def test_self_assessment_results_table_scrolls_in_its_own_region_with_its_caption_in_view(browser, base_url) -> None:
    from tests.conftest import Visit

    phone = Visit(browser, base_url, viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB")
    page = phone.open(GALLERY)
    exercise = "example-self-assessment-default"
    form = form_selector(exercise)
    enhanced(page, exercise)
    for radio in page.locator(f"{form} .rs-scale").all():
        radio.locator("input").first.check()
    wait_saved(page, exercise)  # the save draws the results once more: measure the table it leaves
    region = page.locator(f"{form} [role=region]:has(table)")
    region.wait_for()
    assert phone_overflow(page) == []
    assert region.get_attribute("tabindex") == "0"
    caption = page.locator(f"{form} .rs-profile-table caption").first
    name = page.locator(f"#{region.get_attribute('aria-labelledby')}")
    assert name.inner_text() == caption.inner_text()
    # The caption is on screen in full, and stays so while the table scrolls under it.
    shown = page.get_by_text(caption.inner_text(), exact=True)

    def caption_boxes() -> list[dict]:
        boxes = [box for box in (each.bounding_box() for each in shown.all()) if box and box["width"] > 10]
        assert boxes, "the caption is not shown"
        return boxes

    assert all(box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] for box in caption_boxes())
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("(el) => el.scrollLeft > 0", arg=region.element_handle())
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] for box in caption_boxes())
    phone.close()


def test_module_page_without_javascript_lists_its_parts_and_keeps_tables_in_named_regions(browser, base_url) -> None:
    from tests.conftest import Visit

    phone = Visit(browser, base_url, viewport=PHONE, java_script_enabled=False, locale="en-GB")
    page = phone.open("modules/what-is-supervision/")
    assert phone_overflow(page) == []
    region = page.locator(".md-content [role=region]:has(table)").first
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-label") == "Table: Side by side"
    parts = page.locator("nav#rs-parts")
    assert parts.is_visible()
    sections = page.locator("article h2[id]:not([data-search-exclude])")
    assert parts.locator("a").evaluate_all("(links) => links.map((a) => a.hash)") == [
        f"#{anchor}" for anchor in sections.evaluate_all("(hs) => hs.map((h) => h.id)")]
    page.locator("#rs-parts a").nth(2).click()
    page.locator(".rs-parts__back a").nth(2).click()
    assert page.evaluate("location.hash") == "#rs-parts"
    phone.close()
