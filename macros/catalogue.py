"""Load every exercise file once, validate it, and report every problem together."""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from .clean_pages import CleanPages
from .errors import ContentError, Problem
from .kinds import KINDS
from .quick_imports import load_yaml
from .safe_markdown import EXERCISE_LINKS, markdown_problems
from .schema_messages import schema_problems

EXAMPLES_DIR = "_examples"
SCHEMA_DIR = "schema"
TEMPLATES_DIR = "_templates"


@dataclass(frozen=True)
class Exercise:
    """A validated exercise definition."""

    id: str
    kind: str
    data: dict[str, Any]
    path: str
    example: bool = False

    @property
    def title(self) -> str:
        """Return the heading learners see."""
        return str(self.data["title"])


@dataclass
class Catalogue:
    """All exercises and examples, by id."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    examples: dict[str, Exercise] = field(default_factory=dict)

    def get(self, exercise_id: str) -> Exercise | None:
        """Find an exercise or an example by id."""
        return self.exercises.get(exercise_id) or self.examples.get(exercise_id)


def _safe_markdown(validator: Any, enabled: Any, instance: Any, schema: dict[str, Any]) -> Any:
    """The ``x-markdown`` keyword (common.schema.json#/$defs/markdown): exercise Markdown holds no raw HTML,
    event handlers or javascript:/data:/vbscript: links (macros/safe_markdown.py)."""
    if not enabled:
        return
    # One wording for everyone, or both wordings of {nqsw, supervisor} (macros/roles.py).
    if isinstance(instance, str):
        texts = [instance]
    elif isinstance(instance, dict):
        texts = [text for text in instance.values() if isinstance(text, str)]
    else:
        texts = []
    for text in texts:
        for message in markdown_problems(text, EXERCISE_LINKS, "exercise text"):
            yield ValidationError(message)


# Draft 2020-12, plus the check of Markdown fields.
ExerciseValidator = validators.extend(Draft202012Validator, {"x-markdown": _safe_markdown})


# What the exercise files' check depends on, besides the files and the schemas: a file that passed with the
# same code and libraries passes again (macros/clean_pages.py), so only its YAML is read.
CHECK_SOURCES = [Path(__file__).parent / name for name in (
    "catalogue.py", "safe_markdown.py", "schema_messages.py", "quick_imports.py", "errors.py", "roles.py",
    "strings.py")] + sorted((Path(__file__).parent / "kinds").glob("*.py"))
CHECK_LIBRARIES = ("jsonschema", "referencing", "markdown", "pyyaml")


def passed_files() -> CleanPages:
    """The exercise files that passed the check before, with this code and these libraries."""
    versions = " ".join(f"{name}={metadata.version(name)}" for name in CHECK_LIBRARIES)
    return CleanPages("exercise-files", CHECK_SOURCES, libraries=f"{versions} libyaml={yaml.__with_libyaml__}")


# Files already checked in this process (``mkdocs serve`` rebuilds, and the data lab's second look at the
# catalogue): by the file's place and contents and the schemas' contents, the file's data and problems.
_CHECKED: dict[tuple[str, str, str], tuple[dict[str, Any] | None, list[Problem]]] = {}


def _digest(*contents: bytes) -> str:
    """One hash of some files' contents."""
    hashed = hashlib.sha256()
    for content in contents:
        hashed.update(hashlib.sha256(content).digest())
    return hashed.hexdigest()


def load_schemas(schema_dir: Path) -> dict[str, Draft202012Validator]:
    """Build one validator per kind from ``<kind>.schema.json`` files."""
    return _validators(schema_dir, _schema_texts(schema_dir))


def _schema_texts(schema_dir: Path) -> tuple[tuple[str, bytes], ...]:
    """Each schema file's name and contents, in order."""
    return tuple((path.name, path.read_bytes()) for path in sorted(schema_dir.glob("*.schema.json")))


def _validators(schema_dir: Path, texts: tuple[tuple[str, bytes], ...]) -> dict[str, Draft202012Validator]:
    """One validator per kind from the schema files' contents."""
    resources = []
    schemas: dict[str, dict[str, Any]] = {}
    for name, text in texts:
        path = schema_dir / name
        contents = json.loads(text.decode("utf-8"))
        resources.append((path.name, Resource.from_contents(contents)))
        schemas[path.name.removesuffix(".schema.json")] = contents
    registry = Registry().with_resources(resources)
    return {
        name: ExerciseValidator(schema, registry=registry)
        for name, schema in schemas.items()
        if name in KINDS
    }


def read_yaml(path: Path, shown: str, text: str | None = None) -> tuple[Any, list[Problem]]:
    """Parse one YAML file (or its ``text``, already read), turning syntax errors into a problem with a line
    number."""
    try:
        return load_yaml(path.read_text(encoding="utf-8") if text is None else text), []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "YAML syntax"
        reason = getattr(error, "problem", None) or str(error)
        return None, [Problem(shown, place, f"the YAML cannot be read ({reason}). Check indentation "
                                            "(spaces, not tabs) and that text with a colon is in quotes.")]


def check_file(
    path: Path, shown: str, validators: dict[str, Draft202012Validator], text: str | None = None
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Validate one exercise file against its kind's schema and the kind's own rules."""
    data, problems = read_yaml(path, shown, text)
    if problems:
        return None, problems
    if data is None:
        return None, [
            Problem(
                shown,
                "(whole file)",
                "the file is empty. Start from a starter in the authoring guide (kind:, title:, ...).",
            )
        ]
    if not isinstance(data, dict):
        return None, [
            Problem(
                shown,
                "(top level)",
                "the file must be a set of named fields (kind:, title:, ...), not a list or plain text.",
            )
        ]
    kind = data.get("kind")
    if kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        return None, [Problem(shown, "kind", f"unknown kind {kind!r}. Use one of: {known}.")]
    if "id" in data:
        problems.append(Problem(shown, "id", "remove this field: the file name is the exercise id."))
    problems += schema_problems(data, validators[kind], shown)
    problems += kind_rule_problems(kind, data, shown, schema_valid=not problems)
    return (data if not problems else None), problems


def kind_rule_problems(kind: str, data: dict[str, Any], shown: str, schema_valid: bool) -> list[Problem]:
    """Apply a kind's own rules (unique ids, ranges...). They are written for files that match the schema; on a
    file that does not, they still run so that one build reports every problem, and any rule the broken shape
    stops from running is simply skipped (the schema problems already say what to fix)."""
    try:
        return [Problem(shown, place, message) for place, message in KINDS[kind].check(data)]
    except (KeyError, TypeError, AttributeError, ValueError, IndexError):
        if schema_valid:
            raise
        return []


def load_catalogue(exercises_dir: Path) -> Catalogue:
    """Load and validate every exercise and example; raise one error listing all problems."""
    schema_texts = _schema_texts(exercises_dir / SCHEMA_DIR)
    schemas_digest = _digest(*(name.encode() + b"\0" + text for name, text in schema_texts))
    validators: dict[str, Draft202012Validator] | None = None
    passed = passed_files()
    catalogue = Catalogue()
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in sorted(exercises_dir.rglob("*.yaml")):
        parts = path.relative_to(exercises_dir).parts
        if parts[0] in {SCHEMA_DIR, TEMPLATES_DIR}:
            continue
        example = parts[0] == EXAMPLES_DIR
        exercise_id = f"example-{parts[1]}-{path.stem}" if example and len(parts) > 2 else path.stem
        shown = path.relative_to(exercises_dir.parent).as_posix()
        if exercise_id in seen:
            problems.append(
                Problem(
                    shown,
                    "file name",
                    f"the id {exercise_id!r} is already used by {seen[exercise_id]}. Rename one of the files.",
                )
            )
            continue
        seen[exercise_id] = shown
        content = path.read_bytes()
        key = (shown, _digest(content), schemas_digest)
        if key not in _CHECKED:
            text = content.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text reads it
            known = f"{shown}\0{schemas_digest}\0{text}"
            if passed.has_passed(known):
                _CHECKED[key] = read_yaml(path, shown, text)
            else:
                if validators is None:
                    validators = _validators(exercises_dir / SCHEMA_DIR, schema_texts)
                _CHECKED[key] = check_file(path, shown, validators, text)
                if not _CHECKED[key][1]:
                    passed.add(known)
        checked, found = _CHECKED[key]
        # A copy each time: pages and the lab get the data as if freshly loaded, whatever a caller does with it.
        data = copy.deepcopy(checked)
        problems += found
        if data is not None:
            exercise = Exercise(exercise_id, data["kind"], data, shown, example)
            (catalogue.examples if example else catalogue.exercises)[exercise_id] = exercise
    passed.save()
    if problems:
        raise ContentError(f"{len(problems)} problem(s) in exercise files. Fix each one and build again:", problems)
    return catalogue
