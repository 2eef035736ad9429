"""The site builds with either engine it supports: MkDocs 1.6 and ProperDocs (a drop-in fork of MkDocs 1.6 by its
former maintainers). Test builds use RS_ENGINE (mkdocs by default); this test runs one strict ProperDocs build
whatever the default, and checks it publishes the same pages as the suite's build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import ENGINES, ROOT, VENV_BIN, build_engine, built_once

pytestmark = pytest.mark.build


def test_an_unknown_engine_is_refused_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RS_ENGINE", "zensical")
    with pytest.raises(SystemExit, match="RS_ENGINE='zensical' is not a build engine the site supports: use one of "
                                         "mkdocs, properdocs."):
        build_engine()
    monkeypatch.setenv("RS_ENGINE", "properdocs")
    assert build_engine() == "properdocs" and build_engine("mkdocs") == "mkdocs"


def test_both_engines_are_pinned_and_installed() -> None:
    pins = "".join((ROOT / name).read_text(encoding="utf-8") for name in ("requirements.txt", "requirements-test.txt"))
    for engine in ENGINES:
        assert f"\n{engine}==" in pins, engine
        version = subprocess.run([str(VENV_BIN / engine), "--version"], capture_output=True, text=True, check=True)
        assert "1.6." in version.stdout, version.stdout


def site_pages(site: Path) -> list[str]:
    """Every page of a built site outside the data lab."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.parts[len(site.parts)] != "lab")


def test_a_strict_properdocs_build_publishes_the_same_pages(site_dir: Path,
                                                            tmp_path_factory: pytest.TempPathFactory) -> None:
    properdocs_site = built_once(tmp_path_factory, "properdocs-site")
    home = (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6.' in home
    pages = site_pages(properdocs_site)
    assert pages == site_pages(site_dir) and len(pages) > 30
    assert (properdocs_site / "_headers").is_file()
