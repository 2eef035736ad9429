"""Handouts: read which exercises a module page uses, in page order, so its handouts page can lay them out.

Handouts pages (docs/handouts/<module>.md) render before module pages, so they read the module's source
rather than waiting for it to render.
"""

from __future__ import annotations

import re
from pathlib import Path

from .page_exercises import page_exercises
from .quick_imports import load_yaml


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
    return title, page_exercises(text)
