"""Vendored browser code: pinned in package.json, copied unchanged from the npm package, with its licence."""

from __future__ import annotations

import json

import pytest

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
