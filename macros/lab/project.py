"""The data lab of a project: a JupyterLite site (Pyodide kernel) built offline from pinned downloads, cached, and
copied into the built site as ``lab/``.

Two steps, so that only the first needs a network (PyPI and npm, nothing else):

- ``python scripts/lab.py setup`` (``make lab-setup``) downloads the pinned Pyodide core (npm ``pyodide``)
  and the pure-Python wheels the kernel needs into ``lab/.cache/downloads/``, checking their hashes.
- The build needs no network. The MkDocs build calls it after the pages are written (``on_post_build``):
  it runs ``jupyter lite build`` into ``lab/.cache/build/<key>/`` only when a lab input changed (notebooks,
  data, configuration, pinned versions, this package, the self-assessments that offer a pulse), then copies
  the result into the site. A change to Markdown alone reuses the cached lab.

Notebooks are published in a folder named after a hash of their contents (``data-lab-1a2b3c4d/``).
JupyterLite keeps a file a user has edited in the browser (IndexedDB) under the same path as the server's
copy and shows the user's copy from then on; a new folder for each release means a user always opens the
current notebooks from a clean copy, and their own edited copies stay in the old folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from ..errors import ContentError, Problem
from ..project import PACKAGE_ROOT
from .assemble import assemble
from .exercises import PULSE_EXERCISES_FILE, pulse_exercises_json
from .settings import EARLY_KERNEL_START, LAB_FOLDER, SITE_FOLDER, Variant, hash_files, installed, tree
from .site_files import add_early_kernel_start, externalise_inline_scripts, link_or_copy

# This package: its files are lab inputs (a change to how the lab is built rebuilds it).
PACKAGE = Path(__file__).resolve().parent


@dataclass
class Lab:
    """The data lab of one project (``lab/`` beside ``mkdocs.yml``)."""

    root: Path

    # ---------------------------------------------------------------- paths and keys
    @property
    def folder(self) -> Path:
        """The lab's folder beside mkdocs.yml."""
        return self.root / LAB_FOLDER

    @property
    def cache(self) -> Path:
        """Where downloads and built labs are kept (RS_LAB_CACHE, else lab/.cache)."""
        return Path(os.environ.get("RS_LAB_CACHE", self.folder / ".cache"))

    @property
    def downloads(self) -> Path:
        """The downloaded Pyodide and wheels."""
        return self.cache / "downloads"

    @property
    def files(self) -> Path:
        """The notebooks and data files the lab publishes."""
        return self.folder / "files"

    @property
    def pins(self) -> dict:
        """The pinned versions and hashes (lab/lab.json)."""
        return json.loads((self.folder / "lab.json").read_text(encoding="utf-8"))

    @cached_property
    def pulse_exercises(self) -> bytes:
        """The definitions of the self-assessments that offer a pulse, published beside the notebooks (made
        from the project's exercises/ at build time; see exercises.py)."""
        return pulse_exercises_json(self.root / "exercises")

    def release(self) -> str:
        """The folder the notebooks are published in: a hash of their contents and of the exercise
        definitions published with them."""
        digest = hashlib.sha256()
        hash_files(digest, self.files, tree(self.files))
        digest.update(PULSE_EXERCISES_FILE.encode() + b"\0" + self.pulse_exercises + b"\0")
        return f"data-lab-{digest.hexdigest()[:8]}"

    def notebooks(self) -> dict[str, Path]:
        """Notebook names (file stems) and their files."""
        return {path.stem: path for path in sorted(self.files.glob("*.ipynb"))}

    def notebook_url(self, name: str) -> str:
        """Site-relative URL of the Notebook app opening a notebook."""
        return f"{SITE_FOLDER}/notebooks/index.html?path={self.release()}/{name}.ipynb"

    def repl_url(self, code: str = "") -> str:
        """Site-relative URL of the console, running ``code`` first when given."""
        query = "kernel=python&toolbar=1"
        if code:
            query += "&code=" + quote(code, safe="")
        return f"{SITE_FOLDER}/repl/index.html?{query}"

    def _label(self, path: Path) -> str:
        """A lab input's name in the cache key: its path inside the project (this package: macros/lab/...)."""
        if path.parent == PACKAGE:
            return f"macros/lab/{path.name}"
        return path.relative_to(self.root).as_posix()

    def _inputs(self) -> list[Path]:
        """Every file the built lab depends on: configuration, kernel files, notebooks and data, this package."""
        names = ["lab.json", "requirements-kernel.txt", "jupyter-lite.json", "jupyter_lite_config.json"]
        return ([self.folder / name for name in names] + tree(self.folder / "kernel") + tree(self.files)
                + sorted(PACKAGE.glob("*.py")))

    def build_key(self, variant: Variant | str) -> str:
        """A hash of every lab input: a change to any of them (and nothing else) rebuilds the lab. The
        exercise definitions the group notebook reads are an input too (an edited exercise rebuilds it).

        Each file counts with its path inside the project (not only its name), and the release folder's name
        is part of the key too: moving a notebook or data file changes the release folder the pages link to,
        so it must rebuild the lab, or the cached lab would publish the notebooks under the old folder."""
        digest = hashlib.sha256(Variant(variant).value.encode())
        digest.update(self.release().encode() + b"\0")
        for path in self._inputs():
            digest.update(self._label(path).encode() + b"\0" + path.read_bytes() + b"\0")
        digest.update(PULSE_EXERCISES_FILE.encode() + b"\0" + self.pulse_exercises + b"\0")
        for package in ("jupyterlite-core", "jupyterlite-pyodide-kernel"):
            digest.update(f"{package}=={installed(package)}".encode())
        return digest.hexdigest()[:16]

    # ---------------------------------------------------------------- stage A: downloads
    def _downloads_key(self) -> str:
        """What the downloads depend on: the Pyodide pin and the wheel list (not the build options)."""
        digest = hashlib.sha256(json.dumps(self.pins["pyodide"], sort_keys=True).encode())
        digest.update((self.folder / "requirements-kernel.txt").read_bytes())
        return digest.hexdigest()

    def downloads_ready(self) -> bool:
        """Whether the downloads are complete and match the pins."""
        stamp = self.downloads / ".complete"
        return stamp.is_file() and stamp.read_text().strip() == self._downloads_key()

    def check_tools(self) -> None:
        """The build tools installed must be the pinned ones (requirements.txt installs them)."""
        pins = self.pins
        problems = []
        for package in ("jupyterlite-core", "jupyterlite-pyodide-kernel"):
            found = installed(package)
            if found != pins[package]:
                problems.append(Problem("requirements.txt", package, f"lab/lab.json pins {pins[package]}, "
                                                                     f"found {found or 'nothing'}: run `make setup`."))
        if not problems:
            from jupyterlite_pyodide_kernel.constants import PYODIDE_VERSION

            if PYODIDE_VERSION != pins["pyodide"]["version"]:
                problems.append(Problem("lab/lab.json", "pyodide.version",
                                        f"the kernel expects Pyodide {PYODIDE_VERSION}, "
                                        f"lab.json pins {pins['pyodide']['version']}."))
        if problems:
            raise ContentError("The data lab's build tools do not match lab/lab.json.", problems)

    def setup(self) -> None:
        """Download the Pyodide core (npm) and the kernel's wheels (PyPI), checking hashes. Idempotent."""
        self.check_tools()
        if self.downloads_ready():
            print(f"lab: downloads up to date in {self.downloads}")
            return
        pins = self.pins
        shutil.rmtree(self.downloads, ignore_errors=True)
        self.downloads.mkdir(parents=True)
        version = pins["pyodide"]["version"]
        packed = subprocess.run(["npm", "pack", f"pyodide@{version}", "--json", "--pack-destination",
                                 str(self.downloads)], capture_output=True, text=True, check=True, cwd=self.downloads)
        info = json.loads(packed.stdout)[0]
        if info.get("integrity") != pins["pyodide"]["integrity"]:
            raise SystemExit(f"lab: npm pyodide@{version} integrity {info.get('integrity')} "
                             "does not match lab/lab.json")
        with tarfile.open(self.downloads / info["filename"]) as archive:
            archive.extractall(self.downloads / "pyodide", filter="data")
        (self.downloads / info["filename"]).unlink()
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--python-version", "3.14", "--require-hashes", "-d", str(self.downloads / "wheels"),
                        "-r", str(self.folder / "requirements-kernel.txt")], check=True)
        (self.downloads / ".complete").write_text(self._downloads_key() + "\n")
        print(f"lab: downloaded Pyodide {version} and {len(list((self.downloads / 'wheels').glob('*.whl')))} wheels")

    # ---------------------------------------------------------------- stage B: offline build
    def built(self, variant: Variant | str = Variant.SITE) -> Path:
        """Return the built lab folder for a variant, building it first if no cached build matches."""
        variant = Variant(variant)
        key = self.build_key(variant)
        target = self.cache / "build" / f"{variant}-{key}"
        if (target / ".done").is_file():
            return target / "lab"
        if not self.downloads_ready():
            raise ContentError("The data lab is not set up.", [Problem(
                "lab/lab.json", "downloads",
                "run `make lab-setup` once (it downloads Pyodide from npm and the kernel's wheels from PyPI).")])
        self.check_tools()
        for old in (self.cache / "build").glob(f"{variant}-*"):
            shutil.rmtree(old, ignore_errors=True)
        work = target / "work"
        assemble(self, work, variant)
        result = subprocess.run([str(Path(sys.executable).parent / "jupyter"), "lite", "build", "--lite-dir",
                                 str(work), "--output-dir", str(target / "lab")], cwd=work, capture_output=True,
                                text=True)
        if result.returncode != 0:
            raise ContentError("The data lab did not build.", [Problem(
                "lab/", "jupyter lite build", (result.stdout + result.stderr)[-3000:])])
        (target / "lab" / ".jupyterlite.doit.db").unlink(missing_ok=True)
        externalise_inline_scripts(target / "lab")
        if variant.tuned:
            add_early_kernel_start(target / "lab", self.folder / "kernel" / EARLY_KERNEL_START)
        shutil.rmtree(work)
        (target / ".done").write_text(key + "\n")
        return target / "lab"

    # ---------------------------------------------------------------- into the site
    def copy_into(self, site_dir: Path) -> Path:
        """Put the built lab into the site (hard links where possible: it is large)."""
        source = self.built(Variant.SITE)
        target = Path(site_dir) / SITE_FOLDER
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, copy_function=link_or_copy)
        return target


def load_lab(root: Path) -> Lab | None:
    """The project's lab, or None for a project without one (such as the test fixture sites)."""
    return Lab(Path(root)) if (Path(root) / LAB_FOLDER / "lab.json").is_file() else None


def main(argv: list[str]) -> None:
    """``setup``: download; ``build [site|plain]``: build offline and print the folder."""
    lab = Lab(PACKAGE_ROOT)
    command = argv[0] if argv else "setup"
    if command == "setup":
        lab.setup()
    elif command == "build":
        print(lab.built(argv[1] if len(argv) > 1 else Variant.SITE))
    else:
        raise SystemExit("usage: python scripts/lab.py setup | build [site|plain]")


if __name__ == "__main__":
    main(sys.argv[1:])
