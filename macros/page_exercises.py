"""Which exercises a page uses: its ``{{ exercise("id") }}`` calls, in page order.

A call an author only quotes is not a use: calls inside HTML comments, ``{% raw %}`` blocks and fenced code
blocks are left out. Handouts pages, the references page, the page checks and the upgrade report all read a
page's exercises through ``page_exercises``.
"""

from __future__ import annotations

import re

# {{ exercise("some-id") }} or {{ exercise('some-id', heading=2) }} in a page's Markdown.
EXERCISE_CALL = re.compile(r"""\{\{\s*exercise\(\s*["']([a-z0-9-]+)["']""")

# Where a call is quoted rather than made: HTML comments, {% raw %} blocks, fenced code blocks.
QUOTED = re.compile(
    r"<!--.*?-->"
    r"|\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}"
    r"|^[ \t]*(?P<fence>```|~~~).*?^[ \t]*(?P=fence)[ \t]*$",
    re.S | re.M,
)


def without_quoted(markdown: str) -> str:
    """The page's Markdown with comments, raw blocks and fenced code replaced by a space."""
    return QUOTED.sub(" ", markdown)


def page_exercises(markdown: str) -> list[str]:
    """The exercise ids a page's Markdown calls, in page order (an id used twice is listed twice)."""
    return EXERCISE_CALL.findall(without_quoted(markdown))
