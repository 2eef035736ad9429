"""Rendered HTML kept out of Markdown's parsing: a macro leaves a placeholder, the converted page gets it back.

An exercise's form is finished HTML, which Python-Markdown would pass through untouched, but only after
parsing it tag by tag (md_in_html, and MkDocs again for the anchors it holds): most of a module page's
conversion time. A macro gives ``HeldHtml.hold`` its HTML and puts the one-line placeholder it returns in the
page; ``HeldHtml.fill`` (hooks.py ``on_page_content``, before anything else reads the page) swaps the HTML back
in and tells MkDocs the ids it holds, so links to an exercise's anchors are still checked. Only a build whose
hooks fill (``promise_to_fill``, hooks.py ``on_config``) holds HTML; without the hooks, macros give the HTML
itself. What one build holds lives on its build state (``BuildState.held_html``, macros/build_state.py), so
the next build, in the same process or after a build that stopped part way, starts with nothing held.
"""

from __future__ import annotations

import functools
import html as html_text
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

# Markdown passes a raw block like this one through as it is, on a line of its own.
PLACEHOLDER = '<div data-rs-html-slot="{number}"></div>'
SLOT = re.compile(r'<div data-rs-html-slot="(\d+)"></div>')
# The anchors MkDocs collects from raw HTML: an element's id, and an <a>'s name.
ANCHOR = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]*)"|<a\s[^>]*?\bname="([^"]*)"')

# The key in config.extra that says this build's hooks fill the placeholders.
WILL_FILL = "rs_html_slots"


def promise_to_fill(extra: dict[str, Any]) -> None:
    """Note in a build's ``config.extra`` that its hooks will fill the placeholders."""
    extra[WILL_FILL] = True


def will_fill(extra: dict[str, Any]) -> bool:
    """Whether this build's hooks fill placeholders (so macros may hold their HTML)."""
    return bool(extra.get(WILL_FILL))


def anchor_ids(html: str) -> set[str]:
    """The ids (and <a> names) in rendered HTML, as an HTML parser reads them (entities decoded)."""
    return {html_text.unescape(first or second) for first, second in ANCHOR.findall(html)}


@dataclass
class HeldHtml:
    """The finished HTML one build's macros hold until its hooks put it back (one per build: its build state's)."""

    waiting: dict[str, str] = field(default_factory=dict)  # by placeholder number, until its page is filled
    numbers: Iterator[int] = field(default_factory=itertools.count)  # each placeholder's own number

    def hold(self, html: str) -> str:
        """Keep ``html`` for the page being rendered; return the placeholder to put in its Markdown."""
        number = str(next(self.numbers))
        self.waiting[number] = html
        return PLACEHOLDER.format(number=number)

    def fill(self, html: str, page: Any) -> str:
        """Put the held HTML back in place of its placeholders, adding its ids to the page's anchors."""
        if "data-rs-html-slot" not in html:
            return html
        ids: set[str] = set()

        def put_back(match: re.Match[str]) -> str:
            held = self.waiting.pop(match.group(1))
            ids.update(anchor_ids(held))
            return held

        html = SLOT.sub(put_back, html)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids = page.present_anchor_ids | ids
        return html


def held(macro: Callable[..., Any]) -> Callable[..., Any]:
    """The macro with its HTML held apart in its build state's ``held_html`` (the state is its first argument):
    its page gets the placeholder."""

    @functools.wraps(macro)
    def placed(state: Any, *args: Any, **kwargs: Any) -> Markup:
        return Markup(state.held_html.hold(str(macro(state, *args, **kwargs))))

    return placed
