"""What the readers' search index holds: module text, exercise titles and prompts; not the forms' machinery.

Material's search plugin leaves out a page whose front matter says ``search: exclude: true`` and any element
that carries ``data-search-exclude``. This module

- leaves out whole pages readers do not search for (``LEFT_OUT_PAGES``: the authoring guide and the handouts
  pages, which repeat the modules' exercises);
- marks, inside every exercise (``data-rs-widget``), each part that holds none of its searchable words
  (``SEARCHABLE``: its title, introduction, prompts, statements and questions) with ``data-search-exclude``:
  answer options, answer keys and explanations, hints, results, notes about saving, buttons. (A part holding an
  element of its own tag is not marked whole but part by part: see ``_left_out``.)

The page's HTML is otherwise left exactly as it was: the attribute is inserted into the start tags found.
A new exercise kind's prompt markup is searchable once its class is in ``SEARCHABLE``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Pages (source paths, or folders ending in "/") left out of the readers' index.
LEFT_OUT_PAGES = ("authoring/", "handouts/")

# Classes of the parts of an exercise whose words readers search for.
SEARCHABLE = frozenset({
    "rs-exercise__title", "rs-exercise__intro", "rs-prompt__label", "rs-field__label", "rs-dimension__title",
    "rs-dimension__description", "rs-scale__legend", "rs-knowledge-check__legend", "rs-checklist__label",
})
EXCLUDE = "data-search-exclude"
EXERCISE_FORM = re.compile(r"<form\b[^>]*\bdata-rs-widget=.*?</form>", re.S)
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
ATTRIBUTE = re.compile(r"""([^\s=/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
HEADING = re.compile(r"<h[1-6]\b", re.I)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


def leave_out_of_search(src_uri: str, meta: dict[str, Any]) -> None:
    """Mark a page's front matter so the readers' index leaves it out, if it is one of ``LEFT_OUT_PAGES``."""
    if any(src_uri == page or (page.endswith("/") and src_uri.startswith(page)) for page in LEFT_OUT_PAGES):
        meta["search"] = {**(meta.get("search") or {}), "exclude": True}


def left_out_of_search(meta: dict[str, Any]) -> bool:
    """Whether the theme's search plugin leaves a page out whole (its front matter says ``search: exclude``), so
    nothing inside it needs marking."""
    search = meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


@dataclass
class Element:
    """An element of the page: its tag, where its start tag ends its name, its attributes, its children."""

    tag: str
    name_end: int
    attrs: dict[str, str]
    children: list[Element] = field(default_factory=list)
    inside: tuple[int, int] | None = None  # where its content starts and ends (after its start tag, at its end tag)
    _holds: bool | None = None
    _tags: frozenset[str] | None = None

    def classes(self) -> set[str]:
        """The element's classes."""
        return set((self.attrs.get("class") or "").split())

    def searchable(self) -> bool:
        """Whether the element is marked as text readers search."""
        return bool(self.classes() & SEARCHABLE)

    def tags_within(self) -> frozenset[str]:
        """The tags of every element inside this one."""
        if self._tags is None:
            self._tags = frozenset().union(*[{child.tag} | child.tags_within() for child in self.children])
        return self._tags

    def holds_searchable(self) -> bool:
        """Whether the element or anything inside it is marked as searchable."""
        if self._holds is None:
            self._holds = self.searchable() or any(child.holds_searchable() for child in self.children)
        return self._holds


def _tree(html: str) -> Element:
    """Parse HTML made by our templates into Elements (a tag scanner: their attribute values never hold a raw
    "<" or ">", and their JSON data escapes both), noting where each start tag's name ends."""
    root = Element("#root", -1, {})
    stack = [root]
    for tag in TAG.finditer(html):
        closing, name, rest = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].tag == name:
                    stack[depth].inside = (stack[depth].inside or (0, 0))[0], tag.start()
                    del stack[depth:]
                    break
            continue
        attrs = {key.lower(): (value or "").strip("\"'") for key, value in ATTRIBUTE.findall(rest)}
        element = Element(name, tag.start() + 1 + len(name), attrs, inside=(tag.end(), -1))
        stack[-1].children.append(element)
        if name not in VOID and not rest.rstrip().endswith("/"):
            stack.append(element)
    return root


def _left_out(element: Element) -> list[Element]:
    """The parts of an exercise to mark: each that holds nothing searchable, as high up as possible, but never
    one holding an element of its own tag: the theme's index stops leaving out an element when the first element
    of the same tag inside it ends (Material 9.8's search plugin compares elements by tag)."""
    if EXCLUDE in element.attrs or element.searchable():
        return []
    if not element.holds_searchable() and element.tag not in element.tags_within():
        return [element]
    return [part for child in element.children for part in _left_out(child)]


def index_only_what_readers_search(html: str) -> str:
    """The page's HTML with ``data-search-exclude`` on every part of an exercise readers do not search for.
    Only the exercises are parsed (each is one ``<form>``, and forms never nest)."""
    return marked_and_indexed(html)[0]


def marked_and_indexed(html: str) -> tuple[str, str]:
    """The page's HTML marked (``index_only_what_readers_search``), and the same HTML as the theme's search
    plugin needs to read it: each part marked ``data-search-exclude`` without its content, which the plugin
    reads tag by tag only to skip it (where that content has no heading, which would open a section)."""
    marks: set[int] = set()
    emptied: list[tuple[int, int]] = []
    for form in EXERCISE_FORM.finditer(html):
        tree = _tree(form.group(0))
        for exercise in tree.children:
            for part in (part for child in exercise.children for part in _left_out(child)):
                marks.add(form.start() + part.name_end)
                start, end = part.inside or (0, -1)
                if end > start and not HEADING.search(form.group(0), start, end):
                    emptied.append((form.start() + start, form.start() + end))
    marked = _insert_marks(html, sorted(marks))
    pieces, last = [], 0
    for start, end in sorted(emptied):
        pieces.append(html[last:start])
        last = end
    return marked, _insert_marks("".join([*pieces, html[last:]]), _shifted(sorted(marks), sorted(emptied)))


def _insert_marks(html: str, places: list[int]) -> str:
    """``html`` with `` data-search-exclude`` inserted at each place (in order)."""
    pieces, last = [], 0
    for place in places:
        pieces += [html[last:place], f" {EXCLUDE}"]
        last = place
    return "".join([*pieces, html[last:]])


def _shifted(places: list[int], cuts: list[tuple[int, int]]) -> list[int]:
    """Places in HTML moved to where they are once the cuts (disjoint, none holding a place) are taken out."""
    moved, removed, cut = [], 0, 0
    for place in places:
        while cut < len(cuts) and cuts[cut][1] <= place:
            removed += cuts[cut][1] - cuts[cut][0]
            cut += 1
        moved.append(place - removed)
    return moved
