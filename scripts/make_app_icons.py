"""Make the site's PNG app icons (overrides/assets/images/app-icon-*.png) from its SVG icon, in the site's colour.

Run once, when the icon changes, and commit the PNGs: `.venv/bin/python scripts/make_app_icons.py`. It draws the
SVG (macros/service_worker.py icon_svg) in Chromium with Playwright (a test tool: the build itself needs neither).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.app_icons import ICON_KEYS, OUR_ICONS, png_size  # noqa: E402
from macros.service_worker import DEFAULT_COLOUR, icon_svg  # noqa: E402
from tests.helpers import chromium_path  # noqa: E402


def main() -> None:
    """Draw each icon at its size, with a transparent background outside the rounded square."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        path = chromium_path()
        browser = playwright.chromium.launch(**({"executable_path": path} if path else {}))
        for key, (pixels, purpose) in ICON_KEYS.items():
            page = browser.new_page(viewport={"width": pixels, "height": pixels})
            svg = icon_svg(DEFAULT_COLOUR, maskable=purpose == "maskable")
            page.set_content(f'<body style="margin:0">{svg.replace("<svg ", f"<svg width={pixels} height={pixels} ")}'
                             "</body>")
            out = ROOT / "overrides" / OUR_ICONS[key]
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), omit_background=True)
            page.close()
            assert png_size(out.read_bytes()) == (pixels, pixels), out
            print(f"{out.relative_to(ROOT)}: {pixels}×{pixels}, {out.stat().st_size} bytes")
        browser.close()


if __name__ == "__main__":
    main()
