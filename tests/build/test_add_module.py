"""Adding a module takes its page, its exercises, its facilitator plan and one line in data/modules.yaml: a copy
of the content with exactly those four additions, built with a mkdocs.yml that INHERITs ours, shows the module in
the navigation, the module list, the handouts index and its own handouts page, the home page's count and path."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from tests.helpers import ROOT, mkdocs_build

pytestmark = pytest.mark.build

NEW = "first-year-journal"
PAGE = """\
---
title: Keeping a first-year journal
description: Writing a short journal in your first year, and bringing it to supervision.
site_authored: true
time: 30
audience: Newly qualified social workers, and supervisors who read journals with them.
---

# Keeping a first-year journal

{{ module_intro() }}

## A journal

{{ exercise("first-year-journal-reflection") }}
"""
EXERCISE = """\
kind: reflection
title: My first entry
intro: A few lines on your week.
prompts:
  - id: this-week
    label: What stood out this week?
"""


def add_module(project: Path) -> list[Path]:
    """The four additions that make a new module; returns the files written or changed."""
    page = project / "docs" / "modules" / f"{NEW}.md"
    page.write_text(PAGE, encoding="utf-8")
    exercise = project / "exercises" / NEW / f"{NEW}-reflection.yaml"
    exercise.parent.mkdir()
    exercise.write_text(EXERCISE, encoding="utf-8")
    plan = project / "facilitator" / f"{NEW}.yaml"
    shutil.copy(ROOT / "facilitator" / "what-is-supervision.yaml", plan)
    registry = project / "data" / "modules.yaml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace("  - implementing-good-supervision\n", f"  - implementing-good-supervision\n  - {NEW}\n", 1)
    text = text.replace("  supervisor:\n", f"      - module: {NEW}\n        why: a journal habit to carry on after the year.\n"
                        "  supervisor:\n", 1)
    registry.write_text(text, encoding="utf-8")
    return [page, exercise, plan, registry]


def test_a_module_added_with_four_files_appears_everywhere_modules_are_listed(tmp_path: Path) -> None:
    project = tmp_path / "copy"
    for folder in ("docs", "exercises", "data", "facilitator"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    (project / "lab").symlink_to(ROOT / "lab", target_is_directory=True)
    (project / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        INHERIT: {ROOT / 'mkdocs.yml'}
        docs_dir: docs
        theme:
          custom_dir: {ROOT / 'overrides'}
        extra:
          upstream_dir: .
        """), encoding="utf-8")
    assert len(add_module(project)) == 4
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    module_list = (site / "modules" / "index.html").read_text(encoding="utf-8")
    assert f'href="{NEW}/"' in module_list  # the navigation and the card
    card = re.search(rf'<li class="rs-module-card">(?:(?!</li>).)*{NEW}/(?:(?!</li>).)*</li>', module_list, re.S).group(0)
    assert "15." in card and "Keeping a first-year journal" in card and "About 30 minutes" in card
    assert "Writing a short journal in your first year" in card and "Written for this site" in card
    nav = module_list[module_list.find('md-nav--primary'):]
    assert nav.find("implementing-good-supervision/") < nav.find(f"{NEW}/")

    handouts = (site / "handouts" / NEW / "index.html").read_text(encoding="utf-8")
    assert 'data-rs-exercise="first-year-journal-reflection"' in handouts
    assert f'href="{NEW}/"' in (site / "handouts" / "index.html").read_text(encoding="utf-8")

    home = (site / "index.html").read_text(encoding="utf-8")
    assert "in fifteen short modules" in home
    path = re.search(r'<ol class="rs-path" data-rs-path="nqsw">.*?</ol>', home, re.S).group(0)
    assert f'href="modules/{NEW}/"' in path and "a journal habit to carry on after the year." in path
    before = (site / "modules" / "implementing-good-supervision" / "index.html").read_text(encoding="utf-8")
    assert f'href="../{NEW}/">Next on your path: Keeping a first-year journal' in before
