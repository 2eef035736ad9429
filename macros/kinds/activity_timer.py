"""Activity timer: a group activity in timed phases, for example a reflective case discussion or a role-play.

It keeps no answers, so it never counts towards a module's progress (``RECORDS_ANSWERS``).
"""

from __future__ import annotations

from typing import Any

from ._checks import duplicate_ids

NAME = "activity-timer"
RECORDS_ANSWERS = False
MAX_TOTAL_MINUTES = 180


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check that phase ids are unique and that the whole activity fits in one session."""
    problems = duplicate_ids(data["phases"], "phases")
    total = total_minutes(data)
    if total > MAX_TOTAL_MINUTES:
        problems.append(
            (
                "phases",
                f"the phases add up to {total} minutes; keep one activity to {MAX_TOTAL_MINUTES} minutes or less.",
            )
        )
    return problems


def total_minutes(data: dict[str, Any]) -> int:
    """How long the whole activity takes."""
    return sum(phase["minutes"] for phase in data["phases"])


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the timings and the script each phase's label and length."""
    starts, start = [], 0
    for phase in data["phases"]:
        starts.append(start)
        start += phase["minutes"]
    return {
        "total": total_minutes(data),
        "starts": starts,
        "config": {"phases": [{"id": p["id"], "label": p["label"], "minutes": p["minutes"]} for p in data["phases"]]},
    }
