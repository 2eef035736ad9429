"""case-review: golden HTML, the four steps in order, the answer key without JavaScript, sources, and its own rules."""

from __future__ import annotations

import re

import yaml

from macros.catalogue import check_file, load_schemas
from macros.kinds import case_review
from tests.helpers import ROOT
from tests.unit.render_helpers import catalogue, check_golden, render

EXAMPLE = "example-case-review-default"
MODULE_FILE = "exercises/learning-from-reviews/case-review-learning.yaml"


def example():
    return catalogue().examples[EXAMPLE]


def test_golden_html() -> None:
    check_golden("case-review")


def test_the_four_steps_come_in_order_with_the_content_note_before_the_summary() -> None:
    html = render(example())
    marks = [
        '<div class="rs-case-review__note" role="note"',
        '<div class="rs-case-review__summary">',
        ">Step 2: Which factors does the review identify?</h4>",
        '<fieldset class="rs-choice rs-case-review__factors">',
        'data-rs-action="compare" hidden>Compare with the answer key</button>',
        '<details class="rs-case-review__key rs-print-open">',
        ">Step 3: Link each factor to a Proctor function</h4>",
        ">Step 4: Reflect on your own practice</h4>",
    ]
    positions = [html.index(mark) for mark in marks]
    assert positions == sorted(positions)
    assert html.index(">Step 1: Read the summary</h4>") < positions[0]
    assert (
        '<p class="rs-case-review__note-title" id="ex-example-case-review-default-note-title"><strong>Content '
        'note</strong></p>' in html
    )


def test_step_2_has_a_labelled_tick_box_per_factor() -> None:
    html = render(example())
    factors = example().data["factors"]
    assert html.count('type="checkbox" id="ex-example-case-review-default-found-') == len(factors)
    for factor in factors:
        control = f"ex-{EXAMPLE}-found-{factor['id']}"
        assert f'id="{control}" name="{control}" value="yes" data-rs-field="found-{factor["id"]}"' in html
        assert f'<label class="rs-choice__label" for="{control}">{factor["label"]}</label>' in html


def test_without_javascript_the_answer_key_is_in_a_closed_box_after_step_2() -> None:
    html = render(example())
    assert "<details open" not in html
    key = html[html.index('<details class="rs-case-review__key rs-print-open">'):html.index("</details>")]
    assert key.count("the review identifies this.") == 3
    assert key.count("the answer key does not list this as a finding of the review.") == 1
    assert (
        'data-rs-key-explanation="inter-agency"><p>The summary used here does not mention working between agencies.'
        in key
    )
    assert (
        '<p class="rs-case-review__how rs-no-js">When you have ticked your answers, open <em>Answer key and '
        'explanations</em>' in html
    )


def test_step_3_offers_the_three_proctor_functions_for_every_factor() -> None:
    html = render(example())
    factors = example().data["factors"]
    assert html.count('type="radio"') == 3 * len(factors)
    for factor in factors:
        assert f'<div class="rs-case-review__mapping" data-rs-mapping="{factor["id"]}">' in html
        for function in ("normative", "formative", "restorative"):
            assert (
                f'name="ex-{EXAMPLE}-function-{factor["id"]}" value="{function}" '
                f'data-rs-field="function-{factor["id"]}"' in html
            )
    assert "Restorative: emotional support and replenishment</label>" in html
    assert (
        "<p class=\"rs-case-review__question\">For each factor you ticked, which of Proctor&#39;s functions "
        "does it mostly belong to?</p>" in html
    )


def test_every_text_box_points_to_the_one_privacy_reminder() -> None:
    html = render(example())
    assert html.count('class="rs-reminder"') == 1
    boxes = 1 + len(example().data["reflection"])
    assert html.count("<textarea") == html.count(f'ex-{EXAMPLE}-reminder"></textarea>') == boxes
    assert html.index('class="rs-reminder"') < html.index("<textarea")


def test_the_source_links_to_its_entry_in_the_reference_list() -> None:
    html = render(example())
    assert '<p class="rs-case-review__source">Source: <a href="references.md#ref-care-inspectorate-2019">' in html


def test_every_case_review_source_is_in_the_reference_list() -> None:
    keys: set[str] = set()
    for path in sorted((ROOT / "data").glob("references*.yaml")):
        keys |= set(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    sources = {}
    for path in sorted((ROOT / "exercises").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("kind") == "case-review":
            sources[path.relative_to(ROOT).as_posix()] = data.get("source")
    assert MODULE_FILE in sources and "exercises/_examples/case-review/default.yaml" in sources
    missing = {path: key for path, key in sources.items() if key not in keys}
    assert missing == {}, f"source keys not in data/references*.yaml: {missing}"


def test_the_module_file_is_valid() -> None:
    data, problems = check_file(ROOT / MODULE_FILE, MODULE_FILE, load_schemas(ROOT / "exercises" / "schema"))
    assert problems == []
    assert len(data["factors"]) == 8
    assert [factor["id"] for factor in data["factors"] if factor["in_review"]] == [
        "frequency", "workload", "senior-access", "recording", "culture-leadership"]


def test_the_mapping_wording_can_be_replaced() -> None:
    data = dict(
        example().data, mapping={"question": "Which function?", "notes_label": "Your notes", "notes_hint": "A hint."}
    )
    values = case_review.context(EXAMPLE, data)
    assert (values["mapping_question"], values["notes_label"], values["notes_hint"]) == (
        "Which function?",
        "Your notes",
        "A hint.",
    )
    assert values["config"]["factors"][3] == {
        "id": "inter-agency",
        "label": "Working between agencies",
        "inReview": False,
    }


def base() -> dict:
    return {
        "kind": "case-review", "title": "A title", "content_note": "N", "summary": "S", "source": "laming-2003",
        "factors": [{"id": "workload", "label": "W", "in_review": True, "explanation": "E"},
                    {"id": "recording", "label": "R", "in_review": False, "explanation": "E"}],
        "reflection": [{"id": "helped", "label": "H"}],
    }


def test_rules_accept_a_good_definition() -> None:
    assert case_review.check(base()) == []
    assert list(load_schemas(ROOT / "exercises" / "schema")["case-review"].iter_errors(base())) == []


def test_factor_and_reflection_ids_must_be_unique() -> None:
    data = base()
    data["factors"][1]["id"] = "workload"
    data["reflection"].append({"id": "helped", "label": "Again"})
    places = [place for place, _ in case_review.check(data)]
    assert places == ["factors[1].id", "reflection[1].id"]


def test_a_reflection_id_may_not_clash_with_the_keys_factors_save_under() -> None:
    data = base()
    data["reflection"] = [{"id": "found-workload", "label": "A"}, {"id": "mapping-notes", "label": "B"}]
    assert case_review.check(data) == [
        (
            "reflection[0].id",
            "the id 'found-workload' is already used by the tick box of factor 'workload'. Give this prompt "
            "another id.",
        ),
        (
            "reflection[1].id",
            "the id 'mapping-notes' is already used by the step 3 notes box. Give this prompt another id.",
        ),
    ]


def test_the_schema_requires_an_answer_key_for_every_factor() -> None:
    data = base()
    del data["factors"][0]["in_review"]
    errors = list(load_schemas(ROOT / "exercises" / "schema")["case-review"].iter_errors(data))
    assert [list(e.absolute_path) for e in errors] == [["factors", 0]] and "in_review" in errors[0].message


def test_nothing_is_scored() -> None:
    text = re.sub(r"<[^>]+>", " ", render(example())).lower()
    assert "%" not in text and "score" not in text and "pass mark" not in text
