"""Interface strings: British English defaults in data/strings.yaml, overridable by an organisation."""

from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, Problem

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STRINGS = PACKAGE_ROOT / "data" / "strings.yaml"


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, str]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {str(key): str(value) for key, value in data.items()}


def default_strings(path: Path = DEFAULT_STRINGS) -> dict[str, str]:
    """The default interface strings (a fresh copy)."""
    return dict(_load(str(path)))


def merge_strings(defaults: dict[str, str], overrides: dict[str, Any] | None, shown: str) -> dict[str, str]:
    """Apply an organisation's `strings:` to the defaults; unknown keys or non-text values fail the build."""
    problems = []
    result = dict(defaults)
    for key, value in (overrides or {}).items():
        if key not in defaults:
            close = difflib.get_close_matches(str(key), list(defaults), n=3, cutoff=0.5)
            hint = f" Did you mean: {', '.join(close)}?" if close else " See data/strings.yaml for the keys."
            problems.append(Problem(shown, f"strings.{key}", f"unknown string.{hint} Remove it or fix the name."))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown, f"strings.{key}", "give the text as a non-empty string in quotes."))
        else:
            result[key] = value
    if problems:
        raise ContentError("Problems in the organisation's interface strings:", problems)
    return result
