"""The installable, offline-capable site: a web app manifest and a service worker, written at the end of the
build from the files the build produced (never a hand-made list, so a change to what pages load is followed).

- ``offline-files.json``: every file the worker may answer for, with its size, and the release (a hash of every
  listed file's bytes). Left out: the data lab (``lab/``: JupyterLite has its own worker and caches), source
  maps, search language packs Material does not load for English, and files only hosts read.
- ``sw.js``: ``overrides/assets/js/sw/worker.js`` with the storage name and the release filled in. Its caches
  are named ``rs-offline:<storage name>:<scope path>:<release>``; it deletes only its own older ones.
- ``manifest.webmanifest`` and ``assets/images/app-icon.svg``: the site's (or the organisation's) name and colour,
  and the PNG icons install prompts ask for (macros/app_icons.py: ours, or an adapted copy's own).

The offline (file://) copy gets none of these (``macros/hooks.py`` calls this only for web builds).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .app_icons import SVG_ICON, manifest_icons

WORKER_SOURCE = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "js" / "sw" / "worker.js"
LIST_NAME = "offline-files.json"
WORKER_NAME = "sw.js"
MANIFEST_NAME = "manifest.webmanifest"
ICON_PATH = SVG_ICON
DEFAULT_COLOUR = "#1b5962"
# Never answered by the worker: the lab, what only hosts read, and what the pages never load.
SKIPPED_TOP = {"lab", "_headers", WORKER_NAME, LIST_NAME}
SKIPPED_SUFFIXES = (".map", ".gz")
SKIPPED_PREFIXES = ("assets/javascripts/lunr/",)


def offline_files(site: Path) -> list[tuple[str, int]]:
    """Every file of the built site the worker may keep, as (path relative to the site, bytes), sorted."""
    files = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if relative.split("/", 1)[0] in SKIPPED_TOP or relative.endswith(SKIPPED_SUFFIXES):
            continue
        if relative.startswith(SKIPPED_PREFIXES) or any(part.startswith(".") for part in relative.split("/")):
            continue
        files.append((relative, path.stat().st_size))
    return files


def release_of(site: Path, files: list[tuple[str, int]]) -> str:
    """A short hash of every listed file's path and bytes: a new release whenever anything the worker keeps changes."""
    digest = hashlib.sha256()
    for relative, _ in files:
        digest.update(relative.encode("utf-8") + b"\0" + hashlib.sha256((site / relative).read_bytes()).digest())
    return digest.hexdigest()[:12]


def icon_svg(colour: str, maskable: bool = False) -> str:
    """A plain square icon in the site's colour with a speech-bubble mark (no text, so no font is needed). The
    maskable one fills the square (phones cut it to their own shape); the mark is inside its middle 80% either way."""
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
            f'<rect width="512" height="512" rx="{0 if maskable else 96}" fill="{colour}"/>'
            '<path d="M128 144h256a32 32 0 0 1 32 32v128a32 32 0 0 1-32 32H240l-80 64v-64h-32a32 32 0 0 1-32-32V176'
            'a32 32 0 0 1 32-32z" fill="#ffffff"/></svg>\n')


def manifest(name: str, colour: str, icons: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The web app manifest: relative addresses, so it works wherever the copy is published; ``icons``: its icons
    (macros/app_icons.py), by default the SVG one alone."""
    return {
        "name": name,
        "short_name": name if len(name) <= 24 else name[:23].rstrip() + "…",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": colour,
        "icons": icons or [{"src": ICON_PATH, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
    }


def write_offline_support(site: Path, storage_name: str, site_name: str, colour: str | None = None,
                          icons: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """Write the manifest, its icon, the file list and the worker into the built site; return the list's data."""
    colour = colour or DEFAULT_COLOUR
    (site / ICON_PATH).parent.mkdir(parents=True, exist_ok=True)
    (site / ICON_PATH).write_text(icon_svg(colour), encoding="utf-8")
    text = json.dumps(manifest(site_name, colour, icons), indent=2) + "\n"
    (site / MANIFEST_NAME).write_text(text, encoding="utf-8")
    files = offline_files(site)
    release = release_of(site, files)
    listing = {"release": release, "total": sum(size for _, size in files), "files": [[p, s] for p, s in files]}
    (site / LIST_NAME).write_text(json.dumps(listing, separators=(",", ":")) + "\n", encoding="utf-8")
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    settings = json.dumps({"storageName": storage_name, "release": release, "files": [path for path, _ in files]})
    (site / WORKER_NAME).write_text(source.replace("/*RS_SETTINGS*/{}", settings, 1), encoding="utf-8")
    return listing


def write_for_config(config: Any) -> None:
    """The hook's call: the site's storage name, its (or the organisation's) name, primary colour and icons."""
    organisation = config.extra.get("rs_organisation")
    colours = getattr(organisation, "colours", None) or {}
    name = getattr(organisation, "name", None) or config.site_name
    write_offline_support(Path(config.site_dir), str(config.extra.get("storage_name") or "reflective-supervision"),
                          str(name), colours.get("primary"), manifest_icons(organisation))
