"""The data lab's fixed names and the two ways it is built (``Variant``), shared by the lab's modules."""

from __future__ import annotations

import hashlib
from enum import StrEnum
from importlib import metadata
from pathlib import Path

LAB_FOLDER = "lab"
SITE_FOLDER = "lab"
PYODIDE_CORE = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide.js", "package.json"]
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
# Wheels the kernel extension ships (in its static/pypi folder) that the preloading build adds to the lock.
KERNEL_OWN_WHEELS = ["piplite", "pyodide_kernel", "ipykernel"]
SKIPPED_FILES = {".ipynb_checkpoints", "__pycache__", ".DS_Store"}
# Starts a notebook's kernel the moment the notebook is opened, so a quick "Run All" never meets the
# "Select Kernel" dialog (the file says why). Loaded by the apps that open notebooks.
EARLY_KERNEL_START = "start-kernel-early.js"
EARLY_KERNEL_APPS = ("lab", "notebooks")


class Variant(StrEnum):
    """Which lab to build: the site's own, or the plain recipe the benchmark compares it with."""

    SITE = "site"  # preloaded packages, trimmed and precompiled wheels, our sitecustomize, the early kernel start
    PLAIN = "plain"  # the notes' recipe: self-hosted Pyodide and wheels, no preloading, no trimming

    @property
    def tuned(self) -> bool:
        """Whether this build carries the site's start-up tuning (everything but self-hosting)."""
        return self is Variant.SITE


def hash_files(digest: hashlib._Hash, root: Path, paths: list[Path]) -> None:
    """Add each file's path (inside ``root``) and contents to a hash."""
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")


def tree(folder: Path) -> list[Path]:
    """Every file under a folder, sorted, without editor and Python caches."""
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not SKIPPED_FILES & set(p.relative_to(folder).parts))


def installed(package: str) -> str | None:
    """The installed version of a Python package, or None."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None
