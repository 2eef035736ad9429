"""Role wording (macros/roles.py): every kind's author-facing text may be written for each role; both wordings
are rendered (the NQSW wording for search, no-JS and print; the supervisor wording marked for the page's role
and as a labelled note); a malformed mapping gets a file, field and fix message."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from macros.catalogue import Exercise, check_file, load_schemas
from macros.kinds import KINDS
from macros.plugin import WIDGET_TEMPLATES
from macros.render import make_environment, markdown_to_html, render_exercise
from macros.roles import RoleText, is_role_text, nqsw_text, with_role_text
from tests.helpers import ROOT
from tests.unit.render_helpers import EXTRA, catalogue

SCHEMAS = ROOT / "exercises" / "schema"
# Fields that are not text for learners (ids, kinds, links, keys of sources, enumerations), and text with one
# wording for everyone on purpose (common.schema.json#/$defs/plainText): an exercise's title (it names the exercise
# in My learning and the record), a self-assessment's dimension titles (the group pulse's names stay neutral), an
# agreement's plain choices (their text is the saved value), a section link's title (a heading of another page),
# and words the scripts look for (evidence sources, vague verbs, judgemental words).
NOT_ROLE_TEXT = re.compile(
    r"^(kind|title|source|responses)$|(^|\.)(id|type|link|category)$|\.section\.title$"
    r"|^dimensions\[\d+\]\.title$|\.choices\[\d+\]$"
    r"|^(evidence_sources|vague_verbs|judgemental_words)\[\d+\]$"
)


def text_leaves(value: Any, path: str = "") -> list[str]:
    """The paths of every string in exercise data, written the way the build names fields."""
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict) and set(value) == {"nqsw", "supervisor"}:
        return [path]  # already worded for each role: one text field
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in text_leaves(item, f"{path}.{key}" if path else key)]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in text_leaves(item, f"{path}[{index}]")]
    return []


def replace_at(data: dict[str, Any], path: str, new: Any) -> dict[str, Any]:
    """A copy of the data with the value at a path replaced."""
    out = copy.deepcopy(data)
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    target: Any = out
    for part in parts[:-1]:
        target = target[int(part[1:-1])] if part.startswith("[") else target[part]
    last = parts[-1]
    if last.startswith("["):
        target[int(last[1:-1])] = new
    else:
        target[last] = new
    return out


def write_yaml(tmp_path: Path, data: dict[str, Any]) -> Path:
    import yaml

    path = tmp_path / "exercise.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_text_field_of_every_kind_takes_a_wording_for_each_role(kind: str, tmp_path: Path) -> None:
    validators = load_schemas(SCHEMAS)
    examples = [ex for ex in catalogue().examples.values() if ex.kind == kind]
    assert examples, kind
    env = make_environment(WIDGET_TEMPLATES)
    refused = []
    tried = 0
    for example in examples:
        for path in text_leaves(example.data):
            if NOT_ROLE_TEXT.search(path):
                continue
            original = nqsw_text(eval_path(example.data, path))
            variant = {"nqsw": original, "supervisor": f"{original} SUPERVISOR-WORDING"}
            data = replace_at(example.data, path, variant)
            checked, problems = check_file(write_yaml(tmp_path, data), "exercise.yaml", validators)
            if problems:
                refused.append(f"{example.id}: {path}: {problems[0].message}")
                continue
            tried += 1
            html = render_exercise(env, Exercise(example.id, kind, checked, "exercise.yaml", True), 3, EXTRA)
            # The supervisor wording is in the page (or in the script's configuration, which is never indexed),
            # and wherever the page shows it, it is marked so the search index skips it.
            assert "SUPERVISOR-WORDING" in html, (example.id, path)
            html = re.sub(r"<script type=\"application/json\" data-rs-config>.*?</script>", "", html, flags=re.S)
            for match in re.finditer(r"SUPERVISOR-WORDING", html):
                variants = re.findall(r'data-rs-variant="(\w+)"( data-search-exclude)?', html[:match.start()])
                assert variants and variants[-1] in {
                    ("supervisor", " data-search-exclude"),
                    ("alt", " data-search-exclude"),
                }, (example.id, path)
    assert refused == [], "\n".join(refused)
    assert tried > 0


def eval_path(data: Any, path: str) -> Any:
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        data = data[int(part[1:-1])] if part.startswith("[") else data[part]
    return data


def test_inline_role_text_writes_the_nqsw_wording_then_the_supervisor_wording_twice_marked() -> None:
    html = str(escape(RoleText("What do I bring?", "What do you & your NQSW bring?", "Wording for supervisors")))
    assert html == (
        '<span class="rs-role" data-rs-variant="nqsw">What do I bring?</span>'
        '<span class="rs-role" data-rs-variant="supervisor" data-search-exclude>What do you &amp; your NQSW '
        'bring?</span>'
        '<span class="rs-role-alt" data-rs-variant="alt" data-search-exclude><strong class="rs-role-alt__label">'
        'Wording for supervisors:</strong> What do you &amp; your NQSW bring?</span>'
    )


def test_markdown_role_text_puts_the_supervisor_wording_in_a_labelled_disclosure_that_prints() -> None:
    html = str(markdown_to_html(RoleText("I *bring* this.", "You bring **that**.", "Wording for supervisors")))
    assert html.startswith('<div class="rs-role" data-rs-variant="nqsw"><p>I <em>bring</em> this.</p></div>')
    assert (
        '<div class="rs-role" data-rs-variant="supervisor" data-search-exclude><p>You bring '
        '<strong>that</strong>.</p></div>' in html
    )
    assert (
        '<details class="rs-role-alt rs-print-open" data-rs-variant="alt" data-search-exclude>'
        "<summary>Wording for supervisors</summary><div><p>You bring <strong>that</strong>.</p></div></details>"
    ) in html


def test_only_exact_nqsw_and_supervisor_mappings_are_role_text() -> None:
    assert is_role_text({"nqsw": "a", "supervisor": "b"})
    assert not is_role_text({"nqsw": "a"}) and not is_role_text({"id": "a", "label": "b"})
    assert not is_role_text({"nqsw": "a", "supervisor": "b", "x": "c"})
    wrapped = with_role_text({"prompts": [{"id": "a", "label": {"nqsw": "N", "supervisor": "S"}}]}, "For supervisors")
    label = wrapped["prompts"][0]["label"]
    assert isinstance(label, RoleText) and str(label) == "N" and wrapped["prompts"][0]["id"] == "a"


def test_the_script_configuration_keeps_both_wordings_for_the_page_to_choose() -> None:
    data = copy.deepcopy(catalogue().examples["example-time-split-default"].data)
    data["categories"][0]["label"] = {"nqsw": "My casework", "supervisor": "Casework with your NQSW"}
    html = render_exercise(
        make_environment(WIDGET_TEMPLATES), Exercise("x", "time-split", data, "x.yaml", True), 3, EXTRA
    )
    config = html[html.index("data-rs-config>"):]
    assert '"label": {"nqsw": "My casework", "supervisor": "Casework with your NQSW"}' in config


MALFORMED = [
    ({"nqsw": "What do I bring to supervision?"},
     'prompts[0].label: "supervisor" is missing. Add it. (The wording for supervisors.)'),
    ({"nqsw": "What do I bring?", "supervisor": "What does your NQSW bring?", "supervsor": "typo"},
     'prompts[0].label: unknown field "supervsor". Check the spelling; allowed fields here are: nqsw, supervisor.'),
    ({"nqsw": "What do I bring?", "supervisor": ""},
     "prompts[0].label: supervisor: is empty or too short. Write the text learners should see."),
    (3, "prompts[0].label: should be text or a group of named fields (nqsw, supervisor), but is 3."),
]


@pytest.mark.parametrize(("label", "message"), MALFORMED, ids=["missing-supervisor", "unknown-key", "empty", "number"])
def test_a_malformed_role_mapping_gets_a_message_naming_the_file_field_and_fix(
    label: Any, message: str, tmp_path: Path
) -> None:
    data = {"kind": "reflection", "title": "Why supervision", "prompts": [{"id": "why", "label": label}]}
    _, problems = check_file(write_yaml(tmp_path, data), "exercises/x/why.yaml", load_schemas(SCHEMAS))
    assert [f"{p.place}: {p.message}" for p in problems] == [message]
    assert all(p.file == "exercises/x/why.yaml" for p in problems)
