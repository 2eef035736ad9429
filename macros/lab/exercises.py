"""The self-assessments that offer a group pulse, as the data lab's group notebook reads them.

The notebook (lab/files/groupscores.py) reads pulse codes of any of these exercises. Their definitions reach
the lab at build time as one JSON file beside the notebooks (``PULSE_EXERCISES_FILE``), made from the same
entries the Group pulse page uses (each kind's ``pulse_entry``; see ``exercise_macros.pulse_collector``). The
file's contents count in the lab's release folder and cache key (project.py), so an edited exercise, or an
adapted copy built from another upstream folder, never gets a lab made for other definitions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..catalogue import load_catalogue
from ..kinds import kind_member

PULSE_EXERCISES_FILE = "pulse-exercises.json"


def pulse_exercises(exercises_folder: Path) -> list[dict[str, Any]]:
    """Every exercise (and gallery example) that makes pulse codes, as the Group pulse page lists them.

    The gallery's examples are marked ``example``: their codes are known, so they are refused with a reason.
    A project without an exercises folder (a test fixture) has none.
    """
    if not exercises_folder.is_dir():
        return []
    catalogue = load_catalogue(exercises_folder)
    entries = []
    for found in [*catalogue.exercises.values(), *catalogue.examples.values()]:
        entry_of = kind_member(found.kind, "pulse_entry")
        if entry_of is None:
            continue
        entry = entry_of(found.id, found.title, found.data)
        if found.id in catalogue.examples:
            entry["example"] = True
        entries.append(entry)
    return sorted(entries, key=lambda entry: (bool(entry.get("example")), entry["id"]))


def pulse_exercises_json(exercises_folder: Path) -> bytes:
    """The file the lab publishes beside its notebooks: the entries as stable, readable JSON."""
    return (json.dumps(pulse_exercises(exercises_folder), indent=1, ensure_ascii=False, sort_keys=True)
            + "\n").encode("utf-8")
