"""Wire the content layer into mkdocs-macros: load everything once into the build state, then register the macros.

Registered the way the BIDS specification's ``define_env`` does: every macro is a plain function, defined in
a module with one job (exercise_macros, module_macros, site_macros) and testable without a build, whose
first argument is the build state (macros/build_state.py). ``MACROS`` lists them, one line each; to add a
macro, write the function in its module and add one line here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs_macros.errors import format_error

from . import exercise_macros, html_slots, module_macros, site_macros
from .accessibility import register_macros as register_accessibility_macros
from .build_state import BuildState
from .errors import ContentError
from .lab import register_macros as register_lab_macros
from .modules import load_registry
from .organisation import Organisation
from .project import PACKAGE_ROOT
from .render import make_environment
from .site_content import check_page_calls, load_content, site_markdown
from .strings import default_strings

WIDGET_TEMPLATES = PACKAGE_ROOT / "overrides" / "partials" / "widgets"
PARTIALS = PACKAGE_ROOT / "overrides" / "partials"

# Every macro authors may call, registered under its function's name. One line each.
MACROS: list[Callable[..., Any]] = [
    exercise_macros.exercise,
    exercise_macros.handouts,
    exercise_macros.answer_sheet,
    exercise_macros.exercise_source,
    exercise_macros.exercise_fields,
    exercise_macros.exercise_kinds,
    exercise_macros.exercise_variants,
    exercise_macros.pulse_collector,
    site_macros.cite,
    site_macros.page_references,
    site_macros.references_list,
    site_macros.glossary_list,
    site_macros.local_link,
    site_macros.organisation_name,
    site_macros.organisation_contacts,
    module_macros.module_count,
    module_macros.module_list,
    module_macros.learning_paths,
    module_macros.path_actions,
    module_macros.handouts_list,
    module_macros.module_intro,
]


@format_error.register
def _format_content_error(error: ContentError, markdown: str, page: Any) -> str:
    """Print content errors as the plain message they are, without a traceback."""
    return f"Content error found while building {page.file.src_path}:\n{error}"


def make_state(env: Any) -> BuildState:
    """Load and check the content and every page's macro calls, and make the build state the macros share.

    Content (exercises/, data/, docs/) comes from the upstream repository: ``extra.rs_upstream``, set by
    macros/hooks.py (``extra.upstream_dir``, else the folder holding this package), or the project folder
    when the hooks are not in use. An organisation overlay (``extra.rs_organisation``, also set by the hooks)
    supplies its own helplines, local links and interface strings.
    """
    extra = env.conf["extra"]
    organisation: Organisation | None = extra.get("rs_organisation")
    content = load_content(Path(extra.get("rs_upstream") or env.project_dir))
    strings = organisation.strings if organisation else default_strings()
    removed = organisation.removed if organisation else frozenset()
    # Every unknown exercise or source on any page, reported together before anything renders.
    check_page_calls(site_markdown(content.root, organisation, removed), content)
    registry = load_registry(content.root)
    # The modules this site includes, in order: the registry's, or an adapted copy's choice (modules:).
    site_modules = list(organisation.modules) if organisation else list(registry.modules)
    return BuildState(
        content=content,
        organisation=organisation,
        strings=strings,
        widgets=make_environment(WIDGET_TEMPLATES, strings),
        partials=make_environment(PARTIALS, strings),
        support=organisation.helplines if organisation and organisation.helplines else content.support,
        removed=removed,
        registry=registry,
        site_modules=site_modules,
        # The learning paths, by id, as their steps on this site's modules.
        site_paths={path.id: [step for step in path.steps if step.module in site_modules]
                    for path in registry.paths.values()},
        directory_urls=bool(env.conf.get("use_directory_urls", True)),
        current_page=lambda: env.page.file.src_uri,
        page_meta=lambda: env.page.meta,
    )


def bind(macro: Callable[..., Any], state: BuildState) -> Callable[..., Any]:
    """The macro as authors call it: the build state given, the rest of its signature and docstring kept."""

    @functools.wraps(macro)
    def bound(*args: Any, **kwargs: Any) -> Any:
        return macro(state, *args, **kwargs)

    return bound


def register(env: Any) -> BuildState:
    """Load content and register the macros on a mkdocs-macros environment; return the build state."""
    state = make_state(env)
    register_accessibility_macros(env, state.content.root, state.organisation)
    state.publish(env)
    env.variables["rs_lab"] = register_lab_macros(env, state.content.root, state.current_page,
                                                  state.link_to_site_path, state.strings)
    for macro in MACROS:
        # Kept out of Markdown where the hooks put it back (macros/html_slots.py).
        held = macro.__name__ in exercise_macros.FINISHED_HTML and html_slots.will_fill(env.conf["extra"])
        env.macro(bind(html_slots.held(macro) if held else macro, state), macro.__name__)
    return state
