"""Interface strings: one source (data/strings/*.yaml) for templates and scripts; every key a script asks
for exists; an organisation's changes are checked; the scripts' copy of the defaults is current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.errors import ContentError
from macros.kinds import KINDS, label_key
from macros.strings import JS_STRINGS, default_strings, js_module, merge_strings, placeholders
from tests.helpers import ROOT

SCRIPTS = ROOT / "overrides" / "assets" / "js"
TEMPLATES = ROOT / "overrides"
# t("key") or t("key", {...}) in a script; t.key or t['key'] in a template.
# t("key", ...) and textWith("key", ...), the DOM version for sentences that carry learner text (lib/dom.js).
SCRIPT_KEY = re.compile(r"""\b(?:t|textWith)\(\s*["']([a-z0-9_]+)["']""")
COUNTED_KEY = re.compile(r"""\btn\(\s*["']([a-z0-9_]+)["']""")
TEMPLATE_KEY = re.compile(r"""\bt\.([a-z0-9_]+)|\bt\[["']([a-z0-9_]+)["']\]|\btr\(\s*["']([a-z0-9_]+)["']""")


def script_keys() -> dict[str, list[str]]:
    """Every string key a script asks for -> the scripts asking."""
    found: dict[str, list[str]] = {}
    for path in sorted(SCRIPTS.rglob("*.js")):
        if path.name == "strings.js":  # the strings themselves, and t() with its own documentation
            continue
        text = path.read_text(encoding="utf-8")
        # tn("name", count) uses name_one and name_other (and any other plural form a language adds).
        keys = SCRIPT_KEY.findall(text) + [
            f"{name}_{form}" for name in COUNTED_KEY.findall(text) for form in ("one", "other")
        ]
        for key in keys:
            found.setdefault(key, []).append(path.relative_to(SCRIPTS).as_posix())
    return found


def test_the_scripts_copy_of_the_default_strings_is_current() -> None:
    assert JS_STRINGS.read_text(encoding="utf-8") == js_module(default_strings()), \
        "overrides/assets/js/strings.js is out of date with data/strings/: run `make strings`"


def test_every_key_a_script_uses_is_defined() -> None:
    strings = default_strings()
    missing = {key: users for key, users in script_keys().items() if key not in strings}
    assert missing == {}, f"add these to a file in data/strings/: {missing}"


def test_every_string_is_used_by_a_script_a_template_or_the_build() -> None:
    used = set(script_keys())
    for path in TEMPLATES.rglob("*.html"):
        for match in TEMPLATE_KEY.finditer(path.read_text(encoding="utf-8")):
            used.add(match.group(1) or match.group(2) or match.group(3))
    used |= {label_key(kind) for kind in KINDS}  # the label above each exercise's title (macros/render.py)
    python = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "macros").rglob("*.py"))
    unused = [
        key
        for key in default_strings()
        if key not in used
        and f"'{key}'" not in python
        and f'"{key}"' not in python
        and not key.startswith("local_link_")
        and key != "locale"
    ]
    assert unused == [], f"strings nothing uses (remove them, or use them): {unused}"


def test_scripts_write_no_fixed_english_sentences() -> None:
    """User-facing words come from the strings: no script writes a sentence of its own (a capital letter,
    words and a space inside quotes). Comments, console messages and the generated strings file are exempt."""
    sentence = re.compile(r"""(["'`])[A-Z][a-z]+ [a-z][^"'`]*\1""")
    offenders = []
    for path in sorted(SCRIPTS.rglob("*.js")):
        if path == JS_STRINGS:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("//", 1)[0] if not line.lstrip().startswith("*") else ""
            if "console." in code:
                continue
            if sentence.search(code):
                offenders.append(f"{path.relative_to(SCRIPTS)}:{number}: {line.strip()[:100]}")
    assert offenders == [], "move these words to data/strings/ and use t(...):\n" + "\n".join(offenders)


def test_templates_write_no_fixed_english_sentences() -> None:
    """The theme's and the exercises' templates take their words from the strings too (text between tags,
    and aria-label, title and placeholder attributes). Template comments are exempt."""
    text_between_tags = re.compile(r">\s*[A-Z][a-z]*\s+[a-z][^<{]*<")
    attribute = re.compile(r'\b(aria-label|title|placeholder|alt)="[A-Z][a-z]*\s[^"{]*"')
    offenders = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        if "javascripts" in path.parts:
            continue  # Material's own scripts, served as files
        source = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        for number, line in enumerate(source.splitlines(), 1):
            if text_between_tags.search(line) or attribute.search(line):
                offenders.append(f"{path.relative_to(TEMPLATES)}:{number}: {line.strip()[:100]}")
    assert offenders == [], "move these words to data/strings/ and use tr(...):\n" + "\n".join(offenders)


def test_tr_escapes_the_string_and_plain_parameters_but_not_markup() -> None:
    from markupsafe import Markup

    from macros.strings import translator
    tr = translator({"open": "Open <{what}> & {link}"})
    assert (
        str(tr("open", what="<b>", link=Markup('<a href="x">here</a>')))
        == 'Open &lt;&lt;b&gt;&gt; &amp; <a href="x">here</a>'
    )
    with pytest.raises(KeyError):
        tr("missing")


def test_placeholders_are_found() -> None:
    assert placeholders("Saved at {time} on {day}.") == {"time", "day"}
    assert placeholders("No placeholders {Here}.") == set()


def test_an_organisation_may_change_a_string_but_must_keep_its_placeholders() -> None:
    defaults = {"saved_at": "Saved at {time}.", "clear": "Clear"}
    assert (
        merge_strings(defaults, {"saved_at": "Wedi cadw am {time}."}, "organisation.yaml")["saved_at"]
        == "Wedi cadw am {time}."
    )
    with pytest.raises(ContentError) as caught:
        merge_strings(defaults, {"saved_at": "Saved.", "clera": "Wipe", "clear": 3}, "organisation.yaml")
    shown = str(caught.value) + "".join(str(p) for p in caught.value.problems)
    assert "strings.saved_at" in shown and "{time}" in shown
    assert "strings.clera" in shown and "Did you mean: clear" in shown
    assert "strings.clear" in shown and "non-empty string" in shown


def test_a_language_with_more_plural_forms_may_add_them_to_counted_strings() -> None:
    defaults = {"agenda_count_one": "{count} item.", "agenda_count_other": "{count} items.", "title": "Title"}
    merged = merge_strings(
        defaults, {"agenda_count_two": "{count} eitem.", "agenda_count_few": "{count} eitem."}, "organisation.yaml"
    )
    assert merged["agenda_count_two"] == "{count} eitem."
    with pytest.raises(ContentError) as caught:
        merge_strings(defaults, {"title_two": "Two titles", "agenda_count_many": "Many."}, "organisation.yaml")
    shown = "".join(str(p) for p in caught.value.problems)
    assert "strings.title_two: unknown string" in shown and "strings.agenda_count_many" in shown and "{count}" in shown


def test_a_key_defined_twice_fails_naming_both_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text('same: "One"\n', encoding="utf-8")
    (tmp_path / "b.yaml").write_text('same: "Two"\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        default_strings(tmp_path)
    shown = "".join(str(p) for p in caught.value.problems)
    assert "data/strings/b.yaml" in shown and "data/strings/a.yaml" in shown
