"""An organisation's SVG logo is published on the site's own origin, where opening it runs any script it holds.

So an SVG logo is refused when it holds code or reaches outside itself: a ``<script>`` or ``<foreignObject>``
element, an element in the XHTML namespace, an event-handler attribute (``onload`` and the like), a
``javascript:`` value, or a reference to another file or host (``href``/``xlink:href`` or CSS ``url()`` to
anything but a ``#fragment`` of the same document, ``@import``, an ``<?xml-stylesheet?>`` instruction).

It is parsed with the standard library's expat parser, and a document type declaration or entity is refused
before any entity could be expanded.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.parsers import expat

XHTML = "http://www.w3.org/1999/xhtml"
SEPARATOR = "\x1f"  # between a namespace and a local name in expat's names
FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener"}
EVENT_HANDLER = re.compile(r"on[a-z]+")
# A CSS reference: url(...) to anything but #fragment, or @import.
CSS_URL = re.compile(r"""url\(\s*(?!["']?#)([^)]*)\)|@import""", re.IGNORECASE)
IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")
FIX = "Save the logo again as a plain SVG (for example Inkscape's Optimised SVG, or Plain SVG), or use a PNG"


class UnsafeSvg(Exception):
    """The document declares a type or an entity: refused before anything is expanded."""


def _local(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition(SEPARATOR)
    return namespace, local.rsplit(":", 1)[-1]


class _SvgScan:
    """The parser's handlers: what they find unsafe, once each, in document order."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.stack: list[str] = []
        self.styles: list[str] = []

    def add(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    @staticmethod
    def refuse_declaration(*_: object) -> None:
        raise UnsafeSvg

    def start(self, name: str, attributes: dict[str, str]) -> None:
        namespace, local = _local(name)
        if not self.stack and local != "svg":
            self.add(f"the file is not an SVG image (its first element is <{local}>)")
        self.stack.append(local)
        if local.lower() in FORBIDDEN_ELEMENTS:
            self.add(f"it holds a <{local}> element, which can run code or show another document")
        elif namespace == XHTML:
            self.add(f"it holds an HTML element (<{local}>)")
        for attribute, value in attributes.items():
            self.attribute(local, _local(attribute)[1], value)

    def attribute(self, local: str, attr: str, value: str) -> None:
        plain = IGNORED_IN_URL.sub("", value).lower()
        if EVENT_HANDLER.fullmatch(attr.lower()):
            self.add(f"<{local}> has an event-handler attribute ({attr}=), which runs code")
        elif "javascript:" in plain or "vbscript:" in plain:
            self.add(f"<{local} {attr}=...> holds a javascript: link, which runs code")
        elif attr.lower() in ("href", "src") and not plain.startswith("#"):
            self.add(f"<{local} {attr}=\"{value[:60]}\"> refers to another file or host; only #fragments of the logo "
                     "itself are allowed")
        elif attr.lower() == "attributename" and (EVENT_HANDLER.fullmatch(plain) or plain.endswith("href")):
            self.add(f"<{local}> animates the {value} attribute, which can turn into a link or code")
        else:
            self.css_reference(value, f"<{local} {attr}=...>")

    def css_reference(self, text: str, where: str) -> None:
        found = CSS_URL.search(text)
        if found:
            self.add(f"{where} refers to another file or host ({found.group(0)[:60]}); only url(#fragment) is allowed")

    def end(self, name: str) -> None:
        self.stack.pop()

    def text(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.styles.append(data)

    def instruction(self, target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            self.add("it loads a stylesheet from another file (<?xml-stylesheet?>)")


def svg_problems(path: Path) -> list[str]:
    """What makes an SVG file unsafe to publish, each with the fix; an empty list when it is safe."""
    scan = _SvgScan()
    parser = expat.ParserCreate(namespace_separator=SEPARATOR)
    parser.StartDoctypeDeclHandler = scan.refuse_declaration
    parser.EntityDeclHandler = scan.refuse_declaration
    parser.UnparsedEntityDeclHandler = scan.refuse_declaration
    parser.ExternalEntityRefHandler = scan.refuse_declaration
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.text
    parser.ProcessingInstructionHandler = scan.instruction
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(path.read_bytes(), True)
    except UnsafeSvg:
        return [f"it declares a document type or an entity (<!DOCTYPE or <!ENTITY), which an SVG logo does not need "
                f"and which can pull in other files. {FIX}"]
    except expat.ExpatError as error:
        return [f"it is not well-formed XML ({expat.ErrorString(error.code)} at line {error.lineno}). {FIX}"]
    scan.css_reference("".join(scan.styles), "its <style>")
    return [f"{problem}. {FIX}" for problem in scan.problems]
