"""Exercise kinds. Each kind is one module here with the same name as its schema, template, script and style.

A kind module defines:

- ``NAME``: the kind's name as written in exercise files (``self-assessment``);
- ``LABEL``: the small label shown above an exercise's title (``Self-assessment``);
- ``check(data) -> list[tuple[str, str]]``: rules the JSON Schema cannot express, as (place, message);
- ``context(exercise_id, data) -> dict``: the values its template needs.
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
