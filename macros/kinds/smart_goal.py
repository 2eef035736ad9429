"""SMART goal worksheet: several goals with S/M/A/R/T fields and advice checks."""

from __future__ import annotations

from typing import Any

LABEL = "Goal worksheet"
NAME = "smart-goal"

DEFAULT_EVIDENCE = ["feedback", "observation", "record", "audit", "survey", "checklist", "self-assessment"]
DEFAULT_VAGUE = ["improve", "be better at", "try to", "work on", "get better"]

# The fields of one goal, in order: (field id, label, kind of control).
GOAL_FIELDS: list[tuple[str, str, str]] = [
    ("goal", "Goal", "textarea"),
    ("specific", "Specific: which practice will you adopt?", "textarea"),
    ("measurable", "Measurable: how will you know it has changed?", "textarea"),
    ("achievable", "Achievable: is it realistic, and over what period?", "textarea"),
    ("relevant", "Relevant: which goal of yours or your team's does it serve?", "textarea"),
    ("time_bound", "Time-bound: review date", "date"),
    ("partner", "Accountability partner", "text"),
    ("record", "Where you will record it", "text"),
]

# How far a goal has got; shown as a radio group in each goal.
GOAL_STATUSES: list[dict[str, str]] = [
    {"id": "not-started", "label": "Not started"},
    {"id": "in-progress", "label": "In progress"},
    {"id": "achieved", "label": "Achieved"},
    {"id": "revised", "label": "Revised"},
]


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check that the review window is a real window."""
    window = data.get("review_months")
    if window and window["min"] >= window["max"]:
        return [("review_months", "min must be smaller than max, for example min: 3 and max: 6.")]
    return []


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the goal fields and the script its checking rules."""
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
