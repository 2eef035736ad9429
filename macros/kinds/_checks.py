"""Small rule helpers shared by kind modules."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def duplicate_ids(entries: Iterable[dict[str, Any]], place: str) -> list[tuple[str, str]]:
    """Report ids used more than once in a list of entries."""
    seen: set[str] = set()
    problems = []
    for index, entry in enumerate(entries):
        entry_id = entry.get("id")
        if entry_id in seen:
            problems.append(
                (f"{place}[{index}].id", f"the id {entry_id!r} is used twice. Every id in a file must be different.")
            )
        seen.add(entry_id)
    return problems
