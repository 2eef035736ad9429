"""The build starts quickly: jsonschema without its slow format checkers, YAML through the C loader."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from macros.quick_imports import SAFE_LOADER, load_yaml
from tests.helpers import ROOT


def test_loading_the_content_layer_does_not_build_slow_format_checkers() -> None:
    """Importing the macros package (which imports jsonschema) leaves rfc3987-syntax's grammars unbuilt, and
    validation still reports schema errors."""
    script = (
        "import sys, macros\n"
        "from jsonschema import Draft202012Validator\n"
        "errors = list(Draft202012Validator({'type': 'object', 'required': ['kind']}).iter_errors({}))\n"
        "print('rfc3987_syntax' in sys.modules, 'jsonschema._format' in sys.modules, len(errors))\n"
        "print('isoduration' in sys.modules, 'arrow' in sys.modules, 'uri_template' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True", "1", "False", "False", "False"]


def test_the_formats_our_schemas_use_are_still_checked() -> None:
    """The backup schema's date-time and uri-reference formats keep their checkers after the quick import."""
    script = (
        "import macros\n"
        "from jsonschema import Draft202012Validator, FormatChecker\n"
        "schema = {'properties': {'at': {'format': 'date-time'}, 'url': {'format': 'uri-reference'}}}\n"
        "check = Draft202012Validator(schema, format_checker=FormatChecker())\n"
        "bad = {'at': 'yesterday', 'url': 'http://a b'}\n"
        "good = {'at': '2026-12-07T10:00:00Z', 'url': '../modules/x.html#part'}\n"
        "print(len(list(check.iter_errors(bad))), len(list(check.iter_errors(good))))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["2", "0"]


def test_yaml_uses_the_c_loader_where_present() -> None:
    """With PyYAML's C extension installed, the C loader reads the content files."""
    if not yaml.__with_libyaml__:
        pytest.skip("PyYAML has no C extension here")
    assert SAFE_LOADER is yaml.CSafeLoader
    assert load_yaml("a: [1, two]\nb: {c: true}\n") == {"a": [1, "two"], "b": {"c": True}}


def test_a_yaml_syntax_error_reads_as_the_pure_loader_reports_it() -> None:
    """Authors see the same error message (and line) whichever loader read the file."""
    text = "title: one\n  kind: two: three\n"
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.safe_load(text)
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml(text)
    assert str(caught.value) == str(expected.value)


def test_front_matter_written_with_the_c_dumper_reads_as_safe_dump_writes_it() -> None:
    """The pages the build writes (handouts, answer sheets) get the same front matter text as yaml.safe_dump's."""
    from macros.quick_imports import SAFE_DUMPER

    for title in ("Supervision models", 'The "4x4x4" model: roles', "Réflexion – l'été", "a: b # c", "- list?"):
        data = {"title": f"Handouts: {title}", "description": f'From "{title}", for A4.', "search": {"exclude": True}}
        options = {"allow_unicode": True, "sort_keys": False, "width": 1000}
        assert yaml.dump(data, Dumper=SAFE_DUMPER, **options) == yaml.safe_dump(data, **options)
