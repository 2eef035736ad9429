"""Builds for group sessions: a module page without facilitator notes fails with a message naming the file;
the notes never reach the site's search index."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.build.test_build import make_site
from tests.helpers import ROOT, mkdocs_build_in_process

pytestmark = pytest.mark.build

MODULE_PAGE = "---\ntime: 30\naudience: Supervisors.\nsite_authored: true\n---\n# A module\n\n{{ module_intro() }}\n"


def test_a_module_without_facilitator_notes_fails_the_build(tmp_path: Path) -> None:
    project = make_site(tmp_path, MODULE_PAGE)
    result = mkdocs_build_in_process(project, tmp_path / "out")
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
    result = mkdocs_build_in_process(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'data-rs-facilitator data-search-exclude hidden' in html and "The checklist and the visit" in html
    assert 'data-rs-app="page-tools" hidden' in html


def _note_sentences(notes: dict) -> list[str]:
    """Text found only in one module's notes: its aims and discussion prompts (plain text), and the sentences of
    its vignette that carry no Markdown. (Activity names are left out: some are the titles of exercises.)"""
    found = list(notes["aims"]) + list(notes["prompts"])
    if "vignette" in notes:
        found += [line for line in re.split(r"(?<=[.!?])\s+", notes["vignette"]["text"]) if not re.search(r"[*_`\[\]]", line)]
    return [text.strip() for text in found if len(text.strip()) >= 40]


def test_facilitator_notes_are_not_in_the_search_index(site_dir: Path) -> None:
    """Learners could otherwise read the notes through the site's search (the notes are in every module page,
    hidden): Material's search plugin must skip them (data-search-exclude)."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = "\n".join(f"{doc['location']} {doc['title']} {doc['text']}" for doc in index["docs"])
    assert "#facilitator-notes" not in text and "Facilitator notes: session plan" not in text
    checked = 0
    for path in sorted((ROOT / "facilitator").glob("*.yaml")):
        for sentence in _note_sentences(yaml.safe_load(path.read_text(encoding="utf-8"))):
            assert sentence not in text, f"{path.name}: {sentence!r} is in search/search_index.json"
            checked += 1
    assert checked > 100
    # The module pages themselves are still indexed.
    assert any(doc["location"].startswith("modules/supervision-models/") for doc in index["docs"])
