"""Suggest the names an author probably meant: close spellings, and the same words in another order."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def _words(name: str) -> set[str]:
    """The words of a hyphenated or underscored name."""
    return {word for word in name.lower().replace("_", "-").split("-") if word}


def close_names(wanted: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """Return up to ``limit`` known names close to ``wanted``: the same words in any order first (so
    "smart-goals-supervision" finds "supervision-smart-goals"), then close spellings."""
    candidates = list(known)
    words = _words(wanted)
    same_words = [name for name in candidates if words and _words(name) == words and name != wanted]
    spelled = difflib.get_close_matches(wanted, candidates, n=limit, cutoff=0.5)
    return list(dict.fromkeys(same_words + spelled))[:limit]
