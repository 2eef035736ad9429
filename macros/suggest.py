"""Suggest the names an author probably meant: close spellings, and the same words in another order.

Every "Did you mean" hint of the build comes from here: ``did_you_mean`` for the sentence, ``close_names`` for
the names themselves.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def _words(name: str) -> set[str]:
    """The words of a hyphenated or underscored name."""
    return {word for word in name.lower().replace("_", "-").split("-") if word}


def close_names(wanted: str, known: Iterable[str], limit: int = 3, cutoff: float = 0.5) -> list[str]:
    """Return up to ``limit`` known names close to ``wanted``: the same words in any order first (so
    "smart-goals-supervision" finds "supervision-smart-goals"), then close spellings."""
    candidates = [str(name) for name in known]
    words = _words(wanted)
    same_words = [name for name in candidates if words and _words(name) == words and name != wanted]
    spelled = difflib.get_close_matches(wanted, candidates, n=limit, cutoff=cutoff)
    return list(dict.fromkeys(same_words + spelled))[:limit]


def did_you_mean(wanted: str, known: Iterable[str], otherwise: str = "") -> str:
    """A hint to add after a message: " Did you mean: a, b?" when names are close, else ``otherwise``."""
    close = close_names(wanted, known)
    return f" Did you mean: {', '.join(close)}?" if close else otherwise
