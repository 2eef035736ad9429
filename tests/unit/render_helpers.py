"""Render exercises in tests exactly as the site does, without MkDocs."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from macros.catalogue import Catalogue, Exercise, load_catalogue
from macros.plugin import WIDGET_TEMPLATES
from macros.render import make_environment, render_exercise
from tests.helpers import ROOT

GOLDEN = Path(__file__).parent / "golden"
EXTRA = {
    "privacy_url": "../privacy/",
    "pulse_url": "../pulse/",
    "support": ["Support route one.", "Support route **two**."],
}


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """Load the repository's exercises once per test run."""
    return load_catalogue(ROOT / "exercises")


def render(exercise: Exercise) -> str:
    """Render one exercise with the site's templates."""
    return render_exercise(make_environment(WIDGET_TEMPLATES), exercise, 3, EXTRA)


def check_golden(kind: str, name: str = "default") -> None:
    """Compare an example's HTML with its golden file; RS_UPDATE_GOLDEN=1 writes or rewrites the file on purpose
    (a missing golden file fails, so a deleted or misnamed one cannot pass unnoticed)."""
    html = render(catalogue().examples[f"example-{kind}-{name}"])
    golden = GOLDEN / kind / f"{name}.html"
    assert golden.exists() or os.environ.get("RS_UPDATE_GOLDEN") == "1", (
        f"no golden file {golden} (RS_UPDATE_GOLDEN=1 to write it)"
    )
    if os.environ.get("RS_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(html + "\n", encoding="utf-8")
    assert html + "\n" == golden.read_text(encoding="utf-8"), (
        f"{kind}/{name}: HTML differs from {golden} (RS_UPDATE_GOLDEN=1 to accept)"
    )
