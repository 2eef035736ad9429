"""Start an adapted copy from a template: `make new-copy DIR=organisations/my-council NAME="My Council"`.

Writes a minimal copy into DIR (which must not exist or be empty): a mkdocs.yml that INHERITs the upstream one,
an organisation.yaml with every field the organisation must write marked "TO FILL:", a home page of its own,
a place for the logo, and the upstream version it starts from (upstream-manifest.json). Then it builds the copy
(not strictly), which lists every field still to fill; `mkdocs build --strict` fails until they are filled.
See docs/hosting.md ("Make an adapted copy").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.errors import ContentError  # noqa: E402
from macros.organisation import LOCAL_LINK_KEYS, load_organisation  # noqa: E402
from macros.upgrade_report import write_manifest  # noqa: E402

LOCAL_LINK_HINTS = {
    "supervision_policy": "your supervision policy",
    "employee_assistance": "your employee assistance programme",
    "lone_working": "your lone working policy",
    "data_protection": "your data protection or records management policy",
    "learning_and_development": "your learning and development team or NQSW supported year coordinators",
    "wellbeing_support": "your staff wellbeing support",
}
LINK = "an https:// address, a mailto: or tel: link, or one of your own pages (for example support.md)"


def quoted(text: str) -> str:
    """A YAML string (JSON's quoting is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def slug(name: str) -> str:
    """Lower-case words joined by hyphens, for the storage name."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "copy"


def config_text(name: str, upstream: str) -> str:
    """The copy's mkdocs.yml."""
    return f"""# {name}'s adapted copy of Reflective supervision, started with `make new-copy`.
# Everything you change lives in this folder: see docs/hosting.md ("Make an adapted copy").
# Build (from this folder):  {upstream}/.venv/bin/mkdocs build --strict

# Paths into the upstream repository, relative to this file: INHERIT (our mkdocs.yml, which this file adds
# to), docs_dir, theme.custom_dir, hooks, plugins.macros.module_name and extra.upstream_dir (further down).
INHERIT: {upstream}/mkdocs.yml
docs_dir: {upstream}/docs
theme:
  custom_dir: {upstream}/overrides
hooks:
  - {upstream}/macros/hooks.py
plugins:
  macros:
    module_name: {upstream}/macros

site_name: {quoted(name + " – Reflective supervision")}
# TO FILL: where you will publish the copy (MkDocs lists pages in sitemap.xml under it).
site_url: https://to-fill.invalid/
site_description: {quoted(name + "'s learning modules on professional supervision in social work.")}
copyright: {quoted("Original text under CC BY-SA 4.0, adapted by " + name + ". Your answers stay in your browser.")}

extra:
  # Answers are stored under this name: your copy's own, so they never mix with another copy's.
  storage_name: {slug(name)}-reflective-supervision
  upstream_dir: {upstream}   # a path into the upstream repository too: change it with the lines above
  organisation_file: organisation.yaml
"""


def overlay_text(name: str) -> str:
    """The copy's organisation.yaml, every value to write marked TO FILL."""
    links = "\n".join(f"  {key}: {quoted(f'TO FILL: the address of {LOCAL_LINK_HINTS[key]}: {LINK}')}"
                      for key in LOCAL_LINK_KEYS)
    return f"""# {name}'s overlay: everything this copy changes, in one checked file (keys: docs/hosting.md).
# Replace every "TO FILL: ..." value. Until then a build lists them, and a strict build stops.

name: {quoted(name)}
# Your logo: put an SVG or PNG file in assets/, then uncomment and name it here.
# logo: assets/logo.svg

contacts:
  - name: "TO FILL: who your staff contact about the modules, for example your workforce development team"
    email: "TO FILL: their e-mail address, for example learning@your-organisation.org.uk"

# Your accessibility statement (the Accessibility page), which a public sector body must publish.
accessibility:
  contact: "TO FILL: where people report an accessibility problem: an https:// address, or a mailto: or tel: link"
  prepared: "TO FILL: the date you prepared the statement, as YYYY-MM-DD"
  enforcement: ehrc   # ecni in Northern Ireland

# Where the modules' references to local policies point.
local_links:
{links}

# Support routes shown on every wellbeing exercise; without this key, ours (data/support.yaml) show.
# helplines:
#   - "Your employee assistance programme: **0800 000 0000**."

# The modules to include, in your order (file names in docs/modules/ without .md); without it, all of ours.
# modules:
#   - what-is-supervision
"""


def home_page() -> str:
    """The copy's own home page (pages/index.md replaces ours)."""
    return """---
description: Learning modules on supervision in social work, for our supervisors and newly qualified social workers.
---

# Reflective supervision at {{ organisation_name() }}

TO FILL: a welcome: who the modules are for, how your organisation uses them in supervision, where to start.

There are {{ module_count() }} modules, each with exercises you complete in your browser: see the
[list of modules](modules/index.md).
Keep what you write in [My learning](my-learning.md).

!!! note "Your answers stay on this device"
    Everything you type into an exercise is saved in this browser only. Read [how your answers are kept](privacy.md).

## Who to contact

{{ organisation_contacts() }}
"""


def upstream_version() -> dict[str, str]:
    """The upstream repository's version: `git describe` and the commit, when it is a git checkout."""
    def git(*arguments: str) -> str:
        result = subprocess.run(["git", "-C", str(ROOT), *arguments], capture_output=True, text=True, check=False)
        return result.stdout.strip() if result.returncode == 0 else ""
    return {"describe": git("describe", "--tags", "--always", "--dirty") or "unknown (not a git checkout)",
            "commit": git("rev-parse", "HEAD") or "unknown"}


def write_copy(folder: Path, name: str) -> None:
    """Write the template copy into ``folder``."""
    upstream = os.path.relpath(ROOT, folder.resolve())
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    (folder / "assets").mkdir(exist_ok=True)
    (folder / "mkdocs.yml").write_text(config_text(name, upstream), encoding="utf-8")
    (folder / "organisation.yaml").write_text(overlay_text(name), encoding="utf-8")
    (folder / "pages" / "index.md").write_text(home_page(), encoding="utf-8")
    (folder / "assets" / "README.txt").write_text("Put your logo (SVG or PNG) here and name it as logo: in "
                                                  "organisation.yaml.\n", encoding="utf-8")
    manifest_path = folder / "upstream-manifest.json"
    manifest = write_manifest(manifest_path, ROOT)
    manifest["upstream"] = upstream_version()
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def still_to_fill(folder: Path) -> list[str]:
    """The copy's fields still to fill, one line each (file → key: what to write)."""
    organisation = load_organisation(folder / "organisation.yaml", ROOT, folder=folder)
    import yaml

    from macros.fill_in import pending_in_config
    site_url = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8")).get("site_url")
    return [str(item.problem()) for item in organisation.pending + pending_in_config(site_url)]


def main(argv: list[str] | None = None) -> int:
    """Write the copy, build it once (not strictly) and list what is still to fill."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="the new copy's folder (must not exist, or be empty)")
    parser.add_argument("--name", required=True, help="the organisation's name, as it should appear")
    parser.add_argument("--no-build", action="store_true", help="write the copy without building it")
    arguments = parser.parse_args(argv)
    folder = Path(arguments.folder)
    name = " ".join(arguments.name.split())
    if not name:
        print('Give the organisation\'s name: make new-copy DIR=... NAME="My Council"', file=sys.stderr)
        return 2
    if folder.exists() and any(folder.iterdir()):
        print(f"{folder} already exists and is not empty: choose a new folder.", file=sys.stderr)
        return 2
    write_copy(folder, name)
    print(f"Wrote a new adapted copy for {name} in {folder}/ (upstream {upstream_version()['describe']}).")
    if not arguments.no_build:
        engine = os.environ.get("RS_ENGINE", "mkdocs")
        print(f"Building it once with {engine} (not strictly) into {folder}/site/ ...", flush=True)
        subprocess.run([str(Path(sys.executable).parent / engine), "build", "--clean", "-d", "site"], cwd=folder,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    try:
        pending = still_to_fill(folder)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"\nStill to fill ({len(pending)}); `mkdocs build --strict` stops until every one is written:")
    print("\n".join(f"  - {line}" for line in pending))
    return 0


if __name__ == "__main__":
    sys.exit(main())
