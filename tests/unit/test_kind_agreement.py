"""agreement: golden HTML, a fieldset per section, essentials named in words, print-only signatures, and its rules."""

from __future__ import annotations

import copy
import dataclasses
import re

import pytest

from macros.catalogue import load_schemas
from macros.kinds import agreement
from tests.helpers import ROOT
from tests.unit.render_helpers import catalogue, check_golden, render

EXAMPLE = "example-agreement-default"
UID = f"ex-{EXAMPLE}"


def test_golden_html() -> None:
    check_golden("agreement")


def test_each_section_is_a_fieldset_whose_legend_holds_its_heading() -> None:
    example = catalogue().examples[EXAMPLE]
    html = render(example)
    sections = re.findall(
        r'<fieldset class="rs-agreement__section" data-rs-part data-rs-section="([a-z-]+)">\n'
        r'<legend class="rs-agreement__legend"><h4 class="rs-agreement__heading">([^<]+)</h4></legend>',
        html,
    )
    assert sections == [(s["id"], s["title"]) for s in example.data["sections"]]


def test_every_type_of_field_renders_its_labelled_control() -> None:
    html = render(catalogue().examples[EXAMPLE])
    essential = ' <span class="rs-agreement__essential">(essential)</span>'
    assert (
        f'<label class="rs-field__label" for="{UID}-frequency">How often we will meet{essential}</label>\n'
        f'<p class="rs-field__hint" id="{UID}-frequency-hint">For example, every two weeks for ninety minutes.</p>\n'
        f'<input class="rs-input rs-input--text" type="text" id="{UID}-frequency" name="{UID}-frequency" '
        'data-rs-field="frequency" '
        f'aria-describedby="{UID}-frequency-hint {UID}-reminder">'
    ) in html
    assert f'name="{UID}-review-date" data-rs-field="review-date">' in html  # a date holds no free text: no reminder
    assert '<legend class="rs-choice__legend">How we will usually meet</legend>' in html
    assert (f'<input class="rs-choice__input" type="radio" id="{UID}-format-a-mix-of-both" name="{UID}-format" '
            f'value="a-mix-of-both" data-rs-field="format">\n'
            f'<label class="rs-choice__label" for="{UID}-format-a-mix-of-both">A mix of both</label>') in html
    assert (
        f'<textarea class="rs-textarea" id="{UID}-record-storage" name="{UID}-record-storage" rows="3" '
        f'data-rs-field="record-storage" aria-describedby="{UID}-reminder"></textarea>' in html
    )
    assert f'for="{UID}-review-date">Date of our first review{essential}</label>' in html
    assert f'type="date" id="{UID}-review-date" name="{UID}-review-date"' in html
    assert html.count("(essential)</span>") == 3


def test_signature_and_date_lines_for_both_parties_come_after_the_sections() -> None:
    html = render(catalogue().examples[EXAMPLE])
    block = html.split(f'<div class="rs-agreement__signatures" id="{UID}-signatures">', 1)[1].split("<section", 1)[0]
    assert re.findall(r'<p class="rs-agreement__party-name">(\w+)</p>', block) == ["Supervisor", "Supervisee"]
    assert block.count('<p class="rs-agreement__line">Signature</p>\n<p class="rs-agreement__line">Date</p>') == 2
    assert html.rindex("</fieldset>") < html.index("rs-agreement__signatures") < html.index("rs-agreement__summary")


def test_summary_and_print_button_wait_for_javascript() -> None:
    html = render(catalogue().examples[EXAMPLE])
    assert '<button type="button" class="rs-button" data-rs-action="print" hidden>Print this agreement</button>' in html
    assert f'<p class="rs-agreement__count" id="{UID}-count" data-rs-count aria-live="polite"></p>' in html
    assert '<div class="rs-js-only" hidden>' in html
    assert '<p class="rs-no-js">Fields marked (essential) are the ones most often missed.' in html


def test_config_lists_every_field_with_its_label_and_focus_target() -> None:
    example = catalogue().examples[EXAMPLE]
    config = agreement.context(EXAMPLE, example.data)["config"]
    assert config["fields"] == [
        {"id": "frequency", "label": "How often we will meet", "essential": True, "target": f"{UID}-frequency"},
        {"id": "format", "label": "How we will usually meet", "essential": False, "target": f"{UID}-format-in-person"},
        {
            "id": "record-content",
            "label": "What goes in the supervision record",
            "essential": True,
            "target": f"{UID}-record-content",
        },
        {
            "id": "record-storage",
            "label": "Where the record is kept",
            "essential": False,
            "target": f"{UID}-record-storage",
        },
        {"id": "review-date", "label": "Date of our first review", "essential": True, "target": f"{UID}-review-date"},
    ]
    html = render(example)
    for field in config["fields"]:
        assert f'id="{field["target"]}"' in html


def test_the_module_agreement_validates_with_its_five_essentials() -> None:
    exercise = catalogue().exercises["supervision-agreement"]
    fields = agreement.context(exercise.id, exercise.data)["config"]["fields"]
    assert [f["id"] for f in fields if f["essential"]] == [
        "frequency", "record-content", "confidentiality-limits", "resolving-steps", "review-date"]
    html = render(exercise)
    assert html.count('<fieldset class="rs-agreement__section"') == len(exercise.data["sections"])
    assert html.count('data-rs-field="') == sum(
        len(f.get("choices", [])) or 1 for s in exercise.data["sections"] for f in s["fields"]
    )


def base() -> dict:
    return {"kind": "agreement", "title": "T", "sections": [
        {"id": "one", "title": "One", "fields": [
            {"id": "a", "label": "A", "type": "text"},
            {"id": "b", "label": "B", "type": "choice", "choices": ["Yes", "No"]},
        ]},
        {"id": "two", "title": "Two", "fields": [{"id": "c", "label": "C", "type": "date", "essential": True}]},
    ]}


def test_rules_accept_a_good_definition() -> None:
    assert agreement.check(base()) == []


def test_section_and_field_ids_must_be_unique_across_the_file() -> None:
    data = base()
    data["sections"][1]["fields"].append({"id": "a", "label": "Again", "type": "text"})
    data["sections"][1]["id"] = "b"
    assert agreement.check(data) == [
        (
            "sections[1].id",
            "the id 'b' is already used by sections[0].fields[1].id. Every section and field id in a file must "
            "be different.",
        ),
        (
            "sections[1].fields[1].id",
            "the id 'a' is already used by sections[0].fields[0].id. Every section and field id in a file must "
            "be different.",
        ),
    ]
    data = base()
    data["sections"][1]["id"] = "one"
    assert agreement.check(data)[0][0] == "sections[1].id"


def test_choices_go_only_and_always_with_type_choice() -> None:
    data = base()
    data["sections"][0]["fields"][0]["choices"] = ["x", "y"]
    del data["sections"][0]["fields"][1]["choices"]
    assert agreement.check(data) == [
        (
            "sections[0].fields[0].choices",
            "only a field with type: choice has choices. Remove them, or change type: text to type: choice.",
        ),
        (
            "sections[0].fields[1].choices",
            'a field with type: choice needs choices, for example choices: ["Yes", "No"].',
        ),
    ]


def test_choices_that_give_the_same_id_are_reported() -> None:
    data = base()
    data["sections"][0]["fields"][1]["choices"] = ["Not sure", "Yes", "not sure!"]
    assert agreement.check(data) == [
        (
            "sections[0].fields[1].choices[2]",
            "'not sure!' saves the same value ('not-sure') as an earlier choice (choices are compared ignoring "
            "capitals and punctuation, or by their id). Make each choice different.",
        )
    ]
    data["sections"][0]["fields"][1]["choices"] = ["Not sure", {"id": "not-sure", "label": "Unsure"}]
    assert agreement.check(data)[0][0] == "sections[0].fields[1].choices[1]"


@pytest.mark.parametrize(("field_id", "clash"), [("reminder", None), ("a-hint", "a-hint"), ("b-yes", "b-yes")])
def test_ids_the_page_already_uses_are_refused(field_id: str, clash: str | None) -> None:
    data = copy.deepcopy(base())
    data["sections"][1]["fields"][0]["id"] = field_id
    problems = agreement.check(data)
    assert len(problems) == 1 and problems[0][0] == "sections[1].fields[0].id"
    if clash is None:
        assert problems[0][1] == "the id 'reminder' is used by the agreement itself. Choose another id."
    else:
        assert f"makes the page id {clash!r}" in problems[0][1]


def test_choice_ids_are_slugs_of_the_text() -> None:
    assert agreement.choice_id("Proctor's three functions: normative, formative, restorative", 0) == \
        "proctor-s-three-functions-normative-formative-restorative"
    assert agreement.choice_id("?", 2) == "choice-3"


def test_a_reworded_choice_keeps_its_saved_value_through_its_id() -> None:
    """A choice written as {id, label} saves its id, so rewording the label keeps earlier answers; the schema
    accepts both forms and refuses an id that is not a short form."""
    data = base()
    data["sections"][0]["fields"][1]["choices"] = [{"id": "by-video", "label": "On a video call"}, "In person"]
    assert agreement.check(data) == []
    assert agreement.choice_entries(data["sections"][0]["fields"][1]) == [
        {"id": "by-video", "label": "On a video call"}, {"id": "in-person", "label": "In person"}]
    options = agreement.context("x", data)["options"][data["sections"][0]["fields"][1]["id"]]
    assert [option["id"] for option in options] == ["by-video", "in-person"]

    example = catalogue().examples[EXAMPLE]
    definition = copy.deepcopy(example.data)
    field = next(f for section in definition["sections"] for f in section["fields"] if f["type"] == "choice")
    field["choices"][0] = {"id": "kept-value", "label": "Reworded"}
    validator = load_schemas(ROOT / "exercises" / "schema")["agreement"]
    assert list(validator.iter_errors(definition)) == []
    html = render(dataclasses.replace(example, data=definition))
    assert 'value="kept-value"' in html and "Reworded" in html
    field["choices"][0] = {"id": "Not A Slug", "label": "Reworded"}
    assert list(validator.iter_errors(definition)) != []
