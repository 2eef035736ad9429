"""What the theme's search plugin reads of each page: the page's HTML without the content of the exercise parts
it leaves out (``data-search-exclude``, macros/search_scope.py), which it would read tag by tag only to skip.

The index it writes is the same; the page keeps its whole HTML. ``SearchInput.read_lightly`` (hooks.py
``on_pre_build``) wraps the plugin's indexer for one build; ``SearchInput.keep`` (hooks.py ``on_page_content``)
notes a page's lighter HTML. What one build keeps lives on its build state (``BuildState.search_input``,
macros/build_state.py), so the next build starts with nothing kept.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class SearchInput:
    """The lighter HTML of one build's pages, until the search plugin reads them (one per build: its state's)."""

    lighter: dict[str, tuple[str, str]] = field(default_factory=dict)  # src_uri -> (its content, lighter HTML)

    def keep(self, src_uri: str, html: str, lighter: str) -> None:
        """Note the lighter HTML the plugin reads for a page whose content is ``html``."""
        self.lighter[src_uri] = (html, lighter)

    def indexer(self, add_entry: Callable[[Any], Any]) -> Callable[[Any], Any]:
        """The plugin's ``add_entry_from_context``, reading a page's lighter HTML where one was kept for the
        content the page still has (else the content itself), and leaving the page its own."""

        @functools.wraps(add_entry)
        def add_entry_lightly(page: Any) -> Any:
            html, lighter = self.lighter.pop(page.file.src_uri, (None, None))
            if lighter is None or page.content != html:
                return add_entry(page)
            page.content = lighter
            try:
                return add_entry(page)
            finally:
                page.content = html

        return add_entry_lightly

    def read_lightly(self, plugins: Any) -> None:
        """Make this build's search plugin (Material's, if in use) read the lighter HTML kept by ``keep``."""
        for plugin in plugins.values():
            index = getattr(plugin, "search_index", None)
            if index is not None and hasattr(index, "add_entry_from_context"):
                index.add_entry_from_context = self.indexer(index.add_entry_from_context)
