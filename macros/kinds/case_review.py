"""Case-review learning: read a summary of a published review, tick factors, compare with an answer key, map,
reflect."""

from __future__ import annotations

from typing import Any

from ._checks import duplicate_ids

NAME = "case-review"

# Fields holding a key of data/references.yaml: the build checks each one, and the references page lists it.
REFERENCE_FIELDS = ("source",)

# Proctor's three functions, as offered for each ticked factor in step 3 (restorative = emotional support only):
# (saved value, interface string of its label).
FUNCTIONS: list[tuple[str, str]] = [
    ("normative", "case_review_function_normative"),
    ("formative", "case_review_function_formative"),
    ("restorative", "case_review_function_restorative"),
]

# The interface strings used for step 3's question and notes label when the file's mapping gives none.
DEFAULT_QUESTION = "case_review_mapping_question"
DEFAULT_NOTES_LABEL = "case_review_mapping_notes_label"

# Saved answers are one flat set of keys: found-<factor>, function-<factor>, mapping-notes, the reflection ids,
# and _compared (ids cannot contain an underscore, so that one never clashes).
FOUND_PREFIX = "found-"
FUNCTION_PREFIX = "function-"
NOTES_KEY = "mapping-notes"
COMPARED_KEY = "_compared"


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check ids, and that no reflection id clashes with the keys the factors save under."""
    problems = duplicate_ids(data["factors"], "factors")
    problems += duplicate_ids(data["reflection"], "reflection")
    taken = {NOTES_KEY: "the step 3 notes box"}
    for factor in data["factors"]:
        taken[FOUND_PREFIX + factor["id"]] = f"the tick box of factor {factor['id']!r}"
        taken[FUNCTION_PREFIX + factor["id"]] = f"the step 3 choice of factor {factor['id']!r}"
    for index, prompt in enumerate(data["reflection"]):
        if prompt["id"] in taken:
            problems.append(
                (
                    f"reflection[{index}].id",
                    f"the id {prompt['id']!r} is already used by {taken[prompt['id']]}. Give this prompt another id.",
                )
            )
    return problems


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the step 3 wording (the file's own, or the strings to use) and the source link,
    and the script the answer key."""
    mapping = data.get("mapping", {})
    return {
        "functions": [{"id": value, "label_key": key} for value, key in FUNCTIONS],
        "mapping_question": mapping.get("question"),
        "mapping_question_key": DEFAULT_QUESTION,
        "notes_label": mapping.get("notes_label"),
        "notes_label_key": DEFAULT_NOTES_LABEL,
        "notes_hint": mapping.get("notes_hint"),
        "notes_key": NOTES_KEY,
        "found_prefix": FOUND_PREFIX,
        "function_prefix": FUNCTION_PREFIX,
        # The references page gives every entry the anchor ref-<key>; the exercise macro makes the link relative.
        "source_href": f"references.md#ref-{data['source']}",
        "config": {
            "comparedKey": COMPARED_KEY,
            "foundPrefix": FOUND_PREFIX,
            "functionPrefix": FUNCTION_PREFIX,
            "factors": [
                {"id": factor["id"], "label": factor["label"], "inReview": factor["in_review"]}
                for factor in data["factors"]
            ],
        },
    }
