"""DESC conversation planner: a fixed plan for one difficult conversation, with advice checks.

DESC (Describe, Express, Specify, Consequences) is from Bower and Bower (1976), as used for supervision
by Davys and Beddoe (2021). The fields are fixed by the kind; an exercise file sets the hints and the
words flagged in Describe.
"""

from __future__ import annotations

from typing import Any

NAME = "desc-planner"

DEFAULT_WORDS = ["always", "never", "lazy", "unprofessional", "attitude"]

# Most requests Specify should hold; the script says so in its advice, in words (these interface strings).
MAX_REQUESTS = 2
NUMBER_WORDS = {1: "desc_planner_number_one", 2: "desc_planner_number_two", 3: "desc_planner_number_three",
                4: "desc_planner_number_four"}

# The two stances a learner chooses between: value saved, and the interface string of its label.
STANCES: list[dict[str, str]] = [
    {"id": "personal", "label_key": "desc_planner_stance_personal"},
    {"id": "managerial", "label_key": "desc_planner_stance_managerial"},
]

# The plan, in order: (group legend, [(field id, label, control)]), legends and labels given as interface
# strings. Controls: textarea, date, stance.
GROUPS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("desc_planner_group_before", [
        ("context", "desc_planner_field_context", "textarea"),
        ("stance", "desc_planner_field_stance", "stance"),
        ("stance_note", "desc_planner_field_stance_note", "textarea"),
    ]),
    ("desc_planner_group_script", [
        ("describe", "desc_planner_field_describe", "textarea"),
        ("express", "desc_planner_field_express", "textarea"),
        ("specify", "desc_planner_field_specify", "textarea"),
        ("consequences", "desc_planner_field_consequences", "textarea"),
    ]),
    ("desc_planner_group_ready", [
        ("reactions", "desc_planner_field_reactions", "textarea"),
        ("awkwardness", "desc_planner_field_awkwardness", "textarea"),
    ]),
    ("desc_planner_group_follow_up", [
        ("follow_up", "desc_planner_field_follow_up", "date"),
    ]),
]

FIELDS = [name for _, fields in GROUPS for name, _, _ in fields]


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check that no flagged word is listed twice in different capitals (the match ignores capitals)."""
    seen: set[str] = set()
    problems = []
    for index, word in enumerate(data.get("judgemental_words", [])):
        key = " ".join(word.lower().split())
        if key in seen:
            problems.append(
                (f"judgemental_words[{index}]", f"{word!r} is already in the list (capitals are ignored). Remove one.")
            )
        seen.add(key)
    return problems


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the fixed plan (as interface strings) and the script its checking rules."""
    return {
        "groups": GROUPS,
        "stances": STANCES,
        "words": data.get("judgemental_words", DEFAULT_WORDS),
        "max_requests": MAX_REQUESTS,
        "max_requests_key": NUMBER_WORDS.get(MAX_REQUESTS),
        "config": {
            "words": data.get("judgemental_words", DEFAULT_WORDS),
            "maxRequests": MAX_REQUESTS,
        },
    }
