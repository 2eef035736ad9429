"""Fixtures: the real site built once per run, served on loopback, and Chromium contexts that record
(and block) every request to a host other than the site's own."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.helpers import CHROMIUM_FLAGS, ROOT, built_once, chromium_path, mkdocs_build, serve, settled

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the real site strictly, once per run however many workers (or use RS_SITE_DIR when given a
    prebuilt site)."""
    prebuilt = os.environ.get("RS_SITE_DIR")
    if prebuilt:
        return Path(prebuilt)
    return built_once(tmp_path_factory, "site", lambda out: mkdocs_build(ROOT, out), "strict build failed")


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Launch Chromium once per run (Debian's, or Playwright's own as a fallback)."""
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as playwright:
        path = chromium_path()
        launch = {"args": CHROMIUM_FLAGS + ["--lang=en-GB", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]}
        if path:
            launch["executable_path"] = path
        browser = playwright.chromium.launch(**launch)
        yield browser
        browser.close()


class Visit:
    """A browser context that blocks and records requests to any other host."""

    def __init__(self, browser: object, base_url: str, **options: object) -> None:
        """Open a context; every request leaving 127.0.0.1 is aborted and remembered."""
        self.base_url = base_url
        self.external: list[str] = []
        self.console_errors: list[str] = []
        self.javascript = options.get("java_script_enabled", True)
        self.context = browser.new_context(**options)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        self.page.on("pageerror", lambda err: self.console_errors.append(str(err)))

    def _route(self, route: object) -> None:
        url = route.request.url
        host = urlsplit(url).hostname
        if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open(self, path: str = "") -> object:
        """Go to a page of the site and wait until it is idle and every script that enhances it has settled."""
        self.page.goto(self.base_url + path.lstrip("/"), wait_until="networkidle")
        if self.javascript:
            settled(self.page)
        return self.page

    def new_page(self) -> object:
        """Open a second tab in the same context (shares storage)."""
        page = self.context.new_page()
        return page

    def close(self) -> None:
        """Close the context."""
        self.context.close()


@pytest.fixture()
def visit(browser: object, base_url: str) -> Iterator[Visit]:
    """A fresh context (empty storage) with JavaScript on; asserts no external request was made."""
    session = Visit(browser, base_url, viewport={"width": 1280, "height": 900}, locale="en-GB")
    yield session
    session.close()
    assert session.external == [], f"requests to other hosts: {session.external}"


@pytest.fixture()
def no_js_visit(browser: object, base_url: str) -> Iterator[Visit]:
    """A fresh context with JavaScript switched off."""
    session = Visit(browser, base_url, java_script_enabled=False, viewport={"width": 1280, "height": 900}, locale="en-GB")
    yield session
    session.close()
    assert session.external == []


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser as a browser test."""
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def pytest_sessionstart(session: pytest.Session) -> None:
    """With parallel workers (pytest-xdist), the controller brings the data lab's build cache up to date before
    the workers start, so site builds running side by side never race to build it (they reuse it: macros/lab.py)."""
    config = session.config
    if hasattr(config, "workerinput") or not config.pluginmanager.hasplugin("dsession"):
        return
    from macros.errors import ContentError
    from macros.lab import Lab

    lab = Lab(ROOT)
    if lab.downloads_ready():
        with contextlib.suppress(ContentError):
            lab.built("site")
