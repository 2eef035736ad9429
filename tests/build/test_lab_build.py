"""The data lab in the built site: self-hosted Pyodide, no PyPI fallback, versioned notebooks, cached build,
and macros that fail clearly on an unknown notebook."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from macros.lab import Lab
from tests.build.test_build import make_site
from tests.helpers import ROOT, mkdocs_build_in_process

pytestmark = pytest.mark.build
KERNEL = "@jupyterlite/pyodide-kernel-extension:kernel"


def test_lab_is_in_the_site_with_pyodide_and_every_wheel_served_by_the_site(site_dir: Path) -> None:
    lab = site_dir / "lab"
    config = json.loads((lab / "jupyter-lite.json").read_text(encoding="utf-8"))
    settings = config["jupyter-config-data"]["litePluginSettings"][KERNEL]
    assert settings["disablePyPIFallback"] is True
    assert settings["pyodideUrl"] == "./static/pyodide/pyodide.mjs"
    assert all(url.startswith("./") for url in settings["pipliteUrls"])
    lock = json.loads((lab / "static" / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))
    for name, package in lock["packages"].items():
        wheel = lab / "static" / "pyodide" / package["file_name"]
        assert wheel.is_file(), f"{name}: {package['file_name']} is not in the site"
        assert hashlib.sha256(wheel.read_bytes()).hexdigest() == package["sha256"], name
    assert {"ipython", "pyodide-kernel", "micropip", "piplite", "comm"} <= set(lock["packages"])
    for package in settings["loadPyodideOptions"]["packages"]:
        assert package in lock["packages"], f"preloaded {package} is not in the lock"
    assert not list(lab.rglob("*.map")), "source maps should be left out (no_sourcemaps)"
    assert not (lab / "static" / "pyodide" / "pyodide.asm.wasm").is_symlink()


def test_notebooks_are_published_in_a_folder_named_by_their_contents(site_dir: Path) -> None:
    lab = Lab(ROOT)
    release = site_dir / "lab" / "files" / lab.release()
    assert re.fullmatch(r"data-lab-[0-9a-f]{8}", release.name)
    for name in ("audit-run-chart.ipynb", "group-self-assessment.ipynb", "runchart.py", "groupscores.py",
                 "INVENTED-supervision-audit.csv", "INVENTED-group-self-assessment.csv"):
        assert (release / name).read_bytes() == (ROOT / "lab" / "files" / name).read_bytes()


def test_data_lab_page_embeds_titled_notebooks_a_repl_and_fallback_links(site_dir: Path) -> None:
    html = (site_dir / "data-lab" / "index.html").read_text(encoding="utf-8")
    embeds = re.findall(r'<div class="rs-lab-embed" data-rs-app="lab-embed" data-rs-lab-kind="(\w+)" data-rs-lab-src="([^"]+)" '
                        r'data-rs-lab-title="([^"]+)"', html)
    assert [kind for kind, _, _ in embeds] == ["notebook", "notebook", "repl"]
    for _, src, title in embeds:
        assert title
        target = (site_dir / "data-lab" / src.replace("&amp;", "&").split("?")[0]).resolve()
        assert target.is_file(), src
        assert f'href="{src}"' in html, "each embed has a plain link as well"
    assert html.count("nothing you load or type here leaves this device") == 3


def copy_lab(tmp_path: Path) -> Lab:
    target = tmp_path / "project"
    shutil.copytree(ROOT / "lab", target / "lab", ignore=shutil.ignore_patterns(".cache"))
    return Lab(target)


def test_lab_cache_key_follows_lab_inputs_only(tmp_path: Path) -> None:
    lab = copy_lab(tmp_path)
    key, release = lab.build_key("site"), lab.release()
    (lab.root / "docs").mkdir()
    (lab.root / "docs" / "data-lab.md").write_text("# Changed Markdown\n", encoding="utf-8")
    assert lab.build_key("site") == key, "a Markdown change must not rebuild the lab"
    notebook = lab.files / "audit-run-chart.ipynb"
    notebook.write_text(notebook.read_text(encoding="utf-8").replace("run chart", "run-chart"), encoding="utf-8")
    assert lab.build_key("site") != key and lab.release() != release, "a notebook change must rebuild and re-version"
    key = lab.build_key("site")
    pins = lab.folder / "lab.json"
    pins.write_text(pins.read_text(encoding="utf-8").replace('"jedi", "ipython"]', '"ipython", "jedi"]'), encoding="utf-8")
    assert lab.build_key("site") != key, "a configuration change must rebuild"


def test_moving_a_lab_file_changes_the_cache_key_as_it_changes_the_release_folder(tmp_path: Path) -> None:
    """The release folder's name hashes each file's path inside lab/files/; the cache key hashed only file
    names, so a move (same name, same contents, same order) kept the cached lab, which still published the
    notebooks under the old folder while the pages linked to the new one."""
    lab = copy_lab(tmp_path)
    key, release = lab.build_key("site"), lab.release()
    (lab.files / "zz").mkdir()
    (lab.files / "runchart.py").rename(lab.files / "zz" / "runchart.py")
    assert lab.release() != release
    assert lab.build_key("site") != key, "a file moved inside lab/files/ must rebuild the lab"


def test_the_exercise_definitions_the_group_notebook_reads_are_published_and_keyed(tmp_path: Path) -> None:
    """The group notebook reads the codes of every self-assessment with a pulse from definitions the build
    publishes beside it: an edited exercise (or an adapted copy's upstream with other exercises) must rebuild
    and re-version the lab, or the cached lab would read codes with stale definitions."""
    lab = copy_lab(tmp_path)
    assert lab.pulse_exercises == b"[]\n"  # no exercises folder: nothing to read, no error
    shutil.copytree(ROOT / "exercises", lab.root / "exercises")
    lab = Lab(lab.root)
    key, release = lab.build_key("site"), lab.release()
    ids = [entry["id"] for entry in json.loads(lab.pulse_exercises)]
    assert {"proctor-function-balance", "heron-intervention-balance", "supervisor-phase-sort"} <= set(ids)
    heron = lab.root / "exercises" / "supervision-models" / "heron-intervention-balance.yaml"
    heron.write_text(heron.read_text(encoding="utf-8").replace(
        "title: Authoritative (supervisor leads)", "title: Authoritative (the supervisor leads)"), encoding="utf-8")
    edited = Lab(lab.root)
    assert b"Authoritative (the supervisor leads)" in edited.pulse_exercises
    assert edited.build_key("site") != key and edited.release() != release, "an edited exercise must rebuild"
    key = Lab(lab.root).build_key("site")
    (lab.root / "exercises" / "supervision-models" / "proctor-function-balance.yaml").unlink()
    assert Lab(lab.root).build_key("site") != key, "another set of exercises must rebuild"


def test_the_lab_publishes_the_pulse_exercises_beside_the_notebooks(site_dir: Path) -> None:
    lab = Lab(ROOT)
    published = site_dir / "lab" / "files" / lab.release() / "pulse-exercises.json"
    assert published.read_bytes() == lab.pulse_exercises


def test_a_markdown_only_rebuild_reuses_the_cached_lab(site_dir: Path) -> None:
    lab = Lab(ROOT)
    built = lab.built("site")  # cached by the site build this session
    assert (built.parent / ".done").read_text().strip() == lab.build_key("site")
    stamp = (built / "jupyter-lite.json").stat().st_mtime
    assert lab.built("site") == built and (built / "jupyter-lite.json").stat().st_mtime == stamp


def test_unknown_notebook_fails_naming_page_and_close_matches(tmp_path: Path) -> None:
    project = make_site(tmp_path, '# Home\n\n{{ notebook("audit-run-chrt") }}\n')
    shutil.copytree(ROOT / "lab", project / "lab", ignore=shutil.ignore_patterns(".cache"))
    result = mkdocs_build_in_process(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Unknown notebook 'audit-run-chrt'" in output
    assert 'index.md → notebook("audit-run-chrt")' in output and "Did you mean: audit-run-chart?" in output
    assert "Traceback" not in output


def test_notebook_macro_without_a_lab_says_so(tmp_path: Path) -> None:
    project = make_site(tmp_path, '# Home\n\n{{ notebook("audit-run-chart") }}\n')
    result = mkdocs_build_in_process(project, tmp_path / "out")
    assert result.returncode != 0 and "This project has no data lab." in result.stdout + result.stderr
