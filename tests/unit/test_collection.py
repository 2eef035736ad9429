"""The whole suite runs: no folder of tests is left out of collection by a pattern in pytest's settings."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

from tests.helpers import ROOT


def test_every_folder_of_tests_is_collected(pytestconfig: pytest.Config) -> None:
    """pytest skips a folder whose name matches one of ``norecursedirs`` (its default names "build")."""
    skipped = pytestconfig.getini("norecursedirs")
    folders = {path.parent for path in (ROOT / "tests").rglob("test_*.py")}
    assert {"unit", "build", "browser", "content", "hosting"} <= {folder.name for folder in folders}
    def skips(folder: Path) -> bool:
        return any(fnmatch.fnmatch(part, pattern) for part in folder.relative_to(ROOT).parts for pattern in skipped)

    left_out = sorted(str(folder.relative_to(ROOT)) for folder in folders if skips(folder))
    assert not left_out, f"pytest would not collect these folders (pytest.ini norecursedirs): {left_out}"
