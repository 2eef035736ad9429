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
    assert reflection.check(data) == [
        ("prompts[0].choices[1].id", "the id 'x' is used twice. Every id in a file must be different.")
    ]


def test_tally_golden_html() -> None:
    check_golden("reflection", "tally")


def test_tally_renders_a_table_and_a_key_that_read_without_javascript() -> None:
    html = render(catalogue().examples["example-reflection-tally"])
    assert (
        '<th scope="col">Kind of week</th>' in html and '<tr data-rs-tally-row="busy"><th scope="row">Busy</th>' in html
    )
    # The key names every statement under its group, so a reader without JavaScript (or on paper) can count.
    key = html[html.index('class="rs-tally__key"'):]
    assert (
        key.index("<dt>Calm</dt>") < key.index("<dd>Help was there whenever I asked.</dd>") < key.index("<dt>Busy</dt>")
    )
    assert 'data-rs-tally-feedback="stretched" hidden' in html and "data-rs-tally-mixed hidden" in html


def test_tally_choices_must_exist_and_count_once() -> None:
    data = {"prompts": [{"id": "a", "label": "A", "choices": [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}]}],
            "tally": {"groups": [{"id": "one", "label": "One", "choices": ["x", "z"]},
                                 {"id": "two", "label": "Two", "choices": ["x"]}]}}
    problems = dict(reflection.check(data))
    assert "no prompt has a choice with the id 'z'" in problems["tally.groups[0].choices[1]"]
    assert "x, y" in problems["tally.groups[0].choices[1]"]
    assert (
        problems["tally.groups[1].choices[0]"]
        == "'x' already counts for the group 'one'. A choice counts for one group only."
    )


def test_tally_config_lists_the_counted_prompts_and_groups() -> None:
    config = reflection.context("e", catalogue().examples["example-reflection-tally"].data)["config"]
    assert config["tally"]["prompts"] == ["pace", "support"]
    assert [g["id"] for g in config["tally"]["groups"]] == ["calm", "busy", "stretched"]


def test_list_and_date_golden_html() -> None:
    check_golden("reflection", "list-and-date")


def test_a_date_prompt_is_a_labelled_date_field_with_its_hint_and_earlier_answer_note() -> None:
    html = render(catalogue().examples["example-reflection-list-and-date"])
    uid = "ex-example-reflection-list-and-date"
    assert (
        f'<input class="rs-input rs-input--date" type="date" id="{uid}-by-when" name="{uid}-by-when" '
        'data-rs-field="by-when" '
        f'aria-describedby="{uid}-by-when-hint {uid}-by-when-earlier">'
    ) in html
    assert f'<label class="rs-field__label" for="{uid}-by-when">By when will you take that step?</label>' in html
    assert f'<p class="rs-prompt__earlier" id="{uid}-by-when-earlier" data-rs-earlier="by-when" hidden></p>' in html
    assert html.count("<textarea") == 2


def test_min_items_says_how_many_under_the_question_linked_to_the_box_with_a_live_count_for_the_script() -> None:
    html = render(catalogue().examples["example-reflection-list-and-date"])
    uid = "ex-example-reflection-list-and-date"
    assert (
        f'<p class="rs-field__hint rs-field__note" id="{uid}-ideas-note">Aim for at least 3, one on each line.</p>'
        in html
    )
    assert f'aria-describedby="{uid}-ideas-hint {uid}-ideas-note {uid}-reminder"' in html
    assert '<p class="rs-prompt__items rs-js-only" data-rs-items="ideas" aria-live="polite" hidden></p>' in html
    config = reflection.context("e", catalogue().examples["example-reflection-list-and-date"].data)["config"]
    assert config["prompts"] == [
        {"id": "ideas", "nudge": True, "choices": False, "minItems": 3},
        {"id": "first-step", "nudge": False, "choices": False},
        {"id": "by-when", "nudge": True, "choices": False, "date": True},
    ]


def test_a_date_prompt_takes_no_text_box_options() -> None:
    data = {"prompts": [{"id": "when", "label": "When?", "type": "date", "rows": 3, "min_items": 2,
                         "choices": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}]}
    problems = dict(reflection.check(data))
    assert set(problems) == {"prompts[0].choices", "prompts[0].rows", "prompts[0].min_items"}
    assert (
        problems["prompts[0].rows"]
        == "a prompt with type: date has no rows. Remove rows, or remove type: date to ask for text."
    )


def test_the_grow_planner_asks_for_three_options_a_date_and_links_to_the_smart_goal_worksheet() -> None:
    """E15 (brief §3.2): at least three options, and Will has a date; it offers to turn Will into E10. Prompt ids,
    under which answers are saved, stay as they were."""
    grow = catalogue().exercises["grow-planner"]
    prompts = {p["id"]: p for p in grow.data["prompts"]}
    assert list(prompts) == ["goal", "reality", "options", "will-action", "will-when", "will-obstacles", "will-support"]
    assert prompts["options"]["min_items"] == 3
    assert prompts["will-when"]["type"] == "date"
    html = render(grow)
    assert 'type="date" id="ex-grow-planner-will-when"' in html
    # The link is written from the docs folder; the build makes it relative to the page it appears on.
    assert (
        '<a href="modules/implementing-good-supervision.md#ex-supervision-smart-goals">SMART goal worksheet</a>' in html
    )
    assert "ex-supervision-smart-goals" in {f"ex-{id_}" for id_ in catalogue().exercises}
