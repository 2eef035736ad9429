"""Fixtures: the real site built once per run, served on loopback, and Chromium contexts that record
(and block) every request to a host other than the site's own."""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.helpers import CHROMIUM_FLAGS, ROOT, build_once, built_once, chromium_path, serve, settled

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Any URL that is not the site's own (loopback) nor data:, blob: or about:.
ELSEWHERE = re.compile(r"^(?!(?:data|blob|about):)(?![a-z]+://(?:127\.0\.0\.1|localhost)(?:[:/]|$))")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the real site strictly, once per run however many workers (or use RS_SITE_DIR when given a
    prebuilt site)."""
    prebuilt = os.environ.get("RS_SITE_DIR")
    if prebuilt:
        return Path(prebuilt)
    return built_once(tmp_path_factory, "site")


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
        launch = {
            "args": CHROMIUM_FLAGS
            + ["--lang=en-GB", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"]
        }
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
        # The request guard cannot see what a service worker serves: blocked here, allowed only by the worker's
        # own tests (tests/browser/test_offline.py), which guard requests their own way.
        options.setdefault("service_workers", "block")
        self.context = browser.new_context(**options)
        # Only requests to another host are routed (matched in the browser driver, not in Python), so the site's
        # own requests never wait on this process.
        self.context.route(ELSEWHERE, self._route)
        if options["service_workers"] == "allow":
            # What a worker fetches passes no route, but Chromium reports it as a request of the context.
            self.context.on("request", self._record_worker_request)
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

    def _record_worker_request(self, request: object) -> None:
        url = request.url
        if not url.startswith(("data:", "blob:", "about:")) and urlsplit(url).hostname not in LOCAL_HOSTS \
                and url not in self.external:
            self.external.append(url)

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
    session = Visit(
        browser, base_url, java_script_enabled=False, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    yield session
    session.close()
    assert session.external == []


# The fixtures that need a built site: in a parallel run, tests that need none run first, while the sites build.
SITE_FIXTURES = {"site_dir", "base_url", "example_site_dir", "offline_site", "scorm_packages"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser as a browser test. In a parallel worker, put the tests that need no
    built site first (a stable sort, the same in every worker), so no worker waits for a build while there is
    other work."""
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
    if hasattr(config, "workerinput"):
        items.sort(key=lambda item: bool(SITE_FIXTURES & set(item.fixturenames)))


def wanted_builds(config: pytest.Config) -> list[str]:
    """The SHARED_BUILDS a run will need, judged from the folders it was asked to run (none for tests/unit)."""
    folders = [ROOT / "tests" / name for name in ("browser", "build", "hosting")]
    asked = [Path(arg.split("::")[0]).resolve() for arg in config.args] or [ROOT / "tests"]

    def covers(folder: Path) -> bool:
        return any(path == folder or folder in path.parents or path in folder.parents for path in asked)

    wanted = ["site"] if not os.environ.get("RS_SITE_DIR") and any(covers(folder) for folder in folders) else []
    if covers(ROOT / "tests" / "hosting"):
        wanted.append("example-site")
        if not config.option.markexpr:
            wanted.append("offline-site")
    return wanted


PREBUILDS: list[threading.Thread] = []


def pytest_sessionstart(session: pytest.Session) -> None:
    """With parallel workers (pytest-xdist), the controller brings the data lab's build cache up to date (so
    site builds side by side never race to build it: macros/lab/), then starts the shared builds the run needs
    in the background, so they build while the workers run tests that need none (built_once waits for them)."""
    config = session.config
    if hasattr(config, "workerinput") or not config.pluginmanager.hasplugin("dsession"):
        return
    from macros.errors import ContentError
    from macros.lab import Lab

    lab = Lab(ROOT)
    if lab.downloads_ready():
        with contextlib.suppress(ContentError):
            lab.built("site")
    shared = config._tmp_path_factory.getbasetemp()  # the folder the workers' own folders are made in
    for name in wanted_builds(config):
        PREBUILDS.append(threading.Thread(target=build_once, args=(shared, name), name=f"build {name}"))
        PREBUILDS[-1].start()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The controller leaves no build running behind it."""
    for thread in PREBUILDS:
        thread.join()
