"""smart-goal: golden HTML, a printable blank worksheet, and the review window rule."""

from __future__ import annotations

from markupsafe import escape

from macros.kinds import smart_goal
from macros.strings import default_strings
from tests.unit.render_helpers import catalogue, check_golden, render


def test_golden_html() -> None:
    check_golden("smart-goal")


def test_blank_worksheet_has_every_smart_field_for_each_blank_goal() -> None:
    example = catalogue().examples["example-smart-goal-default"]
    html = render(example).split("<template", 1)[0]
    assert html.count('<fieldset class="rs-goal"') == example.data["blank_goals"]
    strings = default_strings()
    for name, label_key, _ in smart_goal.GOAL_FIELDS:
        assert f'for="ex-example-smart-goal-default-g1-{name}">{escape(strings[label_key])}</label>' in html
    assert 'type="date"' in html
    for status in smart_goal.GOAL_STATUSES:
        assert f'value="{status["id"]}" data-rs-field="status"' in html
        assert (
            f'for="ex-example-smart-goal-default-g1-status-{status["id"]}">{escape(strings[status["label_key"]])}</label>'
            in html
        )


def test_the_worksheet_takes_its_words_from_the_interface_strings() -> None:
    """Field labels and status choices are strings an organisation can change; the statuses are My learning's."""
    assert [key for _, key, _ in smart_goal.GOAL_FIELDS] == [
        f"smart_goal_field_{name}" for name, _, _ in smart_goal.GOAL_FIELDS
    ]
    assert [status["label_key"] for status in smart_goal.GOAL_STATUSES] == [
        "goal_status_not_started", "goal_status_in_progress", "goal_status_achieved", "goal_status_revised"]
    assert [default_strings()[status["label_key"]] for status in smart_goal.GOAL_STATUSES] == [
        "Not started", "In progress", "Achieved", "Revised"]


def test_the_goal_template_is_inert_until_used() -> None:
    html = render(catalogue().examples["example-smart-goal-default"])
    template = html.split("<template data-rs-goal-template>", 1)[1].split("</template>", 1)[0]
    assert 'data-rs-goal="__GOAL__"' in template and "__N__" in template


def test_review_window_must_be_a_window() -> None:
    assert smart_goal.check({"review_months": {"min": 6, "max": 3}}) == [
        ("review_months", "min must be smaller than max, for example min: 3 and max: 6.")]
    assert smart_goal.check({"review_months": {"min": 3, "max": 6}}) == []
