"""A module page's parts: an "On this page" list of its sections near the top, and a link back to that list at
the end of each section, so a reader on a phone (where the theme's table of contents sits in a drawer) can see
the parts of a long page, jump between them and return. Built from the page's own table of contents, as plain
links: it works without JavaScript."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup, escape

LIST_ID = "rs-parts"


def sections(toc: Iterable[Any]) -> list[tuple[str, str]]:
    """The page's second-level headings as (id, title): the children of its title, or top-level h2s. The
    title is the table of contents' text, already HTML-escaped by Markdown."""
    found: list[tuple[str, str]] = []
    for item in toc:
        if item.level == 1:
            found += [(child.id, child.title) for child in item.children if child.level == 2]
        elif item.level == 2:
            found.append((item.id, item.title))
    return found


def parts_list(parts: list[tuple[str, str]], tr: Callable[..., Markup]) -> str:
    """The "On this page" list: a navigation landmark named by its title, one link per section."""
    items = "".join(f'<li><a href="#{escape(anchor)}">{title}</a></li>' for anchor, title in parts)
    return (f'<nav class="rs-parts" id="{LIST_ID}" aria-labelledby="{LIST_ID}-title" data-search-exclude>'
            f'<p class="rs-parts__title" id="{LIST_ID}-title">{tr("parts_title")}</p>'
            f'<ol class="rs-parts__list">{items}</ol></nav>\n')


def back_link(tr: Callable[..., Markup]) -> str:
    """The link at the end of a section back to the list of parts."""
    return f'<p class="rs-parts__back" data-search-exclude><a href="#{LIST_ID}">{tr("parts_back")}</a></p>\n'


def add_parts(html: str, toc: Iterable[Any], tr: Callable[..., Markup]) -> str:
    """Put the list of parts before the page's first section and a link back to it at the end of every
    section. A page with fewer than two sections, or whose headings are not found, is left as it is."""
    parts = sections(toc)
    starts = [html.find(f'<h2 id="{anchor}"') for anchor, _ in parts]
    if len(parts) < 2 or -1 in starts or starts != sorted(starts):
        return html
    back = back_link(tr)
    pieces = [html[:starts[0]], parts_list(parts, tr)]
    for start, end in zip(starts, starts[1:] + [len(html)], strict=True):
        pieces += [html[start:end].rstrip("\n"), "\n", back]
    return "".join(pieces)
