"""Seven-eyed case reflection: a prompt per eye of Hawkins and McMahon's model, then how much attention each eye
usually gets."""

from __future__ import annotations

import re
from typing import Any

from ..roles import wordings
from ._checks import duplicate_ids

NAME = "seven-eyed"

EYE_COUNT = 7
PLACEHOLDER = "{eye}"
SUPERVISOR_MODE = 6
ADVICE = re.compile(r"\badvi[cs]", re.IGNORECASE)
BRACES = re.compile(r"\{[^{}\n]*\}")


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check the seven eyes and their modes, unique ids, the scale order and the {eye} placeholder."""
    eyes = data["eyes"]
    problems = []
    if len(eyes) != EYE_COUNT:
        problems.append(
            ("eyes", f"list exactly {EYE_COUNT} eyes, one per mode from 1 to 7 (this file has {len(eyes)}).")
        )
    problems += duplicate_ids(eyes, "eyes")
    for index, eye in enumerate(eyes):
        expected = index + 1
        if "mode" in eye and eye["mode"] != expected:
            problems.append(
                (
                    f"eyes[{index}].mode",
                    f"this is eye number {expected} in the list, so its mode must be {expected}. "
                    "List the eyes in mode order, 1 to 7.",
                )
            )
        if expected == SUPERVISOR_MODE and any(ADVICE.search(title) for title in wordings(eye["title"])):
            problems.append(
                (
                    f"eyes[{index}].title",
                    "mode 6 is the supervisor's own process (their feelings, images and reactions "
                    "as they listen), not the supervisor giving advice. Retitle it, for example "
                    "The supervisor's own process.",
                )
            )
    values = [point["value"] for point in data["attention_scale"]]
    if values != sorted(set(values)):
        problems.append(
            (
                "attention_scale",
                "values must go up from the first point to the last, each different, for example 0, 1, 2, 3.",
            )
        )
    for text in wordings(data["try_next"]):
        placeholders = BRACES.findall(text)
        if PLACEHOLDER not in placeholders:
            problems.append(("try_next", "write {eye} where the least-attended eye's title should appear."))
        for other in sorted(set(placeholders) - {PLACEHOLDER}):
            problems.append(("try_next", f"{other} is not replaced: the only placeholder is {PLACEHOLDER}."))
    return problems


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the eyes with their mode numbers and the script the eyes and the scale."""
    eyes = [{**eye, "mode": index + 1} for index, eye in enumerate(data["eyes"])]
    scale = data["attention_scale"]
    return {
        "eyes": eyes,
        "scale": scale,
        "config": {
            "eyes": [{"id": eye["id"], "mode": eye["mode"], "title": eye["title"]} for eye in eyes],
            "scale": [{"value": point["value"], "label": point["label"]} for point in scale],
        },
    }
