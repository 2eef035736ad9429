"""self-assessment: golden HTML, the no-JavaScript guidance, and its own rules."""

from __future__ import annotations

from macros.catalogue import check_file, load_schemas
from macros.kinds import self_assessment
from tests.helpers import ROOT
from tests.unit.render_helpers import catalogue, check_golden, render


def test_golden_html() -> None:
    check_golden("self-assessment")


def test_golden_html_balance() -> None:
    check_golden("self-assessment", "balance")


def test_every_statement_is_a_fieldset_with_the_whole_labelled_scale() -> None:
    example = catalogue().examples["example-self-assessment-default"]
    html = render(example)
    items = [item for dimension in example.data["dimensions"] for item in dimension["items"]]
    assert html.count('<fieldset class="rs-scale"') == len(items)
    for item in items:
        assert f'<legend class="rs-scale__legend">{item["text"]}</legend>' in html
    assert html.count('type="radio"') == len(items) * len(example.data["scale"]) + len(example.data["perspectives"])


def test_without_javascript_the_profile_can_be_worked_out_by_hand() -> None:
    html = render(catalogue().examples["example-self-assessment-default"])
    assert "add up your ratings in each group" in html
    assert "Less room (average up to 1.5)" in html


def base() -> dict:
    return {
        "kind": "self-assessment", "title": "T", "caveat": "C",
        "scale": [{"value": 1, "label": "a"}, {"value": 2, "label": "b"}, {"value": 3, "label": "c"}],
        "dimensions": [{"id": "one", "title": "One", "items": [{"id": "x", "text": "X"}]}],
        "bands": [{"upto": 2, "label": "Low", "text": "t"}, {"upto": 3, "label": "High", "text": "t"}],
    }


def test_rules_accept_a_good_definition() -> None:
    assert self_assessment.check(base()) == []


def test_bands_must_rise_and_reach_the_top_of_the_scale() -> None:
    data = base()
    data["bands"] = [{"upto": 2, "label": "Low", "text": "t"}, {"upto": 2.5, "label": "Mid", "text": "t"}]
    assert self_assessment.check(data) == [("bands[1].upto", "the last band must reach the top of the scale (3).")]
    data["bands"] = [{"upto": 3, "label": "Low", "text": "t"}, {"upto": 2, "label": "Mid", "text": "t"}]
    assert self_assessment.check(data)[0][0] == "bands"


def test_suggest_bands_need_suggestions_everywhere() -> None:
    data = base()
    data["bands"][0]["suggest"] = True
    assert self_assessment.check(data) == [
        ("dimensions[0].suggestions", "a band has suggest: true, so every dimension needs suggestions.")
    ]


def test_item_ids_must_be_unique_across_dimensions() -> None:
    data = base()
    data["dimensions"].append({"id": "two", "title": "Two", "items": [{"id": "x", "text": "Y"}]})
    problems = self_assessment.check(data)
    assert ("dimensions[1].items[0].id", "the id 'x' is already used at dimensions[0].items[0].id. "
            "Every statement needs its own id, across all groups.") in problems


def balanced() -> dict:
    data = {**base(), "title": "A title"}
    data["scale"] = [{"value": 0, "label": "Not at all"}, {"value": 1, "label": "Once"}, {"value": 2, "label": "Often"}]
    data["bands"] = [{"upto": 1, "label": "Low", "text": "t"}, {"upto": 2, "label": "High", "text": "t"}]
    data["dimensions"] = [
        {"id": "one", "title": "One", "items": [{"id": "x", "text": "X", "name": "Ex"}]},
        {"id": "two", "title": "Two", "items": [{"id": "y", "text": "Y", "name": "Why"}]},
    ]
    data["balance"] = {"note": "No balance is ideal.", "zero": {"text": "Z"}, "over": {"share": 40, "text": "O"}}
    return data


def test_a_balance_is_accepted_and_gives_the_script_its_prompts_and_short_names() -> None:
    data = balanced()
    assert self_assessment.check(data) == []
    config = self_assessment.context("e", data)["config"]
    assert config["balance"] == {"zero": True, "zeroLabel": "Not at all", "over": 40, "names": {"x": "Ex", "y": "Why"}}
    del data["balance"]["zero"], data["balance"]["over"], data["dimensions"][1]["items"][0]["name"]
    # Without prompts a short name is optional: the statement's text stands in.
    assert self_assessment.context("e", data)["config"]["balance"] == {
        "zero": False,
        "zeroLabel": "Not at all",
        "over": None,
        "names": {"x": "Ex", "y": "Y"},
    }
    # Without a balance block the script's settings are unchanged.
    assert "balance" not in self_assessment.context("e", base())["config"]


def test_a_balance_needs_a_scale_from_0_two_groups_and_short_names_for_its_prompts() -> None:
    data = balanced()
    data["scale"][0]["value"] = -1
    data["dimensions"] = data["dimensions"][:1]
    del data["dimensions"][0]["items"][0]["name"]
    problems = self_assessment.check(data)
    assert [place for place, _ in problems] == ["balance", "balance", "dimensions[0].items[0].name"]
    assert "must start at 0" in problems[0][1] and "at least two dimensions" in problems[1][1]
    assert "needs a short name, for example name: Prescriptive." in problems[2][1]
    # A balance with only its note names no statements, so it needs no short names.
    data = balanced()
    data["balance"] = {"note": "N"}
    del data["dimensions"][0]["items"][0]["name"]
    assert self_assessment.check(data) == []


def test_the_schema_checks_the_balance_block() -> None:
    validator = load_schemas(ROOT / "exercises" / "schema")["self-assessment"]
    data = balanced()
    assert list(validator.iter_errors(data)) == []
    data["balance"]["over"]["share"] = 100
    data["balance"]["zero"] = {}
    paths = sorted(list(error.absolute_path) for error in validator.iter_errors(data))
    assert paths == [["balance", "over", "share"], ["balance", "zero"]]


def test_without_javascript_the_balance_says_what_it_will_show_and_when_each_prompt_applies() -> None:
    html = render(catalogue().examples["example-self-assessment-balance"])
    assert "this part shows each group&#39;s share of all your ratings added together" in html
    assert "add up all your ratings. Then add up each group&#39;s ratings and divide by the first total." in html
    assert "<strong>If you rated any statement 0 (Not at all):</strong>" in html
    assert "<strong>If one statement has more than 40% of all your ratings added together:</strong>" in html
    # The results area starts hidden, with a polite live region for the shares and prompts.
    assert '<div class="rs-balance__output" data-rs-balance hidden>' in html
    assert '<div class="rs-balance__feedback" data-rs-balance-feedback aria-live="polite"></div>' in html
    assert "no-js" not in html.split("data-rs-balance hidden")[1].split("</div>")[0]


def test_heron_balance_uses_the_balance_and_links_to_the_developmental_reflection() -> None:
    path = "exercises/supervision-models/heron-intervention-balance.yaml"
    data, problems = check_file(ROOT / path, path, load_schemas(ROOT / "exercises" / "schema"))
    assert problems == []
    assert [d["id"] for d in data["dimensions"]] == ["authoritative", "facilitative"]
    assert data["balance"]["over"]["share"] == 40 and "zero" in data["balance"]
    assert "no ideal ratio" in data["balance"]["note"].lower()
    assert "(modules/supervision-models.md#ex-developmental-level-reflection)" in data["balance"]["note"]
    names = [item["name"] for d in data["dimensions"] for item in d["items"]]
    assert names == ["Prescriptive", "Informative", "Confronting", "Cathartic", "Catalytic", "Supportive"]
