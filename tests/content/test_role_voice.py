"""The NQSW's side of the text: what an NQSW reads (plain strings and the `nqsw` wording of every exercise text) is
never written from the supervisor's position, and every module page speaks to both roles.

Conventions checked here (docs/authoring explains role wording):
- a module page's "Take this to supervision" section ends with a paragraph or list item for the NQSW that starts
  with "If you are an NQSW";
- its "Who it is for" line (front matter `audience`) has a sentence for each role, one starting "Supervisors" and
  one starting "NQSWs", and no afterthought such as "NQSWs will find ... useful too".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from macros.roles import is_role_text
from tests.helpers import ROOT

EXERCISES = sorted(p for p in (ROOT / "exercises").rglob("*.yaml")
                   if p.relative_to(ROOT / "exercises").parts[0] not in {"_examples", "schema", "_templates"})
MODULES = sorted(p for p in (ROOT / "docs" / "modules").glob("*.md") if p.name != "index.md")
# Phrases that put the reader in the supervisor's chair. Longer phrases first, so a report names the longest match.
SUPERVISOR_VOICE = re.compile(
    r"\b(your NQSWs?|your supervisees?|as a supervisor|NQSWs you supervise|you supervise)\b", re.IGNORECASE)
# A perspective choice names whose viewpoint an answer takes ("As a supervisor, about the supervision I give"):
# both choices are offered to every learner, so it is a label for a choice, not the voice of the text.
PERSPECTIVE_LABEL = re.compile(r"^perspectives\[\d+\]\.label$")
NQSW_LINE = re.compile(r"^(?:[-*]|\d+\.)?\s*(?:\*\*)?If you are an NQSW\b")


def nqsw_texts(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(field, text) for every text an NQSW reads: plain strings, and the `nqsw` wording of a role mapping."""
    if is_role_text(value):
        yield f"{path}.nqsw", value["nqsw"]
    elif isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from nqsw_texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from nqsw_texts(item, f"{path}[{index}]")


def supervisor_voiced(data: Any) -> list[str]:
    """'field: "phrase"' for every NQSW wording that speaks from the supervisor's position."""
    return [f'{field}: "{match.group(0)}"' for field, text in nqsw_texts(data)
            if not PERSPECTIVE_LABEL.match(field) for match in [SUPERVISOR_VOICE.search(text)] if match]


def section(text: str, heading: str) -> str:
    """The body of a level-two section of a Markdown page ('' when the page has no such section)."""
    match = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    return match.group(1) if match else ""


def last_block(body: str) -> str:
    """The last paragraph or list item of a section (comments and macro calls left out)."""
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    blocks = [b.strip() for b in re.split(r"\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)", body)]
    blocks = [b for b in blocks if b and not b.startswith("{{")]
    return blocks[-1] if blocks else ""


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_the_nqsw_wording_is_never_supervisor_voiced(path: Path) -> None:
    found = supervisor_voiced(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert not found, (
        f"{path.relative_to(ROOT)}: NQSW wording written from the supervisor's position in {found}. "
        "Write the field from the NQSW's own position, or give it {nqsw: ..., supervisor: ...} wordings.")


@pytest.mark.parametrize("page", MODULES, ids=lambda p: p.stem)
def test_take_this_to_supervision_ends_with_a_line_for_the_nqsw(page: Path) -> None:
    block = last_block(section(page.read_text(encoding="utf-8"), "Take this to supervision"))
    assert NQSW_LINE.match(block), (
        f"{page.relative_to(ROOT)}: 'Take this to supervision' should end with a paragraph or list item starting "
        f"'If you are an NQSW' (what the NQSW takes to their own supervision); it ends with: {block[:80]!r}")


@pytest.mark.parametrize("page", MODULES, ids=lambda p: p.stem)
def test_who_it_is_for_speaks_to_each_role(page: Path) -> None:
    audience = str(yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1]).get("audience", ""))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", audience) if s.strip()]
    for role in ("Supervisors", "NQSWs"):
        assert any(s.startswith(role) for s in sentences), (
            f"{page.relative_to(ROOT)}: 'audience' needs a sentence starting '{role}' saying what that role gets "
            f"from the module; it reads: {audience!r}")
    assert not re.search(r"useful too|too\.$", audience), (
        f"{page.relative_to(ROOT)}: 'audience' treats one role as an afterthought: {audience!r}")


def test_the_checks_catch_supervisor_voice_and_ignore_the_supervisor_wording() -> None:
    data = {"title": "Journal", "prompts": [
        {"id": "a", "label": "What would your NQSW say?"},
        {"id": "b", "label": {"nqsw": "What would I say?", "supervisor": "What would your supervisee say?"}},
        {"id": "c", "hint": {"nqsw": "Ask your supervisees", "supervisor": "Ask them"}}],
        "perspectives": [{"id": "supervisor", "label": "As a supervisor, about the supervision I give"}]}
    assert supervisor_voiced(data) == ['prompts[0].label: "your NQSW"', 'prompts[2].hint.nqsw: "your supervisees"']
    assert NQSW_LINE.match(last_block("Ask them.\n\nIf you are an NQSW, ask your supervisor.\n\n"))
    assert NQSW_LINE.match(last_block("- Ask them.\n- **If you are an NQSW:** take one question."))
    assert not NQSW_LINE.match(last_block("If you are an NQSW, ask.\n\nIn your next session, ask your NQSW."))


# Kinds whose text is the same for both roles by design: questions of fact (knowledge checks) and the agreement
# a supervisor and an NQSW write together.
SHARED_BY_DESIGN = {"knowledge-check", "agreement"}


def nqsw_path_exercises() -> list[tuple[str, Path]]:
    """(module, exercise file) for every exercise on a module page of the NQSW path (data/modules.yaml)."""
    registry = yaml.safe_load((ROOT / "data" / "modules.yaml").read_text(encoding="utf-8"))
    found = []
    for step in registry["paths"]["nqsw"]["steps"]:
        page = (ROOT / "docs" / "modules" / f"{step['module']}.md").read_text(encoding="utf-8")
        for exercise_id in re.findall(r"""exercise\(\s*["']([a-z0-9-]+)["']""", page):
            found.extend((step["module"], path) for path in EXERCISES if path.stem == exercise_id)
    return found


def has_role_wording(value: Any) -> bool:
    """Does any text of the exercise have a wording for each role?"""
    if is_role_text(value):
        return True
    if isinstance(value, dict):
        return any(has_role_wording(item) for item in value.values())
    if isinstance(value, list):
        return any(has_role_wording(item) for item in value)
    return False


def test_every_exercise_on_the_nqsw_path_has_wording_for_the_nqsw() -> None:
    exercises = nqsw_path_exercises()
    assert len(exercises) >= 8, "the NQSW path's module pages embed exercises"
    missing = []
    for module, path in exercises:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["kind"] in SHARED_BY_DESIGN:
            continue
        if not has_role_wording(data):
            missing.append(
                f"{path.relative_to(ROOT)} (on {module}): no text worded for the NQSW ({{nqsw, supervisor}})"
            )
        missing.extend(f"{path.relative_to(ROOT)}: {problem}" for problem in supervisor_voiced(data))
    assert missing == [], "\n".join(missing)
