"""The theme's search plugin reads a page's lighter HTML (macros/search_input.py), and the page keeps its own."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from macros import search_input


def page(src_uri: str, content: str) -> Any:
    """A page as the search plugin sees it."""
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), content=content)


def test_the_indexer_reads_the_lighter_html_and_the_page_keeps_its_own() -> None:
    read: list[str] = []
    index = SimpleNamespace(add_entry_from_context=lambda shown: read.append(shown.content))
    kept = search_input.SearchInput()
    kept.read_lightly({"material/search": SimpleNamespace(search_index=index), "other": object()})
    kept.keep("a.md", "<p>whole</p>", "<p></p>")
    kept.keep("b.md", "<p>as built</p>", "<p></p>")
    first, changed, unknown = page("a.md", "<p>whole</p>"), page("b.md", "<p>changed since</p>"), page("c.md", "c")
    for shown in (first, changed, unknown):
        index.add_entry_from_context(shown)
    # The lighter HTML only for the content it was made from; every page keeps its own content.
    assert read == ["<p></p>", "<p>changed since</p>", "c"]
    assert (first.content, changed.content, unknown.content) == ("<p>whole</p>", "<p>changed since</p>", "c")
    assert kept.lighter == {}  # each page's lighter HTML let go once read

