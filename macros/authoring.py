"""Helpers for the authoring guide: show an example's YAML and a kind's field reference."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def example_source(exercises_dir: Path, kind: str, name: str = "default") -> str:
    """Return a fenced YAML block holding an example exercise file, ready to save as a module's exercise: the
    editor's schema line points from exercises/<module>/ (one folder up), not from exercises/_examples/<kind>/."""
    path = exercises_dir / "_examples" / kind / f"{name}.yaml"
    text = path.read_text(encoding="utf-8").rstrip().replace("$schema=../../schema/", "$schema=../schema/")
    return (
        '```yaml title="exercises/<module>/<exercise-id>.yaml (starter from '
        f'_examples/{kind}/{name}.yaml)"\n{text}\n```'
    )


def _resolve(schema: dict[str, Any], schemas: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Follow $refs into the shared definitions, keeping the local title and description."""
    ref = schema.get("$ref")
    if not ref:
        return schema
    file, _, pointer = ref.partition("#")
    document = schemas[file or "common.schema.json"]
    target: Any = document
    for part in pointer.strip("/").split("/"):
        target = target[part]
    if "$ref" in target and not target["$ref"].split("#")[0]:
        target = {**target, "$ref": f"{file or 'common.schema.json'}{target['$ref']}"}
    return {**_resolve(target, schemas), **{k: v for k, v in schema.items() if k != "$ref"}}


def _type_name(schema: dict[str, Any]) -> str:
    """Describe a field's type in plain words."""
    if "const" in schema:
        return f"`{schema['const']}`"
    names = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true or false",
             "array": "list", "object": "group of fields"}
    if "pattern" in schema:
        return "id"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{value}`" for value in schema["enum"])
    if any(str(form.get("$ref", "")).endswith("/roleText") for form in schema.get("anyOf", [])):
        return "text, or `nqsw:` and `supervisor:` (see Wording for each role)"
    return names.get(schema.get("type", ""), "text")


def field_rows(
    schema: dict[str, Any], schemas: dict[str, dict[str, Any]], prefix: str = ""
) -> list[tuple[str, str, str, str]]:
    """List (field path, type, required, description) for a schema and the items of its lists."""
    rows = []
    required = set(schema.get("required", []))
    for name, raw in schema.get("properties", {}).items():
        sub = _resolve(raw, schemas)
        path = f"{prefix}{name}"
        rows.append(
            (path, _type_name(sub), "yes" if name in required else "no", " ".join(sub.get("description", "").split()))
        )
        if sub.get("type") == "object" and "properties" in sub:
            rows += field_rows(sub, schemas, f"{path}.")
        items = _resolve(sub.get("items", {}), schemas) if sub.get("type") == "array" else {}
        if items.get("type") == "object":
            rows += field_rows(items, schemas, f"{path}[].")
    return rows


def field_table(schema_dir: Path, kind: str) -> str:
    """Return a Markdown table of every field of a kind, generated from its schema."""
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in schema_dir.glob("*.schema.json")}
    rows = field_rows(schemas[f"{kind}.schema.json"], schemas)
    lines = ["| Field | Type | Required | What it is |", "|---|---|---|---|"]
    lines += [f"| `{path}` | {kind_} | {req} | {text.replace('|', '/')} |" for path, kind_, req, text in rows]
    return "\n".join(lines)
