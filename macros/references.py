"""The reference list: loading, in-text citations and the generated references sections."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .catalogue import read_yaml
from .errors import ContentError, Problem
from .safe_markdown import markdown_fill
from .schema_messages import load_validator, schema_problems
from .strings import default_strings
from .suggest import did_you_mean

# A macro expression {{ ... }}, a cite(...) call inside one, and the quoted keys inside that.
MACRO_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
CITE_CALL = re.compile(r"\bcite\(([^)]*)\)")
QUOTED = re.compile(r"[\"']([^\"']+)[\"']")


def cited_keys(markdown_texts: Iterable[str]) -> set[str]:
    """Return every key named in a ``cite(...)`` call in the given Markdown (read before pages render, so the
    references page can list exactly the cited sources whatever order pages render in)."""
    keys: set[str] = set()
    for text in markdown_texts:
        expressions = " ".join(MACRO_EXPRESSION.findall(text))
        for call in CITE_CALL.finditer(expressions):
            arguments = call.group(1).split("=", 1)[0]  # keys come before any keyword argument
            keys.update(QUOTED.findall(arguments))
    return keys


@dataclass(frozen=True)
class Reference:
    """One source: in-text author label, year and full text."""

    key: str
    cite: str
    year: str
    text: str
    url: str | None = None
    check: str | None = None
    jurisdiction: str | None = None

    @property
    def anchor(self) -> str:
        """Return the id of this entry on the references page."""
        return f"ref-{self.key}"


def load_references(paths: list[Path], schema_path: Path, root: Path) -> dict[str, Reference]:
    """Load and validate one or more reference files; raise one error listing every problem."""
    validator = load_validator(schema_path)
    references: dict[str, Reference] = {}
    problems: list[Problem] = []
    for path in paths:
        shown = path.relative_to(root).as_posix()
        data, found = read_yaml(path, shown)
        problems += found
        if found:
            continue
        problems += schema_problems(data or {}, validator, shown)
        if problems:
            continue
        for key, entry in (data or {}).items():
            if key in references:
                problems.append(
                    Problem(shown, key, "this key is already defined in another references file. Use a different key.")
                )
                continue
            references[key] = Reference(key=key, **{k: str(v) for k, v in entry.items()})
    if problems:
        raise ContentError("Problems in the reference list:", problems)
    return references


class Citations:
    """Resolve citations for pages and remember which sources each page cites."""

    def __init__(self, references: dict[str, Reference]) -> None:
        """Start with no citations recorded."""
        self.references = references
        self.used: dict[str, list[str]] = {}

    def lookup(self, key: str, page: str) -> Reference:
        """Find a reference or fail naming the page and close matches."""
        if key in self.references:
            self.used.setdefault(page, [])
            if key not in self.used[page]:
                self.used[page].append(key)
            return self.references[key]
        hint = did_you_mean(key, self.references)
        raise ContentError(
            f"Unknown reference {key!r} in {page}.",
            [Problem(page, f'cite("{key}")', f"no entry with this key in data/references*.yaml.{hint} "
                                              "Fix the key, or add the source to data/references.yaml.")],
        )

    def cite(
        self, keys: tuple[str, ...], page: str, link_to: str, narrative: bool = False, pages: str | None = None
    ) -> str:
        """Return Markdown for an in-text citation, each part linked to the references page."""
        parts = []
        for key in keys:
            ref = self.lookup(key, page)
            label = f"{ref.cite} ({ref.year})" if narrative else f"{ref.cite} {ref.year}"
            parts.append(f"[{label}]({link_to}#{ref.anchor})")
        joined = "; ".join(parts)
        suffix = f", {pages}" if pages else ""
        if narrative:
            return joined + (f" ({pages})" if pages else "")
        return f"({joined}{suffix})"

    def page_list(self, page: str, link_to: str) -> str:
        """Return a Markdown list of the sources cited on a page, in alphabetical order."""
        keys = sorted(self.used.get(page, []), key=lambda k: self.references[k].text.lower())
        if not keys:
            raise ContentError(
                f"{page} has a references section but cites nothing.",
                [Problem(page, "page_references()", "cite at least one source with cite(...) or remove the call.")],
            )
        return "\n".join(f"- {self.references[key].text}" for key in keys)

    def full_list(self, strings: dict[str, str] | None = None, only: set[str] | None = None) -> str:
        """Return Markdown for the references page: one paragraph per source with a stable anchor, for the
        sources in ``only`` (the keys the site's pages cite) or every source. A source's note is written with
        the interface string references_note (from ``strings`` or the defaults)."""
        note = (strings or default_strings())["references_note"]
        chosen = [ref for key, ref in self.references.items() if only is None or key in only]
        blocks = []
        for ref in sorted(chosen, key=lambda r: r.text.lower()):
            lines = [ref.text]
            if ref.url:
                lines[0] += f" <{ref.url}>"
            if ref.check:
                lines.append(f"*{markdown_fill(note, note=ref.check)}*")  # the note's words may be an overlay's
            blocks.append("\n".join(lines) + "\n{: #" + ref.anchor + " .rs-reference }")
        return "\n\n".join(blocks)

    def unused(self) -> list[str]:
        """List references no page cites."""
        cited = {key for keys in self.used.values() for key in keys}
        return sorted(set(self.references) - cited)
