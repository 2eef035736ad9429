"""DESC conversation planner: a fixed plan for one difficult conversation, with advice checks.

DESC (Describe, Express, Specify, Consequences) is from Bower and Bower (1976), as used for supervision
by Davys and Beddoe (2021). The fields are fixed by the kind; an exercise file sets the hints and the
words flagged in Describe.
"""

from __future__ import annotations

from typing import Any

LABEL = "Conversation planner"
NAME = "desc-planner"

DEFAULT_WORDS = ["always", "never", "lazy", "unprofessional", "attitude"]

# Most requests Specify should hold; the script says so in its advice.
MAX_REQUESTS = 2
NUMBER_WORDS = {1: "one", 2: "two", 3: "three"}

# The two stances a learner chooses between: (value saved, label shown).
STANCES: list[dict[str, str]] = [
    {"id": "personal", "label": "A personal reflection: something for my supervisee to weigh up"},
    {"id": "managerial", "label": "A managerial view: something my supervisee needs to act on"},
]

# The plan, in order: (group legend, [(field id, label, control)]). Controls: textarea, date, stance.
GROUPS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("Before you start", [
        ("context", "Link to your supervision agreement", "textarea"),
        ("stance", "Is this a personal reflection or a managerial view?", "stance"),
        ("stance_note", "Anything to add about your stance (optional)", "textarea"),
    ]),
    ("Your DESC script", [
        ("describe", "Describe: what did you see or hear?", "textarea"),
        ("express", "Express: how does it affect you or the work?", "textarea"),
        ("specify", "Specify: what would you like your supervisee to do?", "textarea"),
        ("consequences", "Consequences: why does the change matter?", "textarea"),
    ]),
    ("Getting ready", [
        ("reactions", "How might your supervisee react, and how will you respond?", "textarea"),
        ("awkwardness", "How will you stay with the awkward moment?", "textarea"),
    ]),
    ("Follow-up", [
        ("follow_up", "Follow-up date", "date"),
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
            problems.append((f"judgemental_words[{index}]", f"{word!r} is already in the list (capitals are ignored). Remove one."))
        seen.add(key)
    return problems


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the fixed plan and the script its checking rules."""
    return {
        "groups": GROUPS,
        "stances": STANCES,
        "words": data.get("judgemental_words", DEFAULT_WORDS),
        "max_requests": NUMBER_WORDS.get(MAX_REQUESTS, str(MAX_REQUESTS)),
        "config": {
            "words": data.get("judgemental_words", DEFAULT_WORDS),
            "maxRequests": MAX_REQUESTS,
        },
    }
