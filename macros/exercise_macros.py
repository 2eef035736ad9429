"""Macros that show exercises: on a page, on a handouts page, in the authoring guide, on the group pulse page.

Each macro is a plain function whose first argument is the build state (macros/build_state.py); plugin.py
registers them all from one list.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from .answer_sheet import answer_sheet_html
from .authoring import example_source, field_table
from .build_state import BuildState
from .errors import ContentError, Problem
from .handouts import module_source
from .kinds import KINDS, kind_member
from .overlay_links import unlink_left_out
from .render import compact, render_exercise
from .session_materials import session_materials
from .site_content import exercise_reference_keys, unknown_exercise

# A link in exercise text to a Markdown page: href="modules/x.md" or href="modules/x.md#part".
MD_LINK = re.compile(r'href="(?![a-z]+:|/|#)([^"#]+\.md)(#[^"]*)?"')
# The macros whose finished HTML stays out of Markdown's parsing (macros/html_slots.py), by name.
FINISHED_HTML = frozenset({"exercise", "handouts", "answer_sheet", "pulse_collector"})


def find_exercise(state: BuildState, exercise_id: str, call: str, page: str | None = None) -> Any:
    """Find an exercise by id, or fail naming the page (this one unless given), the call and close matches."""
    found = state.content.catalogue.get(exercise_id)
    if found is None:
        raise ContentError(f"Unknown exercise id {exercise_id!r}.", [
            unknown_exercise(exercise_id, page or state.current_page(), call, state.content.catalogue.exercises)])
    return found


def resolve_link(state: BuildState, match: re.Match[str], exercise_path: str) -> str:
    """Turn a link to a docs page written in exercise text into a URL relative to this page."""
    target, anchor = match.group(1), match.group(2) or ""
    own_page = state.organisation is not None and target in state.organisation.own_files
    if not own_page and not (state.content.root / "docs" / target).is_file():
        raise ContentError(f"Broken link in {exercise_path}.", [Problem(
            exercise_path, f"link to {target}",
            "no such page. Write links in exercise text from the docs folder, for example "
            "modules/supervision-models.md.")])
    return f'href="{state.link_to_page(target)}{anchor}"'


def render_here(state: BuildState, found: Any, heading: int, **extra: Any) -> str:
    """Render an exercise for the current page, with links in its text made relative to the page."""
    values = {"privacy_url": state.link_to_page("privacy.md"), "pulse_url": state.link_to_page("pulse.md"),
              "support": state.support, **extra}
    html = render_exercise(state.widgets, found, heading, values)
    if state.removed:
        # In an adapted copy, links to pages it leaves out become plain text (a line in the build output says so).
        html = unlink_left_out(html, state.removed, found.path, state.current_page())
    return MD_LINK.sub(lambda match: resolve_link(state, match, found.path), html)


def exercise(state: BuildState, exercise_id: str, heading: int = 3) -> Markup:
    """Insert the exercise defined in exercises/**/<exercise_id>.yaml."""
    page = state.current_page()
    call = f'exercise("{exercise_id}")'
    found = find_exercise(state, exercise_id, call)
    pages = state.content.exercise_pages.setdefault(exercise_id, [])
    if page in pages:
        raise ContentError(f"Exercise {exercise_id!r} is used twice on one page.",
                           [Problem(page, call, "use each exercise once per page.")])
    pages.append(page)
    for _, key in exercise_reference_keys(found):
        state.content.citations.lookup(key, page)
    # Progress counts exercises that keep answers; an activity timer keeps none.
    if page in state.modules and kind_member(found.kind, "RECORDS_ANSWERS"):
        state.modules[page].append(exercise_id)
    return Markup(render_here(state, found, heading))


def handouts(state: BuildState, module: str) -> Markup:
    """Lay out every exercise of docs/modules/<module>.md for printing on A4: blank, or with saved answers.
    On paper: no answer key or model answers (they are on the module's answer sheet), and paper wording."""
    source = state.content.root / "docs" / "modules" / f"{module}.md"
    call = f'handouts("{module}")'
    if not source.is_file():
        raise ContentError(f"Unknown module {module!r}.", [Problem(
            state.current_page(), call,
            f"there is no page docs/modules/{module}.md. Use the module page's file name.")])
    _, exercises, _ = module_exercises(state, module)
    title, _ = module_source(source)
    module_link = state.link_to_page(f"modules/{module}.md")
    forms = [(found, render_here(state, found, 2, home=module_link, paper=True)) for found in exercises]
    if not forms:
        raise ContentError("A module has no exercises to print.",
                           [Problem(state.current_page(), call, "the module page uses no exercise.")])
    html = state.partials.get_template("handouts.html").render(
        title=title, module_link=module_link, count=len(forms),
        answer_sheet=state.link_to_page(f"handouts/{module}-answers.md"),
        sheets=[{"id": found.id, "form": Markup(form)} for found, form in forms])
    return Markup(compact(html))


def module_exercises(state: BuildState, module: str, place: str | None = None) -> tuple[str, list[Any], str]:
    """A module's title, its exercises in page order and the link to its handouts page (for its answer sheet);
    ``place`` is the module page's source (by default docs/modules/<module>.md). An unknown id is the module
    page's mistake: name that page and its call."""
    place = place or f"modules/{module}.md"
    title, ids = module_source(state.content.root / "docs" / place)
    found = [find_exercise(state, exercise_id, f'exercise("{exercise_id}")', place)
             for exercise_id in dict.fromkeys(ids)]
    return title, found, state.link_to_page(f"handouts/{module}.md")


def plan_materials(state: BuildState, module: str) -> dict[str, Any]:
    """The session plan's materials as links (macros/session_materials.py), from the module page being shown."""
    _, exercises, _ = module_exercises(state, module, state.current_page())
    return session_materials(exercises, state.link_to_page, module, state.strings)


def answer_sheet(state: BuildState, module: str) -> Markup:
    """The facilitator answer sheet of a module (docs/modules/<module>.md): its links made relative to the page,
    plain text where an adapted copy leaves a page out."""
    title, exercises, handouts_link = module_exercises(state, module)
    html = answer_sheet_html(state.widgets, exercises, handouts_link, title)
    if state.removed:
        html = unlink_left_out(html, state.removed, "an answer sheet", state.current_page())
    return Markup(compact(MD_LINK.sub(lambda match: resolve_link(state, match, "an answer sheet"), html)))


def exercise_source(state: BuildState, kind: str, name: str = "default") -> str:
    """Show an example exercise file for a kind (authoring guide)."""
    return example_source(state.content.root / "exercises", kind, name)


def exercise_fields(state: BuildState, kind: str) -> str:
    """Show the field reference for a kind, generated from its schema (authoring guide)."""
    return field_table(state.content.root / "exercises" / "schema", kind)


def exercise_kinds(state: BuildState) -> list[str]:
    """List the exercise kinds the site supports."""
    return sorted(KINDS)


def exercise_variants(state: BuildState, kind: str) -> list[str]:
    """The other examples of a kind besides its default (exercises/_examples/<kind>/*.yaml), for the gallery."""
    folder = state.content.root / "exercises" / "_examples" / kind
    return sorted(path.stem for path in folder.glob("*.yaml") if path.stem != "default")


def pulse_collector(state: BuildState) -> Markup:
    """The facilitator's group pulse: collect codes from every exercise that makes them; show the group's spread."""
    known = []
    examples = state.content.catalogue.examples
    for found in [*state.content.catalogue.exercises.values(), *examples.values()]:
        entry_of = kind_member(found.kind, "pulse_entry")
        if entry_of is None:
            continue
        entry = entry_of(found.id, found.title, found.data)
        if found.id in examples:
            entry["example"] = True  # the gallery's: known, so its codes are refused with a reason (lib/pulse.js)
        known.append(entry)
    return Markup(compact(state.partials.get_template("pulse.html").render(exercises=known)))
