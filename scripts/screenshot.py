"""Take phone- and desktop-sized screenshots of site pages, to look at what we build.

Usage: python scripts/screenshot.py SITE_DIR OUT_DIR PATH [PATH...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from tests.helpers import CHROMIUM_FLAGS, chromium_path, serve

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def main(site: Path, out: Path, paths: list[str]) -> None:
    """Save full-page screenshots of each path at each size."""
    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, sync_playwright() as playwright:
        launch = {"args": CHROMIUM_FLAGS}
        if chromium_path():
            launch["executable_path"] = chromium_path()
        browser = playwright.chromium.launch(**launch)
        for name, size in SIZES.items():
            page = browser.new_page(viewport=size)
            for path in paths:
                page.goto(base + path.lstrip("/"), wait_until="networkidle")
                slug = path.strip("/").replace("/", "_").replace("#", "_") or "home"
                page.screenshot(path=str(out / f"{slug}-{name}.png"), full_page=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
