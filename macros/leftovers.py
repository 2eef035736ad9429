"""Leftovers: what an adapted copy still carries that is not its own.

A copy made from the example (examples/glenbarra-council) under another name must not keep the example's name
(in its mkdocs.yml, overlay or pages), contacts, helplines, logo or pages; and a copy shows our home page, which
is about the whole project, hosting a copy and the authoring guide, only on purpose. Each leftover is a warning
naming the file, the key (or line) and the fix; a strict build stops with the whole list. The overlay key
``keeps`` says what a copy keeps on purpose (data/organisation.schema.json); the example is never a leftover of
itself (same name).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, Problem

EXAMPLE = Path("examples") / "glenbarra-council"
# Words of an organisation's name that say what kind of body it is rather than which one.
GENERIC_WORDS = {"council", "trust", "board", "health", "university", "college", "social", "care", "services",
                 "service", "city", "county", "borough", "district", "region", "regional", "partnership", "the",
                 "and", "of", "for", "nhs", "charity", "limited", "ltd"}


@dataclass(frozen=True)
class Example:
    """What identifies the example copy."""

    name: str
    words: tuple[str, ...]          # the distinctive words of its name ("Glenbarra")
    contact_values: frozenset[str]  # its contacts' e-mail addresses, phone numbers and addresses
    helplines: frozenset[str]       # its own helplines (not the upstream ones it repeats)
    file_hashes: frozenset[str]     # its logo and pages, by content


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def distinctive_words(name: str) -> tuple[str, ...]:
    """The words of a name that are not generic (GENERIC_WORDS) and are at least four letters long."""
    return tuple(word for word in re.findall(r"[A-Za-z][A-Za-z'-]+", name)
                 if len(word) >= 4 and word.lower() not in GENERIC_WORDS)


def load_example(upstream: Path) -> Example | None:
    """The upstream example copy's identity, or None where the upstream folder has no example."""
    folder = upstream / EXAMPLE
    overlay = folder / "organisation.yaml"
    if not overlay.is_file():
        return None
    data = yaml.safe_load(overlay.read_text(encoding="utf-8")) or {}
    support = upstream / "data" / "support.yaml"
    ours = set(yaml.safe_load(support.read_text(encoding="utf-8")) or []) if support.is_file() else set()
    contact_values = {str(value) for contact in data.get("contacts", []) for key, value in contact.items()
                      if key in ("email", "phone", "url")}
    files = [folder / str(data["logo"])] if data.get("logo") else []
    files += [path for path in (folder / str(data.get("pages_dir", "pages"))).rglob("*") if path.is_file()]
    return Example(str(data.get("name", "")), distinctive_words(str(data.get("name", ""))),
                   frozenset(contact_values), frozenset(set(data.get("helplines") or []) - ours),
                   frozenset(digest(path) for path in files if path.is_file()))


def _strings(value: Any, path: str) -> list[tuple[str, str]]:
    """Every text value in overlay data, with its key."""
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _strings(item, f"{path}.{key}" if path else str(key))]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in _strings(item, f"{path}[{index}]")]
    return [(path, value)] if isinstance(value, str) else []


def _names(text: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` that ``text`` holds (any case), or None."""
    return next((word for word in words if word.lower() in text.lower()), None)


def example_leftovers(organisation: Any, config: dict[str, str], example: Example) -> list[Problem]:
    """What a copy under another name still carries of the example: its name in the copy's mkdocs.yml settings
    (``config``), overlay values or pages; its contacts, helplines, logo or pages."""
    shown = organisation.shown
    problems = []
    words = tuple(word for word in example.words if word.lower() not in organisation.name.lower())
    said = f"the example copy ({example.name})"
    for key, value in config.items():
        word = _names(str(value or ""), words)
        if word:
            problems.append(Problem("mkdocs.yml", key, f"still names {word!r}, from {said}. Write your own."))
    for key, value in _strings(organisation.data, ""):
        if key.startswith("helplines[") and value in example.helplines:
            problems.append(Problem(shown, key, f"is a helpline of {said}. Write your own support routes, or remove "
                                                "helplines: to show ours."))
        elif key.startswith("contacts[") and value in example.contact_values:
            problems.append(Problem(shown, key, f"({value}) is a contact of {said}. Write your own."))
        elif _names(value, words):
            problems.append(Problem(shown, key, f"still names {_names(value, words)!r}, from {said}. Write your own."))
    logo = organisation.logo
    if logo is not None and logo.is_file() and digest(logo) in example.file_hashes:
        problems.append(Problem(shown, "logo", f"is the logo of {said}. Put your own logo in assets/ and name it here, "
                                               "or remove logo:."))
    for src_uri in organisation.own_files:
        path = organisation.pages_dir / src_uri
        where = f"{organisation.pages_dir.name}/{src_uri}"
        if digest(path) in example.file_hashes:
            problems.append(Problem(where, "(the file)", f"is a page of {said}. Delete it, or write your own."))
            continue
        if src_uri.endswith(".md"):
            text = path.read_text(encoding="utf-8")
            word = _names(text, words)
            if word:
                line = text.lower().count("\n", 0, text.lower().index(word.lower())) + 1
                problems.append(Problem(where, f"line {line}", f"still names {word!r}, from {said}. Write your own."))
    return problems


def find_leftovers(organisation: Any, config: dict[str, str]) -> list[Problem]:
    """Every leftover in a copy (see the module's description), unless its ``keeps`` keeps it on purpose."""
    keeps = set(organisation.data.get("keeps") or [])
    problems = []
    example = load_example(organisation.upstream)
    example_file = (organisation.upstream / EXAMPLE / "organisation.yaml").resolve()
    same = example is not None and organisation.file.resolve() == example_file
    if example and example.name and organisation.name != example.name and not same and "example-material" not in keeps:
        problems += example_leftovers(organisation, config, example)
    if "index.md" not in organisation.own_files and "our-home-page" not in keeps:
        problems.append(Problem(organisation.shown, "keeps", "the copy shows our home page, which is about the whole "
                                                             "project, hosting a copy and the authoring guide. Write "
                                                             f"your own as {organisation.pages_dir.name}/index.md, or "
                                                             "add our-home-page to keeps: to keep ours on purpose."))
    return problems


def report_leftovers(problems: list[Problem], strict: bool, log: Any) -> None:
    """Stop a strict build listing every leftover; otherwise warn about each one."""
    if not problems:
        return
    if strict:
        raise ContentError(f"This copy still carries {len(problems)} thing(s) that are not its own. Replace or "
                           "remove each one (or name it under keeps: to keep it on purpose), then build again:",
                           problems)
    for problem in problems:
        log.warning("%s", problem)
