"""Pages and files a check has already passed, remembered between builds in ``.cache/clean-pages/``.

A check that reads every built page (such as the search for inline code, macros/csp.py) or every content file
(the exercise files' validation, macros/catalogue.py) need not read one again when the very same text passed the
very same check before: a text is remembered by a hash of all of it, under a version made of the check's source
files, the Python version (whose HTML parser it uses) and any library versions the check names.
Only passes are remembered; a page with a problem is read, and reported, on every build. Several builds may run
at once: the file is replaced in one step, and a lost update only means a page is checked again.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

from .project import PACKAGE_ROOT

CACHE = PACKAGE_ROOT / ".cache" / "clean-pages"
# How many pages' hashes one check keeps (the newest): a few builds' worth of every page of the site.
KEPT = 4000


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class CleanPages:
    """The hashes of pages that passed one check (by name), for one version of the check's code."""

    def __init__(self, check: str, sources: list[Path], folder: Path | None = None, libraries: str = "") -> None:
        """Read what passed ``check`` before, when its ``sources``, Python and ``libraries`` (their versions)
        were the same as now."""
        version = hashlib.sha256(f"{sys.version}\0{libraries}".encode())
        for source in sources:
            version.update(hashlib.sha256(source.read_bytes()).digest())
        self.file = (folder or CACHE) / f"{check}-{version.hexdigest()[:16]}.txt"
        try:
            self.known = self.file.read_text(encoding="ascii").split()
        except (OSError, UnicodeDecodeError):
            self.known = []
        self._known = set(self.known)
        self.passed: list[str] = []

    def has_passed(self, text: str) -> bool:
        """Whether this very text passed the check before."""
        return _hash(text) in self._known

    def add(self, text: str) -> None:
        """Remember that this text passed the check."""
        digest = _hash(text)
        if digest not in self._known:
            self._known.add(digest)
            self.passed.append(digest)

    def save(self) -> None:
        """Keep the newest hashes for the next build (nothing is lost if the cache cannot be written)."""
        if not self.passed:
            return
        kept = (self.passed + self.known)[:KEPT]
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="ascii", dir=self.file.parent, delete=False,
                                             prefix=self.file.name, suffix=".tmp") as out:
                out.write("\n".join(kept) + "\n")
            os.replace(out.name, self.file)
        except OSError:
            pass
