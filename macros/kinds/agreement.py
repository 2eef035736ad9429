"""Supervision agreement builder: sections of fields that print as a signed agreement."""

from __future__ import annotations

import re
from typing import Any

NAME = "agreement"

# Ids the template uses for its own parts (ex-<id>-<suffix>): a section or field may not take them.
RESERVED_IDS = {"title", "reminder", "summary", "summary-title", "count", "missing", "signatures"}


def choice_id(label: str, index: int) -> str:
    """Turn a choice's text into the id and saved value of its radio button."""
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return slug or f"choice-{index + 1}"


def choice_entries(field: dict[str, Any]) -> list[dict[str, str]]:
    """A choice field's choices as {id, label}: a plain text choice's id is made from its text."""
    return [
        {"id": choice["id"], "label": choice["label"]}
        if isinstance(choice, dict)
        else {"id": choice_id(choice, index), "label": choice}
        for index, choice in enumerate(field.get("choices", []))
    ]


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check that every id is unique and reserved ids are free, and that choices go with type: choice."""
    problems: list[tuple[str, str]] = []
    seen: dict[str, str] = {}

    def claim(entry_id: str, place: str) -> None:
        if entry_id in RESERVED_IDS:
            problems.append((place, f"the id {entry_id!r} is used by the agreement itself. Choose another id."))
        elif entry_id in seen:
            problems.append(
                (
                    place,
                    f"the id {entry_id!r} is already used by {seen[entry_id]}. Every section and field id in a "
                    "file must be different.",
                )
            )
        else:
            seen[entry_id] = place

    for s_index, section in enumerate(data["sections"]):
        claim(section["id"], f"sections[{s_index}].id")
        for f_index, field in enumerate(section["fields"]):
            place = f"sections[{s_index}].fields[{f_index}]"
            claim(field["id"], f"{place}.id")
            has_choices = "choices" in field
            if field["type"] == "choice" and not has_choices:
                problems.append(
                    (
                        f"{place}.choices",
                        "a field with type: choice needs choices, for example choices: [\"Yes\", \"No\"].",
                    )
                )
            elif field["type"] != "choice" and has_choices:
                problems.append(
                    (
                        f"{place}.choices",
                        "only a field with type: choice has choices. Remove them, or change type: "
                        f"{field['type']} to type: choice.",
                    )
                )
            if has_choices:
                choices = choice_entries(field)
                ids = [choice["id"] for choice in choices]
                for index, value in enumerate(ids):
                    if value in ids[:index]:
                        problems.append(
                            (
                                f"{place}.choices[{index}]",
                                f"{choices[index]['label']!r} saves the same value ({value!r}) as an earlier "
                                "choice (choices are compared ignoring capitals and punctuation, or by their id). "
                                "Make each choice different.",
                            )
                        )
    return problems or _page_id_clashes(data)


def _page_id_clashes(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Report a field whose page ids (its own, its hint's, its choices') clash with another field's."""
    owners: dict[str, str] = {name: "the agreement itself" for name in RESERVED_IDS}
    problems = []
    for s_index, section in enumerate(data["sections"]):
        for f_index, field in enumerate(section["fields"]):
            made = [field["id"], f"{field['id']}-hint"]
            made += [f"{field['id']}-{choice['id']}" for choice in choice_entries(field)]
            clash = next((name for name in made if name in owners), None)
            if clash:
                problems.append(
                    (
                        f"sections[{s_index}].fields[{f_index}].id",
                        f"the id {field['id']!r} makes the page id {clash!r}, which {owners[clash]} also makes. "
                        "Choose another id.",
                    )
                )
            owners.update({name: f"the field {field['id']!r}" for name in made})
    return problems


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template each choice's id, and the script every field with its label and focus target."""
    uid = f"ex-{exercise_id}"
    options: dict[str, list[dict[str, str]]] = {}
    fields = []
    for section in data["sections"]:
        for field in section["fields"]:
            target = f"{uid}-{field['id']}"
            if field["type"] == "choice":
                options[field["id"]] = choice_entries(field)
                target = f"{target}-{options[field['id']][0]['id']}"
            fields.append(
                {
                    "id": field["id"],
                    "label": field["label"],
                    "essential": bool(field.get("essential")),
                    "target": target,
                }
            )
    return {"options": options, "config": {"fields": fields}}
