"""Turn JSON Schema validation errors into plain-English problems for authors."""

from __future__ import annotations

from collections.abc import Iterable

from jsonschema.exceptions import ValidationError


def field_path(parts: Iterable[object]) -> str:
    """Format a JSON path like ``dimensions[1].items[0].text``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def describe(error: ValidationError) -> str:
    """Say what is wrong with one value and how to fix it."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    about = schema.get("description", "")
    validator = error.validator
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        sub = schema.get("properties", {}).get(missing, {})
        hint = sub.get("description", "")
        return f'"{missing}" is missing. Add it.' + (f" ({hint})" if hint else "")
    if validator == "additionalProperties":
        allowed = ", ".join(sorted(schema.get("properties", {})))
        extra = ", ".join(f'"{name}"' for name in _unexpected(error))
        return f"unknown field {extra}. Check the spelling; allowed fields here are: {allowed}."
    if validator == "const":
        return f"must be {error.validator_value!r}."
    if validator == "type":
        wanted = {"string": "text", "integer": "a whole number", "number": "a number",
                  "array": "a list (lines starting with -)", "object": "a group of named fields",
                  "boolean": "true or false"}.get(str(error.validator_value), str(error.validator_value))
        return f"should be {wanted}, but is {error.instance!r}." + (f" ({about})" if about else "")
    if validator == "pattern":
        return f"{error.instance!r} is not a valid id. Use lowercase letters and numbers joined by hyphens, for example agreed-priorities."
    if validator == "minItems":
        return f"needs at least {error.validator_value} entries (has {len(error.instance)})."
    if validator == "maxItems":
        return f"has {len(error.instance)} entries; the most allowed is {error.validator_value}."
    if validator == "minLength":
        return "is empty or too short. Write the text learners should see."
    if validator == "maxLength":
        return f"is too long ({len(error.instance)} characters; at most {error.validator_value})."
    if validator in {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}:
        return f"{error.instance!r} is out of range ({validator} {error.validator_value})."
    return error.message + (f" ({about})" if about else "")


def _unexpected(error: ValidationError) -> list[str]:
    """List the field names an additionalProperties error complains about."""
    allowed = set(error.schema.get("properties", {})) if isinstance(error.schema, dict) else set()
    instance = error.instance if isinstance(error.instance, dict) else {}
    return sorted(str(key) for key in instance if key not in allowed)
