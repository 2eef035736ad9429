"""`make new-copy`: a minimal adapted copy from a template, whose build lists every field still to fill (file,
key, what to write) and whose strict build fails until they are filled."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from macros.fill_in import with_stand_ins
from macros.organisation import LOCAL_LINK_KEYS, load_organisation
from scripts.new_copy import main as new_copy
from tests.helpers import ROOT, mkdocs_build_in_process

pytestmark = pytest.mark.build

PLACES = ["contacts[0].name", "contacts[0].email", "accessibility.contact", "accessibility.prepared",
          *[f"local_links.{key}" for key in LOCAL_LINK_KEYS]]


def fill(folder: Path) -> None:
    """Write every field the template marks, as an organisation would."""
    overlay = folder / "organisation.yaml"
    data = yaml.safe_load(overlay.read_text(encoding="utf-8"))
    data["contacts"] = [{"name": "Learning team", "email": "learning@loch-arden.example"}]
    data["accessibility"].update(contact="mailto:web@loch-arden.example", prepared="2026-12-01")
    data["local_links"] = {key: f"https://intranet.loch-arden.example/{key}" for key in LOCAL_LINK_KEYS}
    overlay.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("https://to-fill.invalid/", "https://loch-arden.example/"), encoding="utf-8")
    home = folder / "pages" / "index.md"
    welcome = "Welcome to Loch Arden's supervision modules."
    home.write_text(re.sub(r"(?m)^TO FILL: .*$", welcome, home.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture(scope="module")
def new_copy_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("new-copy") / "organisations" / "loch-arden"
    assert new_copy([str(folder), "--name", "Loch Arden Council", "--no-build"]) == 0
    return folder


def test_the_template_copy_inherits_ours_and_records_the_upstream_version(new_copy_folder: Path) -> None:
    config = (new_copy_folder / "mkdocs.yml").read_text(encoding="utf-8")
    assert (new_copy_folder / Path(re.search(r"(?m)^INHERIT: (.+)$", config).group(1))).resolve() == ROOT / "mkdocs.yml"
    assert "adapted by Loch Arden Council" in config
    assert "storage_name: loch-arden-council-reflective-supervision" in config
    manifest = json.loads((new_copy_folder / "upstream-manifest.json").read_text(encoding="utf-8"))
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    assert manifest["upstream"]["commit"] == head and manifest["files"]
    assert (new_copy_folder / "pages" / "index.md").is_file() and (new_copy_folder / "assets").is_dir()
    assert load_organisation(new_copy_folder / "organisation.yaml", ROOT).name == "Loch Arden Council"


def test_the_overlay_template_names_every_required_field() -> None:
    schema = json.loads((ROOT / "data" / "organisation.schema.json").read_text(encoding="utf-8"))
    from scripts.new_copy import overlay_text
    data = with_stand_ins(yaml.safe_load(overlay_text("X")))
    assert set(schema["required"]) <= set(data)
    required = schema["properties"]["accessibility"].get("required", ["contact", "prepared"])
    assert set(required) <= set(data["accessibility"])


def test_a_strict_build_lists_every_field_to_fill_then_builds_once_filled(new_copy_folder: Path,
                                                                          tmp_path: Path) -> None:
    result = mkdocs_build_in_process(new_copy_folder, tmp_path / "unfilled")
    assert result.returncode == 1
    for place in PLACES:
        assert f"organisation.yaml → {place}: still to fill: " in result.stdout, place
    assert "pages/index.md → line 7: still to fill: a welcome: who the modules are for" in result.stdout
    assert "mkdocs.yml → site_url: still to fill: the address where you will publish the copy" in result.stdout
    fill(new_copy_folder)
    result = mkdocs_build_in_process(new_copy_folder, tmp_path / "filled")
    assert result.returncode == 0, result.stdout
    home = (tmp_path / "filled" / "index.html").read_text(encoding="utf-8")
    assert "Welcome to Loch Arden" in home and "Reflective supervision at Loch Arden Council" in home
