"""Turn JSON Schema validation errors into plain-English problems for authors."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from .errors import Problem


def field_path(parts: Iterable[object]) -> str:
    """Format a JSON path like ``dimensions[1].items[0].text``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list (lines starting with -)",
    "object": "a group of named fields",
    "boolean": "true or false",
}


def load_validator(schema: Path) -> Draft202012Validator:
    """A validator for a JSON Schema file (draft 2020-12)."""
    return Draft202012Validator(json.loads(schema.read_text(encoding="utf-8")))


def schema_problems(data: Any, validator: Any, shown: str,
                    explain: Callable[[ValidationError], str] | None = None) -> list[Problem]:
    """Every way ``data`` (read from the file ``shown``) breaks the schema, as problems in field order, each
    naming the field and the fix (``explain``, by default ``describe``). The one place the content loaders
    (exercises, references, facilitator notes, an organisation's overlay) turn schema errors into problems."""
    explain = explain or describe
    return [Problem(shown, field_path(error.absolute_path), explain(error))
            for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))]


def describe(error: ValidationError) -> str:
    """Say what is wrong with one value and how to fix it."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    about = schema.get("description", "")
    message = DESCRIBE.get(str(error.validator), _default)(error, schema)
    if message is not None:
        return message
    return error.message + (f" ({about})" if about else "")


def _default(error: ValidationError, schema: dict) -> None:
    """No message of our own: the validator's, with the field's description."""
    return None


def _markdown(error: ValidationError, schema: dict) -> str:
    return error.message + "."


def _required(error: ValidationError, schema: dict) -> str:
    missing = error.message.split("'")[1] if "'" in error.message else error.message
    hint = schema.get("properties", {}).get(missing, {}).get("description", "")
    return f'"{missing}" is missing. Add it.' + (f" ({hint})" if hint else "")


def _additional(error: ValidationError, schema: dict) -> str:
    allowed = ", ".join(sorted(schema.get("properties", {})))
    extra = ", ".join(f'"{name}"' for name in _unexpected(error))
    return f"unknown field {extra}. Check the spelling; allowed fields here are: {allowed}."


def _type(error: ValidationError, schema: dict) -> str:
    about = schema.get("description", "")
    wanted = TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
    if isinstance(error.instance, bool) and error.validator_value == "string":
        return (
            f"should be text, but YAML read it as {str(error.instance).lower()}: it reads yes, no, on, off, true "
            'and false that way. Put the word in quotes, for example "no".'
        )
    return f"should be {wanted}, but is {error.instance!r}." + (f" ({about})" if about else "")


def _forms(error: ValidationError, schema: dict) -> str | None:
    return _describe_forms(error) if error.context else None


def _range(error: ValidationError, schema: dict) -> str:
    return f"{error.instance!r} is out of range ({error.validator} {error.validator_value})."


# The message for each JSON Schema keyword a value can fail (others keep the validator's own message).
DESCRIBE: dict[str, Callable[[ValidationError, dict], str | None]] = {
    "x-markdown": _markdown,
    "required": _required,
    "additionalProperties": _additional,
    "const": lambda error, schema: f"must be {error.validator_value!r}.",
    "type": _type,
    "pattern": lambda error, schema: (
        f"{error.instance!r} is not a valid id. Use lowercase letters and numbers joined by hyphens, for "
        "example agreed-priorities."
    ),
    "minItems": lambda error, schema: f"needs at least {error.validator_value} entries (has {len(error.instance)}).",
    "maxItems": lambda error, schema: (
        f"has {len(error.instance)} entries; the most allowed is {error.validator_value}."
    ),
    "minLength": lambda error, schema: "is empty or too short. Write the text learners should see.",
    "maxLength": lambda error, schema: (
        f"is too long ({len(error.instance)} characters; at most {error.validator_value})."
    ),
    "oneOf": _forms,
    "anyOf": _forms,
    **dict.fromkeys(("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"), _range),
}


def _unexpected(error: ValidationError) -> list[str]:
    """List the field names an additionalProperties error complains about."""
    allowed = set(error.schema.get("properties", {})) if isinstance(error.schema, dict) else set()
    instance = error.instance if isinstance(error.instance, dict) else {}
    return sorted(str(key) for key in instance if key not in allowed)


def _describe_forms(error: ValidationError) -> str:
    """A value that may take one of several forms (oneOf, anyOf): say what is wrong with the form of its type,
    or, when it has none of their types, which forms it may take."""
    branches: dict[object, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0] if sub.schema_path else 0, []).append(sub)
    wrong_type = [
        next((sub for sub in subs if sub.validator == "type" and not sub.relative_path), None)
        for subs in branches.values()
    ]
    fitting = [subs for subs, mismatch in zip(branches.values(), wrong_type, strict=True) if mismatch is None]
    if fitting:
        closest = best_match(fitting[0])
        where = field_path(closest.relative_path)
        return (f"{where}: " if closest.relative_path else "") + describe(closest)
    text_form = next((mismatch for mismatch in wrong_type if mismatch.validator_value == "string"), None)
    if isinstance(error.instance, bool) and text_form is not None:
        return describe(text_form)  # a yes or no that YAML took for true or false
    forms = []
    for mismatch in wrong_type:
        form = TYPE_WORDS.get(str(mismatch.validator_value), str(mismatch.validator_value))
        required = mismatch.schema.get("required") if isinstance(mismatch.schema, dict) else None
        forms.append(form + (f" ({', '.join(required)})" if required else ""))
    return f"should be {' or '.join(forms)}, but is {error.instance!r}."
