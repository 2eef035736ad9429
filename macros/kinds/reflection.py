"""Reflection: free-text prompts with hints, optionally with a 'closest statement' choice."""

from __future__ import annotations

from typing import Any

from ._checks import duplicate_ids

LABEL = "Reflection"
NAME = "reflection"


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check that prompt and choice ids are unique."""
    problems = duplicate_ids(data["prompts"], "prompts")
    for index, prompt in enumerate(data["prompts"]):
        problems += duplicate_ids(prompt.get("choices", []), f"prompts[{index}].choices")
    return problems


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the prompts and the script the ids of prompts with nudges."""
    return {
        "config": {
            "prompts": [
                {"id": p["id"], "nudge": bool(p.get("if_empty")), "choices": bool(p.get("choices"))}
                for p in data["prompts"]
            ],
        },
    }
