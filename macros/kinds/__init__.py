"""Exercise kinds. Each kind is one module here with the same name as its schema, template, script and style.

A kind module defines:

- ``NAME``: the kind's name as written in exercise files (``self-assessment``);
- ``check(data) -> list[tuple[str, str]]``: rules the JSON Schema cannot express, as (place, message);
- ``context(exercise_id, data) -> dict``: the values its template needs;

and may define (the generic layer reads them through ``kind_member``, with the defaults in ``ExerciseKind``):

- ``REFERENCE_FIELDS``: fields whose value is a source's key in data/references.yaml (checked, and cited);
- ``RECORDS_ANSWERS``: False when the kind keeps no answers (progress and My learning leave it out);
- ``pulse_entry(exercise_id, title, data) -> dict``: what the group pulse page (``pulse_collector``) needs to
  read the kind's pulse codes; only kinds that make pulse codes define it.

``ExerciseKind`` below states the same as a ``typing.Protocol``.

A kind module holds no words a reader sees: those are interface strings (data/strings/exercises.yaml), so an
organisation can change them. The small label shown above an exercise's title is the string named by
``label_key(NAME)`` (``self_assessment_label``); any other built-in words (field labels, answer choices,
defaults) are given as string keys, which the kind's template shows with ``tr(key)``. Only the build's error
messages for authors (``check()``) are written here, in English.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from types import ModuleType
from typing import Any, ClassVar, Protocol


class ExerciseKind(Protocol):
    """What a kind module provides (a module, so these are its top-level names)."""

    NAME: str
    # Optional members, with the value the build assumes when a kind leaves them out:
    REFERENCE_FIELDS: ClassVar[tuple[str, ...]] = ()
    RECORDS_ANSWERS: ClassVar[bool] = True
    pulse_entry: ClassVar[Callable[[str, str, dict[str, Any]], dict[str, Any]] | None] = None

    def check(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        """Rules the JSON Schema cannot express, as (place, message)."""
        ...

    def context(self, exercise_id: str, data: dict[str, Any]) -> dict[str, Any]:
        """The values the kind's template needs."""
        ...


def kind_member(kind: str, name: str) -> Any:
    """A member of a kind's module, or the default ``ExerciseKind`` gives an optional member it leaves out."""
    return getattr(KINDS[kind], name, getattr(ExerciseKind, name))


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
