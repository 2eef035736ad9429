"""The backup's JSON Schema (docs/schemas/backup-v1.schema.json) and the site's own import checks
(overrides/assets/js/lib/shape.js, lib/backup.js) accept and refuse the same sample files: this test checks the
schema, tests/js/shape.test.mjs checks the code, both against tests/js/fixtures/backups/{valid,kept-aside,invalid}/
(kept-aside: files from a newer version, or with damaged parts, that import with those parts kept aside)."""

from __future__ import annotations

import functools
import json

import pytest

from tests.helpers import ROOT

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = json.loads((ROOT / "docs" / "schemas" / "backup-v1.schema.json").read_text(encoding="utf-8"))
SAMPLES = ROOT / "tests" / "js" / "fixtures" / "backups"


@functools.cache
def validator() -> object:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize(
    "path",
    sorted([*(SAMPLES / "valid").glob("*.json"), *(SAMPLES / "kept-aside").glob("*.json")]),
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_the_schema_accepts_every_valid_sample(path) -> None:
    validator().validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", sorted((SAMPLES / "invalid").glob("*.json")), ids=lambda p: p.stem)
def test_the_schema_refuses_every_invalid_sample(path) -> None:
    assert not validator().is_valid(json.loads(path.read_text(encoding="utf-8"))), (
        f"{path.name} should not pass the schema"
    )


def test_there_are_samples_of_both_kinds() -> None:
    assert len(list((SAMPLES / "valid").glob("*.json"))) >= 2
    assert len(list((SAMPLES / "kept-aside").glob("*.json"))) >= 3
    assert len(list((SAMPLES / "invalid").glob("*.json"))) >= 30
