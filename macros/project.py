"""Where this project's files are: the one definition of the folder holding the ``macros`` package."""

from __future__ import annotations

from pathlib import Path

# The project folder (mkdocs.yml, docs/, exercises/, data/, overrides/): the upstream of an adapted copy.
PACKAGE_ROOT = Path(__file__).resolve().parent.parent
