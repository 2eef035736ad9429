"""activity-timer: golden HTML, the printed plan with timings, the JavaScript-only clock and controls, and its rules."""

from __future__ import annotations

from pathlib import Path

from macros.catalogue import Exercise, check_file, load_schemas
from macros.kinds import activity_timer
from tests.helpers import ROOT
from tests.unit.render_helpers import catalogue, check_golden, render

EXAMPLE = "example-activity-timer-default"
UID = f"ex-{EXAMPLE}"


def test_golden_html() -> None:
    check_golden("activity-timer")


def test_without_javascript_the_phases_read_as_a_timed_plan() -> None:
    html = render(catalogue().examples[EXAMPLE])
    assert '<p class="rs-activity-timer__total">4 phases, 20 minutes in all.</p>' in html
    plan = html.split('<ol class="rs-activity-timer__phases">', 1)[1].split("</ol>", 1)[0]
    assert plan.count("<li ") == 4
    for when, label, length in [
        ("0 to 5 min", "Presentation", "5 minutes"),
        ("5 to 8 min", "Clarifying questions", "3 minutes"),
        ("8 to 16 min", "Group discussion", "8 minutes"),
        ("16 to 20 min", "Presenter reflects", "4 minutes"),
    ]:
        assert (
            f'<span class="rs-activity-timer__when">{when}</span> <strong '
            f'class="rs-activity-timer__label">{label}</strong> '
            f'<span class="rs-activity-timer__length">({length})</span>'
        ) in plan
    assert "<strong>Nobody interrupts.</strong>" in plan  # guidance is Markdown
    assert "Keep the details of the case in the room." in html


def test_clock_and_controls_are_javascript_only_and_labelled() -> None:
    html = render(catalogue().examples[EXAMPLE])
    panel = html.split('<div class="rs-activity-timer__panel rs-js-only" data-rs-timer-panel hidden>', 1)[1].split(
        "</ol>", 1
    )[0]
    assert (
        '<p class="rs-activity-timer__clock" role="timer" aria-label="Time left in this phase" data-rs-clock>05:00</p>'
        in panel
    )
    assert '<p class="rs-activity-timer__phase" data-rs-phase-name>Phase 1 of 4: Presentation</p>' in panel
    for action, text in [("toggle", "Start"), ("next", "Next phase"), ("reset", "Reset")]:
        assert f'data-rs-timer="{action}">{text}</button>' in panel
    # Sound is offered, and off until chosen.
    assert f'<input type="checkbox" id="{UID}-sound" data-rs-timer-sound>' in panel
    assert f'<label for="{UID}-sound">Play a gentle sound when a phase ends</label>' in panel
    # Phase changes are announced politely, never as an alert.
    assert '<p class="rs-visually-hidden" data-rs-announce aria-live="polite"></p>' in panel


def test_a_timer_keeps_no_answers_so_it_has_no_save_notice_flag_or_clear_button() -> None:
    html = render(catalogue().examples[EXAMPLE])
    assert "data-rs-actions" not in html and "data-rs-flag" not in html and 'data-rs-action="clear"' not in html
    assert "rs-exercise__privacy" not in html
    assert activity_timer.RECORDS_ANSWERS is False


def test_config_for_the_script() -> None:
    data = catalogue().examples[EXAMPLE].data
    assert activity_timer.context(EXAMPLE, data)["config"] == {"phases": [
        {"id": "presentation", "label": "Presentation", "minutes": 5},
        {"id": "questions", "label": "Clarifying questions", "minutes": 3},
        {"id": "discussion", "label": "Group discussion", "minutes": 8},
        {"id": "reflection", "label": "Presenter reflects", "minutes": 4},
    ]}


def test_a_one_minute_phase_is_written_in_the_singular() -> None:
    data = dict(catalogue().examples[EXAMPLE].data)
    data["phases"] = [dict(data["phases"][0], minutes=1), dict(data["phases"][1], minutes=10)]
    html = render(Exercise("x", "activity-timer", data, "x.yaml"))
    assert '<span class="rs-activity-timer__length">(1 minute)</span>' in html
    assert '<span class="rs-activity-timer__length">(10 minutes)</span>' in html
    assert '<p class="rs-activity-timer__total">2 phases, 11 minutes in all.</p>' in html


def test_module_timers_validate_and_render() -> None:
    discussion = catalogue().exercises["reflective-case-discussion"]
    role_play = catalogue().exercises["desc-role-play"]
    assert discussion.kind == role_play.kind == "activity-timer"
    assert "Group discussion while the presenter listens" in render(discussion)
    html = render(role_play)
    assert "Round 1: role-play" in html and "Round 2: swap roles and role-play" in html
    assert activity_timer.total_minutes(role_play.data) == 30


def base() -> dict:
    return {
        "kind": "activity-timer",
        "title": "T",
        "phases": [
            {"id": "a", "label": "A", "minutes": 5, "guidance": "g"},
            {"id": "b", "label": "B", "minutes": 5, "guidance": "g"},
        ],
    }


def test_rules_accept_a_good_definition_and_refuse_duplicates_and_overlong_activities() -> None:
    assert activity_timer.check(base()) == []
    data = base()
    data["phases"][1]["id"] = "a"
    assert activity_timer.check(data) == [
        ("phases[1].id", "the id 'a' is used twice. Every id in a file must be different.")
    ]
    data = base()
    data["phases"] = [{"id": f"p{n}", "label": "P", "minutes": 60, "guidance": "g"} for n in range(4)]
    assert activity_timer.check(data) == [
        ("phases", "the phases add up to 240 minutes; keep one activity to 180 minutes or less.")
    ]


def test_schema_names_a_missing_guidance_a_bad_length_and_an_unknown_field(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "kind: activity-timer\ntitle: A timer\nphases:\n"
        "  - {id: a, label: A, minutes: 0, guidance: g}\n  - {id: b, label: B, minutes: 5, sound: yes}\n",
        encoding="utf-8",
    )
    data, problems = check_file(path, "broken.yaml", load_schemas(ROOT / "exercises" / "schema"))
    assert data is None
    found = {problem.place: problem.message for problem in problems}
    assert found["phases[0].minutes"] == "0 is out of range (minimum 1)."
    second = [problem.message for problem in problems if problem.place == "phases[1]"]
    assert any('"guidance" is missing' in message for message in second)
    assert any('unknown field "sound"' in message for message in second)
