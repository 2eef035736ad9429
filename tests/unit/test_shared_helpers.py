"""The build's shared helpers: one "did you mean" hint, one schema check, one build variant flag."""

from __future__ import annotations

import pytest

from macros.lab import Variant
from macros.schema_messages import schema_problems
from macros.suggest import close_names, did_you_mean


def test_did_you_mean_names_close_names_or_says_what_to_do_instead() -> None:
    known = ["supervision-smart-goals", "proctor-function-balance"]
    assert did_you_mean("smart-goals-supervision", known) == " Did you mean: supervision-smart-goals?"
    assert did_you_mean("nothing-like-it", known, " See the list.") == " See the list."
    assert close_names("helplins", ["helplines", "logo"], limit=1, cutoff=0.6) == ["helplines"]


def test_schema_problems_name_each_field_in_order_with_a_fix() -> None:
    from jsonschema import Draft202012Validator

    properties = {"b": {"type": "string"}, "a": {"type": "integer"}}
    validator = Draft202012Validator({"type": "object", "properties": properties, "required": ["c"]})
    problems = schema_problems({"b": 1, "a": "x"}, validator, "file.yaml")
    assert [(p.file, p.place) for p in problems] == [("file.yaml", "(top level)"), ("file.yaml", "a"),
                                                     ("file.yaml", "b")]
    assert problems[0].message == '"c" is missing. Add it.'
    assert problems[2].message == "should be text, but is 1."


def test_the_lab_is_built_as_the_site_s_or_the_plain_recipe_and_nothing_else() -> None:
    assert Variant("site").tuned and not Variant("plain").tuned
    assert f"{Variant.SITE}-key" == "site-key"  # cache folders are named as before
    with pytest.raises(ValueError):
        Variant("sight")
