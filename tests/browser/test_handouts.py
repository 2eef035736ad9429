"""Handouts in Chromium: every module has a handouts page; blank copies never show saved answers (on screen or
in the PDF) and print the paper versions; copies with answers show them; both print on A4, one exercise a sheet."""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path

import pytest
from playwright.sync_api import expect

from macros.kinds import KINDS
from tests.browser.kit import enhanced, form_selector, wait_all_saved, wait_saved
from tests.helpers import MODULES_WITH_EVERY_KIND, kinds_by_module, modules_covering_every_kind, registry_modules

pypdf = pytest.importorskip("pypdf")

MODULE = "modules/supervision-models/"
HANDOUTS = "handouts/supervision-models/"
JOURNAL = "supervision-models-journal"
ANSWER = "A steady level three when I help with casework decisions"
TITLES = [
    "How balanced are Proctor's three functions in your supervision?",
    "A 4x4x4 check on a recent session",
    "Your balance of Heron's six categories",
    "Developmental levels: where are things right now?",
    "Quick check: supervision models",
    "Journal: supervision models",
]
A4 = (595, 842)  # points


def pdf_pages(page: object) -> list[str]:
    """Print the page to PDF (as a browser would, print CSS and A4 page rule) and return each page's text."""
    data = page.pdf(prefer_css_page_size=True, print_background=False)
    reader = pypdf.PdfReader(io.BytesIO(data))
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert (round(width), round(height)) == A4, f"page is {width}x{height} points, not A4"
    return [re.sub(r"\s+", " ", sheet.extract_text()) for sheet in reader.pages]


# Everything a printout could show, read from the page under print styles: its rendered text and the value of
# every field (hidden or not), so an answer anywhere in the page is found. Cheaper than a PDF, and stricter.
PRINTABLE_TEXT = """() => document.body.innerText + ' '
  + [...document.querySelectorAll('input, textarea, select')].map((field) => field.value).join(' ')"""


def printable_text(page: object) -> str:
    """The text and field values of a page under print styles (PRINTABLE_TEXT)."""
    page.emulate_media(media="print")
    try:
        return page.evaluate(PRINTABLE_TEXT)
    finally:
        page.emulate_media(media="screen")


def pdf_sheets(page: object) -> list[str]:
    """Print the page to an A4 PDF and return each sheet's text, trimmed (empty for a sheet with nothing on it,
    or with only an empty answer box)."""
    return [text.strip() for text in pdf_pages(page)]


def save_an_answer(visit: object) -> None:
    page = visit.open(MODULE)
    enhanced(page, JOURNAL)
    page.fill(f"{form_selector(JOURNAL)} textarea[data-rs-field='developmental-self']", ANSWER)
    assert wait_saved(page, JOURNAL)["values"]["developmental-self"] == ANSWER


def sheet_starts(pages: list[str]) -> list[int]:
    """The PDF page on which each exercise title first appears."""
    return [next(n for n, text in enumerate(pages) if title in text) for title in TITLES]


def test_blank_handouts_never_show_saved_answers_and_print_one_exercise_a_sheet(visit) -> None:
    save_an_answer(visit)
    page = visit.open(HANDOUTS)
    assert page.locator("h1").inner_text().startswith("Handouts: Supervision models")
    # The handouts script fills these in once loaded: wait for it.
    expect(page.locator("[data-rs-handouts-mode]")).to_contain_text("These copies are blank")
    expect(page.get_by_role("link", name="Blank copies")).to_have_attribute("aria-current", "page")
    journal = page.locator(form_selector(JOURNAL))
    assert journal.locator("textarea[data-rs-field='developmental-self']").input_value() == ""
    assert journal.locator("[data-rs-actions]").is_hidden()  # never enhanced
    assert page.locator("form[data-rs-ready]").count() == 0
    # The paper versions' guidance shows, as it does without JavaScript.
    assert page.locator(f"{form_selector('proctor-function-balance')} .rs-no-js").first.is_visible()

    pages = pdf_pages(page)
    text = " ".join(pages)
    assert ANSWER not in text
    for title in TITLES:
        assert title in text, title
    starts = sheet_starts(pages)
    assert starts == sorted(set(starts)), f"two exercises share a sheet: {starts}"
    assert "How to read your profile" in text  # the self-assessment's hand-working guide
    assert "Clear my answers" not in text and "Bring this to my next supervision" not in text
    assert "Print these handouts" not in text and "Your answers are kept only while this page is open" not in text
    # Typing on a blank copy saves nothing.
    journal.locator("textarea[data-rs-field='support-needed']").fill("Typed on a blank copy")
    wait_all_saved(page)  # a change an autosave picked up would be marked as waiting at once
    assert wait_saved(page, JOURNAL)["values"] == {"developmental-self": ANSWER}


def test_copies_with_answers_show_them_and_answers_saved_there_belong_to_the_module(visit) -> None:
    save_an_answer(visit)
    page = visit.open(HANDOUTS)
    page.get_by_role("link", name="Copies with my saved answers").click()
    page.wait_for_url(re.compile(r"\?copy=answers$"))
    page.wait_for_load_state("networkidle")
    enhanced(page, JOURNAL)
    expect(page.locator("[data-rs-handouts-mode]")).to_contain_text(
        "These copies show the answers saved in this browser"
    )
    expect(page.get_by_role("link", name="Copies with my saved answers")).to_have_attribute("aria-current", "page")
    journal = page.locator(form_selector(JOURNAL))
    assert journal.locator("textarea[data-rs-field='developmental-self']").input_value() == ANSWER

    pages = pdf_pages(page)
    text = " ".join(pages)
    assert ANSWER in text
    for title in TITLES:
        assert title in text, title
    assert sheet_starts(pages) == sorted(set(sheet_starts(pages)))
    assert "Clear my answers" not in text and "Print these handouts" not in text

    journal.locator("textarea[data-rs-field='support-needed']").fill("A peer group of supervisors")
    page.wait_for_function(
        "() => Object.values(localStorage).some((v) => v.includes('A peer group of supervisors'))", timeout=5000)
    entry = wait_saved(page, JOURNAL)
    assert entry["page"] == "/" + MODULE


def test_every_module_has_a_handouts_page_linked_from_the_module_and_the_index(visit, site_dir: Path) -> None:
    modules = sorted(p.parent.name for p in (site_dir / "modules").glob("*/index.html"))
    handouts = sorted(
        p.parent.name for p in (site_dir / "handouts").glob("*/index.html") if not p.parent.name.endswith("-answers")
    )
    assert modules == handouts == sorted(registry_modules())
    index = visit.open("handouts/")
    assert index.locator("article li a[href$='/']").count() >= 14
    page = visit.open(MODULE)
    page.get_by_role("link", name="print this module's exercises").click()
    page.wait_for_url(re.compile(re.escape("/" + HANDOUTS) + "$"))


def test_without_javascript_handouts_are_blank_forms_ready_to_print(no_js_visit) -> None:
    page = no_js_visit.open(HANDOUTS)
    assert page.locator("form[data-rs-widget]").count() == len(TITLES)
    assert not page.locator(".rs-handouts__tools").is_visible()
    assert page.locator(".rs-handouts__nojs").is_visible()
    assert ANSWER not in " ".join(pdf_pages(page))


# Modules whose blank handouts wasted paper: an empty sheet after an exercise that filled its last sheet
# exactly (supporting-supervisors), an answer box alone on a sheet, away from its question
# (learning-from-reviews), and the supervision agreement's signature lines alone on a sheet (the rest).
WASTEFUL = [
    "supporting-supervisors",
    "learning-from-reviews",
    "values-and-identity",
    "managing-boundaries",
    "diversity-and-power",
    "good-supervision",
]


@pytest.mark.parametrize("module", WASTEFUL)
def test_blank_handouts_print_no_empty_sheet_and_no_signature_lines_alone(visit, module: str) -> None:
    page = visit.open(f"handouts/{module}/")
    page.emulate_media(media="print")
    sheets = pdf_sheets(page)
    exercises = page.locator(".rs-handouts__sheet").count()
    assert len(sheets) >= exercises
    for number, text in enumerate(sheets, start=1):
        assert len(text) >= 20, f"{module}: sheet {number} of {len(sheets)} has nothing to read on it ({text!r})"
        assert not (text.startswith("Supervisor Signature") and len(text) < 120), (
            f"{module}: sheet {number} holds only the signature lines"
        )
    if page.locator(".rs-exercise--agreement").count():
        signatures = next(text for text in sheets if "Supervisor Signature" in text)
        assert "Where will the signed copies be kept?" in signatures  # the last fields came along


def exercise_ids(html: str) -> list[str]:
    """The exercises a built page shows, in order."""
    return re.findall(r'<form[^>]*\bdata-rs-exercise="([^"]+)"', html)


def test_every_handouts_page_holds_every_exercise_of_its_module_in_order(site_dir: Path) -> None:
    for module in sorted(p.parent for p in (site_dir / "modules").glob("*/index.html")):
        shown = exercise_ids((module / "index.html").read_text(encoding="utf-8"))
        printed = exercise_ids((site_dir / "handouts" / module.name / "index.html").read_text(encoding="utf-8"))
        assert shown and printed == list(dict.fromkeys(shown)), module.name


# Printing is done by each kind's template and styles, so the modules that between them hold every kind of
# exercise stand for all: a PDF of a module's handouts costs seconds.
MODULES = MODULES_WITH_EVERY_KIND
TEXT_FIELD = "textarea[data-rs-field]:visible, input[type=text][data-rs-field]:visible"


@pytest.mark.parametrize("module", MODULES)
def test_copies_with_answers_print_every_exercises_answer_and_blank_copies_none(visit, module: str) -> None:
    """In modules that between them hold every kind of exercise (MODULES): one written answer in every exercise
    that has a text box, saved on the module page; the handouts with
    answers print each one on A4; the blank handouts hold none, in their text or their fields. (Printing a blank
    copy to PDF: test_blank_handouts_never_show_saved_answers_and_print_one_exercise_a_sheet.)"""
    page = visit.open(f"modules/{module}/")
    answers = {}
    for form in page.locator("form[data-rs-widget]").all():
        exercise = form.get_attribute("data-rs-exercise")
        if exercise in answers or form.locator(TEXT_FIELD).count() == 0:
            continue
        enhanced(page, exercise)
        answers[exercise] = f"Answer{len(answers)}for{exercise.replace('-', '')[:12]}"
        form.locator(TEXT_FIELD).first.fill(answers[exercise])
        wait_saved(page, exercise)
    assert answers, f"{module} has no exercise with a text box"

    filled = visit.open(f"handouts/{module}/?copy=answers")
    for exercise in answers:
        enhanced(filled, exercise)
    text = re.sub(r"\s", "", " ".join(pdf_pages(filled)))
    missing = [exercise for exercise, answer in answers.items() if answer not in text]
    assert missing == [], f"{module}: answers missing from the printed copies: {missing}"

    blank = visit.open(f"handouts/{module}/")
    expect(blank.locator("[data-rs-handouts-mode]")).to_contain_text("These copies are blank")
    text = re.sub(r"\s", "", printable_text(blank))
    assert [answer for answer in answers.values() if answer in text] == []


def test_the_modules_printed_with_answers_hold_every_kind_of_exercise() -> None:
    kinds = kinds_by_module()
    assert len(kinds) == len(registry_modules()) and all(kinds.values())
    assert set().union(*(kinds[module] for module in MODULES)) == set().union(*kinds.values())
    assert set().union(*kinds.values()) == set(KINDS)  # every kind is used by some module
    assert modules_covering_every_kind({"a": {"x"}, "b": {"x", "y"}, "c": {"z"}}) == ["b", "c"]


def visible_text(html: str) -> str:
    """The text of some HTML (scripts and their JSON left out), tags removed and spaces collapsed."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def answer_sheet_texts(html: str) -> list[str]:
    """Each explanation and model answer on a built answer sheet page."""
    parts = re.findall(r"<dd>(.*?)</dd>", html, re.S)
    parts += re.findall(r'<div class="rs-answer-sheet__model">(.*?)</div>', html, re.S)
    return [text for text in map(visible_text, parts) if text]


# The answer boxes' titles and the wording that sent a reader to them.
ANSWER_WORDS = [
    "Answers and explanations",
    "(the answer key's answer)",
    "Answer key and explanations",
    "open Answers",
    "rs-model-answers",
]


def test_blank_handouts_carry_no_answer_key_or_model_answer_and_the_answer_sheet_does(site_dir: Path) -> None:
    """Every module's blank handouts: no answer key, explanation or model answer, and no wording that sends the
    reader to one; each module's facilitator answer sheet, linked from its handouts, holds them instead."""
    with_answers = 0
    for handouts in sorted((site_dir / "handouts").glob("*/index.html")):
        module = handouts.parent.name
        if module.endswith("-answers"):
            continue
        html = handouts.read_text(encoding="utf-8")
        assert f'href="../{module}-answers/" data-rs-answer-sheet' in html, module
        blank = html.split("data-rs-blank", 1)[1].split("</article>", 1)[0]
        sheets = visible_text(blank) + " " + " ".join(re.findall(r'class="([^"]+)"', blank))
        assert [words for words in ANSWER_WORDS if words in sheets] == [], module
        answers = answer_sheet_texts(
            (site_dir / "handouts" / f"{module}-answers" / "index.html").read_text(encoding="utf-8")
        )
        with_answers += bool(answers)
        assert [text for text in answers if text in sheets] == [], module
    assert with_answers >= 6  # the modules with a knowledge check, a case review or model answers


def test_one_exercise_prints_alone_on_one_side_of_a4_in_paper_wording(visit) -> None:
    page = visit.open(HANDOUTS)
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.get_by_role("button", name="Print this exercise").nth(TITLES.index("Quick check: supervision models")).click()
    assert page.evaluate("() => window.printed")
    pages = pdf_pages(page)
    assert len(pages) == 1, f"the quiz printed alone takes {len(pages)} sheets"
    assert "Quick check: supervision models" in pages[0] and "QUESTION 5" in pages[0]
    assert [title for title in TITLES if title in pages[0]] == ["Quick check: supervision models"]
    assert "Your facilitator has the answers" in pages[0] and "open Answers" not in pages[0]
    # Once the print dialog closes, Print these handouts prints them all again.
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    text = " ".join(pdf_pages(page))
    assert all(title in text for title in TITLES)
