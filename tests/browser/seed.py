"""Saved state written straight into a browser's storage, in the site's own format, before the page under test
opens: tests about My learning, the agenda, the record, backups and shared computers start from answers without
opening the exercise gallery (the dearest page) to type them. The kinds' own tests prove typing and saving.
site_state and session_state read a page's storage back, as the site wrote it."""

from __future__ import annotations

import json
from pathlib import Path

PREFIX = "reflective-supervision:/:"
REFLECTION = "example-reflection-default"  # the gallery's reflection, answered in ANSWERED_FILE
SHARED_SETTING = "reflective-supervision:/#shared-computer"
# A small file of the site, not a page: the site's origin (so its storage) without a page's scripts to run.
BLANK = "schemas/backup-v1.schema.json"
# What the exercise gallery (authoring/exercise-kinds/) saved, copied from its storage, after typing
# "A calm start.\nThen a hard question." in the reflection's first box and flagging it, choosing 2 on the
# self-assessment's first statement and keeping a dated copy, and writing a SMART goal with a review date.
ANSWERED_FILE = Path(__file__).resolve().parent / "fixtures" / "answered.json"


def answered(replacing: dict[str, str] | None = None) -> dict[str, str]:
    """The storage keys and raw values the gallery writes for those answers (written as the site
    writes them: JSON.stringify, no spaces, in the entry's own key order); `replacing` swaps answers (every
    string equal to a key, in the answers and their readable copy) for other text."""
    entries = json.loads(ANSWERED_FILE.read_text(encoding="utf-8"))
    swap = replacing or {}

    def swapped(value: object) -> object:
        if isinstance(value, dict):
            return {key: swapped(item) for key, item in value.items()}
        if isinstance(value, list):
            return [swapped(item) for item in value]
        return swap.get(value, value) if isinstance(value, str) else value

    return {key: stored(swapped(value)) for key, value in entries.items()}


def stored(value: object) -> str:
    """A value as the site's storage layer writes it (JSON.stringify)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def seed(visit: object, items: dict[str, str], area: str = "localStorage") -> object:
    """Put raw values under their keys in a storage area of the site (sessionStorage is the tab's own), from the
    page open if it is one of the site's, else from BLANK; return the tab, ready to open the page under test."""
    page = visit.page
    if not page.url.startswith(visit.base_url):
        page.goto(visit.base_url + BLANK)
    page.evaluate(
        "([area, items]) => { for (const [k, v] of Object.entries(items)) window[area].setItem(k, v); }",
        [area, items],
    )
    return page


def seed_answered(visit: object, area: str = "localStorage") -> object:
    """Seed the answers of ANSWERED_FILE; return the tab."""
    return seed(visit, answered(), area)


def shared_setting_on(visit: object) -> object:
    """Switch this device's shared-computer setting on, as My learning's box does; return the tab."""
    return seed(visit, {SHARED_SETTING: "on"})


def site_state(page) -> dict:
    """Every storage key of this site and its raw value.

    The shared-computer setting, "…#shared-computer", is not saved state.
    """
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).filter((k) => "
        "k.startsWith('reflective-supervision:') && !k.includes('#')).sort().map((k) => [k, localStorage.getItem(k)]))"
    )


def session_state(page) -> dict:
    """Every key of this tab's session storage and its raw value."""
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(sessionStorage).sort().map((k) => [k, sessionStorage.getItem(k)]))"
    )
