"""Group pulse in Chromium: a participant's self-assessment gives an anonymous code and QR code holding only the
averages; the facilitator's page reads typed or pasted codes, refuses malformed ones with a message, and shows
the group's spread as a chart and a table, storing and sending nothing."""

from __future__ import annotations

import re

from tests.browser.kit import GALLERY, enhanced, form_selector
from tests.browser.test_site_pages import run_axe

EXERCISE = "example-self-assessment-default"
FORM = form_selector(EXERCISE)
CODE = re.compile(r"^RS1-[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$")
ENCODE = """async ([id, min, max, averages]) => {
  const { encodePulse } = await import("/assets/js/lib/pulse.js");
  return encodePulse({ exercise: id, min, max, averages });
}"""


def rate(page: object, item: str, value: int) -> None:
    page.locator(f"label[for='ex-{EXERCISE}-{item}-{value}']").click()


def test_a_participant_sees_an_anonymous_code_and_qr_code_that_follow_their_answers(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    button = page.locator(f"{FORM} [data-rs-action='pulse']")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator(f"{FORM} [data-rs-pulse-note]").inner_text().startswith("Rate some statements first")
    rate(page, "time-to-read", 1)
    rate(page, "asked-questions", 2)
    rate(page, "someone-to-talk-to", 3)
    code = page.locator(f"{FORM} [data-rs-pulse-code]").inner_text()
    assert CODE.match(code), code
    assert code == page.evaluate(ENCODE, [EXERCISE, 1, 3, [1.5, 3]])  # only the two averages
    qr = page.locator(f"{FORM} [data-rs-pulse-qr] svg[role='img']")
    assert qr.get_attribute("aria-label") == f"QR code of your group pulse code, {code}"
    assert qr.locator("path").get_attribute("d").count("h1v1h-1z") > 100
    rate(page, "someone-to-talk-to", 1)
    assert page.locator(f"{FORM} [data-rs-pulse-code]").inner_text() == page.evaluate(ENCODE, [EXERCISE, 1, 3, [1.5, 1]])
    # The code is not stored with the answers, and printing leaves the sharing controls out.
    stored = page.evaluate("() => JSON.stringify(localStorage)")
    assert "RS1-" not in stored
    page.emulate_media(media="print")
    assert not page.locator(f"{FORM} .rs-pulse-share").is_visible()
    page.emulate_media(media="screen")


def test_the_facilitator_collects_codes_and_sees_the_group_spread(visit) -> None:
    page = visit.open("pulse/")
    page.wait_for_selector("#rs-pulse-input:visible")
    before = page.evaluate("() => Object.keys(localStorage).sort()")
    codes = [page.evaluate(ENCODE, [EXERCISE, 1, 3, averages]) for averages in ([1.5, 3], [3, 2.5], [1, None])]
    # Two codes first: too few to show a spread.
    page.fill("#rs-pulse-input", f"{codes[0]}\n{codes[1]}")
    page.get_by_role("button", name="Add codes").click()
    assert page.locator("[data-rs-pulse-messages]").inner_text() == "Added 2 codes."
    group = page.locator(".rs-pulse__group")
    assert group.get_by_role("heading", name="How does your week feel?").count() == 1
    assert "Add at least 3 codes to see the group's spread" in group.inner_text()
    assert group.locator("table").count() == 0

    # A third code typed loosely, with a malformed one and a mistyped one beside it.
    loose = codes[2].lower().replace("-", " ")
    typo = codes[0][:-1] + ("0" if codes[0][-1] != "0" else "1")
    page.fill("#rs-pulse-input", f"{loose}, RS1-HELLO, {typo}")
    page.get_by_role("button", name="Add codes").click()
    messages = page.locator("[data-rs-pulse-messages]").inner_text()
    assert "Added 1 code." in messages and "2 codes were not added" in messages
    assert "too short or too long to be a pulse code" in messages
    assert "has a typing mistake somewhere" in messages
    assert page.input_value("#rs-pulse-input") == f"RS1-HELLO\n{typo}"  # left to correct

    table = page.locator(".rs-pulse__table")
    assert table.locator("caption").inner_text() == "How many participants' averages round to each point of the scale (1 to 3)"
    rows = [row.split("\t") for row in table.locator("tbody tr").all_inner_texts()]
    # Learning: 1.5 rounds to 2, 3 to 3, 1 to 1. Support: 3, 2.5 (to 3); the third left it unrated.
    assert rows == [["Learning", "1", "1", "1", "1.5", "1.0 to 3.0", "3"], ["Support", "0", "0", "2", "2.8", "2.5 to 3.0", "2"]]
    chart = page.locator(".rs-pulse__chart[role='img']")
    assert "The table below gives the same figures" in chart.locator("title").text_content()
    assert chart.locator(".rs-pulse__chart-bar").count() == 6

    # Remove one code: the spread hides again.
    page.locator(".rs-pulse__codes summary").click()
    page.get_by_role("button", name=f"Remove {codes[0]}").click()
    assert "Add at least 3 codes" in page.locator(".rs-pulse__group").inner_text()
    assert page.evaluate("document.activeElement.id") == "rs-pulse-input"
    assert page.evaluate("() => Object.keys(localStorage).sort()") == before  # nothing stored
    page.mouse.move(0, 0)  # the theme's "Link to this section" tooltip, opened by the pointer, closes
    page.wait_for_selector(".md-tooltip2", state="detached", timeout=5000)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in run_axe(page)] == []
    assert visit.console_errors == []


def test_without_javascript_the_pulse_page_says_it_needs_it(no_js_visit) -> None:
    page = no_js_visit.open("pulse/")
    assert page.locator(".rs-pulse__nojs").is_visible()
    assert not page.locator("#rs-pulse-input").is_visible()
