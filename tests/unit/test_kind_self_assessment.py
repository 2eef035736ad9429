"""self-assessment: golden HTML, the no-JavaScript guidance, and its own rules."""

from __future__ import annotations

from macros.kinds import self_assessment
from tests.unit.render_helpers import catalogue, check_golden, render


def test_golden_html() -> None:
    check_golden("self-assessment")


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
    assert self_assessment.check(data) == [("dimensions[0].suggestions", "a band has suggest: true, so every dimension needs suggestions.")]


def test_item_ids_must_be_unique_across_dimensions() -> None:
    data = base()
    data["dimensions"].append({"id": "two", "title": "Two", "items": [{"id": "x", "text": "Y"}]})
    assert any("used twice" in message for _, message in self_assessment.check(data))
