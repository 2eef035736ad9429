"""What a browser fetches when it opens a page, measured in Chromium: requests and gzip bytes by kind.

Used by build_and_size.py (`make bench`). A file's weight is its gzip (level 6) size on disk, as a server
that compresses would send it. "Ours" is everything that is neither the HTML document, nor Material's bundle
and stylesheets (and favicon), nor the search index; lazily loaded code only counts once a learner uses it, so
it is not fetched here.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from tests.helpers import CHROMIUM_FLAGS, chromium_path, serve

MATERIAL = re.compile(r"^assets/(stylesheets|javascripts|images)/")
SEARCH = re.compile(r"^search/")


@dataclass
class Load:
    """The local files fetched while a page loaded, sorted by kind."""

    files: dict[str, list[Path]] = field(default_factory=lambda: {"html": [], "material": [], "search": [], "ours": []})

    def requests(self) -> int:
        return sum(len(paths) for paths in self.files.values())

    def gzip_bytes(self, kind: str | None = None) -> int:
        kinds = [kind] if kind else list(self.files)
        return sum(len(gzip.compress(path.read_bytes(), 6)) for name in kinds for path in self.files[name])


def kind_of(relative: str) -> str:
    """Which kind a fetched file is, by its path in the site."""
    if relative.endswith(".html") or relative.endswith("/") or not relative:
        return "html"
    if MATERIAL.match(relative) or relative == "sitemap.xml":
        return "material"
    return "search" if SEARCH.match(relative) else "ours"


def heaviest_module_pages(site: Path, count: int = 3) -> list[str]:
    """The module pages with the most HTML (gzip), heaviest first, as paths in the site."""
    pages = [path for path in (site / "modules").glob("*/index.html")]
    pages.sort(key=lambda path: len(gzip.compress(path.read_bytes(), 6)), reverse=True)
    return [path.relative_to(site).as_posix() for path in pages[:count]]


def measure_loads(sites: dict[str, Path], pages: list[str]) -> dict[tuple[str, str], Load]:
    """Open each page of each site in Chromium (a fresh context each time, so nothing is cached) and record
    the files fetched until the network is idle."""
    from playwright.sync_api import sync_playwright

    results: dict[tuple[str, str], Load] = {}
    with sync_playwright() as playwright:
        launch: dict = {"args": CHROMIUM_FLAGS}
        if chromium_path():
            launch["executable_path"] = chromium_path()
        browser = playwright.chromium.launch(**launch)
        try:
            for label, site in sites.items():
                with serve(site) as base_url:
                    for page_path in pages:
                        load = Load()
                        context = browser.new_context(viewport={"width": 390, "height": 844})
                        page = context.new_page()
                        page.on("requestfinished", lambda request, load=load, base=base_url, site=site:
                                record(load, request.url, base, site))
                        # The theme fetches its search index soon after load: wait for it, then for quiet.
                        with page.expect_request_finished(lambda request: "search/search_index" in request.url):
                            page.goto(base_url + page_path.removesuffix("index.html"), wait_until="load")
                        page.wait_for_load_state("networkidle")
                        context.close()
                        results[(label, page_path)] = load
        finally:
            browser.close()
    return results


def record(load: Load, url: str, base_url: str, site: Path) -> None:
    """Count a fetched URL of the site as the file it serves."""
    if not url.startswith(base_url):
        return
    relative = unquote(urlparse(url).path).lstrip("/")
    path = site / relative
    if path.is_dir():
        path = path / "index.html"
    if path.is_file():
        load.files[kind_of(relative)].append(path)
