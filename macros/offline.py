"""Offline copies (file:// from a zip or a shared drive): one classic script instead of ES modules.

Browsers refuse to load ES modules from file:// URLs, so after an offline build the site's scripts are
bundled with esbuild (a pinned npm development tool, `npm install`) into ``assets/js/app.bundle.js``: every
widget and page application is registered in ``globalThis.rsModules``, where ``assets/js/app.js`` looks
before it would import a file. scripts/build-offline.sh runs the whole build and makes the zip.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import ContentError, Problem
from .project import PACKAGE_ROOT

ESBUILD = PACKAGE_ROOT / "node_modules" / ".bin" / "esbuild"


def registry_source(js: Path) -> str:
    """An ES module that imports every widget and application and registers them by the path app.js uses."""
    lines, names = [], []
    for index, path in enumerate(sorted([*js.glob("widgets/*.js"), *js.glob("apps/*.js")])):
        key = "./" + path.relative_to(js).as_posix()
        lines.append(f"import * as m{index} from {json.dumps(path.as_posix())};")
        names.append(f"  {json.dumps(key)}: m{index},")
    return "\n".join(lines + ["globalThis.rsModules = {", *names, "};", ""])


def bundle_scripts(site: Path) -> Path:
    """Write assets/js/app.bundle.js into a built site; fail clearly if esbuild is not installed."""
    js = site / "assets" / "js"
    esbuild = str(ESBUILD) if ESBUILD.exists() else shutil.which("esbuild")
    if not esbuild:
        raise ContentError(
            "The offline copy needs esbuild to bundle its scripts.",
            [
                Problem(
                    "package.json",
                    "devDependencies",
                    "run `npm install` in the upstream repository (make offline does this), then build again.",
                )
            ],
        )
    out = js / "app.bundle.js"
    with tempfile.TemporaryDirectory() as tmp:
        registry = Path(tmp) / "registry.js"
        registry.write_text(registry_source(js), encoding="utf-8")
        entry = Path(tmp) / "entry.js"
        # Imports run in order: the registry first, so app.js finds every module in it.
        entry.write_text(
            f"import {json.dumps(registry.as_posix())};\nimport {json.dumps((js / 'app.js').as_posix())};\n",
            encoding="utf-8",
        )
        # The Word document library (assets/vendor/docx/, about 1 MB) is never bundled: lib/word.js imports it only
        # when asked, from a path esbuild does not follow, and an offline copy says Word documents need the site.
        result = subprocess.run(
            [esbuild, str(entry), "--bundle", "--format=iife", "--target=es2020", "--log-level=error",
             "--external:*/vendor/docx/docx.js", f"--outfile={out}"],
            capture_output=True, text=True, check=False,
        )
    if result.returncode != 0:
        raise ContentError(
            "Bundling the offline copy's scripts failed.",
            [Problem("assets/js/app.js", "esbuild", result.stderr.strip())],
        )
    return out
