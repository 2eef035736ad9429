"""Exercise kinds. Each kind is one module here with the same name as its schema, template, script and style.

A kind module defines:

- ``NAME``: the kind's name as written in exercise files (``self-assessment``);
- ``check(data) -> list[tuple[str, str]]``: rules the JSON Schema cannot express, as (place, message);
- ``context(exercise_id, data) -> dict``: the values its template needs.

A kind module holds no words a reader sees: those are interface strings (data/strings/exercises.yaml), so an
organisation can change them. The small label shown above an exercise's title is the string named by
``label_key(NAME)`` (``self_assessment_label``); any other built-in words (field labels, answer choices,
defaults) are given as string keys, which the kind's template shows with ``tr(key)``. Only the build's error
messages for authors (``check()``) are written here, in English.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def _discover() -> dict[str, ModuleType]:
    """Import every kind module in this package and index it by NAME."""
    kinds: dict[str, ModuleType] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        kinds[module.NAME] = module
    return kinds


KINDS: dict[str, ModuleType] = _discover()


def label_key(name: str) -> str:
    """The interface string naming a kind above each exercise's title: self-assessment -> self_assessment_label."""
    return f"{name.replace('-', '_')}_label"
