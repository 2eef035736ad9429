"""Facilitator notes: a session plan per module, in facilitator/<module>.yaml, shown only in the facilitator view.

Notes are loaded and checked once with the rest of the content. ``module_intro()`` renders them (hidden) on
every module page, so a module without notes fails the build with a message naming the file to create.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment

from .catalogue import read_yaml
from .errors import ContentError, Problem
from .render import compact
from .schema_messages import load_validator, schema_problems
from .session_materials import material_href
from .strings import default_strings, fill

NOTES_DIR = "facilitator"
SCHEMA = "schema.json"
TEMPLATE = "facilitator-notes.html"


def load_notes(root: Path) -> dict[str, dict[str, Any]]:
    """Load and check every facilitator/<module>.yaml; raise one error listing every problem."""
    folder = root / NOTES_DIR
    if not folder.is_dir():
        return {}
    validator = load_validator(folder / SCHEMA)
    notes: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        shown = path.relative_to(root).as_posix()
        data, found = read_yaml(path, shown)
        if not found and not isinstance(data, dict):
            found = [
                Problem(shown, "(top level)", "the file must be a set of named fields (length:, aims:, plan:, ...).")
            ]
        if not found:
            found = schema_problems(data, validator, shown)
        if not found:
            total = sum(step["minutes"] for step in data["plan"])
            if total != data["length"]:
                found.append(Problem(shown, "plan", f"the activities add up to {total} minutes but length is "
                                                    f"{data['length']}. Change a timing or the length so they match."))
        problems += found
        if not found:
            notes[path.stem] = data
    if problems:
        raise ContentError(f"{len(problems)} problem(s) in facilitator notes. Fix each one and build again:", problems)
    return notes


def missing_notes(page: str) -> ContentError:
    """The error for a module page without notes."""
    slug = Path(page).stem
    return ContentError("A module has no facilitator notes.", [Problem(
        page, "module_intro()", f"create {NOTES_DIR}/{slug}.yaml with a session plan for this module "
                                f"(copy another module's notes to start; {NOTES_DIR}/{SCHEMA} lists every field).")])


def timings(plan: list[dict[str, Any]], strings: dict[str, str] | None = None) -> list[str]:
    """The start and end of each activity, in minutes from the start: '0 to 10 min' (the interface string
    facilitator_plan_timing, from ``strings`` or the defaults)."""
    words = (strings or default_strings())["facilitator_plan_timing"]
    spans, start = [], 0
    for step in plan:
        spans.append(fill(words, start=start, end=start + step["minutes"]))
        start += step["minutes"]
    return spans


def render_notes(env: Environment, notes: dict[str, Any], materials: dict[str, Any] | None = None) -> str:
    """Render one module's notes as one block of HTML, hidden until the facilitator view shows it; with
    ``materials`` (macros/session_materials.py), its materials as links."""
    return compact(env.get_template(TEMPLATE).render(notes=notes, timings=timings(notes["plan"], env.globals["t"]),
                                                     materials=materials, material_href=material_href))
