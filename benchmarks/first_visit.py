"""Benchmark: the bytes a first visit downloads (fresh browser, service workers on, no compression), up to the
page's load event, against what "Make this site available offline" downloads (the worker's file list).

Run by `make bench` (benchmarks/build_and_size.py) on the site it built; alone: python benchmarks/first_visit.py SITE.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers import CHROMIUM_FLAGS, chromium_path, serve

PAGES = ("", "modules/supervision-models/")
# Bytes received for the page and everything it fetched up to its load event (the worker's later idle
# fetching is not part of the first visit).
LOADED_BYTES = """() => [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
  .reduce((sum, entry) => sum + (entry.transferSize || entry.encodedBodySize || 0), 0)"""


def first_visit_bytes(site: Path) -> list[tuple[str, int]]:
    """For each page, the bytes a first visit in a fresh browser context downloads before the page has loaded."""
    from playwright.sync_api import sync_playwright

    results = []
    with serve(site) as url, sync_playwright() as playwright:
        launch = {"args": CHROMIUM_FLAGS}
        if chromium_path():
            launch["executable_path"] = chromium_path()
        browser = playwright.chromium.launch(**launch)
        for page_path in PAGES:
            context = browser.new_context(service_workers="allow")
            page = context.new_page()
            page.goto(url + page_path, wait_until="load")
            results.append((page_path or "(home)", page.evaluate(LOADED_BYTES)))
            context.close()
        browser.close()
    return results


def print_figures(site: Path) -> None:
    """Print the first-visit bytes and the size of the whole offline copy."""
    for page_path, size in first_visit_bytes(site):
        print(f"First visit to {page_path}: {size:,} B downloaded before the page loaded (uncompressed server)")
    listing = site / "offline-files.json"
    if listing.is_file():
        data = json.loads(listing.read_text(encoding="utf-8"))
        print(
            f"Make this site available offline: {data['total']:,} B in {len(data['files'])} files "
            "(data lab not included)"
        )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/first_visit.py SITE_DIR")
    print_figures(Path(sys.argv[1]))
