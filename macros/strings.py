"""Interface strings: British English defaults in data/strings/*.yaml, overridable by an organisation.

The templates read them at build time; the browser scripts read them from ``assets/js/strings.js``, which
the build writes from the same files (with an organisation's changes). The copy of that file kept in
``overrides/`` holds the defaults, so the scripts also run under Node for the unit tests; a test checks it
is up to date (``make strings`` rewrites it).

A string may hold placeholders in braces, such as ``{time}``: a script fills them in. An organisation's
version of a string must keep the same placeholders. A counted string comes as ``<name>_one`` and
``<name>_other`` (the script picks the form with the locale's plural rules); an organisation writing in a
language with more forms may add ``<name>_zero``, ``_two``, ``_few`` or ``_many``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from .errors import ContentError, Problem
from .project import PACKAGE_ROOT
from .quick_imports import load_yaml
from .suggest import did_you_mean

STRINGS_DIR = PACKAGE_ROOT / "data" / "strings"
JS_STRINGS = PACKAGE_ROOT / "overrides" / "assets" / "js" / "strings.js"
JS_URI = "assets/js/strings.js"
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
PLURAL_FORM = re.compile(r"^([a-z][a-z0-9_]*)_(zero|two|few|many)$")


@lru_cache(maxsize=4)
def _load(directory: str) -> dict[str, str]:
    result: dict[str, str] = {}
    origin: dict[str, str] = {}
    problems = []
    for path in sorted(Path(directory).glob("*.yaml")):
        shown = f"data/strings/{path.name}"
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            problems.append(Problem(shown, "(top)", "write the strings as `key: \"text\"` lines."))
            continue
        for key, value in data.items():
            if not KEY.match(str(key)):
                problems.append(
                    Problem(shown, str(key), "name a string with lower-case letters, digits and underscores.")
                )
            elif not isinstance(value, str) or not value.strip():
                problems.append(Problem(shown, str(key), "give the text as a non-empty string in quotes."))
            elif key in result:
                problems.append(
                    Problem(
                        shown, str(key), f"is also defined in {origin[key]}; keep one and rename or remove the other."
                    )
                )
            else:
                result[key], origin[key] = value, shown
    if problems:
        raise ContentError("Problems in the interface strings:", problems)
    return result


def default_strings(directory: Path = STRINGS_DIR) -> dict[str, str]:
    """The default interface strings (a fresh copy)."""
    return dict(_load(str(directory)))


def placeholders(text: str) -> set[str]:
    """The names in braces a script fills in, such as {time}."""
    return set(PLACEHOLDER.findall(text))


def merge_strings(defaults: dict[str, str], overrides: dict[str, Any] | None, shown: str) -> dict[str, str]:
    """Apply an organisation's `strings:` to the defaults; unknown keys, non-text values or changed
    placeholders fail the build."""
    problems = []
    result = dict(defaults)
    for key, value in (overrides or {}).items():
        plural = PLURAL_FORM.match(str(key))
        if key not in defaults and plural and f"{plural.group(1)}_other" in defaults:
            # A language with more plural forms than English (zero, two, few, many) adds them to a counted string.
            defaults = {**defaults, key: defaults[f"{plural.group(1)}_other"]}
        if key not in defaults:
            hint = did_you_mean(str(key), defaults, " See the files in data/strings/ for the keys.")
            problems.append(Problem(shown, f"strings.{key}", f"unknown string.{hint} Remove it or fix the name."))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown, f"strings.{key}", "give the text as a non-empty string in quotes."))
        elif placeholders(value) != placeholders(defaults[key]):
            wanted = ", ".join(f"{{{name}}}" for name in sorted(placeholders(defaults[key]))) or "none"
            problems.append(
                Problem(
                    shown,
                    f"strings.{key}",
                    f"keep the same placeholders as the original (wanted: {wanted}); "
                    f"the original is: {defaults[key]!r}",
                )
            )
        else:
            result[key] = value
    if problems:
        raise ContentError("Problems in the organisation's interface strings:", problems)
    return result


def fill(text: str, **params: Any) -> str:
    """Plain text with each {name} filled in (for Python code that builds text)."""
    return PLACEHOLDER.sub(lambda m: str(params[m.group(1)]) if m.group(1) in params else m.group(0), text)


def translator(strings: dict[str, str]) -> Any:
    """The ``tr(key, **params)`` function templates use: the string, HTML-escaped, with each {name} filled in.
    A parameter that is Markup (a link, <em>…</em>) goes in as HTML; anything else is escaped. An unknown key
    fails loudly, so a template can never show a blank."""

    def tr(key: str, **params: Any) -> Markup:
        if key not in strings:
            raise KeyError(f"unknown interface string {key!r}: add it to a file in data/strings/")
        text = escape(strings[key])
        return Markup(
            PLACEHOLDER.sub(lambda m: str(escape(params[m.group(1)])) if m.group(1) in params else m.group(0), text)
        )

    return tr


def js_module(strings: dict[str, str]) -> str:
    """The ES module the browser scripts import: every interface string, frozen."""
    body = json.dumps(dict(sorted(strings.items())), ensure_ascii=False, indent=2)
    return ("// Interface strings for the browser scripts. Generated from data/strings/*.yaml (and an organisation's\n"
            "// `strings:`) by the build; do not edit: change the YAML, then run `make strings`.\n"
            f"export default Object.freeze({body});\n")


def write_js_defaults() -> None:
    """Rewrite overrides/assets/js/strings.js from data/strings/ (`make strings`)."""
    JS_STRINGS.write_text(js_module(default_strings()), encoding="utf-8")
    print(f"wrote {JS_STRINGS.relative_to(PACKAGE_ROOT)}")
