"""Records fit to take to supervision, in Chromium: the agenda (own items, chosen answers, keyboard order, one
printed page), the learning record (date made, name, CPD details, no instructions in print), dates in words
everywhere, Word documents read back with python-docx, and the group pulse keeping, reading and projecting codes."""

from __future__ import annotations

import io
import os
import re
import tempfile
from pathlib import Path

import pytest

from tests.browser.kit import GALLERY, form_selector, reload, tab_to
from tests.browser.seed import REFLECTION, seed_answered

docx = pytest.importorskip("docx")
pypdf = pytest.importorskip("pypdf")

SHOTS = Path(os.environ.get("RS_SHOTS") or tempfile.gettempdir())
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
NUMERIC_DAY = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
PROCTOR = "proctor-function-balance"
ENCODE = """async ([id, averages]) => {
  const { encodePulse } = await import("/assets/js/lib/pulse.js");
  return encodePulse({ exercise: id, min: 1, max: 5, averages });
}"""


def word_text(path: Path) -> tuple[str, list[str], int]:
    """A Word file's text (paragraphs and table cells), its paragraph styles, and how many tables it has."""
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)
    return text, [paragraph.style.name for paragraph in document.paragraphs], len(document.tables)


def download(page: object, action: str, tmp_path: Path) -> Path:
    with page.expect_download() as waiting:
        page.click(f"[data-rs-action='{action}']")
    path = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(path)
    return path


def test_the_agenda_takes_own_items_chosen_answers_an_order_and_prints_on_one_page(visit, tmp_path) -> None:
    page = seed_answered(visit)
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    visit.open("agenda/")
    tab_to(page, "[data-rs-agenda-new]")
    page.keyboard.type("Annual leave in March")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Add to the agenda"
    items = page.locator("ol.rs-agenda > li")
    assert items.count() == 2 and "Annual leave in March" in items.nth(1).inner_text()
    # Keyboard only: Move up on the own item, and the focus stays on the moved item's button.
    tab_to(page, "[data-rs-agenda-item='own-1'] [data-rs-action='move-up']")
    page.keyboard.press("Enter")
    assert "Annual leave in March" in items.nth(0).inner_text()
    assert page.evaluate("document.activeElement.dataset.rsFocus") == "move-up:own-1"
    assert "is now item 1 of 2" in page.locator(".rs-app__status").inner_text()
    # Leave the reflection's only answer out, then reload: order and choice are saved.
    page.uncheck(f"[data-rs-agenda-item='{REFLECTION}'] [data-rs-agenda-answer]")
    reload(page)
    page.wait_for_selector("ol.rs-agenda")
    assert "Annual leave in March" in items.nth(0).inner_text()
    assert not page.is_checked(f"[data-rs-agenda-item='{REFLECTION}'] [data-rs-agenda-answer]")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SHOTS / "records-agenda-390.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.screenshot(path=str(SHOTS / "records-agenda-1280.png"), full_page=True)

    page.emulate_media(media="print")
    printed = page.locator("article.md-content__inner").inner_text()
    assert "Annual leave in March" in printed and "A calm start." not in printed, "only the chosen answers print"
    assert "Move up" not in printed and "Add an item of your own" not in printed and "Anything you mark" not in printed
    assert len(pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages) == 1
    page.emulate_media(media="screen")

    assert not any("vendor/docx" in url for url in loaded), "the Word library loads only when asked for"
    text, styles, tables = word_text(download(page, "word", tmp_path))
    assert any("vendor/docx/docx.js" in url for url in loaded)
    assert "1. Annual leave in March" in text and "Looking back on a session" in text
    assert "A calm start." not in text and "Heading 1" in styles and "Heading 2" in styles
    assert "Word document ready" in page.locator(".rs-app__status").inner_text()


def test_the_record_prints_its_date_and_name_takes_cpd_details_and_downloads_as_word(visit, tmp_path) -> None:
    seed_answered(visit)
    page = visit.open("learning-record/")
    page.check(f"[data-rs-record-pick='{REFLECTION}']")
    page.fill("[data-rs-record-name]", "Sam Jones")
    page.check("[data-rs-record-cpd]")
    item = page.locator(f"[data-rs-record-item='{REFLECTION}']")
    item.locator("input[data-rs-record-field='date']").fill("2027-04-05")
    item.locator("input[data-rs-record-field='time_spent']").fill("1 hour 30 minutes")
    item.locator("textarea[data-rs-record-field='learned']").fill("Pausing before answering helps.")
    reload(page)
    page.wait_for_selector(f"[data-rs-record-item='{REFLECTION}']")
    assert page.input_value("[data-rs-record-name]") == "Sam Jones" and page.is_checked("[data-rs-record-cpd]")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SHOTS / "records-record-390.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 720})

    page.emulate_media(media="print")
    printed = page.locator("article.md-content__inner").inner_text()
    today = page.evaluate(
        "() => new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    assert f"Made on {today}" in printed and "Name: Sam Jones" in printed
    assert "5 April 2027" in printed and "1 hour 30 minutes" in printed and "Pausing before answering helps." in printed
    for instruction in ("Choose saved exercises", "Keep it anonymous", "Your name (optional)", "Add CPD details",
                        "Print the record"):
        assert instruction not in printed, instruction
    assert not ISO_DAY.search(printed), printed
    page.emulate_media(media="screen")

    text, styles, tables = word_text(download(page, "word", tmp_path))
    assert "Name: Sam Jones" in text and "Pausing before answering helps." in text and "5 April 2027" in text
    assert "1 hour 30 minutes" in text and "A calm start." in text and tables >= 2 and "Heading 2" in styles
    assert not ISO_DAY.search(text)


def test_no_iso_date_reaches_the_screen_or_print_and_goals_download_as_word(visit, tmp_path) -> None:
    seed_answered(visit)  # a review date of 2027-03-15 and a dated copy of a profile
    page = visit.open(GALLERY)
    copies = page.locator(form_selector("example-self-assessment-default")).inner_text()
    assert not ISO_DAY.search(copies) and not NUMERIC_DAY.search(copies), "a dated copy is named by its date in words"
    for path in ("my-learning/", "agenda/", "learning-record/"):
        visit.open(path)
        page.wait_for_selector("div[data-rs-app] :is(h2, fieldset, ol)")
        if path == "learning-record/":
            page.check(f"[data-rs-record-pick='{REFLECTION}']")
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            shown = page.locator("article.md-content__inner").inner_text()
            assert not ISO_DAY.search(shown), f"{path} ({media}): {ISO_DAY.search(shown).group()}"
            assert not NUMERIC_DAY.search(shown), f"{path} ({media}): {NUMERIC_DAY.search(shown).group()}"
        page.emulate_media(media="screen")
    visit.open("my-learning/")
    text, styles, tables = word_text(download(page, "goals-word", tmp_path))
    assert "Goal 1: Agree the agenda together" in text and "15 March 2027" in text and tables == 1
    assert not ISO_DAY.search(text)


def test_the_pulse_keeps_codes_until_cleared_reads_a_chat_and_the_camera_and_projects(visit, browser, base_url) -> None:
    # A barcode detector and a camera stand-in: the page gets one participant's QR code from "the camera".
    page = visit.page
    page.add_init_script("""
      window.__qr = null;
      window.BarcodeDetector = class {
        async detect() { const code = window.__qr; window.__qr = null; return code ? [{ rawValue: code }] : []; }
      };
      navigator.mediaDevices.getUserMedia = async () => {
        const c = document.createElement('canvas'); c.getContext('2d').fillRect(0, 0, 8, 8); return c.captureStream();
      };
    """)
    visit.open("pulse/")
    page.wait_for_selector("#rs-pulse-input:visible")
    codes = [page.evaluate(ENCODE, [PROCTOR, averages]) for averages in ([1.5, 3, 3.8], [3, 2.5, 3.7], [2, 2, 2])]
    chat = f"[10:02] Sam: {codes[0]} ok\n[10:03] Alex: mine is {codes[1].replace('-', ' ')} thanks!"
    page.fill("#rs-pulse-input", chat)
    page.get_by_role("button", name="Add codes").click()
    assert page.locator("[data-rs-pulse-messages]").inner_text() == "Added 2 codes."
    kept = page.locator("[data-rs-pulse-kept]").inner_text()
    assert "kept in this browser on this device until you choose Start again" in kept
    page.get_by_role("button", name="Read QR codes with the camera").click()
    page.evaluate("(code) => { window.__qr = code; }", codes[2])
    page.wait_for_function(
        "() => document.querySelector('[data-rs-pulse-messages]').innerText.includes('3 codes so far')")
    page.get_by_role("button", name="Stop the camera").click()
    reload(page)
    page.wait_for_selector(".rs-pulse__table")
    assert "3 codes kept from before on this device" in page.locator("[data-rs-pulse-messages]").inner_text()

    page.set_viewport_size({"width": 1280, "height": 720})
    page.get_by_role("button", name="Show the results for a projector").click()
    board = page.locator("[data-rs-pulse-board]")
    assert board.is_visible() and page.evaluate("document.activeElement.dataset.rsPulse") == "projector-close"
    assert board.locator(".rs-pulse__chart").count() == 1
    assert board.locator("table, button[data-rs-pulse-csv]").count() == 0
    assert float(board.locator("h2").evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)")) >= 28
    page.screenshot(path=str(SHOTS / "records-pulse-projector-1280.png"))
    page.keyboard.press("Escape")
    assert not board.is_visible()
    assert page.evaluate("document.activeElement.dataset.rsPulse") == "projector"

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Start again").click()
    reload(page)
    page.wait_for_selector("#rs-pulse-input:visible")
    assert page.locator(".rs-pulse__group").count() == 0
    assert page.evaluate("localStorage.getItem('reflective-supervision:/:data:pulse-codes')") == '{"codes":[]}'

    # On a shared computer the codes last only while the page is open.
    page.evaluate("localStorage.setItem('reflective-supervision:/#shared-computer', 'on')")
    reload(page)
    page.wait_for_selector("#rs-pulse-input:visible")
    assert "kept only while this page is open" in page.locator("[data-rs-pulse-kept]").inner_text()
    page.fill("#rs-pulse-input", codes[0])
    page.get_by_role("button", name="Add codes").click()
    assert page.evaluate("Object.keys(sessionStorage).filter((k) => k.includes('pulse-codes'))") == []
    assert page.evaluate("localStorage.getItem('reflective-supervision:/:data:pulse-codes')") == '{"codes":[]}'
