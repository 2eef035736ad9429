"""Handouts: read which exercises a module page uses, in page order, so its handouts page can lay them out.

Handouts pages (docs/handouts/<module>.md) render before module pages, so they read the module's source
rather than waiting for it to render.
"""

from __future__ import annotations

import re
from pathlib import Path

from .quick_imports import load_yaml

# {{ exercise("some-id") }} or {{ exercise('some-id', heading=2) }} in a page's Markdown.
EXERCISE_CALL = re.compile(r"""\{\{\s*exercise\(\s*["']([a-z0-9-]+)["']""")
# HTML comments, where an example call may be quoted without being used.
COMMENT = re.compile(r"<!--.*?-->", re.S)


def module_source(path: Path) -> tuple[str, list[str]]:
    """Return a module page's title (front matter, else first heading) and its exercise ids in order."""
    text = path.read_text(encoding="utf-8")
    title = ""
    if text.startswith("---"):
        meta = load_yaml(text.split("---", 2)[1]) or {}
        title = str(meta.get("title", ""))
    if not title:
        heading = re.search(r"^# (.+)$", text, flags=re.M)
        title = heading.group(1).strip() if heading else path.stem
    return title, EXERCISE_CALL.findall(COMMENT.sub("", text))
