"""A module's facilitator answer sheet: the answer keys, explanations and model answers its exercises hold,
gathered on a page of their own (handouts/<module>-answers.md) so that blank handouts can leave them out."""

from __future__ import annotations

from typing import Any

import yaml
from jinja2 import Environment

from .kinds import KINDS
from .quick_imports import SAFE_DUMPER
from .roles import with_role_text

# The exercise kinds whose data carries answers a blank handout must not print.
KINDS_WITH_ANSWERS = ("knowledge-check", "case-review", "reflection")

ANSWER_SHEET_PAGE = """\
---
{front_matter}---

# {heading}

{{{{ answer_sheet("{module}") }}}}
"""


def has_answers(kind: str, data: dict[str, Any]) -> bool:
    """Whether an exercise has answers to give out: an answer key, or model answers."""
    if kind == "reflection":
        return "model_answers" in data
    return kind in KINDS_WITH_ANSWERS


def answer_sheet_html(widgets: Environment, exercises: list[Any], handouts_link: str, module_title: str) -> str:
    """The answer sheet's HTML: one section per exercise that has answers, in page order."""
    alt_label = widgets.globals["t"]["role_wording_supervisors"]
    sections = []
    for found in exercises:
        if not has_answers(found.kind, found.data):
            continue
        values = KINDS[found.kind].context(found.id, found.data)
        sections.append({
            "id": found.id, "kind": found.kind, "ex": with_role_text(found.data, alt_label),
            "answer_key": values.get("answer_key", {}),
        })
    return widgets.get_template("_answers.html").render(
        sections=sections, handouts_link=handouts_link, module_title=module_title)


def answer_sheet_source(title: str, module: str) -> str:
    """The Markdown of a module's answer sheet page, which the build adds beside its handouts page."""
    front_matter = yaml.dump({
        "title": f"Answer sheet: {title}",
        "description": f'The answers and explanations for the exercises of "{title}", for the facilitator.',
        "search": {"exclude": True},
    }, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return ANSWER_SHEET_PAGE.format(front_matter=front_matter, heading=f"Answer sheet: {title}", module=module)
