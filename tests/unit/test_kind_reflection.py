"""reflection: golden HTML, the privacy reminder, choices and signposting."""

from __future__ import annotations

from macros.kinds import reflection
from tests.unit.render_helpers import catalogue, check_golden, render


def test_golden_html() -> None:
    check_golden("reflection")


def test_every_text_box_points_to_the_privacy_reminder() -> None:
    html = render(catalogue().examples["example-reflection-default"])
    assert 'id="ex-example-reflection-default-reminder"' in html
    assert html.count("<textarea") == html.count('ex-example-reflection-default-reminder"></textarea>') == 3


def test_choices_render_as_a_labelled_radio_group_before_the_text() -> None:
    html = render(catalogue().examples["example-reflection-default"])
    assert '<legend class="rs-prompt__label">Which statement is closest to how the session felt?</legend>' in html
    assert html.index('value="steady"') < html.index('id="ex-example-reflection-default-closest"')


def test_signposting_and_model_answers_show_without_javascript() -> None:
    html = render(catalogue().examples["example-reflection-default"])
    assert "Support route <strong>two</strong>." in html
    assert "<summary>Compare with some possible answers</summary>" in html


def test_duplicate_choice_ids_are_reported() -> None:
    data = {"prompts": [{"id": "a", "label": "A", "choices": [{"id": "x", "label": "X"}, {"id": "x", "label": "Y"}]}]}
    assert reflection.check(data) == [("prompts[0].choices[1].id", "the id 'x' is used twice. Every id in a file must be different.")]
