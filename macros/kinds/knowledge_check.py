"""Knowledge check: multiple-choice questions with an explanation for every option.

Never a percentage or a pass mark.
"""

from __future__ import annotations

import re
from typing import Any

from ._checks import duplicate_ids

NAME = "knowledge-check"

# A link written from the docs folder: a Markdown page, optionally with a heading anchor.
SECTION_LINK = re.compile(r"^(?![a-z]+:|/)[a-z0-9_./-]+\.md(#[a-z0-9_-]+)?$")

# The key under which the script saves which questions the learner has checked.
# Ids cannot contain an underscore, so this can never clash with a question id.
CHECKED_KEY = "_checked"


def check(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Check ids, exactly one correct option per question, and section links."""
    questions = data["questions"]
    problems = duplicate_ids(questions, "questions")
    for index, question in enumerate(questions):
        place = f"questions[{index}]"
        problems += duplicate_ids(question["options"], f"{place}.options")
        correct = [option["id"] for option in question["options"] if option.get("correct")]
        if not correct:
            problems.append((f"{place}.options", f"no option is marked correct in question {question['id']!r}. "
                                                 "Add correct: true to the one answer the answer key gives."))
        elif len(correct) > 1:
            problems.append(
                (
                    f"{place}.options",
                    f"{len(correct)} options are marked correct in question {question['id']!r} "
                    f"({', '.join(correct)}). Keep correct: true on one only. If more than one "
                    "answer is defensible, reword the options, or say so in the explanations.",
                )
            )
        section = question.get("section")
        if section and not SECTION_LINK.match(section["link"]):
            problems.append(
                (
                    f"{place}.section.link",
                    f"{section['link']!r} is not a link to a page of this site. Write it from the "
                    "docs folder, for example modules/seven-eyed-model.md#the-seven-eyes.",
                )
            )
    return problems


def correct_option(question: dict[str, Any]) -> dict[str, Any]:
    """Return the option the answer key gives (check() guarantees there is exactly one)."""
    return next(option for option in question["options"] if option.get("correct"))


def context(exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give the template the answer key per question and the script the question and option ids."""
    return {
        "answer_key": {question["id"]: correct_option(question)["id"] for question in data["questions"]},
        "config": {
            "checkedKey": CHECKED_KEY,
            "questions": [
                {
                    "id": question["id"],
                    "correct": correct_option(question)["id"],
                    "options": [option["id"] for option in question["options"]],
                }
                for question in data["questions"]
            ],
        },
    }
