"""Keep the build's start-up quick: import ``jsonschema`` without the format checkers nothing here uses, and read
YAML with PyYAML's C loader where it is installed.

``jsonschema`` builds its format checkers when it is first imported. With ``rfc3987-syntax`` installed (a
dependency of ``jupyter_server``, which the data lab needs) that import compiles 38 grammars and costs seconds;
the duration format's ``isoduration`` imports ``arrow`` (a third of a second). No content schema uses the
``format`` keyword, so :func:`import_jsonschema` hides the packages of the formats no schema of ours names for
the one import; those of the backup schema's ``date-time`` and ``uri-reference`` stay, so a format checker still
checks them, and validation is unchanged. It must run before anything imports ``jsonschema``
(``macros/__init__.py`` calls it first).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import yaml

# Optional packages whose import makes jsonschema's format checkers slow to build, for formats no schema of ours
# uses: rfc3987-syntax (its grammars), and those of duration, uri-template, json-pointer, color, hostname and
# idn-hostname. (rfc3339_validator and rfc3987/rfc3986_validator check the backup schema's formats: not here.)
SLOW_FORMAT_PACKAGES = ("rfc3987_syntax", "isoduration", "uri_template", "jsonpointer", "webcolors", "fqdn", "idna")

# PyYAML's C loader when the C extension is present (several times faster), else the pure-Python one.
SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# And its C dumper, for the front matter of the pages the build writes (the same text as ``yaml.safe_dump``).
SAFE_DUMPER: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def import_jsonschema() -> None:
    """Import jsonschema once with the slow optional format packages hidden, then let others import them again."""
    if "jsonschema" in sys.modules:
        return
    hidden = [name for name in SLOW_FORMAT_PACKAGES if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
    try:
        importlib.import_module("jsonschema")
    finally:
        for name in hidden:
            sys.modules.pop(name, None)


def load_yaml(text: str) -> Any:
    """Parse YAML text safely (the same results as ``yaml.safe_load``), with the C loader where present. On a
    syntax error the pure-Python loader reads it again, so the error (and its message) is the one authors know."""
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        if SAFE_LOADER is yaml.SafeLoader:
            raise
        return yaml.safe_load(text)
