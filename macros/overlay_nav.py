"""An adapted copy's navigation: the upstream navigation with its own choice of modules and its own pages."""

from __future__ import annotations

from typing import Any

from .organisation import Organisation
from .safe_markdown import html_text


def own_nav(organisation: Organisation, upstream_nav: list[Any]) -> list[Any]:
    """The copy's navigation: the upstream navigation with the module list replaced by the organisation's
    choice and order, pages the copy leaves out removed, and the organisation's pages after Home."""
    removed = organisation.removed
    module_entries = ["modules/index.md"] + [f"modules/{m}.md" for m in organisation.modules]

    def keep(entry: Any) -> Any:
        if isinstance(entry, str):
            if entry in removed or (entry.startswith("modules/") and entry not in module_entries):
                return None
            return entry
        if isinstance(entry, dict):
            (title, value), = entry.items()
            if isinstance(value, list):
                if any(isinstance(v, str) and v.startswith("modules/") for v in value):
                    return {title: module_entries}
                kept = [k for k in (keep(v) for v in value) if k is not None]
                return {title: kept} if kept else None
            return {title: value} if keep(value) is not None else None
        return entry

    nav = [k for k in (keep(e) for e in upstream_nav) if k is not None]
    if organisation.pages:
        # The theme shows navigation titles as HTML: the heading goes in as text.
        heading = html_text(organisation.data.get("pages_section", organisation.name))
        section = {heading: list(organisation.pages)}
        nav.insert(1 if nav else 0, section)
    return nav
