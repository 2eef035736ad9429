"""Lay out the folder ``jupyter lite build`` reads: configuration, self-hosted Pyodide with its lock, notebooks."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ContentError, Problem
from .exercises import PULSE_EXERCISES_FILE
from .settings import KERNEL_OWN_WHEELS, KERNEL_PLUGIN, PYODIDE_CORE, SKIPPED_FILES, Variant
from .wheels import add_to_zip, normal, stub_wheel

if TYPE_CHECKING:
    from .project import Lab


def assemble(lab: Lab, work: Path, variant: Variant) -> None:
    """Lay out a JupyterLite lite_dir: config, self-hosted Pyodide with its lock, the notebooks and the
    definitions of the self-assessments whose pulse codes the group notebook reads."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copy(lab.folder / "jupyter_lite_config.json", work)
    config = json.loads((lab.folder / "jupyter-lite.json").read_text(encoding="utf-8"))
    settings = config["jupyter-config-data"]["litePluginSettings"][KERNEL_PLUGIN]
    if variant.tuned:
        settings["loadPyodideOptions"] = {"packages": lab.pins["kernel"]["preload"]}
        # The app sets window.jupyterapp, which the early kernel start (EARLY_KERNEL_START) needs.
        config["jupyter-config-data"]["exposeAppInBrowser"] = True
    else:
        # The plain build of the notes' recipe, for the benchmark: self-hosted, no preloading, no trimming.
        config["jupyter-config-data"] = {"litePluginSettings": {KERNEL_PLUGIN: {"disablePyPIFallback": True}}}
    (work / "jupyter-lite.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    pyodide(lab, work / "static" / "pyodide", variant)
    release = work / "files" / lab.release()
    shutil.copytree(lab.files, release, ignore=shutil.ignore_patterns(*SKIPPED_FILES))
    (release / PULSE_EXERCISES_FILE).write_bytes(lab.pulse_exercises)


def pyodide(lab: Lab, out: Path, variant: Variant) -> None:
    """Pyodide's core files from npm, the wheels next to them, and a lock listing exactly those wheels."""
    from pyodide_lock.utils import add_wheels_to_spec

    out.mkdir(parents=True)
    package = lab.downloads / "pyodide" / "package"
    for name in PYODIDE_CORE:
        shutil.copy2(package / name, out / name)
    if variant.tuned:
        add_to_zip(out / "python_stdlib.zip", lab.folder / "kernel" / "sitecustomize.py")
    spec = empty_lock(lab, package, out)
    copied = []
    for wheel in kernel_wheels(lab, out, variant):
        shutil.copy2(wheel, out / wheel.name)
        copied.append(out / wheel.name)
    spec = add_wheels_to_spec(spec, copied, base_path=out)
    if variant.tuned and lab.pins["kernel"].get("precompile"):
        precompile(lab, out, spec)
    spec.to_json(out / "pyodide-lock.json")
    shutil.rmtree(out.parent / "stubs", ignore_errors=True)


def empty_lock(lab: Lab, package: Path, out: Path) -> Any:
    """Pyodide's lock from npm with no packages, written to ``out`` (Pyodide needs one to start)."""
    from pyodide_lock import PyodideLockSpec

    lock = json.loads((package / "pyodide-lock.json").read_text(encoding="utf-8"))
    lock["info"].setdefault("version", lab.pins["pyodide"]["version"])
    lock.pop("tool", None)
    lock["info"].pop("tool", None)
    lock["packages"] = {}
    spec_file = out / "npm-lock.json"
    spec_file.write_text(json.dumps(lock), encoding="utf-8")
    spec = PyodideLockSpec.from_json(spec_file)
    spec_file.rename(out / "pyodide-lock.json")  # an empty lock until the end: Pyodide needs one to start
    return spec


def kernel_wheels(lab: Lab, out: Path, variant: Variant) -> list[Path]:
    """The wheels the lab serves: the downloads; for the site's lab, without the dropped and stubbed ones, with
    the kernel extension's own wheels and a stub for each stubbed package."""
    wheels = sorted((lab.downloads / "wheels").glob("*.whl"))
    if not variant.tuned:
        return wheels
    kernel = lab.pins["kernel"]
    skip = {normal(name) for name in kernel["stub"] + kernel["drop"]}
    wheels = [w for w in wheels if normal(w.name.split("-")[0]) not in skip]
    own = (Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyterlite" / "pyodide-kernel-extension"
           / "static" / "pypi")
    wheels += [w for w in sorted(own.glob("*.whl")) if w.name.split("-")[0] in KERNEL_OWN_WHEELS]
    wheels += [stub_wheel(out.parent / "stubs", name) for name in kernel["stub"]]
    return wheels


def precompile(lab: Lab, out: Path, spec: Any) -> None:
    """Replace the Python source in the standard library and the wheels by bytecode (lab/kernel/precompile.mjs)."""
    result = subprocess.run(["node", str(lab.folder / "kernel" / "precompile.mjs"), str(out)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise ContentError("The data lab's bytecode step failed.", [Problem(
            "lab/kernel/precompile.mjs", "node", (result.stdout + result.stderr)[-3000:])])
    for package in spec.packages.values():  # the wheels changed: hash them again
        package.sha256 = hashlib.sha256((out / package.file_name).read_bytes()).hexdigest()
