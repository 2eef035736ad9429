"""The whole suite runs: no folder of tests is left out of collection by a pattern in pytest's settings."""

from __future__ import annotations

import fnmatch

import pytest

from tests.helpers import ROOT


def test_every_folder_of_tests_is_collected(pytestconfig: pytest.Config) -> None:
    """pytest skips a folder whose name matches one of ``norecursedirs`` (its default names "build")."""
    skipped = pytestconfig.getini("norecursedirs")
    folders = {path.parent for path in (ROOT / "tests").rglob("test_*.py")}
    assert {"unit", "build", "browser", "content", "hosting"} <= {folder.name for folder in folders}
    left_out = sorted(str(folder.relative_to(ROOT)) for folder in folders
                      for part in folder.relative_to(ROOT).parts if any(fnmatch.fnmatch(part, pattern)
                                                                        for pattern in skipped))
    assert not left_out, f"pytest would not collect these folders (pytest.ini norecursedirs): {left_out}"
