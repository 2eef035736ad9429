"""An adapted copy's mkdocs.yml pointing at the wrong place stops the build with a message naming the setting
and the fix, never a traceback: extra.organisation_file, extra.upstream_dir and docs_dir (macros/hooks.py).
Each build stops in the hook's on_config, before any page is built, so these stay fast."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import mkdocs_build_in_process
from tests.hosting.test_example_build import follow_the_guide
from tests.hosting.test_overlay import copy_example

pytestmark = pytest.mark.build


def set_setting(folder: Path, key: str, value: str) -> None:
    """Set one `key: value` line of the copy's mkdocs.yml (top level or under extra:), keeping its indent."""
    config = folder / "mkdocs.yml"
    text, count = re.subn(rf"(?m)^(\s*){key}:.*$", rf"\g<1>{key}: {value}", config.read_text(encoding="utf-8"))
    assert count == 1, f"expected one {key}: line in {config}"
    config.write_text(text, encoding="utf-8")


def failed_build(tmp_path: Path, key: str, value: str) -> str:
    """Build a copy made as docs/hosting.md says (which builds: test_example_build) with one setting changed;
    it must fail without a traceback. Its output."""
    folder = copy_example(tmp_path)
    follow_the_guide(folder)
    set_setting(folder, key, value)
    result = mkdocs_build_in_process(folder, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    return output


def test_a_missing_organisation_file_names_the_setting_and_the_fix(tmp_path: Path) -> None:
    output = failed_build(tmp_path, "organisation_file", "settings/our-council.yaml")
    assert "The organisation file is missing." in output
    assert "mkdocs.yml → extra.organisation_file: there is no file settings/our-council.yaml" in output
    assert "Fix the path, or remove the setting to build without an overlay." in output


@pytest.mark.parametrize("wrong", ["..", "../no-such-folder"])
def test_a_wrong_upstream_dir_names_the_setting_and_the_fix(tmp_path: Path, wrong: str) -> None:
    output = failed_build(tmp_path, "upstream_dir", wrong)
    assert "The upstream folder is not the reflective-supervision repository." in output
    assert f"mkdocs.yml → extra.upstream_dir: {wrong} (" in output and "has no docs/ and exercises/ folders." in output
    assert "Point it at your copy of the upstream repository, relative to this mkdocs.yml." in output


def test_docs_dir_not_at_the_upstream_pages_names_the_setting_and_the_fix(tmp_path: Path) -> None:
    output = failed_build(tmp_path, "docs_dir", "pages")  # the copy's own pages folder: a likely mistake
    assert "An adapted copy builds the upstream pages." in output
    assert "mkdocs.yml → docs_dir: is " in output and "set it to the upstream docs folder (" in output
    assert "Put your own pages in your pages folder instead (see docs/hosting.md)." in output


def test_a_symlinked_logo_pointing_outside_the_copy_stops_the_build(tmp_path: Path) -> None:
    """The copy's folder is where its mkdocs.yml is: a logo that is a symbolic link to a file outside it (a secret
    the build can read) is never published."""
    folder = copy_example(tmp_path)
    follow_the_guide(folder)
    secret = tmp_path / "secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (folder / "assets" / "logo.svg").symlink_to(secret)
    overlay = folder / "organisation.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8") + "logo: assets/logo.svg\n", encoding="utf-8")
    result = mkdocs_build_in_process(folder, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert (
        f"organisation.yaml → logo: assets/logo.svg is a symbolic link to {secret}, outside the copy's folder" in output
    )
    assert not (tmp_path / "out" / "assets" / "organisation").exists()
