"""Load and check the site's content once per build: exercises, references, glossary, support routes, notes.

Also the checks that need every page at once (an unknown exercise or source named anywhere is reported with
all the others, before any page renders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalogue import Catalogue, load_catalogue
from .errors import ContentError, Problem
from .facilitator import load_notes
from .glossary import abbreviation_lines, glossary_page, load_glossary
from .kinds import kind_member
from .organisation import Organisation, upstream_pages
from .page_exercises import page_exercises, without_quoted
from .quick_imports import load_yaml
from .references import MACRO_EXPRESSION, Citations, cited_keys, load_references
from .suggest import did_you_mean

# Macro calls with a literal name, inside {{ }} (after quoted calls are left out: page_exercises.without_quoted).
LITERAL_EXERCISE = re.compile(r"""exercise\(\s*["']([a-z0-9-]+)["']\s*[,)]""")


@dataclass
class SiteContent:
    """Everything loaded from content files, plus what pages have used so far."""

    root: Path
    catalogue: Catalogue
    citations: Citations
    support: list[str]
    abbreviations: str
    glossary_markdown: str
    notes: dict[str, dict[str, Any]] = field(default_factory=dict)
    exercise_pages: dict[str, list[str]] = field(default_factory=dict)


def exercise_reference_keys(exercise: Any) -> list[tuple[str, str]]:
    """Return (field, key) for each field of an exercise that names a source (its kind's REFERENCE_FIELDS)."""
    fields = kind_member(exercise.kind, "REFERENCE_FIELDS")
    return [(name, str(exercise.data[name])) for name in fields if name in exercise.data]


def unknown_exercise(exercise_id: str, page: str, call: str, known: Any) -> Problem:
    """The problem of a call naming an exercise no file defines."""
    hint = did_you_mean(exercise_id, known, " No exercise has a similar name.")
    return Problem(page, call, f"there is no file exercises/**/{exercise_id}.yaml.{hint} "
                               "Fix the id, or create the exercise file.")


def check_exercise_references(catalogue: Catalogue, citations: Citations) -> None:
    """Fail, naming every file and field, when an exercise names a source the reference list does not hold."""
    problems = []
    for exercise in [*catalogue.exercises.values(), *catalogue.examples.values()]:
        for name, key in exercise_reference_keys(exercise):
            if key not in citations.references:
                hint = did_you_mean(key, citations.references)
                problems.append(Problem(exercise.path, name, f"no source {key!r} in data/references*.yaml.{hint} "
                                                             "Fix the key, or add the source to data/references.yaml."))
    if problems:
        raise ContentError("Exercises name sources that are not in the reference list:", problems)


def load_content(root: Path) -> SiteContent:
    """Load and check exercises, references, glossary and support routes from a project folder."""
    data = root / "data"
    catalogue = load_catalogue(root / "exercises")
    reference_files = sorted(data.glob("references*.yaml"))
    citations = Citations(load_references(reference_files, data / "references.schema.json", root))
    check_exercise_references(catalogue, citations)
    terms = load_glossary(data / "glossary.yaml", root) if (data / "glossary.yaml").exists() else []
    support = load_yaml((data / "support.yaml").read_text(encoding="utf-8"))
    return SiteContent(root, catalogue, citations, support, abbreviation_lines(terms), glossary_page(terms),
                       load_notes(root))


def site_markdown(upstream: Path, organisation: Organisation | None, removed: set[str] | frozenset[str]
                  ) -> dict[str, str]:
    """Return the Markdown of every page the site includes, by page: upstream pages it keeps, and its own pages."""
    docs = upstream / "docs"
    texts = {page: (docs / page).read_text(encoding="utf-8") for page in upstream_pages(upstream)
             if page not in removed}
    if organisation:
        texts |= {name: (organisation.pages_dir / name).read_text(encoding="utf-8")
                  for name in organisation.own_files if name.endswith(".md")}
    return texts


def used_reference_keys(markdown: list[str], content: SiteContent) -> set[str]:
    """The sources the pages cite, and the sources named by the exercises they use."""
    used = [content.catalogue.get(exercise_id) for text in markdown for exercise_id in page_exercises(text)]
    from_exercises = {key for found in used if found for _, key in exercise_reference_keys(found)}
    return cited_keys(markdown) | from_exercises


def check_page_calls(pages: dict[str, str], content: SiteContent) -> None:
    """Before any page renders, report every unknown exercise id and reference key on every page together
    (rendering stops at the first error, so one build would otherwise show only one)."""
    problems = []
    for page, text in sorted(pages.items()):
        text = " ".join(MACRO_EXPRESSION.findall(without_quoted(text)))
        for exercise_id in dict.fromkeys(LITERAL_EXERCISE.findall(text)):
            if content.catalogue.get(exercise_id) is None:
                problems.append(unknown_exercise(exercise_id, page, f'exercise("{exercise_id}")',
                                                 content.catalogue.exercises))
        for key in sorted(cited_keys([text])):
            if key not in content.citations.references:
                hint = did_you_mean(key, content.citations.references)
                problems.append(Problem(page, f'cite("{key}")',
                                        f"no entry with this key in data/references*.yaml.{hint} "
                                        "Fix the key, or add the source to data/references.yaml."))
    if problems:
        raise ContentError(f"Pages name exercises or sources that do not exist ({len(problems)}). "
                           "Fix each one and build again:", problems)
