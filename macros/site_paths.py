"""Work out links between pages, whatever the URL style of the build."""

from __future__ import annotations

import posixpath


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """Return the URL MkDocs gives the page built from ``src_uri`` (``modules/x.md``)."""
    stem = src_uri.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_url(from_page_url: str, to_url: str) -> str:
    """Return ``to_url`` relative to the page at ``from_page_url`` (both site-relative)."""
    from_dir = (
        from_page_url if from_page_url.endswith("/") or not from_page_url else posixpath.dirname(from_page_url) + "/"
    )
    rel = posixpath.relpath("/" + to_url, "/" + from_dir)
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel == "./" or rel == "." else rel


def relative_source(from_src_uri: str, to_src_uri: str) -> str:
    """Return a Markdown link target from one source file to another (``../references.md``)."""
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")
