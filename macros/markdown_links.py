"""Links written in Markdown pages: find them, resolve them to pages, and rewrite them for an adapted copy.

An adapted copy leaves some upstream pages out: ``unlink_removed`` turns links to them into plain text (and,
on pages that list modules, drops the rows that lead with one); ``reorder_rows`` puts the rows of such lists
in the copy's order. ``written_links`` and ``link_sources`` let the overlay's checks find every link, however
it is written.
"""

from __future__ import annotations

import posixpath
import re

from .overlay_links import site_sources
from .site_paths import page_url

# A Markdown inline link or image: [text](target "title"), capturing text and target.
MD_LINK = re.compile(r'(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)')
# A reference-style link definition: [label]: target "title" (not a footnote, [^1]: ...).
REF_DEF = re.compile(r'^ {0,3}\[(?!\^)[^\]]+\]:\s*<?([^\s>]+)>?', re.MULTILINE)
# A raw HTML link: <a href="target"> or <a href='target'>.
HTML_HREF = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
# A fenced code block, whose links are examples rather than links.
FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.MULTILINE | re.DOTALL)
# A table row or list item: with drop_rows, one whose first link goes to a left-out page is dropped whole.
ROW = re.compile(r"\s*(\||[-*+]\s|\d+\.\s)")
# A cross-reference in brackets that is only a pointer to another page: " (see [Title](page.md))".
SEE_ALSO = re.compile(r" ?\([Ss]ee(?: also)? " + MD_LINK.pattern + r"\)")
# The number leading a table row (| 3 |) or an ordered list item (3.), to renumber rows put in a new order.
ROW_NUMBER = re.compile(r"^(\s*\|\s*|\s*)\d+(?=\s*\||\.\s)")
# An address with a scheme (https:, mailto:, tel:, ...): not a page of the site.
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def resolve_target(page_src_uri: str, target: str) -> tuple[str, str] | None:
    """Resolve a relative Markdown link target to (docs src_uri, #anchor), or None for external/other links."""
    if EXTERNAL.match(target) or target.startswith(("#", "/")):
        return None
    path, _, anchor = target.partition("#")
    if not path.endswith(".md"):
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_src_uri), path))
    return resolved, ("#" + anchor if anchor else "")


def url_sources(path: str) -> list[str]:
    """The pages (src_uri) a site-relative URL path can be built from: ``modules/x/``, ``modules/x.html``
    and ``modules/x/index.html`` all come from ``modules/x.md`` (or ``modules/x/index.md``)."""
    stem = path.removesuffix("index.html").removesuffix(".html").rstrip("/")
    if stem in ("", "."):
        return ["index.md"]
    return [f"{stem}.md", f"{stem}/index.md"]


def link_sources(page_src_uri: str, target: str) -> list[str]:
    """The pages (src_uri) a link written on a page may go to, however it is written: a Markdown page
    (``../modules/x.md``), or a built URL (``../modules/x/``), read from the page's folder or, as a browser
    does, from the page's own address (``glenbarra/`` for ``glenbarra/index.md``)."""
    found = resolve_target(page_src_uri, target)
    if found:
        return [found[0]]
    if target.startswith("/") and not target.startswith("//"):
        return site_sources(target)
    if EXTERNAL.match(target) or target.startswith(("#", "/")) or target.startswith("{{"):
        return []
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return []
    bases = {posixpath.dirname(page_src_uri), page_url(page_src_uri, True).rstrip("/")}
    joined = {posixpath.normpath(posixpath.join(base, path)) for base in bases}
    return [source for url in sorted(joined) if not url.startswith("..") for source in url_sources(url)]


def written_links(text: str) -> list[tuple[int, str]]:
    """Every link target written in a page, with its line number: Markdown inline links, reference-style
    link definitions and raw HTML ``<a href>``, leaving out fenced code blocks."""
    text = FENCE.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    found = [(match.start(3), match.group(3)) for match in MD_LINK.finditer(text) if not match.group(1)]
    found += [(match.start(1), match.group(1)) for match in REF_DEF.finditer(text)]
    found += [(match.start(2), match.group(2).strip()) for match in HTML_HREF.finditer(text)]
    return sorted((text.count("\n", 0, offset) + 1, target) for offset, target in found)




def unlink_removed(markdown: str, page_src_uri: str, removed: set[str] | frozenset[str],
                   drop_rows: bool = False) -> tuple[str, list[str]]:
    """Turn links to pages this copy leaves out into plain text (upstream pages only).

    With ``drop_rows`` (pages that list modules: the module list, the handouts index, the home page), a table
    row or list item whose first link goes to a removed page is dropped whole. Returns the new Markdown and
    the targets that were unlinked.
    """
    unlinked: list[str] = []
    out_lines = []
    in_fence = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            out_lines.append(line)
            continue
        first = MD_LINK.search(line)
        if drop_rows and first and ROW.match(line):
            found = resolve_target(page_src_uri, first.group(3))
            if found and found[0] in removed:
                unlinked.append(found[0])
                continue

        def drop_pointer(match: re.Match[str]) -> str:
            """A bracketed "(see [page](…))" to a left-out page says nothing without its link: drop it whole."""
            found = resolve_target(page_src_uri, match.group(3))
            if match.group(1) or not found or found[0] not in removed:
                return match.group(0)
            unlinked.append(found[0])
            return ""

        def replace(match: re.Match[str]) -> str:
            found = resolve_target(page_src_uri, match.group(3))
            if match.group(1) or not found or found[0] not in removed:
                return match.group(0)
            unlinked.append(found[0])
            return match.group(2)

        out_lines.append(MD_LINK.sub(replace, SEE_ALSO.sub(drop_pointer, line)))
    return "\n".join(out_lines), unlinked


def row_module(line: str, page_src_uri: str, rank: dict[str, int]) -> str | None:
    """The module a table row or list item leads with (its first link goes to modules/<id>.md,
    handouts/<id>.md or any page named after a module in ``rank``), else None."""
    first = MD_LINK.search(line)
    if not first or not ROW.match(line):
        return None
    found = resolve_target(page_src_uri, first.group(3))
    module = posixpath.basename(found[0]).removesuffix(".md") if found else None
    return module if module in rank else None


def sort_rows(rows: list[tuple[str, str]], rank: dict[str, int]) -> list[str]:
    """Rows in the copy's order, renumbered 1, 2, 3 where they lead with a number (| 1 | or 1.)."""
    ordered = sorted(rows, key=lambda row: rank[row[0]])
    return [ROW_NUMBER.sub(lambda match, n=number: f"{match.group(1)}{n}", line, count=1)
            for number, (_, line) in enumerate(ordered, start=1)]


def reorder_rows(markdown: str, page_src_uri: str, order: list[str]) -> str:
    """Put each run of table rows or list items that lead with a link to a module in the copy's order
    (``modules:``), renumbering a leading position number; other lines stay as they are."""
    rank = {module: index for index, module in enumerate(order)}
    out: list[str] = []
    run: list[tuple[str, str]] = []
    in_fence = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        module = None if in_fence else row_module(line, page_src_uri, rank)
        if module:
            run.append((module, line))
            continue
        out += sort_rows(run, rank)
        run = []
        out.append(line)
    out += sort_rows(run, rank)
    return "\n".join(out)
