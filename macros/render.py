"""Render an exercise to one block of HTML that Markdown passes through untouched."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .catalogue import Exercise
from .errors import ContentError, Problem
from .kinds import KINDS, label_key
from .roles import RoleText, with_role_text
from .safe_markdown import EXERCISE_LINKS, markdown_problems, rendered
from .strings import default_strings, translator
from .template_cache import bytecode_cache


def markdown_to_html(text: str | RoleText) -> Markup:
    """Convert content Markdown (exercise text, session notes, support routes) to HTML; both wordings of role
    text (roles.py).

    Exercise files and an overlay are checked when they load, naming the file and field
    (macros/safe_markdown.py); this is the backstop for any Markdown that reaches a page another way: raw HTML,
    event handlers and javascript:, data: or vbscript: links stop the build here too."""
    if isinstance(text, RoleText):
        return text.block(markdown_to_html)
    return _checked_html(text)


@functools.lru_cache(maxsize=4096)
def _checked_html(text: str) -> Markup:
    """markdown_to_html for plain text, once per text: an exercise renders on its module page and its handouts
    page, and the same wording recurs. (A text that fails raises each time: errors are not cached.)"""
    problems = markdown_problems(text, EXERCISE_LINKS, "text shown on a page")
    if problems:
        shown = " ".join(text.split())[:60]
        raise ContentError("Unsafe Markdown in a content file:", [Problem("(Markdown text)", repr(shown), problem + ".")
                                                                   for problem in problems])
    return Markup(rendered(text)[1])


def markdown_inline(text: str | RoleText) -> Markup:
    """Convert a one-line Markdown string to HTML without the wrapping paragraph."""
    if isinstance(text, RoleText):
        return text.inline(markdown_inline)
    html = str(markdown_to_html(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def compact(html: str) -> str:
    """Strip indentation and blank lines, which Markdown would turn into code blocks or paragraphs."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def make_environment(template_dir: Path, strings: dict[str, str] | None = None) -> Environment:
    """Create the Jinja environment for widget templates: autoescaped, strict about missing values.

    ``strings`` are the interface strings (data/strings/, with an organisation's overrides): templates,
    and the macros they import, read them as ``t.<key>`` and ``tr("key", name=value)``.
    """
    env = Environment(
        loader=FileSystemLoader(str(template_dir)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache("content"),
    )
    env.filters["md"] = markdown_to_html
    env.filters["md_inline"] = markdown_inline
    env.globals["t"] = strings or default_strings()
    env.globals["tr"] = translator(env.globals["t"])
    return env


def template_name(kind: str) -> str:
    """Name the template file of a kind: the kind's own name."""
    return f"{kind}.html"


def render_exercise(
    env: Environment, exercise: Exercise, heading_level: int = 3, extra: dict[str, Any] | None = None
) -> str:
    """Render an exercise with its kind's template. Text written for each role (roles.py) reaches the template
    as RoleText, which writes both wordings; the script's configuration keeps the {nqsw, supervisor} mappings,
    which lib/exercise.js resolves to the learner's role."""
    module = KINDS[exercise.kind]
    uid = f"ex-{exercise.id}"
    alt_label = env.globals["t"]["role_wording_supervisors"]
    kind_values = module.context(exercise.id, exercise.data)
    values = {
        "ex": with_role_text(exercise.data, alt_label),
        "id": exercise.id,
        "uid": uid,
        "kind": exercise.kind,
        "kind_label_key": label_key(exercise.kind),
        "level": max(2, min(heading_level, 5)),
        "reminder": env.globals["t"]["reminder"],
        **(extra or {}),
        **{
            name: value if name == "config" else with_role_text(value, alt_label) for name, value in kind_values.items()
        },
    }
    return compact(env.get_template(template_name(exercise.kind)).render(values))
