"""An adapted copy's own app icons (macros/app_icons.py): named in its overlay (app_icons:), each a PNG file inside
the copy's folder of the size its key names, else a clear error naming the file, the place and the fix; the
copy's manifest then lists them instead of ours."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from macros.app_icons import manifest_icons, png_size, published_icons
from macros.errors import ContentError
from macros.organisation import load_organisation
from tests.helpers import ROOT
from tests.hosting.test_overlay import copy_example

ICONS = {"icon_192": "assets/app-192.png", "icon_512": "assets/app-512.png"}


def png(width: int, height: int) -> bytes:
    """The start of a PNG file of this size: its signature and header chunk."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header


def test_the_png_header_gives_the_size() -> None:
    assert png_size(png(192, 192)) == (192, 192)
    assert png_size(png(512, 384)) == (512, 384)
    assert png_size(b"GIF89a" + b"\0" * 30) is None
    for name, pixels in (("app-icon-192.png", 192), ("app-icon-512.png", 512), ("app-icon-maskable-512.png", 512)):
        assert png_size((ROOT / "overrides" / "assets" / "images" / name).read_bytes()) == (pixels, pixels)


def test_a_copys_own_icons_are_listed_instead_of_ours(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, lambda data: data.update(app_icons={**ICONS, "maskable_512": "assets/mask.png"}))
    for name, pixels in (("app-192.png", 192), ("app-512.png", 512), ("mask.png", 512)):
        (folder / "assets" / name).write_bytes(png(pixels, pixels))
    organisation = load_organisation(folder / "organisation.yaml", ROOT)
    assert manifest_icons(organisation) == [
        {"src": "assets/organisation/app-icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
        {"src": "assets/organisation/app-icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
        {"src": "assets/organisation/app-maskable-512.png", "sizes": "512x512", "type": "image/png",
         "purpose": "maskable"},
    ]
    # The build publishes each of the copy's files at the address its manifest gives.
    files = ("app-192.png", "app-512.png", "mask.png")
    assert {src: path.name for src, path in published_icons(organisation)} == {
        icon["src"]: name for icon, name in zip(manifest_icons(organisation), files, strict=True)}
    ours = manifest_icons(None)
    assert [icon["sizes"] for icon in ours] == ["192x192", "512x512", "512x512", "any"]
    assert [icon["purpose"] for icon in ours] == ["any", "any", "maskable", "any"]


def test_icons_that_are_missing_outside_not_png_or_the_wrong_size_are_named_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(png(192, 192))
    icons = {"icon_192": "../secret.png", "icon_512": "assets/app-512.png", "maskable_512": "assets/none.png"}
    folder = copy_example(tmp_path, lambda data: data.update(app_icons=icons))
    (folder / "assets" / "app-512.png").write_bytes(png(500, 500))
    with pytest.raises(ContentError) as caught:
        load_organisation(folder / "organisation.yaml", ROOT)
    message = str(caught.value)
    assert (f"organisation.yaml → app_icons.icon_192: ../secret.png is {tmp_path / 'secret.png'}, outside the copy's "
            f"folder ({folder}). Copy the icon into the folder") in message
    assert ("organisation.yaml → app_icons.icon_512: assets/app-512.png is 500×500 pixels; icon_512 must be 512×512. "
            "Export the icon again at that size.") in message
    assert "organisation.yaml → app_icons.maskable_512: the file assets/none.png does not exist" in message
    (folder / "assets" / "app-512.png").write_text("<svg/>", encoding="utf-8")
    (folder / "organisation.yaml").write_text((folder / "organisation.yaml").read_text(encoding="utf-8").replace(
        "../secret.png", "assets/app-512.png").replace("  maskable_512: assets/none.png\n", ""), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_organisation(folder / "organisation.yaml", ROOT)
    assert "app_icons.icon_192: assets/app-512.png is not a PNG image. Export the icon as a PNG of 192×192" in str(
        caught.value)
