"""Group pulse in Chromium: a participant's self-assessment gives an anonymous code and QR code holding only the
averages; the facilitator's page reads typed or pasted codes, refuses malformed ones with a message, and shows
the group's spread as a chart and a table, sending nothing and keeping the codes it read on the facilitator's
device until cleared (tests/browser/test_records.py)."""

from __future__ import annotations

import os
import re
import tempfile
from itertools import pairwise
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.axe import run_axe
from tests.browser.kit import GALLERY, enhanced, form_selector
from tests.conftest import Visit
from tests.unit.test_lab_files import groupscores  # the data lab notebook's own module, which reads the CSV

# Screenshots of the results, for a person to look at (RS_SHOTS, else a temporary folder).
SHOTS = Path(os.environ.get("RS_SHOTS") or tempfile.gettempdir())

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
    # The pulse code and QR encoder load on first use: wait for what they show.
    expect(page.locator(f"{FORM} [data-rs-pulse-note]")).to_have_text(re.compile(r"^Rate some statements first"),
                                                                       timeout=15_000)
    rate(page, "time-to-read", 1)
    rate(page, "asked-questions", 2)
    rate(page, "someone-to-talk-to", 3)
    expected = page.evaluate(ENCODE, [EXERCISE, 1, 3, [1.5, 3]])  # only the two averages
    expect(page.locator(f"{FORM} [data-rs-pulse-code]")).to_have_text(expected)
    code = page.locator(f"{FORM} [data-rs-pulse-code]").inner_text()
    assert CODE.match(code), code
    qr = page.locator(f"{FORM} [data-rs-pulse-qr] svg[role='img']")
    assert qr.get_attribute("aria-label") == f"QR code of your group pulse code, {code}"
    assert qr.locator("path").get_attribute("d").count("h1v1h-1z") > 100
    rate(page, "someone-to-talk-to", 1)
    expect(page.locator(f"{FORM} [data-rs-pulse-code]")).to_have_text(
        page.evaluate(ENCODE, [EXERCISE, 1, 3, [1.5, 1]]))
    # The code is not stored with the answers, and printing leaves the sharing controls out.
    stored = page.evaluate("() => JSON.stringify(localStorage)")
    assert "RS1-" not in stored
    page.emulate_media(media="print")
    assert not page.locator(f"{FORM} .rs-pulse-share").is_visible()
    page.emulate_media(media="screen")


PROCTOR = "proctor-function-balance"
PROCTOR_TITLE = "How balanced are Proctor's three functions in your supervision?"


def add_codes(page: object, text: str) -> str:
    page.fill("#rs-pulse-input", text)
    page.get_by_role("button", name="Add codes").click()
    return page.locator("[data-rs-pulse-messages]").inner_text()


def test_the_facilitator_collects_codes_and_sees_the_group_spread(visit) -> None:
    page = visit.open("pulse/")
    page.wait_for_selector("#rs-pulse-input:visible")
    before = page.evaluate("() => Object.keys(localStorage).sort()")
    # Averages four statements rated 1 to 5 can give (3.6 is none: 3.5, 3.67 and 3.75 are).
    rows = ([1.5, 3, 3.8], [3, 2.5, 3.7], [1, None, 3.7])
    codes = [page.evaluate(ENCODE, [PROCTOR, 1, 5, averages]) for averages in rows]
    # Two codes first: too few to show a spread.
    assert add_codes(page, f"{codes[0]}\n{codes[1]}") == "Added 2 codes."
    group = page.locator(".rs-pulse__group")
    assert group.get_by_role("heading", name=PROCTOR_TITLE).count() == 1
    assert "Add at least 3 codes to see the group's spread" in group.inner_text()
    assert group.locator("table").count() == 0

    # A third code typed loosely, with a malformed one and a mistyped one beside it.
    loose = codes[2].lower().replace("-", " ")
    typo = codes[0][:-1] + ("0" if codes[0][-1] != "0" else "1")
    messages = add_codes(page, f"{loose}, RS1-HELLO, {typo}")
    assert "Added 1 code." in messages and "2 codes were not added" in messages
    assert "too short or too long to be a pulse code" in messages
    assert "has a typing mistake somewhere" in messages
    assert page.input_value("#rs-pulse-input") == f"RS1-HELLO\n{typo}"  # left to correct

    table = page.locator(".rs-pulse__table")
    assert (
        table.locator("caption").inner_text()
        == "How many participants' averages round to each point of the scale (1 to 5)"
    )
    cells = [row.split("\t") for row in table.locator("tbody tr").all_inner_texts()]
    # Normative: 1.5 rounds to 2, 3 to 3, 1 to 1. Formative: only two rated it (the third left it unrated),
    # so its figures stay hidden: two ratings and their median would give both people's answers away.
    assert cells == [
        ["Normative (accountability)", "1", "1", "1", "0", "0", "1.5", "1 to 3", "3"],
        ["Formative (learning)", "–", "–", "–", "–", "–", "–", "–", "fewer than 3"],
        ["Restorative (emotional support and replenishment)", "0", "0", "0", "3", "0", "3.7", "3.7 to 3.8", "3"],
    ]
    assert "at most two decimal places, with halves rounded up" in group.inner_text()
    chart = page.locator(".rs-pulse__chart[role='img']")
    assert "The table below gives the same figures" in chart.get_attribute("aria-label")
    assert chart.locator(".rs-pulse__chart-bar").count() == 10
    assert chart.locator(".rs-pulse__chart-label").all_inner_texts()[1] == (
        "Formative (learning): hidden until at least 3 people have rated it, so that no one's answers can be worked out"
    )

    # The same code again: added (two people can give the same answers), and the message says so.
    messages = add_codes(page, codes[0])
    assert messages.startswith("Added 1 code.\n")
    assert "1 of them is the same as a code already added. It is counted all the same" in messages
    assert "Codes added (4)" in group.inner_text()
    formative = table.locator("tbody tr").nth(1).inner_text().split("\t")
    # Medians as the data lab's notebook gives them: at most two decimals, halves rounded up (2.75, 3.75).
    assert formative[6:] == ["3", "2.5 to 3", "3"]  # a third rating: the figures show
    restorative = table.locator("tbody tr").nth(2).inner_text().split("\t")
    assert restorative[6] == "3.75"  # 3.7, 3.7, 3.8, 3.8: the notebook says 3.75 too
    # A code no participant's ratings could make is refused: it would count as a person who is not there.
    nothing = page.evaluate(ENCODE, [PROCTOR, 1, 5, [None, None, None]])
    impossible = page.evaluate(ENCODE, [PROCTOR, 1, 5, [3.6, 2, 2]])
    messages = add_codes(page, f"{nothing}\n{impossible}")
    assert "2 codes were not added" in messages and "rates no group of statements" in messages
    assert "holds an average that no ratings of" in messages
    assert "Codes added (4)" in group.inner_text()
    page.fill("#rs-pulse-input", "")

    # The averages download as a CSV file that the data lab's notebook reads, with the same medians.
    with page.expect_download() as download:
        group.locator(f"[data-rs-pulse-csv='{PROCTOR}']").click()
    assert download.value.suggested_filename == f"group-pulse-{PROCTOR}.csv"
    csv_text = Path(download.value.path()).read_text(encoding="utf-8")
    assert (
        csv_text.splitlines()[1]
        == "participant,Normative (accountability),Formative (learning),Restorative (emotional support and "
        "replenishment)"
    )
    dimensions = groupscores.parse_scores(csv_text, (1, 5))
    assert [(d.name, d.scores, groupscores._num(d.median)) for d in dimensions] == [
        ("Normative (accountability)", [1.5, 3.0, 1.0, 1.5], "1.5"),
        ("Formative (learning)", [3.0, 2.5, 3.0], "3"),
        ("Restorative (emotional support and replenishment)", [3.8, 3.7, 3.7, 3.8], "3.75")]

    # Remove two codes: the spread hides again.
    page.locator(".rs-pulse__codes summary").click()
    page.get_by_role("button", name=f"Remove {codes[0]}").first.click()
    page.locator(".rs-pulse__codes summary").click()
    page.get_by_role("button", name=f"Remove {codes[0]}").first.click()
    assert "Add at least 3 codes" in page.locator(".rs-pulse__group").inner_text()
    assert page.evaluate("document.activeElement.id") == "rs-pulse-input"
    # Only the codes still collected are kept, under the site's own saved state; nothing else is stored.
    after = page.evaluate("() => Object.keys(localStorage).sort()")
    assert [key for key in after if key not in before] == ["reflective-supervision:/:data:pulse-codes"]
    page.mouse.move(0, 0)  # the theme's "Link to this section" tooltip, opened by the pointer, closes
    page.wait_for_selector(".md-tooltip2", state="detached", timeout=5000)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in run_axe(page)] == []
    assert visit.console_errors == []


def test_a_code_from_the_gallery_example_is_refused_with_the_reason(visit) -> None:
    """The exercise gallery's self-assessment only shows how the kind works: its codes are no group's answers."""
    page = visit.open("pulse/")
    page.wait_for_selector("#rs-pulse-input:visible")
    example = page.evaluate(ENCODE, [EXERCISE, 1, 3, [1.5, 3]])
    messages = add_codes(page, example)
    assert "1 code was not added" in messages
    assert 'comes from the example "How does your week feel?" in the exercise gallery' in messages
    assert "Ask for codes from a self-assessment in a module." in messages
    assert page.locator(".rs-pulse__group").count() == 0


SCREENS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 720}}


@pytest.mark.parametrize("screen", SCREENS)
def test_the_results_are_readable_on_a_phone_and_a_laptop(browser, base_url, screen: str) -> None:
    """The chart fills its column (up to a readable width) with numbers at about the page's text size, and
    the table has room and rules between its figures (Material styles only tables without a class)."""
    session = Visit(browser, base_url, viewport=SCREENS[screen], locale="en-GB")
    try:
        page = session.open("pulse/")
        page.wait_for_selector("#rs-pulse-input:visible")
        codes = [
            page.evaluate(ENCODE, [PROCTOR, 1, 5, row])
            for row in ([1.5, 3, 3.8], [3, 2.5, 3.7], [4, 4.5, 2], [2, 3, 4])
        ]
        add_codes(page, "\n".join(codes))
        figure = page.locator(".rs-pulse__figure")
        column = page.locator(".rs-pulse__group").bounding_box()["width"]
        width = figure.bounding_box()["width"]
        assert width >= min(column, 600) - 1, f"chart {width}px wide in a {column}px column"
        text = page.locator(".rs-pulse__chart-count").first.evaluate("(t) => t.getBoundingClientRect().height")
        page_text = page.locator("article p").first.evaluate("(p) => parseFloat(getComputedStyle(p).fontSize)")
        assert text >= 0.85 * page_text, f"chart numbers {text}px high, page text {page_text}px"
        label = page.locator(".rs-pulse__chart-label").first.evaluate("(p) => parseFloat(getComputedStyle(p).fontSize)")
        assert label >= page_text
        cell = page.locator(".rs-pulse__table td").first
        padding = cell.evaluate(
            "(td) => [parseFloat(getComputedStyle(td).paddingLeft), parseFloat(getComputedStyle(td).borderLeftWidth)]"
        )
        assert padding[0] >= 6 and padding[1] >= 1
        numbers = page.locator(".rs-pulse__table tbody tr").first.locator("td")
        boxes = [numbers.nth(n).bounding_box() for n in range(5)]
        assert all(b["x"] + b["width"] <= c["x"] + 0.5 for b, c in pairwise(boxes))  # counts never touch
        assert (
            page.evaluate("document.documentElement.scrollWidth") <= SCREENS[screen]["width"]
        )  # only the table's box scrolls
        page.locator(".rs-pulse__group").screenshot(path=str(SHOTS / f"pulse-results-{screen}.png"))
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in run_axe(page)] == []
    finally:
        session.close()


def test_without_javascript_the_pulse_page_says_it_needs_it(no_js_visit) -> None:
    page = no_js_visit.open("pulse/")
    assert page.locator(".rs-pulse__nojs").is_visible()
    assert not page.locator("#rs-pulse-input").is_visible()
