"""Vendored browser code: pinned in package.json, copied unchanged from the npm package, with its licence."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from macros.offline import ESBUILD, bundle_scripts
from tests.helpers import ROOT

VENDOR = ROOT / "overrides" / "assets" / "vendor"


def test_qrcode_generator_is_pinned_vendored_unchanged_and_licensed() -> None:
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["qrcode-generator"]
    assert pinned == "2.0.4", "pin an exact version"
    vendored = VENDOR / "qrcode-generator" / "qrcode.js"
    licence = (VENDOR / "qrcode-generator" / "LICENSE").read_text(encoding="utf-8")
    assert "qrcode-generator 2.0.4" in licence and "MIT" in licence and "Kazuhiko Arase" in licence
    source = ROOT / "node_modules" / "qrcode-generator" / "dist" / "qrcode.mjs"
    if not source.exists():
        pytest.skip("npm packages are not installed (make test installs them)")
    package = ROOT / "node_modules" / "qrcode-generator" / "package.json"
    installed = json.loads(package.read_text(encoding="utf-8"))["version"]
    assert installed == pinned
    assert vendored.read_bytes() == source.read_bytes(), "copy node_modules/qrcode-generator/dist/qrcode.mjs again"


def test_vendored_code_makes_no_request() -> None:
    text = (VENDOR / "qrcode-generator" / "qrcode.js").read_text(encoding="utf-8")
    for call in ("fetch(", "XMLHttpRequest", "import(", "new Image"):
        assert call not in text, call
    # docx names classes ImageRun and ImageReplacer, so an image load is `new Image(` or `new Image;` there.
    docx = (VENDOR / "docx" / "docx.js").read_text(encoding="utf-8")
    for call in ("fetch(", "XMLHttpRequest", "import(", "sendBeacon", "WebSocket", "EventSource"):
        assert call not in docx, call
    assert not re.search(r"new Image\b(?!Run|Replacer|Patch)", docx)


def test_docx_is_pinned_vendored_unchanged_and_licensed() -> None:
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["docx"]
    assert pinned == "9.15.2", "pin an exact version"
    licence = (VENDOR / "docx" / "LICENSE").read_text(encoding="utf-8")
    assert "docx 9.15.2" in licence and "MIT" in licence and "Copyright (c) 2016 Dolan" in licence
    source = ROOT / "node_modules" / "docx" / "dist" / "index.mjs"
    if not source.exists():
        pytest.skip("npm packages are not installed (make test installs them)")
    installed = json.loads((ROOT / "node_modules" / "docx" / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == pinned
    assert (VENDOR / "docx" / "docx.js").read_bytes() == source.read_bytes(), \
        "copy node_modules/docx/dist/index.mjs again"


def test_docx_loads_only_when_asked_and_stays_out_of_the_offline_bundle(tmp_path: Path) -> None:
    """About 1 MB: only lib/word.js refers to it, by a dynamic import; no page or script loads it with a page, and
    the offline copy's one bundled script leaves it out."""
    assets = ROOT / "overrides" / "assets"
    mentions = [p.relative_to(assets).as_posix() for p in (assets / "js").rglob("*.js")
                if "vendor/docx" in p.read_text(encoding="utf-8")]
    assert mentions == ["js/lib/word.js"], mentions
    word = (assets / "js" / "lib" / "word.js").read_text(encoding="utf-8")
    assert re.search(r"^import .*docx", word, flags=re.M) is None and "import(docxUrl())" in word
    templates = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides").rglob("*.html"))
    assert "vendor/docx" not in templates
    if not ESBUILD.exists():
        pytest.skip("npm packages are not installed (make test installs them)")
    shutil.copytree(assets / "js", tmp_path / "assets" / "js")
    shutil.copytree(VENDOR, tmp_path / "assets" / "vendor")
    bundle = bundle_scripts(tmp_path).read_text(encoding="utf-8")
    assert "@oxc-project" not in bundle and "wordprocessingml.document.main" not in bundle
    assert len(bundle.encode()) < 600_000, "the offline bundle grew past what the site's own scripts need"
