"""Builds for group sessions: a module page without facilitator notes fails with a message naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.build.test_build import make_site
from tests.helpers import ROOT, mkdocs_build

pytestmark = pytest.mark.build

MODULE_PAGE = "---\ntime: 30\naudience: Supervisors.\nsite_authored: true\n---\n# A module\n\n{{ module_intro() }}\n"


def test_a_module_without_facilitator_notes_fails_the_build(tmp_path: Path) -> None:
    project = make_site(tmp_path, MODULE_PAGE)
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "A module has no facilitator notes." in output
    assert "index.md → module_intro(): create facilitator/index.yaml" in output
    assert "Traceback" not in output


def test_with_notes_the_module_builds_with_them_hidden(tmp_path: Path) -> None:
    project = make_site(tmp_path, MODULE_PAGE)
    (project / "facilitator").mkdir()
    shutil.copy(ROOT / "facilitator" / "schema.json", project / "facilitator")
    shutil.copy(ROOT / "facilitator" / "what-is-supervision.yaml", project / "facilitator" / "index.yaml")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'data-rs-facilitator hidden' in html and "The checklist and the visit" in html
    assert 'data-rs-app="page-tools" hidden' in html
