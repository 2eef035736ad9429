"""The installed app's PNG icons (192×192 and 512×512, and a maskable 512×512): ours, made once from the site's
icon by ``scripts/make_app_icons.py`` and kept in ``overrides/assets/images/``, or an adapted copy's own, named in
its overlay::

    app_icons:
      icon_192: assets/app-icon-192.png          # 192×192 PNG
      icon_512: assets/app-icon-512.png          # 512×512 PNG
      maskable_512: assets/app-maskable-512.png  # optional: 512×512, the mark inside the middle 80 %

A copy's icons must be files inside the copy's folder and PNG images of the size their key names; they are
published under ``assets/organisation/`` and listed in its manifest instead of ours.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from .errors import Problem

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Overlay key: (pixels, the manifest's purpose).
ICON_KEYS = {"icon_192": (192, "any"), "icon_512": (512, "any"), "maskable_512": (512, "maskable")}
OUR_ICONS = {"icon_192": "assets/images/app-icon-192.png", "icon_512": "assets/images/app-icon-512.png",
             "maskable_512": "assets/images/app-icon-maskable-512.png"}
COPY_ICON_URI = "assets/organisation/app-{key}.png"
# The SVG icon in the site's (or the copy's) colour, written by macros/service_worker.py.
SVG_ICON = "assets/images/app-icon.svg"


def png_size(data: bytes) -> tuple[int, int] | None:
    """A PNG's width and height from its header (signature, then the IHDR chunk), or None if it is not a PNG."""
    if len(data) < 24 or data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def icon_problems(icons: dict[str, str] | None, root: Path, folder: Path, shown: str) -> list[Problem]:
    """Each icon the overlay names must be a PNG file inside the copy's folder, of the size its key names
    (the schema, data/organisation.schema.json, checks the keys)."""
    problems = []
    for key, written in (icons or {}).items():
        pixels = ICON_KEYS[key][0]
        place = f"app_icons.{key}"
        path = root / written
        real = path.resolve()
        if not real.is_relative_to(folder.resolve()):
            linked = path.is_symlink() or any(parent.is_symlink() for parent in path.parents)
            where = f"{written} is a symbolic link to {real}" if linked else f"{written} is {real}"
            problems.append(Problem(shown, place, f"{where}, outside the copy's folder ({folder}). Copy the "
                                                  "icon into the folder (for example assets/) and give its path from "
                                                  "here: the build publishes only files from the copy's own folder."))
        elif not path.is_file():
            problems.append(Problem(shown, place, f"the file {written} does not exist (looked for {path}). "
                                                  "Fix the path, or add the file."))
        else:
            size = png_size(path.read_bytes()[:24])
            if size is None:
                problems.append(Problem(shown, place, f"{written} is not a PNG image. Export the icon as a PNG of "
                                                      f"{pixels}×{pixels} pixels."))
            elif size != (pixels, pixels):
                problems.append(Problem(shown, place, f"{written} is {size[0]}×{size[1]} pixels; {key} must be "
                                                      f"{pixels}×{pixels}. Export the icon again at that size."))
    return problems


def copy_icons(organisation: Any) -> dict[str, Path]:
    """The adapted copy's own icons by key (none for our site, or a copy that names none)."""
    icons = (organisation.data.get("app_icons") or {}) if organisation is not None else {}
    return {key: organisation.root / written for key, written in icons.items()}


def published_icons(organisation: Any) -> list[tuple[str, Path]]:
    """What the build publishes for a copy's own icons: (address in the site, the copy's file)."""
    return [(COPY_ICON_URI.format(key=key.replace("_", "-")), path) for key, path in copy_icons(organisation).items()]


def manifest_icons(organisation: Any) -> list[dict[str, str]]:
    """The manifest's icons: the copy's own PNGs alone when it names them (no icon of ours beside them for a
    browser to prefer); else our PNGs and the SVG one in the site's colour."""
    own = copy_icons(organisation)
    sources = {key: COPY_ICON_URI.format(key=key.replace("_", "-")) for key in own} if own else OUR_ICONS
    icons = [{"src": src, "sizes": f"{ICON_KEYS[key][0]}x{ICON_KEYS[key][0]}", "type": "image/png",
              "purpose": ICON_KEYS[key][1]} for key, src in sources.items()]
    return icons if own else [*icons, {"src": SVG_ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}]
