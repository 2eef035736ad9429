"""The glossary: its page, and abbreviation tooltips added to every page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalogue import read_yaml
from .errors import ContentError, Problem


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    term: str
    definition: str
    abbr: str | None = None
    jurisdiction: str | None = None

    @property
    def anchor(self) -> str:
        """Return the id of this entry on the glossary page."""
        name = (self.abbr or self.term).lower()
        return "term-" + "".join(c if c.isalnum() else "-" for c in name).strip("-")


def load_glossary(path: Path, root: Path) -> list[Term]:
    """Load the glossary file, checking every entry has a term and a definition."""
    shown = path.relative_to(root).as_posix()
    data, problems = read_yaml(path, shown)
    terms: list[Term] = []
    if not problems and not isinstance(data, list):
        problems.append(
            Problem(shown, "(top level)", "the glossary must be a list of entries, each starting with '- term:'.")
        )
    for index, entry in enumerate(data if isinstance(data, list) else []):
        allowed = {"term", "definition", "abbr", "jurisdiction"}
        if not isinstance(entry, dict) or not {"term", "definition"} <= set(entry) or set(entry) - allowed:
            problems.append(
                Problem(
                    shown,
                    f"[{index}]",
                    "each entry needs term: and definition: (and optionally abbr:, jurisdiction:), nothing else.",
                )
            )
            continue
        terms.append(Term(**{key: str(value) for key, value in entry.items()}))
    if problems:
        raise ContentError("Problems in the glossary:", problems)
    return terms


def abbreviation_lines(terms: list[Term]) -> str:
    """Return Markdown abbreviation definitions (``*[NQSW]: ...``) for every abbreviated term, and for the
    plural of a capitalised one (``*[NQSWs]: ...``), which the abbreviation extension treats as another word.
    Each is a block of its own (a blank line between): every page ends with them, and in one block Markdown
    would test all that follows a definition again after taking each one, a cost that grows with the square of
    the glossary."""
    lines = []
    for term in terms:
        if term.abbr:
            plain = term.definition.replace("\n", " ").replace("*", "")
            lines.append(f"*[{term.abbr}]: {term.term}. {plain}")
            if term.abbr.isupper() and term.abbr.isalpha():
                lines.append(f"*[{term.abbr}s]: {term.term}. {plain}")
    return "\n\n".join(lines)


def glossary_page(terms: list[Term]) -> str:
    """Return the Markdown of the glossary: a definition list in alphabetical order."""
    blocks = []
    for term in sorted(terms, key=lambda t: t.term.lower()):
        title = f"{term.term} ({term.abbr})" if term.abbr else term.term
        where = f" *{term.jurisdiction}.*" if term.jurisdiction else ""
        blocks.append(f"{title} {{: #{term.anchor} }}\n:   {term.definition.strip()}{where}")
    return "\n\n".join(blocks)
