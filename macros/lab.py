"""The data lab: a JupyterLite site (Pyodide kernel) built offline from pinned downloads, cached, and
copied into the built site as ``lab/``.

Two steps, so that only the first needs a network (PyPI and npm, nothing else):

- ``python scripts/lab.py setup`` (``make lab-setup``) downloads the pinned Pyodide core (npm ``pyodide``)
  and the pure-Python wheels the kernel needs into ``lab/.cache/downloads/``, checking their hashes.
- The build needs no network. The MkDocs build calls it after the pages are written (``on_post_build``):
  it runs ``jupyter lite build`` into ``lab/.cache/build/<key>/`` only when a lab input changed (notebooks,
  data, configuration, pinned versions, this file), then copies the result into the site. A change to
  Markdown alone reuses the cached lab.

Notebooks are published in a folder named after a hash of their contents (``data-lab-1a2b3c4d/``).
JupyterLite keeps a file a user has edited in the browser (IndexedDB) under the same path as the server's
copy and shows the user's copy from then on; a new folder for each release means a user always opens the
current notebooks from a clean copy, and their own edited copies stay in the old folder.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .errors import ContentError, Problem
from .strings import default_strings, fill

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


def _hash_files(digest: "hashlib._Hash", root: Path, paths: list[Path]) -> None:
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")


def _tree(folder: Path) -> list[Path]:
    """Every file under a folder, sorted, without editor and Python caches."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not SKIPPED_FILES & set(p.relative_to(folder).parts))


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

    def release(self) -> str:
        """The folder the notebooks are published in: a hash of their contents."""
        digest = hashlib.sha256()
        _hash_files(digest, self.files, _tree(self.files))
        return f"data-lab-{digest.hexdigest()[:8]}"

    def notebooks(self) -> dict[str, Path]:
        """Notebook names (file stems) and their files."""
        return {path.stem: path for path in sorted(self.files.glob("*.ipynb"))}

    def notebook_url(self, name: str) -> str:
        """Site-relative URL of the Notebook app opening a notebook."""
        return f"{SITE_FOLDER}/notebooks/index.html?path={self.release()}/{name}.ipynb"

    def repl_url(self, code: str = "") -> str:
        """Site-relative URL of the console, running ``code`` first when given."""
        from urllib.parse import quote

        query = "kernel=python&toolbar=1"
        if code:
            query += "&code=" + quote(code, safe="")
        return f"{SITE_FOLDER}/repl/index.html?{query}"

    def _label(self, path: Path) -> str:
        """A lab input's name in the cache key: its path inside the project (this module: macros/lab.py)."""
        if path == Path(__file__):
            return "macros/lab.py"
        return path.relative_to(self.root).as_posix()

    def _inputs(self) -> list[Path]:
        names = ["lab.json", "requirements-kernel.txt", "jupyter-lite.json", "jupyter_lite_config.json"]
        return [self.folder / name for name in names] + _tree(self.folder / "kernel") + _tree(self.files) + [Path(__file__)]

    def build_key(self, variant: str) -> str:
        """A hash of every lab input: a change to any of them (and nothing else) rebuilds the lab.

        Each file counts with its path inside the project (not only its name), and the release folder's name
        is part of the key too: moving a notebook or data file changes the release folder the pages link to,
        so it must rebuild the lab, or the cached lab would publish the notebooks under the old folder."""
        digest = hashlib.sha256(variant.encode())
        digest.update(self.release().encode() + b"\0")
        for path in self._inputs():
            digest.update(self._label(path).encode() + b"\0" + path.read_bytes() + b"\0")
        for package in ("jupyterlite-core", "jupyterlite-pyodide-kernel"):
            digest.update(f"{package}=={_installed(package)}".encode())
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
            found = _installed(package)
            if found != pins[package]:
                problems.append(Problem("requirements.txt", package, f"lab/lab.json pins {pins[package]}, found {found or 'nothing'}: run `make setup`."))
        if not problems:
            from jupyterlite_pyodide_kernel.constants import PYODIDE_VERSION

            if PYODIDE_VERSION != pins["pyodide"]["version"]:
                problems.append(Problem("lab/lab.json", "pyodide.version",
                                        f"the kernel expects Pyodide {PYODIDE_VERSION}, lab.json pins {pins['pyodide']['version']}."))
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
        packed = subprocess.run(["npm", "pack", f"pyodide@{version}", "--json", "--pack-destination", str(self.downloads)],
                                capture_output=True, text=True, check=True, cwd=self.downloads)
        info = json.loads(packed.stdout)[0]
        if info.get("integrity") != pins["pyodide"]["integrity"]:
            raise SystemExit(f"lab: npm pyodide@{version} integrity {info.get('integrity')} does not match lab/lab.json")
        with tarfile.open(self.downloads / info["filename"]) as archive:
            archive.extractall(self.downloads / "pyodide", filter="data")
        (self.downloads / info["filename"]).unlink()
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--python-version", "3.14", "--require-hashes", "-d", str(self.downloads / "wheels"),
                        "-r", str(self.folder / "requirements-kernel.txt")], check=True)
        (self.downloads / ".complete").write_text(self._downloads_key() + "\n")
        print(f"lab: downloaded Pyodide {version} and {len(list((self.downloads / 'wheels').glob('*.whl')))} wheels")

    # ---------------------------------------------------------------- stage B: offline build
    def built(self, variant: str = "site") -> Path:
        """Return the built lab folder for a variant, building it first if no cached build matches."""
        key = self.build_key(variant)
        target = self.cache / "build" / f"{variant}-{key}"
        if (target / ".done").is_file():
            return target / "lab"
        if not self.downloads_ready():
            raise ContentError("The data lab is not set up.", [Problem(
                "lab/lab.json", "downloads", "run `make lab-setup` once (it downloads Pyodide from npm and the kernel's wheels from PyPI).")])
        self.check_tools()
        for old in (self.cache / "build").glob(f"{variant}-*"):
            shutil.rmtree(old, ignore_errors=True)
        work = target / "work"
        self._assemble(work, variant)
        result = subprocess.run([str(Path(sys.executable).parent / "jupyter"), "lite", "build", "--lite-dir", str(work),
                                 "--output-dir", str(target / "lab")], cwd=work, capture_output=True, text=True)
        if result.returncode != 0:
            raise ContentError("The data lab did not build.", [Problem("lab/", "jupyter lite build", (result.stdout + result.stderr)[-3000:])])
        (target / "lab" / ".jupyterlite.doit.db").unlink(missing_ok=True)
        _externalise_inline_scripts(target / "lab")
        if variant == "site":
            _add_early_kernel_start(target / "lab", self.folder / "kernel" / EARLY_KERNEL_START)
        shutil.rmtree(work)
        (target / ".done").write_text(key + "\n")
        return target / "lab"

    def _assemble(self, work: Path, variant: str) -> None:
        """Lay out a JupyterLite lite_dir: config, self-hosted Pyodide with its lock, and the notebooks."""
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        shutil.copy(self.folder / "jupyter_lite_config.json", work)
        config = json.loads((self.folder / "jupyter-lite.json").read_text(encoding="utf-8"))
        settings = config["jupyter-config-data"]["litePluginSettings"][KERNEL_PLUGIN]
        kernel = self.pins["kernel"]
        if variant == "site":
            settings["loadPyodideOptions"] = {"packages": kernel["preload"]}
            # The app sets window.jupyterapp, which the early kernel start (EARLY_KERNEL_START) needs.
            config["jupyter-config-data"]["exposeAppInBrowser"] = True
        else:
            # The plain build of the notes' recipe, for the benchmark: self-hosted, no preloading, no trimming.
            config["jupyter-config-data"] = {"litePluginSettings": {KERNEL_PLUGIN: {"disablePyPIFallback": True}}}
        (work / "jupyter-lite.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
        self._pyodide(work / "static" / "pyodide", variant)
        shutil.copytree(self.files, work / "files" / self.release(), ignore=shutil.ignore_patterns(*SKIPPED_FILES))

    def _pyodide(self, out: Path, variant: str) -> None:
        """Pyodide's core files from npm, the wheels next to them, and a lock listing exactly those wheels."""
        from pyodide_lock import PyodideLockSpec
        from pyodide_lock.utils import add_wheels_to_spec

        out.mkdir(parents=True)
        package = self.downloads / "pyodide" / "package"
        for name in PYODIDE_CORE:
            shutil.copy2(package / name, out / name)
        if variant == "site":
            _add_to_zip(out / "python_stdlib.zip", self.folder / "kernel" / "sitecustomize.py")
        lock = json.loads((package / "pyodide-lock.json").read_text(encoding="utf-8"))
        lock["info"].setdefault("version", self.pins["pyodide"]["version"])
        lock.pop("tool", None)
        lock["info"].pop("tool", None)
        lock["packages"] = {}
        spec_file = out / "npm-lock.json"
        spec_file.write_text(json.dumps(lock), encoding="utf-8")
        spec = PyodideLockSpec.from_json(spec_file)
        spec_file.rename(out / "pyodide-lock.json")  # an empty lock until the end: Pyodide needs one to start
        wheels = sorted((self.downloads / "wheels").glob("*.whl"))
        if variant == "site":
            kernel = self.pins["kernel"]
            skip = {_normal(name) for name in kernel["stub"] + kernel["drop"]}
            wheels = [w for w in wheels if _normal(w.name.split("-")[0]) not in skip]
            from jupyterlite_pyodide_kernel import __file__ as kernel_init  # noqa: F401  (only to find the wheels)

            own = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyterlite" / "pyodide-kernel-extension" / "static" / "pypi"
            wheels += [w for w in sorted(own.glob("*.whl")) if w.name.split("-")[0] in KERNEL_OWN_WHEELS]
            wheels += [_stub_wheel(out.parent / "stubs", name) for name in kernel["stub"]]
        copied = []
        for wheel in wheels:
            shutil.copy2(wheel, out / wheel.name)
            copied.append(out / wheel.name)
        spec = add_wheels_to_spec(spec, copied, base_path=out)
        if variant == "site" and self.pins["kernel"].get("precompile"):
            result = subprocess.run(["node", str(self.folder / "kernel" / "precompile.mjs"), str(out)], capture_output=True, text=True)
            if result.returncode != 0:
                raise ContentError("The data lab's bytecode step failed.", [Problem("lab/kernel/precompile.mjs", "node", (result.stdout + result.stderr)[-3000:])])
            for package in spec.packages.values():  # the wheels changed: hash them again
                package.sha256 = hashlib.sha256((out / package.file_name).read_bytes()).hexdigest()
        spec.to_json(out / "pyodide-lock.json")
        shutil.rmtree(out.parent / "stubs", ignore_errors=True)

    # ---------------------------------------------------------------- into the site
    def copy_into(self, site_dir: Path) -> Path:
        """Put the built lab into the site (hard links where possible: it is large)."""
        source = self.built("site")
        target = Path(site_dir) / SITE_FOLDER
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, copy_function=_link_or_copy)
        return target


INLINE_SCRIPT = re.compile(r'<script( type="module")?>(.*?)</script>', re.DOTALL)


def _externalise_inline_scripts(folder: Path) -> None:
    """Move JupyterLite's inline start-up scripts into files beside their pages, so the site's
    Content-Security-Policy needs no script hashes (macros/csp.py). A classic script's import() resolves
    against the script's own URL, which is in the page's folder, so nothing else changes."""
    for page in folder.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        scripts = INLINE_SCRIPT.findall(html)
        for number, (module, body) in enumerate(scripts):
            name = f"{page.stem}.start{number or ''}.js"
            (page.parent / name).write_text(body.strip() + "\n", encoding="utf-8")
            html = html.replace(f"<script{module}>{body}</script>", f'<script{module} src="{name}"></script>', 1)
        if scripts:
            page.write_text(html, encoding="utf-8")


def _add_early_kernel_start(folder: Path, script: Path) -> None:
    """Copy the early kernel start script to the lab's top folder and load it first in the apps that open
    notebooks (before JupyterLite's own start-up script, so it is ready when the app starts)."""
    shutil.copy2(script, folder / script.name)
    for app in EARLY_KERNEL_APPS:
        page = folder / app / "index.html"
        html = page.read_text(encoding="utf-8")
        start = '<script src="index.start.js"></script>'
        if start not in html:
            raise ContentError("The data lab's pages changed shape.", [Problem(
                f"lab/{app}/index.html", EARLY_KERNEL_START, f"no {start} to load the early kernel start before: check macros/lab.py.")])
        page.write_text(html.replace(start, f'<script src="../{script.name}"></script>\n    {start}', 1), encoding="utf-8")


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _normal(name: str) -> str:
    return name.lower().replace("_", "-")


def _installed(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _wheel(folder: Path, name: str, version: str, files: dict[str, str]) -> Path:
    """Write a small pure-Python wheel (reproducible: fixed dates, sorted members)."""
    folder.mkdir(parents=True, exist_ok=True)
    dist = f"{name}-{version}.dist-info"
    files = {**files,
             f"{dist}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
             f"{dist}/WHEEL": "Wheel-Version: 1.0\nGenerator: reflective-supervision\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
    files[f"{dist}/RECORD"] = "".join(f"{path},,\n" for path in files) + f"{dist}/RECORD,,\n"
    path = folder / f"{name}-{version}-py3-none-any.whl"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in sorted(files):
            archive.writestr(_entry(member), files[member])
    path.write_bytes(buffer.getvalue())
    return path


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip member with a fixed date (reproducible builds), compressed."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _add_to_zip(archive_path: Path, *files: Path) -> None:
    """Add files at the top of a zip archive (Pyodide's standard library), keeping what is there."""
    with zipfile.ZipFile(archive_path, "a", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.writestr(_entry(path.name), path.read_bytes())


def _stub_wheel(folder: Path, name: str) -> Path:
    """An empty wheel for a package the kernel asks for but the lab leaves out: importing it fails cleanly."""
    return _wheel(folder, name, "0.0.0+offline.stub",
                  {f"{name}/__init__.py": f'raise ImportError("{name} is left out of this offline lab to start faster")\n'})


# ---------------------------------------------------------------- macros (like jupyterlite-sphinx's directives)
# Their words are interface strings (lab_embed_*, data/strings/pages.yaml): an organisation may change them.


def notebook_title(path: Path) -> str:
    """The notebook's first Markdown heading, or its file name."""
    for cell in json.loads(path.read_text(encoding="utf-8")).get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", "")).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def embed_html(kind: str, url: str, title: str, link_text: str, height: int, strings: dict[str, str] | None = None) -> str:
    """An embed: title, privacy statement, a button that loads the lab in a frame, and a plain link.

    Without JavaScript only the link shows. The frame loads on request, not with the page: each one
    starts a Python of its own, which is too heavy to start unasked (jupyterlite-sphinx's "prompt" option).
    ``title`` and ``link_text`` are plain text; the other words come from ``strings`` (or the defaults).
    """
    from markupsafe import escape

    words = strings or default_strings()
    return (
        f'<div class="rs-lab-embed" data-rs-app="lab-embed" data-rs-lab-kind="{kind}" data-rs-lab-src="{escape(url)}" '
        f'data-rs-lab-title="{escape(title)}" data-rs-lab-height="{height}">\n'
        f'<p class="rs-lab-embed__title"><strong>{escape(title)}</strong></p>\n'
        f'<p class="rs-lab-embed__privacy">{escape(words["lab_embed_privacy"])}</p>\n'
        '<div class="rs-lab-embed__frame" data-rs-lab-frame hidden></div>\n'
        '<p class="rs-lab-embed__actions">'
        f'<button type="button" class="md-button md-button--primary" data-rs-lab-open hidden>{escape(words["lab_embed_open_here"])}</button> '
        f'<a class="md-button" href="{escape(url)}" target="_blank" rel="noopener">{escape(link_text)}</a></p>\n'
        "</div>"
    )


def offline_build(conf: object) -> bool:
    """Is this the offline copy (file://)? The lab needs a web server (workers, a service worker), so it is left out."""
    for name, plugin in conf["plugins"].items():
        if name.endswith("offline") and getattr(plugin, "config", {}).get("enabled"):
            return True
    return False


def offline_note(title: str, strings: dict[str, str] | None = None) -> str:
    """In the offline copy, in place of an embed: its title and why the lab is not there."""
    from markupsafe import escape

    words = strings or default_strings()
    return (f'<div class="rs-lab-embed rs-lab-embed--offline"><p class="rs-lab-embed__title"><strong>{escape(title)}</strong></p>\n'
            f'<p>{escape(words["lab_embed_offline"])}</p></div>')


def register_macros(env: object, root: Path, current_page: "callable", relative_to_page: "callable",
                    strings: dict[str, str] | None = None) -> "Lab | None":
    """Register ``notebook(name)`` and ``repl(code=...)``; return the project's lab (None without one).
    ``strings`` are the interface strings (an organisation's, else the defaults)."""
    import difflib

    from markupsafe import Markup

    words = strings or default_strings()
    lab = load_lab(root)
    offline = offline_build(env.conf)

    def need_lab(call: str) -> Lab:
        if lab is None:
            raise ContentError("This project has no data lab.", [Problem(current_page(), call, "add lab/lab.json and lab/files/ (see docs/data-lab.md).")])
        return lab

    @env.macro
    def notebook(name: str, height: int = 640) -> Markup:
        """Embed a notebook from lab/files/<name>.ipynb, opened in the lab's Notebook app."""
        call = f'notebook("{name}")'
        found = need_lab(call).notebooks()
        if name not in found:
            close = difflib.get_close_matches(name, list(found), n=3, cutoff=0.5)
            hint = f" Did you mean: {', '.join(close)}?" if close else f" Notebooks: {', '.join(found) or 'none'}."
            raise ContentError(f"Unknown notebook {name!r}.", [Problem(current_page(), call, f"there is no lab/files/{name}.ipynb.{hint}")])
        title = notebook_title(found[name])
        if offline:
            return Markup(offline_note(fill(words["lab_embed_notebook_title"], title=title), words))
        url = relative_to_page(lab.notebook_url(name))
        return Markup(embed_html("notebook", url, fill(words["lab_embed_notebook_title"], title=title),
                                 fill(words["lab_embed_notebook_link"], title=title), height, words))

    @env.macro
    def repl(code: str = "", title: str | None = None, height: int = 360) -> Markup:
        """Embed the lab's REPL (a Python console), optionally running some code first. Without a title, the
        interface string lab_embed_repl_title names it."""
        title = title or words["lab_embed_repl_title"]
        url = relative_to_page(need_lab("repl()").repl_url(code))
        if offline:
            return Markup(offline_note(title, words))
        return Markup(embed_html("repl", url, title, words["lab_embed_repl_link"], height, words))

    return lab


def load_lab(root: Path) -> Lab | None:
    """The project's lab, or None for a project without one (such as the test fixture sites)."""
    return Lab(Path(root)) if (Path(root) / LAB_FOLDER / "lab.json").is_file() else None


def main(argv: list[str]) -> None:
    """``setup``: download; ``build [site|plain]``: build offline and print the folder."""
    lab = Lab(Path(__file__).resolve().parent.parent)
    command = argv[0] if argv else "setup"
    if command == "setup":
        lab.setup()
    elif command == "build":
        print(lab.built(argv[1] if len(argv) > 1 else "site"))
    else:
        raise SystemExit("usage: python scripts/lab.py setup | build [site|plain]")


if __name__ == "__main__":
    main(sys.argv[1:])
