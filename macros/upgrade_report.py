"""Report what changed upstream since an adapted copy last took an upstream version.

    python -m macros.upgrade_report examples/glenbarra-council            # report
    python -m macros.upgrade_report examples/glenbarra-council --record   # after reviewing: record this version

The copy's overlay file is found as the build finds it: ``extra.organisation_file`` in the copy's mkdocs.yml
(read as MkDocs reads it, with ``INHERIT`` and ``!ENV``), else organisation.yaml beside it. The copy records
the version it last took as a content-hash manifest (``upstream-manifest.json`` beside its overlay file, or
the file named by ``upstream_manifest:``): one SHA-256 per upstream content file
(pages, exercises, data, facilitator notes). No git history is needed: the report compares the manifest with
the upstream files as they are now, and lists changed, added and removed modules, exercises and pages,
marking the ones the copy includes and the pages it replaces with its own. An exercise is in the copy when
a page the copy builds uses it (``exercise("<id>")``), whichever module's folder holds it.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import ConfigurationError
from mkdocs.utils import yaml_load

from .catalogue import read_yaml
from .errors import ContentError, Problem
from .organisation import (
    DEFAULT_MANIFEST,
    DEFAULT_PAGES_DIR,
    find_organisation_file,
    module_ids,
    removed_pages,
    upstream_pages,
)
from .page_exercises import page_exercises
from .project import PACKAGE_ROOT

TRACKED = ("docs/**/*.md", "exercises/**/*.yaml", "data/*.yaml", "facilitator/**/*.yaml")
FORMAT = 1


def content_hashes(upstream: Path) -> dict[str, str]:
    """SHA-256 of every tracked upstream content file, by path relative to the upstream folder."""
    hashes = {}
    for pattern in TRACKED:
        for path in sorted(upstream.glob(pattern)):
            if path.is_file():
                hashes[path.relative_to(upstream).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return dict(sorted(hashes.items()))


def write_manifest(path: Path, upstream: Path) -> dict:
    """Record the upstream version as it is now."""
    manifest = {"format": FORMAT, "recorded": datetime.date.today().isoformat(), "files": content_hashes(upstream)}
    path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def copy_extra(copy: Path) -> dict[str, Any]:
    """The ``extra:`` settings of the copy's mkdocs.yml, read as MkDocs reads it (``INHERIT``, ``!ENV``)."""
    config = copy / "mkdocs.yml"
    if not config.is_file():
        return {}
    try:
        with config.open("rb") as source:
            return dict(yaml_load(source).get("extra") or {})
    except ConfigurationError as error:
        raise ContentError("The copy's mkdocs.yml cannot be read.", [Problem(
            str(config), "", f"{error} Fix it, and run the report again.")]) from error


def overlay(copy: Path) -> tuple[dict[str, Any], Path]:
    """The copy's overlay settings, and the folder its paths (pages_dir, upstream_manifest) are relative to:
    the overlay file's folder, or the copy's when it has no overlay (see find_organisation_file)."""
    path = find_organisation_file(copy, copy_extra(copy))
    if path is None:
        return {}, copy
    data, problems = read_yaml(path, path.name)
    if problems:
        raise ContentError("The organisation file cannot be read:", problems)
    return (data if isinstance(data, dict) else {}), path.parent


def manifest_file(settings: dict[str, Any], folder: Path) -> Path:
    """Where the copy records the upstream version it last took, from its overlay (see overlay)."""
    return folder / settings.get("upstream_manifest", DEFAULT_MANIFEST)


def describe(path: str) -> tuple[str, str]:
    """Group a tracked path: (group, name)."""
    parts = path.split("/")
    if path.startswith("docs/modules/") and parts[-1] != "index.md":
        return "module", parts[-1].removesuffix(".md")
    if path.startswith("exercises/") and len(parts) == 3 and not parts[1].startswith("_"):
        return "exercise", f"{parts[2].removesuffix('.yaml')} (module {parts[1]})"
    if path.startswith("exercises/"):
        return "exercise schema or example", path
    if path.startswith("docs/"):
        return "page", path.removeprefix("docs/")
    return "data", path


def used_exercises(upstream: Path, included: set[str], pages_dir: Path) -> set[str]:
    """Ids of the exercises the copy's pages use: upstream pages it builds, and its own pages."""
    own = sorted(p.relative_to(pages_dir).as_posix() for p in pages_dir.rglob("*.md")) if pages_dir.is_dir() else []
    pages = upstream_pages(upstream)
    removed = removed_pages([m for m in module_ids(upstream) if m not in included], pages, own)
    texts = [
        (upstream / "docs" / page).read_text(encoding="utf-8")
        for page in pages
        if page not in removed and page not in own
    ]
    texts += [(pages_dir / page).read_text(encoding="utf-8") for page in own]
    return {found for text in texts for found in page_exercises(text)}


def copy_note(path: str, included: set[str], used: set[str], gone: bool) -> str | None:
    """Whether a changed module or exercise is in the copy (None for other files).

    A module is in the copy when ``modules:`` includes it. An exercise is when a page the copy builds uses it;
    no page can use a removed exercise any more, so that one counts as in the copy when its module's folder is.
    """
    parts = path.split("/")
    if path.startswith("docs/modules/") and len(parts) == 3 and parts[2] != "index.md":
        inside = parts[2].removesuffix(".md") in included
    elif path.startswith("exercises/") and len(parts) == 3 and not parts[1].startswith("_"):
        inside = parts[1] in included if gone else parts[2].removesuffix(".yaml") in used
    else:
        return None
    return "in your copy" if inside else "not in your copy"


def report(copy: Path, upstream: Path) -> tuple[str, bool]:
    """The report text, and whether anything changed."""
    settings, folder = overlay(copy)
    manifest_path = manifest_file(settings, folder)
    if not manifest_path.is_file():
        return (f"No recorded upstream version: {manifest_path} is missing.\n"
                f"Record the version you have now with: python -m macros.upgrade_report {copy} --record\n"), True
    recorded = json.loads(manifest_path.read_text(encoding="utf-8"))
    old, new = recorded.get("files", {}), content_hashes(upstream)
    included = set(settings.get("modules") or module_ids(upstream))
    pages_dir = folder / settings.get("pages_dir", DEFAULT_PAGES_DIR)
    replaced = {p.relative_to(pages_dir).as_posix() for p in pages_dir.rglob("*.md")} if pages_dir.is_dir() else set()
    used = used_exercises(upstream, included, pages_dir)

    rows: list[tuple[str, str, str, str]] = []
    for path in sorted(set(old) | set(new)):
        if old.get(path) == new.get(path):
            continue
        change = "added" if path not in old else "removed" if path not in new else "changed"
        group, name = describe(path)
        note = copy_note(path, included, used, gone=path not in new)
        notes = [note] if note else []
        if path.startswith("docs/") and path.removeprefix("docs/") in replaced:
            notes.append("YOU REPLACE THIS PAGE with your own: compare and update yours")
        rows.append((group, change, name, "; ".join(notes)))

    lines = [f"Upstream changes since {recorded.get('recorded', 'the recorded version')} "
             f"(manifest {manifest_path.name}, upstream {upstream}):"]
    if not rows:
        lines.append("  nothing has changed.")
    for group in ("module", "exercise", "page", "exercise schema or example", "data"):
        chosen = [r for r in rows if r[0] == group]
        if chosen:
            lines.append(
                f"\n{group.capitalize()}s ({len(chosen)}):"
                if not group.endswith("data")
                else f"\nData files ({len(chosen)}):"
            )
            lines += [f"  {change:8} {name}" + (f"  [{notes}]" if notes else "") for _, change, name, notes in chosen]
    if rows:
        lines.append(
            f"\nReview the changes, build your copy (mkdocs build --strict in {copy}), then record this version:\n"
            f"  python -m macros.upgrade_report {copy} --record"
        )
    return "\n".join(lines) + "\n", bool(rows)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(prog="python -m macros.upgrade_report", description=__doc__.split("\n\n")[0])
    parser.add_argument("copy", type=Path, help="the adapted copy's folder (holding its mkdocs.yml)")
    parser.add_argument(
        "--upstream",
        type=Path,
        default=PACKAGE_ROOT,
        help="the upstream repository (default: the one holding this command)",
    )
    parser.add_argument("--record", action="store_true", help="record the current upstream version in the manifest")
    parser.add_argument("--check", action="store_true", help="exit with status 1 when something changed")
    args = parser.parse_args(argv)
    try:
        if args.record:
            path = manifest_file(*overlay(args.copy))
            manifest = write_manifest(path, args.upstream.resolve())
            print(f"Recorded {len(manifest['files'])} upstream files in {path}.")
            return 0
        text, changed = report(args.copy, args.upstream.resolve())
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    print(text, end="")
    return 1 if changed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
