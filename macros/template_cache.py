"""Compiled Jinja templates kept between builds, in ``.cache/jinja/``.

Compiling the theme's templates (Material's and overrides/) and the exercise widgets' templates took a fair
share of every build. Jinja's own bytecode cache keeps each compiled template by its name and file, and
compiles again whenever the template's source changes (it stores a checksum of the source), so a build uses
exactly the code a fresh compile would give. Each kind of environment has a folder of its own (their options
differ, and options change the compiled code), named with the Jinja version that compiled it.
"""

from __future__ import annotations

import jinja2
from jinja2 import FileSystemBytecodeCache

from .project import PACKAGE_ROOT

CACHE = PACKAGE_ROOT / ".cache" / "jinja"


def bytecode_cache(kind: str) -> FileSystemBytecodeCache | None:
    """The cache for one kind of environment (``theme``, ``content``), or None where it cannot be written."""
    folder = CACHE / f"{kind}-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))
