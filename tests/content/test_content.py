"""Content rules: module anatomy, every exercise used, no placeholders, plain English, sensitive wording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.page_exercises import page_exercises
from tests.helpers import ROOT, registry_modules

DOCS = ROOT / "docs"
MODULES = sorted(p for p in (DOCS / "modules").glob("*.md") if p.name != "index.md")
ANATOMY = ["Learning outcomes", "Key points", "Reflective questions", "Take this to supervision", "References"]
# Latin abbreviations screen readers stumble over (style guide: write "for example", "that is").
# "vs" and "via" count too, with or without a full stop ("VS Code", an editor's name, is allowed).
LATIN = re.compile(
    r"(?<![\w.])(e\.g\.|eg\.|i\.e\.|ie\.|etc\.|viz\.|cf\.|n\.b\.|et al\.|(?<!VS )\bvia\b|\bvs\b(?! Code)\.?)",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"\b(lorem|ipsum|fixme|todo|tbc|xxx)\b", re.IGNORECASE)


def prose(text: str, yaml_file: bool = False) -> str:
    """Text with comments, code blocks and inline code removed."""
    if yaml_file:
        text = re.sub(r"^\s*#.*$", "", text, flags=re.M)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def content_files() -> list[Path]:
    """Every Markdown page, exercise file, data file (interface strings included) and session plan authors write,
    and the example adapted copy's pages and overlay."""
    return (
        sorted(DOCS.rglob("*.md"))
        + sorted((ROOT / "exercises").rglob("*.yaml"))
        + sorted((ROOT / "data").rglob("*.yaml"))
        + sorted((ROOT / "facilitator").glob("*.yaml"))
        + sorted((ROOT / "examples").rglob("*.md"))
        + sorted((ROOT / "examples").rglob("organisation.yaml"))
    )


def test_every_module_page_is_in_the_module_registry() -> None:
    assert sorted(page.stem for page in MODULES) == sorted(registry_modules())


@pytest.mark.parametrize("page", MODULES, ids=lambda p: p.stem)
def test_module_has_the_anatomy_in_order_and_an_exercise(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---", 2)[1])
    assert {"title", "description", "time", "audience"} <= set(meta), "front matter incomplete"
    assert ("resource" in meta) != bool(meta.get("site_authored")), "set either resource: N or site_authored: true"
    assert "{{ module_intro() }}" in text
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    positions = [headings.index(name) if name in headings else -1 for name in ANATOMY]
    assert -1 not in positions, f"missing sections: {[n for n, p in zip(ANATOMY, positions, strict=True) if p == -1]}"
    assert positions == sorted(positions), "anatomy sections out of order"
    assert headings[0] == "Learning outcomes" and headings[-1] == "References"
    assert len(headings) - len(ANATOMY) >= 2, "a module needs at least two body sections"
    assert page_exercises(text), "no exercise on the page"
    assert "{{ page_references() }}" in text.split("## References", 1)[1]


def test_every_exercise_file_is_used_by_a_page() -> None:
    used = {match for page in DOCS.rglob("*.md") for match in page_exercises(page.read_text(encoding="utf-8"))
            if not match.startswith("example-")}
    files = {p.stem for p in (ROOT / "exercises").rglob("*.yaml")
             if p.relative_to(ROOT / "exercises").parts[0] not in {"_examples", "schema", "_templates"}}
    assert sorted(files - used) == [], "exercise files no page uses"
    assert sorted(used - files) == [], "pages call exercises that do not exist"


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_placeholders_or_latin_abbreviations(path: Path) -> None:
    text = prose(path.read_text(encoding="utf-8"), path.suffix == ".yaml")
    assert not PLACEHOLDER.findall(text), f"placeholder text: {PLACEHOLDER.findall(text)}"
    found = LATIN.findall(text)
    assert not found, f"Latin abbreviations (write them out in plain English): {found}"


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_sensitive_wording(path: Path) -> None:
    text = prose(path.read_text(encoding="utf-8"), path.suffix == ".yaml")
    assert "Baby P" not in text, "use Peter Connelly's name, not the tabloid label"
    assert "Climbie" not in text, "Victoria Climbié's name has an accent"
    assert "Gardiner" not in text, "Howard Gardner's name has no i"


def test_pages_discussing_a_death_carry_a_content_note() -> None:
    for page in DOCS.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if re.search(r"Climbié|Peter Connelly|Greenop", text) and page.name not in {"references.md"}:
            first_mention = min(text.find(name) for name in ("Climbié", "Peter Connelly", "Greenop") if name in text)
            note = text.find("Content note")
            assert 0 <= note < first_mention, f"{page.relative_to(ROOT)} needs a content note before the first mention"


def test_free_text_exercises_carry_the_anonymity_reminder() -> None:
    template_dir = ROOT / "overrides" / "partials" / "widgets"
    for template in template_dir.glob("[!_]*.html"):
        text = template.read_text(encoding="utf-8")
        if "f.textarea(" in text:
            assert "f.reminder(" in text, f"{template.name} has free text but no anonymity reminder"


def test_privacy_page_names_the_controls_the_code_offers() -> None:
    privacy = (DOCS / "privacy.md").read_text(encoding="utf-8")
    scripts = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides" / "assets" / "js").rglob("*.js"))
    templates = "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "overrides" / "partials" / "widgets").glob("*.html")
    )
    templates += "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "data" / "strings").glob("*.yaml")
    )  # interface strings
    for label in (
        "Clear my answers",
        "Delete everything from this browser",
        "This is a shared computer: keep my answers only until I close this tab",
    ):
        assert label in privacy, f"the privacy page does not mention {label!r}"
        assert label in scripts + templates, f"the code no longer offers {label!r}"
    assert "sessionStorage" in scripts and "session storage" in privacy
    # Every named piece of saved state the code knows (shape.js DATA_SHAPES) is named on the privacy page, and no other.
    shapes = (ROOT / "overrides" / "assets" / "js" / "lib" / "shape.js").read_text(encoding="utf-8")
    block = shapes.split("export const DATA_SHAPES = {", 1)[1].split("};", 1)[0]
    names = set(re.findall(r"^\s*\"?([\w-]+)\"?: \(value\)", block, flags=re.M))
    assert names == {"visits", "place", "record", "preferences", "agenda", "pulse-codes", "backups"}, names
    for name in names:
        assert f"- `{name}`:" in privacy, f"the privacy page does not say what {name!r} holds"
    assert set(re.findall(r"^- `([\w-]+)`:", privacy, flags=re.M)) == names
    assert "corrupt:" in privacy and "corrupt:" in scripts
