"""Checklist: items grouped under headings, ticked or answered Yes / Partly / No / Not sure.

The result is a count per group and the tip of every item not yet in place. Never a score.
"""

from __future__ import annotations

from typing import Any

from ._checks import duplicate_ids

NAME = "checklist"

# The answers of a yes-partly-no checklist: stored value and the interface string of its label.
# Partly and No bring the item's tip.
ANSWERS: list[dict[str, str]] = [
    {"id": "yes", "label_key": "checklist_answer_yes"},
    {"id": "partly", "label_key": "checklist_answer_partly"},
    {"id": "no", "label_key": "checklist_answer_no"},
    {"id": "not-sure", "label_key": "checklist_answer_not_sure"},
]
TIP_ANSWERS = ["partly", "no"]
# The interface string heading the tips in the results when the exercise file gives no tips_title.
TIPS_TITLES = {"tick": "checklist_tips_title_tick", "yes-partly-no": "checklist_tips_title_answers"}
RESERVED_IDS = {"perspective"}


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check that group and item ids are unique, different from each other, and not reserved."""
    groups = data["groups"]
    problems = duplicate_ids(groups, "groups")
    items = [item for group in groups for item in group["items"]]
    problems += duplicate_ids(items, "items (across all groups)")
    group_ids = {group["id"] for group in groups}
    for g, group in enumerate(groups):
        for i, item in enumerate(group["items"]):
            place = f"groups[{g}].items[{i}].id"
            if item["id"] in group_ids:
                problems.append((place, f"the id {item['id']!r} is also a group id. Give the item its own id."))
            if item["id"] in RESERVED_IDS:
                problems.append(
                    (place, f"the id {item['id']!r} is kept for the 'I am answering' choice. Use another id.")
                )
    return problems


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the answer choices and the tips heading (the file's own, or the string to use),
    and the script each group's item ids and the string of each answer's label."""
    responses = data["responses"]
    return {
        "tick": responses == "tick",
        "answers": ANSWERS,
        "tips_title": data.get("tips_title"),
        "tips_title_key": TIPS_TITLES[responses],
        "config": {
            "responses": responses,
            "answers": [answer["id"] for answer in ANSWERS],
            "labels": {answer["id"]: answer["label_key"] for answer in ANSWERS},
            "tipAnswers": TIP_ANSWERS,
            "groups": [
                {"id": group["id"], "title": group["title"], "items": [item["id"] for item in group["items"]]}
                for group in data["groups"]
            ],
        },
    }
