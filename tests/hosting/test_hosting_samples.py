"""The sample publishing set-ups in hosting/ci/ (GitHub Pages, GitLab Pages, Netlify) are well formed and
consistent with the project: they set up with `make setup`, build an existing copy strictly, and publish
the folder that build writes."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import yaml

from tests.helpers import ROOT

SAMPLES = ROOT / "hosting" / "ci"


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M))


def build_parts(command: str) -> tuple[str, str]:
    """The copy folder a `cd <copy> && … mkdocs build --strict --site-dir <out>` command builds, and <out>."""
    words = shlex.split(command.replace("&&", " && "))
    assert "make" in words and words[words.index("make") + 1] == "setup", command
    assert "--strict" in words, f"a build without --strict: {command}"
    copy = words[words.index("cd") + 1]
    return copy, words[words.index("--site-dir") + 1]


def assert_is_a_copy(folder: str) -> None:
    config = ROOT / folder / "mkdocs.yml"
    assert config.is_file(), f"{folder}: no mkdocs.yml"
    assert "INHERIT: ../../mkdocs.yml" in config.read_text(encoding="utf-8")


def test_every_sample_is_named_in_the_hosting_guide() -> None:
    guide = (ROOT / "docs" / "hosting.md").read_text(encoding="utf-8")
    for sample in SAMPLES.iterdir():
        assert f"hosting/ci/{sample.name}" in guide, sample.name
    assert "setup" in make_targets()


def test_github_pages_workflow_builds_the_copy_and_uploads_what_it_built() -> None:
    workflow = yaml.safe_load((SAMPLES / "github-pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    commands = " && ".join(step["run"] for step in steps if "run" in step)
    copy, out = build_parts(commands.replace("$COPY", workflow["env"]["COPY"]).replace('"', ""))
    assert_is_a_copy(copy)
    upload = next(step for step in steps if str(step.get("uses", "")).startswith("actions/upload-pages-artifact"))
    assert out == f"$GITHUB_WORKSPACE/{upload['with']['path']}"
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")


def test_gitlab_pages_job_publishes_public_at_the_repository_root() -> None:
    job = yaml.safe_load((SAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))["pages"]
    commands = " && ".join(job["script"]).replace("$COPY", job["variables"]["COPY"]).replace('"', "")
    copy, out = build_parts(commands)
    assert_is_a_copy(copy)
    assert out == "$CI_PROJECT_DIR/public" and job["artifacts"]["paths"] == ["public"]


def test_netlify_publishes_the_folder_its_build_writes() -> None:
    config = tomllib.loads((SAMPLES / "netlify.toml").read_text(encoding="utf-8"))["build"]
    copy, out = build_parts(config["command"])
    assert_is_a_copy(copy)
    assert Path(config["publish"]) == Path(copy) / out
