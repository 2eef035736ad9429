"""Macros for the modules and learning paths: module cards, paths, where to go next, handouts index, intro box.

Each macro is a plain function whose first argument is the build state (macros/build_state.py); plugin.py
registers them all from one list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from .build_state import BuildState
from .errors import ContentError, Problem
from .exercise_macros import plan_materials
from .facilitator import missing_notes, render_notes
from .modules import DEFAULT_PATH, read_front_matter
from .render import compact
from .site_paths import relative_source

# Counts written in words, as the style guide asks for small numbers in running text.
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")


def in_words(number: int) -> str:
    """A count in words up to twenty, in figures above."""
    return NUMBER_WORDS[number] if 0 <= number < len(NUMBER_WORDS) else str(number)


def module_meta(state: BuildState, module: str) -> dict[str, Any]:
    """A module page's front matter."""
    return read_front_matter(state.content.root / "docs" / state.module_page(module))


def path_title(state: BuildState, module: str) -> str:
    """A module's title, from its page's front matter (its id when the page gives none)."""
    return str(module_meta(state, module).get("title", module))


def module_count(state: BuildState, words: bool = True) -> str:
    """How many modules this site includes (all of ours, or the copy's modules:), in words by default."""
    count = len(state.site_modules)
    return in_words(count) if words else str(count)


def module_facts(state: BuildState, module: str, number: int) -> dict[str, Any]:
    """A module's card: its number in this site's order and the facts its page's front matter gives."""
    meta = module_meta(state, module)
    if meta.get("site_authored"):
        source = state.tr("module_card_source_site")
    else:
        source = state.tr("module_card_source_resource", resource=meta.get("resource", ""))
    return {"id": module, "number": number, "url": state.link_to_page(state.module_page(module)),
            "title": meta.get("title", module), "description": meta.get("description", ""),
            "time": int(meta.get("time", 0)), "source": source}


def module_list(state: BuildState) -> Markup:
    """Every module this site includes, in order, as cards read from each module page's front matter."""
    cards = [module_facts(state, module, number) for number, module in enumerate(state.site_modules, start=1)]
    return Markup(compact(state.partials.get_template("module-list.html").render(modules=cards)))


def learning_paths(state: BuildState, level: int = 3) -> str:
    """The learning paths (data/modules.yaml), each a heading and its steps with a line on why."""
    parts = []
    for path in state.registry.paths.values():
        steps = [{"module": step.module, "url": state.link_to_page(state.module_page(step.module)),
                  "title": path_title(state, step.module), "why": step.why} for step in state.site_paths[path.id]]
        if not steps:
            continue
        html = compact(state.partials.get_template("learning-paths.html").render(path=path, steps=steps))
        parts.append(f"{'#' * level} {path.title}\n\n{html}\n")
    return "\n".join(parts)


def next_on_path(state: BuildState, steps: list[str], module: str | None) -> tuple[Any, Any]:
    """Where the current page is on the default path (its step, or None) and the link to the next step."""
    step = link = None
    if module in steps:
        index = steps.index(module)
        step = {"number": index + 1, "total": len(steps), "path_title": state.registry.paths[DEFAULT_PATH].title}
        if index + 1 < len(steps):
            following = steps[index + 1]
            link = {"url": state.link_to_page(state.module_page(following)),
                    "label": state.tr("path_next", title=path_title(state, following))}
    elif module is None and steps:
        link = {"url": state.link_to_page(state.module_page(steps[0])),
                "label": state.tr("path_start", title=path_title(state, steps[0]))}
    return step, link


def path_actions(state: BuildState) -> Markup:
    """Where to go next on the default (NQSW) path, as plain links; path.js fits it to the learner's path."""
    here = state.current_page()
    steps = [step.module for step in state.site_paths.get(DEFAULT_PATH, [])]
    module = Path(here).stem if here.startswith("modules/") else None
    step, link = next_on_path(state, steps, module)
    return Markup(compact(state.partials.get_template("path-actions.html").render(
        here=state.link_to_page(here), step=step, link=link)))


def handouts_list(state: BuildState) -> str:
    """The handouts index: a link to each module's handouts page, in this site's order."""
    here = state.current_page()
    return "\n".join(f"- [{path_title(state, module)}]({relative_source(here, f'handouts/{module}.md')})"
                     for module in state.site_modules)


def module_intro(state: BuildState) -> Markup:
    """Show who a module is for, how long it takes and where it comes from (from front matter)."""
    here = state.current_page()
    meta = state.page_meta()
    state.modules.setdefault(here, [])
    missing = [key for key in ("time", "audience") if key not in meta]
    if missing:
        raise ContentError("A module page is missing front matter.", [
            Problem(here, "front matter", f"add {', '.join(missing)} (see docs/authoring/index.md).")])
    if meta.get("site_authored"):
        source = state.tr("module_intro_source_site")
    else:
        source = state.tr("module_intro_source_resource", resource=meta["resource"])
    slug = Path(here).stem
    if slug not in state.content.notes:
        raise missing_notes(here)
    handouts_page = f"handouts/{slug}.md"
    # Every module in the registry has one (macros/hooks.py adds it unless docs/handouts/ holds its own).
    has_handouts = slug in state.registry.modules or (state.content.root / "docs" / handouts_page).is_file()
    intro = state.partials.get_template("module-intro.html").render(
        audience=meta["audience"], minutes=int(meta["time"]), source=source,
        handouts_url=state.link_to_page(handouts_page) if has_handouts else None)
    return Markup(
        intro + "\n"
        + str(path_actions(state)) + "\n"
        + compact(state.partials.get_template("backup-reminder.html").render(
            my_learning=state.link_to_page("my-learning.md"))) + "\n"
        + compact(state.partials.get_template("page-tools.html").render(
            my_learning=state.link_to_page("my-learning.md"))) + "\n"
        + render_notes(state.partials, state.content.notes[slug], plan_materials(state, slug))
    )
