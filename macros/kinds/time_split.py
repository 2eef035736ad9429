"""Time split: learners estimate the share of time each category took in a few sessions.

The result is the average split across the sessions with usable figures, shown as a chart and a table,
plus the author's advice for any category above its threshold. Context, never a norm.
"""

from __future__ import annotations

from typing import Any

from ._checks import duplicate_ids

NAME = "time-split"
DEFAULT_SESSIONS = 3


def field_id(session: int, category: str) -> str:
    """The saved answer's key for one category in one session, for example s2-learning."""
    return f"s{session}-{category}"


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check that category ids are unique and that advice names a real category."""
    problems = duplicate_ids(data["categories"], "categories")
    ids = [category["id"] for category in data["categories"]]
    for index, advice in enumerate(data.get("advice", [])):
        if advice["category"] not in ids:
            problems.append((f"advice[{index}].category",
                             f"there is no category with the id {advice['category']!r}. Use one of: {', '.join(ids)}."))
    return problems


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the sessions and the script the categories and advice thresholds."""
    sessions = data.get("sessions", DEFAULT_SESSIONS)
    labels = {category["id"]: category["label"] for category in data["categories"]}
    return {
        "sessions": sessions,
        "field_id": field_id,
        "category_labels": labels,
        "config": {
            "sessions": sessions,
            "categories": [{"id": c["id"], "label": c["label"]} for c in data["categories"]],
            "advice": [{"category": a["category"], "above": a["above"]} for a in data.get("advice", [])],
        },
    }
