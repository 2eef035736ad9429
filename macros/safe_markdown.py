"""Markdown from content files is checked before it is shown: no raw HTML, no event handlers, no dangerous links.

Exercise text (the fields whose schema is ``common.schema.json#/$defs/markdown``) and an overlay's Markdown
fields (``helplines``) are rendered to HTML by the build. Markdown passes raw HTML through, so a ``<script>``
or a ``javascript:`` link pasted by mistake would ship. The text is rendered with the same Markdown extensions
the site uses (macros/render.py), and the result is refused when:

- it holds raw HTML (the Markdown parser's own record of it; entities such as ``&amp;`` are fine). None of the
  exercise files uses any, so exercise text allows none: ``<script>``, ``<style>``, ``<iframe>``, ``<object>``
  and ``<embed>`` included;
- an element has an event-handler attribute (``onclick`` and the like, which ``{: ...}`` attribute lists
  could add);
- a link or image goes to a scheme outside the field's rule: never ``javascript:``, ``data:`` or ``vbscript:``.

Overlay values that are not Markdown (an organisation's name, contacts, interface strings) are text: macros
that put them on a page escape them with ``markdown_text`` (or ``html_text`` where they go into HTML).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
from markupsafe import escape

from .strings import PLACEHOLDER

# The extensions macros/render.py renders content Markdown with.
EXTENSIONS = ["attr_list", "sane_lists", "tables"]
ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
TAG_NAME = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9:-]*)|<(!--)")
EVENT_HANDLER = re.compile(r"on[a-z]+")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers ignore ASCII control characters and spaces around a URL, and tabs and newlines inside it.
IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "background", "data", "srcset",
                  "xlink:href", "longdesc", "ping"}
NEVER = ("javascript", "data", "vbscript")
NEVER_PREFIXES = tuple(f"{scheme}:" for scheme in NEVER)
# Characters Markdown (with the site's extensions) gives a meaning and lets a backslash escape.
MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def html_text(value: object) -> str:
    """A value as plain text for HTML: on one line, with <, >, & and quotes escaped."""
    return str(escape(" ".join(str(value).split())))


def markdown_text(value: object, strip: bool = True) -> str:
    """A value as plain text for a Markdown page: on one line, HTML escaped and every Markdown character
    backslash-escaped, so it shows exactly as written and can never become a tag, a link or an attribute."""
    plain = re.sub(r"\s+", " ", str(value))
    plain = (plain.strip() if strip else plain).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", plain)


def markdown_fill(template: str, **markdown: str) -> str:
    """An interface string as Markdown text (markdown_text), with each {name} replaced by the Markdown given
    for it (a link the caller built from checked values); other braces stay text."""
    pieces, last = [], 0
    for match in PLACEHOLDER.finditer(template):
        if match.group(1) in markdown:
            pieces += [markdown_text(template[last:match.start()], strip=False), markdown[match.group(1)]]
            last = match.end()
    pieces.append(markdown_text(template[last:], strip=False))
    return "".join(pieces).strip()


@dataclass(frozen=True)
class LinkRule:
    """Which links a Markdown field may hold: these schemes, and links within the site (relative or /path)."""

    schemes: tuple[str, ...]
    describe: str

    def refuses(self, url: str) -> str | None:
        """Why ``url`` is refused, or None when it is allowed."""
        plain = IGNORED_IN_URL.sub("", url)
        found = SCHEME.match(plain)
        if found:
            scheme = found.group(1).lower()
            return None if scheme in self.schemes and scheme not in NEVER else f"a {scheme}: link"
        if plain.startswith("//") or plain.startswith("\\\\") or plain.startswith("/\\"):
            return "a link to another host without https:"
        return None


# Exercise text: web pages, e-mail, phone numbers and the site's own pages.
EXERCISE_LINKS = LinkRule(("https", "http", "mailto", "tel"),
                          "https:// addresses, mailto: and tel: links and pages of the site (modules/page.md)")
# An overlay's Markdown fields (helplines): https only, e-mail, phone numbers and the site's own pages.
OVERLAY_LINKS = LinkRule(("https", "mailto", "tel"), "https:// addresses, mailto: and tel: links and pages of the site")


class _Elements(HTMLParser):
    """Every start tag of rendered Markdown, with its attributes (character references decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, [(name.lower(), value or "") for name, value in attrs]))


# One converter, reset before each text (building one is costly; these extensions keep no state between texts).
_CONVERTER = markdown.Markdown(extensions=EXTENSIONS)


@functools.lru_cache(maxsize=8192)
def rendered(text: str) -> tuple[tuple[str, ...], str]:
    """The raw HTML pieces Markdown passes through from ``text`` (entities left out), and the HTML it renders.
    Once per text: the check (markdown_problems) and the page (macros/render.py) share the one conversion."""
    html = _CONVERTER.reset().convert(text)
    pieces = [str(piece) for piece in _CONVERTER.htmlStash.rawHtmlBlocks]
    return tuple(piece for piece in pieces if not ENTITY.fullmatch(piece.strip())), html


def raw_html(text: str) -> list[str]:
    """The pieces of raw HTML Markdown would pass through from ``text``, and the HTML it renders."""
    raw, html = rendered(text)
    return [*raw, html]


def markdown_problems(text: str, links: LinkRule, where: str = "this text") -> list[str]:
    """What is wrong with a piece of Markdown, each with its fix (an empty list when it is safe to show)."""
    return list(_problems(text, links, where))


@functools.lru_cache(maxsize=8192)
def _problems(text: str, links: LinkRule, where: str) -> tuple[str, ...]:
    """markdown_problems, once per text, rule and place: an exercise's text is checked when its file loads and
    again before it is shown, and the same wording recurs."""
    *raw, html = raw_html(text)
    problems = []
    names = []
    for piece in raw:
        found = TAG_NAME.search(piece)
        name = (found.group(1) or found.group(2)).lower() if found else piece.strip()[:20]
        if name not in names:
            names.append(name)
    if names:
        shown = ", ".join("<!-- -->" if name == "!--" else f"<{name}>" for name in names)
        problems.append(f"raw HTML ({shown}) is not allowed in {where}. Write it in Markdown instead: **bold**, "
                        "*italics*, lists and [words](link); the site shows no HTML from content files")
    elements = _Elements()
    elements.feed(html)
    elements.close()
    for tag, attributes in elements.tags:
        for name, value in attributes:
            if EVENT_HANDLER.fullmatch(name):
                problems.append(f"an event-handler attribute ({name}=) on <{tag}> is not allowed in {where}. "
                                "Remove it: content files hold no code")
            elif name in URL_ATTRIBUTES or IGNORED_IN_URL.sub("", value).lower().startswith(NEVER_PREFIXES):
                reason = links.refuses(value)
                if reason:
                    problems.append(f"{reason} ({value.strip()[:60]}) is not allowed in {where}. "
                                    f"Use {links.describe}")
    return tuple(problems)
