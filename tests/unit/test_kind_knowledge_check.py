"""knowledge-check: golden HTML, a worksheet that works without JavaScript, no score anywhere, and its own rules."""

from __future__ import annotations

import re

import pytest

from macros.catalogue import check_file, load_schemas
from macros.kinds import knowledge_check
from tests.helpers import ROOT
from tests.unit.render_helpers import catalogue, check_golden, render

EXAMPLE = "example-knowledge-check-default"
MODULE_FILES = [
    "exercises/what-is-supervision/definitions-match.yaml",
    "exercises/learning-from-reviews/review-systems-quiz.yaml",
    "exercises/seven-eyed-model/seven-eyed-quiz.yaml",
    "exercises/supervision-models/supervision-models-quiz.yaml",
]


def example():
    return catalogue().examples[EXAMPLE]


def test_golden_html() -> None:
    check_golden("knowledge-check")


def test_every_question_is_a_fieldset_with_its_text_as_legend_and_a_labelled_radio_per_option() -> None:
    html = render(example())
    questions = example().data["questions"]
    assert html.count('<fieldset class="rs-knowledge-check__question"') == len(questions)
    for number, question in enumerate(questions, start=1):
        assert (
            f'<span class="rs-knowledge-check__number">Question {number}.</span> {question["text"]}</legend>'
            in html.replace("&#39;", "'")
        )
        for option in question["options"]:
            control = f'ex-{EXAMPLE}-{question["id"]}-{option["id"]}'
            assert (
                f'id="{control}" name="ex-{EXAMPLE}-{question["id"]}" value="{option["id"]}" '
                f'data-rs-field="{question["id"]}"' in html
            )
            assert f'<label class="rs-choice__label" for="{control}">' in html
    assert html.count('type="radio"') == sum(len(q["options"]) for q in questions)


def test_without_javascript_each_question_has_a_closed_answer_sheet_with_every_explanation() -> None:
    html = render(example())
    questions = example().data["questions"]
    assert html.count('<details class="rs-knowledge-check__answers rs-print-open">') == len(questions)
    assert "<details open" not in html
    assert html.count("(the answer key&#39;s answer)") == len(questions)
    assert html.count("data-rs-explanation=") == sum(len(q["options"]) for q in questions)
    # The answer key marks the right option of each question, in words.
    assert "<dt>B. Names or details that could identify someone. <strong class=\"rs-knowledge-check__tag\">" in html
    assert 'Read more: <a href="privacy.md#what-is-stored-and-where">What is stored, and where</a>' in html
    # Each answer sheet comes right after its own question's options.
    sheets = [m.start() for m in re.finditer('<details class="rs-knowledge-check__answers rs-print-open">', html)]
    fieldsets = [m.start() for m in re.finditer('<fieldset class="rs-knowledge-check__question"', html)]
    assert all(f < s for f, s in zip(fieldsets, sheets, strict=False)) and all(
        s < f for s, f in zip(sheets, fieldsets[1:], strict=False)
    )


def test_check_buttons_are_hidden_until_the_script_runs_and_feedback_is_polite() -> None:
    html = render(example())
    count = len(example().data["questions"])
    assert (
        len(re.findall(r'<button type="button" [^>]*data-rs-action="check"[^>]*hidden>Check my answer</button>', html))
        == count
    )
    assert html.count('data-rs-feedback="') == count
    assert len(re.findall(r'data-rs-feedback="[a-z-]+" aria-live="polite"', html)) == count
    assert '<div class="rs-summary rs-knowledge-check__summary" data-rs-summary hidden>' in html


def test_nothing_is_scored() -> None:
    text = re.sub(r"<[^>]+>", " ", render(example())).lower()
    assert "%" not in text and "percent" not in text and "you failed" not in text
    assert text.count("score") == text.count("no score") == 1  # the "how it works" note without JavaScript
    assert text.count("pass mark") == text.count("no pass mark") == 2
    # With JavaScript, the note says a plain count of matching choices comes once every question is checked.
    assert "when you have checked every question, you see how many of your choices match the answer key" in text


@pytest.mark.parametrize("path", MODULE_FILES)
def test_every_module_question_links_to_a_heading_of_the_page_that_uses_the_quiz(path: str) -> None:
    """The link's page uses this quiz, and its anchor is the id Markdown gives one of that page's headings
    (the strict build and tests/build check the same anchors on the built pages)."""
    from markdown.extensions.toc import slugify

    file = ROOT / path
    exercise_id = file.stem
    data, _ = check_file(file, path, load_schemas(ROOT / "exercises" / "schema"))
    for question in data["questions"]:
        assert "section" in question, f"{path}: question {question['id']!r} has no section link"
        page, _, anchor = question["section"]["link"].partition("#")
        source = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert f'exercise("{exercise_id}")' in source, f"{page} does not use {exercise_id}"
        headings = [
            re.sub(r"\{\{.*?\}\}", "", line.lstrip("#")).strip()
            for line in source.splitlines()
            if re.match(r"#{2,4} ", line)
        ]
        assert anchor in {slugify(heading, "-") for heading in headings}, (
            f"{path}: #{anchor} is not a heading of {page}"
        )


def test_config_gives_the_script_the_answer_key_and_option_ids() -> None:
    config = knowledge_check.context(EXAMPLE, example().data)["config"]
    assert config["checkedKey"] == "_checked"
    assert config["questions"][1] == {"id": "leave-out", "correct": "b", "options": ["a", "b"]}


@pytest.mark.parametrize("path", MODULE_FILES)
def test_module_files_are_valid(path: str) -> None:
    file = ROOT / path
    if not file.exists():
        pytest.skip(f"{path} is not written yet")
    data, problems = check_file(file, path, load_schemas(ROOT / "exercises" / "schema"))
    assert problems == [] and data["kind"] == "knowledge-check"


def base() -> dict:
    return {
        "kind": "knowledge-check", "title": "A title",
        "questions": [{"id": "one", "text": "Q?", "options": [
            {"id": "a", "text": "A", "correct": True, "explanation": "Yes."},
            {"id": "b", "text": "B", "explanation": "No."},
        ]}],
    }


def test_rules_accept_a_good_definition() -> None:
    assert knowledge_check.check(base()) == []


def test_a_question_needs_an_option_marked_correct() -> None:
    data = base()
    del data["questions"][0]["options"][0]["correct"]
    assert knowledge_check.check(data) == [
        (
            "questions[0].options",
            "no option is marked correct in question 'one'. Add correct: true to the one answer the answer key gives.",
        )
    ]


def test_a_question_may_not_have_two_correct_options() -> None:
    data = base()
    data["questions"][0]["options"][1]["correct"] = True
    [(place, message)] = knowledge_check.check(data)
    assert place == "questions[0].options"
    assert message.startswith("2 options are marked correct in question 'one' (a, b). Keep correct: true on one only.")


def test_correct_false_does_not_count_as_correct() -> None:
    data = base()
    data["questions"][0]["options"][1]["correct"] = False
    assert knowledge_check.check(data) == []


def test_question_and_option_ids_must_be_unique() -> None:
    data = base()
    data["questions"].append({**data["questions"][0]})
    data["questions"][0]["options"][1]["id"] = "a"
    places = [place for place, _ in knowledge_check.check(data)]
    assert "questions[1].id" in places and "questions[0].options[1].id" in places


def test_section_links_must_point_to_a_page_from_the_docs_folder() -> None:
    data = base()
    data["questions"][0]["section"] = {"link": "modules/seven-eyed-model.md#the-seven-eyes", "title": "The seven eyes"}
    assert knowledge_check.check(data) == []
    for bad in ("https://example.org/page.md", "/modules/x.md", "modules/x.html", "modules/x.md#Bad Anchor"):
        data["questions"][0]["section"]["link"] = bad
        assert knowledge_check.check(data)[0][0] == "questions[0].section.link", bad


def test_the_schema_names_a_missing_explanation() -> None:
    data = base()
    del data["questions"][0]["options"][1]["explanation"]
    validator = load_schemas(ROOT / "exercises" / "schema")["knowledge-check"]
    errors = list(validator.iter_errors(data))
    assert [list(e.absolute_path) for e in errors] == [["questions", 0, "options", 1]]
    assert "explanation" in errors[0].message
