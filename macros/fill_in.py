"""Fields still to fill in a new adapted copy (scripts/new_copy.py writes them).

A new copy's ``organisation.yaml`` marks every value its organisation must write as ``"TO FILL: what to write"``;
its ``mkdocs.yml`` has ``site_url: https://to-fill.invalid/``; its own pages mark a line to rewrite with
``TO FILL:``. Until they are filled:

- a build lists every one (file, key or line, what to write) as a warning, and builds with stand-ins the
  checks accept (an ``.invalid`` address, a date), so the copy can be looked at;
- a strict build stops at once with the same list.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ContentError, Problem

MARK = "TO FILL:"
PENDING_HOST = "to-fill.invalid"
# Stand-ins for marked values, by the name of their key: each passes the overlay's schema.
STAND_INS = {"contact": f"https://{PENDING_HOST}/", "url": f"https://{PENDING_HOST}/",
             "email": f"to-fill@{PENDING_HOST}", "prepared": "2000-01-01", "last_reviewed": "2000-01-01"}
LINK_PARENTS = ("local_links",)
LINE_MARK = re.compile(r"^.*\bTO FILL:\s*(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class Pending:
    """One field still to fill: the file, the key (or line) and what to write."""

    file: str
    place: str
    what: str

    def problem(self) -> Problem:
        """As a problem for a build error."""
        return Problem(self.file, self.place, f"still to fill: {self.what}")


def is_marked(value: Any) -> bool:
    """Whether a value is a ``TO FILL:`` mark."""
    return isinstance(value, str) and value.strip().startswith(MARK)


def _walk(value: Any, path: str) -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _walk(item, f"{path}.{key}" if path else str(key))]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in _walk(item, f"{path}[{index}]")]
    return [(path, value.strip().removeprefix(MARK).strip())] if is_marked(value) else []


def pending_in_overlay(data: Any, shown: str) -> list[Pending]:
    """Every marked value in an overlay file's data, by its key."""
    return [Pending(shown, key, what) for key, what in _walk(data, "")]


def _stand_in(key: str, parent: str, value: Any) -> Any:
    if not is_marked(value):
        return value
    if parent in LINK_PARENTS:
        return f"https://{PENDING_HOST}/"
    return STAND_INS.get(key, value)


def with_stand_ins(data: Any, parent: str = "") -> Any:
    """A copy of overlay data whose marked values are replaced by stand-ins its checks accept (text stays)."""
    if isinstance(data, dict):
        return {key: with_stand_ins(value, key) if isinstance(value, (dict, list)) else _stand_in(key, parent, value)
                for key, value in data.items()}
    if isinstance(data, list):
        return [with_stand_ins(item, parent) for item in data]
    return copy.deepcopy(data)


def pending_in_pages(pages_dir: Path, own_files: list[str]) -> list[Pending]:
    """Every ``TO FILL:`` line in the copy's own Markdown pages."""
    found = []
    for src_uri in own_files:
        if not src_uri.endswith(".md"):
            continue
        text = (pages_dir / src_uri).read_text(encoding="utf-8")
        for match in LINE_MARK.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(Pending(f"{pages_dir.name}/{src_uri}", f"line {line}", match.group(1).strip()))
    return found


def pending_in_config(site_url: str | None) -> list[Pending]:
    """The copy's mkdocs.yml settings still to fill."""
    if site_url and PENDING_HOST in site_url:
        return [Pending("mkdocs.yml", "site_url", "the address where you will publish the copy, for example "
                                                  "https://supervision.your-organisation.org.uk/")]
    return []


def report_pending(pending: list[Pending], strict: bool, log: Any) -> None:
    """Stop a strict build listing every field still to fill; otherwise warn about each one."""
    if not pending:
        return
    if strict:
        raise ContentError(f"This copy has {len(pending)} field(s) still to fill. Write each one, then build again "
                           "(a build without --strict shows the copy with stand-ins meanwhile):",
                           [item.problem() for item in pending])
    for item in pending:
        log.warning("%s", item.problem())
