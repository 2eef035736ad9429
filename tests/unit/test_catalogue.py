"""The exercise pipeline: every file valid, every kind a complete unit, errors that name file and field."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from macros.catalogue import load_catalogue
from macros.errors import ContentError
from macros.kinds import KINDS, label_key
from macros.strings import default_strings
from tests.helpers import ROOT
from tests.unit.render_helpers import catalogue, render


def test_every_exercise_file_is_valid_and_named_by_its_id() -> None:
    loaded = catalogue()
    files = [
        p
        for p in (ROOT / "exercises").rglob("*.yaml")
        if p.relative_to(ROOT / "exercises").parts[0] not in {"schema", "_examples", "_templates"}
    ]
    assert len(loaded.exercises) == len(files) > 0
    for exercise in loaded.exercises.values():
        assert Path(exercise.path).stem == exercise.id


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_is_a_complete_unit(kind: str) -> None:
    """One kind = schema, renderer, template, script, style, example, tests, author doc and the interface string
    of its label, sharing one name."""
    snake = kind.replace("-", "_")
    for path in [
        f"exercises/schema/{kind}.schema.json",
        f"macros/kinds/{snake}.py",
        f"overrides/partials/widgets/{kind}.html",
        f"overrides/assets/js/widgets/{kind}.js",
        f"overrides/assets/css/widgets/{kind}.css",
        f"exercises/_examples/{kind}/default.yaml",
        f"tests/unit/test_kind_{snake}.py",
        f"tests/browser/test_kind_{snake}.py",
    ]:
        assert (ROOT / path).is_file(), f"{kind} is missing {path}"
    assert f"example-{kind}-default" in catalogue().examples
    strings = default_strings()
    assert label_key(kind) == f"{snake}_label" and label_key(kind) in strings, \
        f"{kind} is missing its label string {snake}_label in data/strings/exercises.yaml"
    html = render(catalogue().examples[f"example-{kind}-default"])
    assert f'<p class="rs-exercise__kind">{escape(strings[label_key(kind)])}</p>' in html


@pytest.mark.parametrize("exercise_id", sorted(catalogue().exercises) + sorted(catalogue().examples))
def test_rendered_html_has_no_blank_lines_or_indentation(exercise_id: str) -> None:
    """Markdown would turn blank lines into paragraphs and indented lines into code blocks."""
    html = render(catalogue().get(exercise_id))
    assert "\n\n" not in html
    assert all(not line.startswith((" ", "\t")) for line in html.splitlines())
    assert html.startswith("<form") and html.endswith("</form>")


def copy_schemas(tmp_path: Path) -> Path:
    """Make an empty exercises folder with the real schemas."""
    shutil.copytree(ROOT / "exercises" / "schema", tmp_path / "exercises" / "schema")
    return tmp_path / "exercises"


def problems_for(tmp_path: Path, files: dict[str, str]) -> str:
    """Write exercise files and return the loader's error message."""
    folder = copy_schemas(tmp_path)
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalogue(folder)
    return str(caught.value)


def test_missing_field_names_file_and_path(tmp_path: Path) -> None:
    message = problems_for(tmp_path, {"demo/broken.yaml": "kind: reflection\ntitle: A title\nprompts:\n  - id: one\n"})
    assert "exercises/demo/broken.yaml → prompts[0]" in message
    assert '"label" is missing' in message


def test_misspelt_field_is_named_with_allowed_fields(tmp_path: Path) -> None:
    message = problems_for(
        tmp_path, {"demo/typo.yaml": "kind: reflection\ntitel: A title\nprompts:\n  - {id: one, label: Q}\n"}
    )
    assert "exercises/demo/typo.yaml" in message
    assert 'unknown field "titel"' in message and "title" in message


def test_every_problem_is_reported_together(tmp_path: Path) -> None:
    message = problems_for(tmp_path, {
        "a/first.yaml": "kind: reflection\ntitle: A title\nprompts: []\n",
        "b/second.yaml": "kind: nonsense\n",
        "c/third.yaml": "kind: reflection\ntitle: [unclosed\n",
    })
    assert "3 problem(s)" in message
    assert "exercises/a/first.yaml → prompts: needs at least 1" in message
    assert "exercises/b/second.yaml → kind: unknown kind 'nonsense'" in message
    assert "exercises/c/third.yaml → line" in message


def test_duplicate_item_ids_and_bad_ids_are_reported(tmp_path: Path) -> None:
    message = problems_for(tmp_path, {"d/dupe.yaml": (
        "kind: reflection\ntitle: A title\nprompts:\n  - {id: same, label: One}\n  - {id: same, label: Two}\n")})
    assert "prompts[1].id: the id 'same' is used twice" in message
    message = problems_for(
        tmp_path / "x", {"d/bad.yaml": "kind: reflection\ntitle: A title\nprompts:\n  - {id: Bad Id, label: One}\n"}
    )
    assert "prompts[0].id" in message and "not a valid id" in message


AGREEMENT = ("kind: agreement\ntitle: An agreement\nsections:\n  - id: s\n    title: S\n    fields:\n"
             "      - id: f\n        label: F\n        type: choice\n        choices: [\"Yes\", {choice}]\n")


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (
            "{id: by-video, lable: On video}",
            'choices[1]: unknown field "lable". Check the spelling; allowed fields here are: id, label.',
        ),
        ("{id: By Video, label: On video}", "choices[1]: id: 'By Video' is not a valid id."),
        ("42", "choices[1]: should be text or a group of named fields (id, label), but is 42."),
        (
            "no",
            'choices[1]: should be text, but YAML read it as false: it reads yes, no, on, off, true and false '
            'that way. Put the word in quotes, for example "no".',
        ),
    ],
)
def test_a_value_of_several_forms_is_judged_by_the_form_it_takes(tmp_path: Path, choice: str, expected: str) -> None:
    """An agreement choice is text or {id, label}: the message speaks of the form the value has, not the other."""
    message = problems_for(tmp_path, {"d/agreement.yaml": AGREEMENT.format(choice=choice)})
    assert f"exercises/d/agreement.yaml → sections[0].fields[0].{expected}" in message


def test_the_same_id_in_two_folders_is_refused(tmp_path: Path) -> None:
    text = "kind: reflection\ntitle: A title\nprompts:\n  - {id: one, label: One}\n"
    message = problems_for(tmp_path, {"a/same.yaml": text, "b/same.yaml": text})
    assert "the id 'same' is already used by exercises/a/same.yaml" in message


class _FormAudit(HTMLParser):
    """Collect ids, label targets and controls from rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.controls: list[str] = []
        self.names: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"])
        if tag == "label" and values.get("for"):
            self.label_for.add(values["for"])
        if tag in {"input", "textarea", "select"}:
            self.controls.append(values.get("id") or "")
            if values.get("name"):
                self.names.append(values["name"])


def test_an_organisation_can_change_the_words_a_kind_brings() -> None:
    """A kind's label, field labels, answer choices and defaults are interface strings, not fixed English."""
    from macros.plugin import WIDGET_TEMPLATES
    from macros.render import make_environment, render_exercise
    from macros.strings import merge_strings
    from tests.unit.render_helpers import EXTRA

    strings = merge_strings(
        default_strings(),
        {
            "smart_goal_label": "Nodau",
            "smart_goal_field_partner": "Partner atebolrwydd",
            "goal_status_achieved": "Wedi'i gyflawni",
            "checklist_answer_not_sure": "Ddim yn siŵr",
            "checklist_tips_title_answers": "Dechrau sgwrs",
            "desc_planner_group_ready": "Paratoi",
            "desc_planner_stance_personal": "Myfyrdod personol",
            "case_review_function_formative": "Ffurfiannol",
            "case_review_mapping_question": "Pa swyddogaeth?",
        },
        "organisation.yaml",
    )
    env = make_environment(WIDGET_TEMPLATES, strings)
    html = {kind: render_exercise(env, catalogue().examples[f"example-{kind}-{name}"], 3, EXTRA)
            for kind, name in [("smart-goal", "default"), ("checklist", "yes-partly-no"), ("desc-planner", "default"),
                               ("case-review", "default")]}
    assert '<p class="rs-exercise__kind">Nodau</p>' in html["smart-goal"]
    assert "-g1-partner\">Partner atebolrwydd</label>" in html["smart-goal"]
    assert "-g1-status-achieved\">Wedi&#39;i gyflawni</label>" in html["smart-goal"]
    assert "-not-sure\">Ddim yn siŵr</label>" in html["checklist"] and ">Dechrau sgwrs</h5>" in html["checklist"]
    assert (
        ">Paratoi</legend>" in html["desc-planner"]
        and "-stance-personal\">Myfyrdod personol</label>" in html["desc-planner"]
    )
    assert "-formative\">Ffurfiannol</label>" in html["case-review"]
    assert '<p class="rs-case-review__question">Pa swyddogaeth?</p>' in html["case-review"]


@pytest.mark.parametrize("exercise_id", sorted(catalogue().exercises) + sorted(catalogue().examples))
def test_every_control_has_a_label_and_ids_are_unique(exercise_id: str) -> None:
    html = render(catalogue().get(exercise_id))
    html = html.split("<template", 1)[0] + html.split("</template>", 1)[-1] if "<template" in html else html
    audit = _FormAudit()
    audit.feed(html)
    duplicates = {i for i in audit.ids if audit.ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {duplicates}"
    unlabelled = [c for c in audit.controls if c not in audit.label_for]
    assert not unlabelled, f"controls without a label: {unlabelled}"
    # A control named like a form property (a prompt id "closest", "action", "submit") would shadow it.
    bare = [name for name in audit.names if not name.startswith("ex-")]
    assert not bare, f"control names must carry the exercise prefix: {bare}"


def test_starters_point_the_editor_at_the_schema_from_a_module_folder() -> None:
    from macros.authoring import example_source

    starter = example_source(ROOT / "exercises", "reflection")
    assert "$schema=../schema/reflection.schema.json" in starter and "../../schema" not in starter
    assert (ROOT / "exercises" / "supervision-models" / "../schema/reflection.schema.json").resolve().is_file()


def test_an_edited_exercise_file_is_loaded_and_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files that passed are remembered by their contents, in the process (``mkdocs serve``) and between builds
    (.cache/clean-pages/): an edit shows up in the next load, and a file made invalid is refused."""
    from macros import catalogue as catalogue_module
    from macros import clean_pages

    monkeypatch.setattr(clean_pages, "CACHE", tmp_path / "cache")
    folder = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises" / "schema", folder / "schema")
    journal = folder / "demo" / "journal.yaml"
    journal.parent.mkdir()
    valid = "kind: reflection\ntitle: {}\nprompts:\n  - {{id: one, label: A question}}\n"
    journal.write_text(valid.format("First title"), encoding="utf-8")
    assert load_catalogue(folder).exercises["journal"].title == "First title"
    journal.write_text(valid.format("Second title"), encoding="utf-8")
    assert load_catalogue(folder).exercises["journal"].title == "Second title"
    # A new process remembers the pass: the file is read, not checked again.
    monkeypatch.setattr(catalogue_module, "_CHECKED", {})
    monkeypatch.setattr(catalogue_module, "check_file", lambda *args: pytest.fail("a file that passed was checked"))
    assert load_catalogue(folder).exercises["journal"].title == "Second title"
    monkeypatch.undo()
    monkeypatch.setattr(clean_pages, "CACHE", tmp_path / "cache")
    journal.write_text("kind: reflection\ntitle: Second title\nprompts: []\n", encoding="utf-8")
    for _ in range(2):  # a problem is never remembered
        with pytest.raises(ContentError, match="exercises/demo/journal.yaml → prompts: needs at least 1"):
            load_catalogue(folder)
