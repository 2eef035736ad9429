"""Markdown tables on a narrow screen: each scrolls sideways inside its own region (WCAG 2.2 reflow), which a
keyboard user can focus and scroll with the arrow keys and a screen reader announces by name ("Table: <the
section it is in>"). Done in the HTML at build time, so it holds without JavaScript; the theme's script still
wraps the table in its own scroll box, inside ours, which the stylesheet lets ours do the scrolling for."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

# A table written in Markdown comes out as a bare <table> (templates' tables carry a class and their own region).
MARKDOWN_TABLE = re.compile(r"<table>.*?</table>", re.S)
HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.S)
HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
TAG = re.compile(r"<[^>]+>")


def heading_text(inner_html: str) -> str:
    """A heading's words, HTML-escaped and safe in an attribute (without its permalink sign or markup)."""
    text = TAG.sub("", HEADERLINK.sub("", inner_html))
    return " ".join(text.split()).replace('"', "&quot;")


def wrap_tables(html: str, tr: Callable[..., Markup]) -> str:
    """Wrap every Markdown table in a focusable region named after the heading of the section it is in."""

    def region(match: re.Match[str]) -> str:
        headings = list(HEADING.finditer(html, 0, match.start()))
        section = heading_text(headings[-1].group(2)) if headings else ""
        label = tr("table_region_label", section=Markup(section)) if section else tr("table_region_label_plain")
        return f'<div class="rs-table-region" role="region" tabindex="0" aria-label="{label}">{match.group(0)}</div>'

    return MARKDOWN_TABLE.sub(region, html)
