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


def test_tally_golden_html() -> None:
    check_golden("reflection", "tally")


def test_tally_renders_a_table_and_a_key_that_read_without_javascript() -> None:
    html = render(catalogue().examples["example-reflection-tally"])
    assert '<th scope="col">Kind of week</th>' in html and '<tr data-rs-tally-row="busy"><th scope="row">Busy</th>' in html
    # The key names every statement under its group, so a reader without JavaScript (or on paper) can count.
    key = html[html.index('class="rs-tally__key"'):]
    assert key.index("<dt>Calm</dt>") < key.index("<dd>Help was there whenever I asked.</dd>") < key.index("<dt>Busy</dt>")
    assert 'data-rs-tally-feedback="stretched" hidden' in html and "data-rs-tally-mixed hidden" in html


def test_tally_choices_must_exist_and_count_once() -> None:
    data = {"prompts": [{"id": "a", "label": "A", "choices": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}]}],
            "tally": {"groups": [{"id": "one", "label": "One", "choices": ["x", "z"]},
                                 {"id": "two", "label": "Two", "choices": ["x"]}]}}
    problems = dict(reflection.check(data))
    assert "no prompt has a choice with the id 'z'" in problems["tally.groups[0].choices[1]"]
    assert "x, y" in problems["tally.groups[0].choices[1]"]
    assert problems["tally.groups[1].choices[0]"] == "'x' already counts for the group 'one'. A choice counts for one group only."


def test_tally_config_lists_the_counted_prompts_and_groups() -> None:
    config = reflection.context("e", catalogue().examples["example-reflection-tally"].data)["config"]
    assert config["tally"]["prompts"] == ["pace", "support"]
    assert [g["id"] for g in config["tally"]["groups"]] == ["calm", "busy", "stretched"]
