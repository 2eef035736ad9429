"""SMART goal worksheet: several goals with S/M/A/R/T fields and advice checks."""

from __future__ import annotations

from typing import Any

NAME = "smart-goal"

DEFAULT_EVIDENCE = ["feedback", "observation", "record", "audit", "survey", "checklist", "self-assessment"]
DEFAULT_VAGUE = ["improve", "be better at", "try to", "work on", "get better"]

# The fields of one goal, in order: (field id, interface string of its label, kind of control).
GOAL_FIELDS: list[tuple[str, str, str]] = [
    ("goal", "smart_goal_field_goal", "textarea"),
    ("specific", "smart_goal_field_specific", "textarea"),
    ("measurable", "smart_goal_field_measurable", "textarea"),
    ("achievable", "smart_goal_field_achievable", "textarea"),
    ("relevant", "smart_goal_field_relevant", "textarea"),
    ("time_bound", "smart_goal_field_time_bound", "date"),
    ("partner", "smart_goal_field_partner", "text"),
    ("record", "smart_goal_field_record", "text"),
]

# How far a goal has got; shown as a radio group in each goal. The labels are the strings My learning uses
# for a goal's status (lib/entries.js), so both say the same.
GOAL_STATUSES: list[dict[str, str]] = [
    {"id": "not-started", "label_key": "goal_status_not_started"},
    {"id": "in-progress", "label_key": "goal_status_in_progress"},
    {"id": "achieved", "label_key": "goal_status_achieved"},
    {"id": "revised", "label_key": "goal_status_revised"},
]


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check that the review window is a real window."""
    window = data.get("review_months")
    if window and window["min"] >= window["max"]:
        return [("review_months", "min must be smaller than max, for example min: 3 and max: 6.")]
    return []


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the goal fields (labels as interface strings) and the script its checking rules."""
    window = data.get("review_months", {"min": 3, "max": 6})
    return {
        "fields": GOAL_FIELDS,
        "statuses": GOAL_STATUSES,
        "blank_goals": data.get("blank_goals", 2),
        "config": {
            "fields": [name for name, _, _ in GOAL_FIELDS] + ["status"],
            "review": window,
            "maxGoals": data.get("max_goals", 5),
            "evidence": data.get("evidence_sources", DEFAULT_EVIDENCE),
            "vague": data.get("vague_verbs", DEFAULT_VAGUE),
        },
    }
