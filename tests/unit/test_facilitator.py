"""Facilitator notes and handouts: one checked session plan per module, rendered hidden; handouts list a module's
exercises in page order; a module without notes fails the build with a message naming the file to create."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.errors import ContentError
from macros.facilitator import load_notes, missing_notes, render_notes, timings
from macros.handouts import module_source
from macros.plugin import PARTIALS
from macros.render import make_environment
from tests.content.test_content import LATIN, PLACEHOLDER, prose
from tests.helpers import ROOT, registry_modules

MODULES = sorted(p.stem for p in (ROOT / "docs" / "modules").glob("*.md") if p.name != "index.md")
NOTES = sorted((ROOT / "facilitator").glob("*.yaml"))


def test_every_module_has_notes_and_every_notes_file_a_module() -> None:
    assert [path.stem for path in NOTES] == MODULES
    assert MODULES == sorted(registry_modules())


def test_all_notes_load_and_each_session_is_sixty_to_ninety_minutes() -> None:
    notes = load_notes(ROOT)
    assert sorted(notes) == MODULES
    for slug, plan in notes.items():
        assert 60 <= plan["length"] <= 90, slug
        assert sum(step["minutes"] for step in plan["plan"]) == plan["length"], slug
        assert "vignette" in plan, f"{slug}: every module's plan has a fictional vignette"


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.stem)
def test_notes_are_plain_english_and_concise(path: Path) -> None:
    text = prose(path.read_text(encoding="utf-8"), yaml_file=True)
    assert not LATIN.findall(text), f"Latin abbreviations: {LATIN.findall(text)}"
    assert not PLACEHOLDER.findall(text), f"placeholders: {PLACEHOLDER.findall(text)}"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def words(value: object) -> int:
        if isinstance(value, dict):
            return sum(words(v) for v in value.values())
        if isinstance(value, list):
            return sum(words(v) for v in value)
        return len(re.findall(r"[\w']+", str(value)))

    assert 250 <= words(data) <= 600, f"{words(data)} words: keep a session plan short enough to use in the room"


def test_notes_render_hidden_with_timings_prompts_and_a_fictional_vignette() -> None:
    notes = load_notes(ROOT)["managing-boundaries"]
    html = render_notes(make_environment(PARTIALS), notes)
    assert html.startswith(
        '<section class="rs-facilitator" id="facilitator-notes" aria-labelledby="facilitator-notes-title" '
        'data-rs-facilitator data-search-exclude hidden>'
    )
    assert "\n\n" not in html and not any(line.startswith(" ") for line in html.splitlines())
    assert (
        '<h2 class="rs-facilitator__title" id="facilitator-notes-title" data-search-exclude>Facilitator notes: '
        'session plan</h2>' in html
    )
    assert "<caption>Activities and timings (90 minutes in all)</caption>" in html
    assert (
        '<td class="rs-facilitator__time">0 to 5 min</td>' in html
        and '<td class="rs-facilitator__time">87 to 90 min</td>' in html
    )
    assert "<h3>Fictional vignette: The late reports</h3>" in html
    assert "<strong>Everyone in this vignette is invented.</strong> Any likeness to real people is chance." in html
    assert html.count("<li>") >= len(notes["prompts"])
    assert timings([{"minutes": 10}, {"minutes": 5}]) == ["0 to 10 min", "10 to 15 min"]


def copy_notes(tmp_path: Path) -> Path:
    (tmp_path / "facilitator").mkdir()
    shutil.copy(ROOT / "facilitator" / "schema.json", tmp_path / "facilitator")
    return tmp_path / "facilitator"


def test_timings_that_do_not_add_up_and_unknown_fields_are_reported_with_the_file(tmp_path: Path) -> None:
    folder = copy_notes(tmp_path)
    good = yaml.safe_load((ROOT / "facilitator" / "what-is-supervision.yaml").read_text(encoding="utf-8"))
    wrong = {**good, "length": 75}
    (folder / "one.yaml").write_text(yaml.safe_dump(wrong), encoding="utf-8")
    (folder / "two.yaml").write_text(yaml.safe_dump({**good, "aims": ["Too few."], "agenda": "x"}), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_notes(tmp_path)
    message = str(caught.value)
    assert "problem(s) in facilitator notes" in message
    assert "facilitator/one.yaml → plan: the activities add up to 60 minutes but length is 75" in message
    assert 'facilitator/two.yaml → (top level): unknown field "agenda"' in message
    assert "facilitator/two.yaml → aims" in message


def test_a_module_without_notes_names_the_file_to_create() -> None:
    message = str(missing_notes("modules/new-module.md"))
    assert "A module has no facilitator notes." in message
    assert "modules/new-module.md → module_intro(): create facilitator/new-module.yaml" in message


def test_handouts_read_a_module_s_exercises_in_page_order(tmp_path: Path) -> None:
    title, ids = module_source(ROOT / "docs" / "modules" / "managing-boundaries.md")
    assert title == "Managing boundaries in supervision"
    assert ids.index("desc-planner") < ids.index("desc-role-play") < ids.index("managing-boundaries-journal")
    page = tmp_path / "x.md"
    page.write_text(
        '---\ntitle: X\n---\n<!-- {{ exercise("not-used") }} -->\n{{ exercise("one") }}\n{{ exercise(\'two\', '
        'heading=2) }}\n',
        encoding="utf-8",
    )
    assert module_source(page) == ("X", ["one", "two"])


def test_every_module_has_a_handouts_page_from_the_registry() -> None:
    """Handouts pages are added by the build for every module in data/modules.yaml (macros/hooks.py); a page of
    the module's own in docs/handouts/ replaces the generated one, and must then call handouts() for it."""
    from macros.modules import handouts_page

    for slug in registry_modules():
        own = ROOT / "docs" / "handouts" / f"{slug}.md"
        text = own.read_text(encoding="utf-8") if own.is_file() else handouts_page(ROOT, slug)
        assert f'{{{{ handouts("{slug}") }}}}' in text
    assert "title: 'Handouts: What is supervision?'" in handouts_page(ROOT, "what-is-supervision")
