"""Reflection: free-text prompts with hints, optionally with a 'closest statement' choice, and optionally a
tally of the chosen statements by group (for example by developmental level). A prompt may instead take a
date (type: date), or ask for at least a number of items, one on each line (min_items: advice, never a block)."""

from __future__ import annotations

from typing import Any

from ._checks import duplicate_ids

NAME = "reflection"


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check that prompt and choice ids are unique."""
    problems = duplicate_ids(data["prompts"], "prompts")
    for index, prompt in enumerate(data["prompts"]):
        problems += duplicate_ids(prompt.get("choices", []), f"prompts[{index}].choices")
        if prompt.get("type") == "date":
            for option in ("choices", "rows", "min_items"):
                if option in prompt:
                    problems.append(
                        (
                            f"prompts[{index}].{option}",
                            f"a prompt with type: date has no {option}. "
                            f"Remove {option}, or remove type: date to ask for text.",
                        )
                    )
    if "tally" in data:
        problems += check_tally(data)
    return problems


def check_tally(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every choice a tally group counts exists in a prompt, and counts for one group only."""
    known = {choice["id"] for prompt in data["prompts"] for choice in prompt.get("choices", [])}
    groups = data["tally"]["groups"]
    problems = duplicate_ids(groups, "tally.groups")
    owner: dict[str, str] = {}
    for index, group in enumerate(groups):
        for position, choice in enumerate(group["choices"]):
            place = f"tally.groups[{index}].choices[{position}]"
            if choice not in known:
                problems.append(
                    (
                        place,
                        f"no prompt has a choice with the id {choice!r}. Use an id from a prompt's choices: "
                        f"{', '.join(sorted(known)) or 'none of the prompts has choices yet'}.",
                    )
                )
            elif choice in owner:
                problems.append(
                    (
                        place,
                        f"{choice!r} already counts for the group {owner[choice]!r}. A choice counts for one "
                        "group only.",
                    )
                )
            else:
                owner[choice] = group["id"]
    return problems


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the prompts, and the script the ids of prompts with nudges, which prompts take a date
    or ask for a number of items, and the tally's groups."""
    prompts = []
    for p in data["prompts"]:
        prompt: dict[str, Any] = {"id": p["id"], "nudge": bool(p.get("if_empty")), "choices": bool(p.get("choices"))}
        if p.get("type") == "date":
            prompt["date"] = True
        if "min_items" in p:
            prompt["minItems"] = p["min_items"]
        prompts.append(prompt)
    config: dict[str, Any] = {"prompts": prompts}
    if "tally" in data:
        counted = {choice for group in data["tally"]["groups"] for choice in group["choices"]}
        config["tally"] = {
            "prompts": [p["id"] for p in data["prompts"] if any(c["id"] in counted for c in p.get("choices", []))],
            "groups": [{"id": g["id"], "label": g["label"], "choices": g["choices"]} for g in data["tally"]["groups"]],
        }
    labels = {c["id"]: c["label"] for p in data["prompts"] for c in p.get("choices", [])}
    return {"config": config, "choice_labels": labels}
