"""The service worker in Chromium (macros/service_worker.py, assets/js/sw/worker.js), in contexts of its own that
allow service workers: every request, the worker's included, is recorded (context "request" events see what
the worker fetches, which a route cannot), and any to another host fails the test (the browser also resolves
no other host). Offline is Chromium's emulation (context.set_offline)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from macros.app_icons import png_size
from tests.browser.kit import enhanced, form_selector, wait_saved
from tests.helpers import registry_modules, serve, settled

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
CACHE_PREFIX = "rs-offline:reflective-supervision:/:"


class WorkerVisit:
    """A browser context with service workers allowed, recording every request to another host."""

    def __init__(self, browser: object, base_url: str) -> None:
        self.base_url = base_url
        self.elsewhere: list[str] = []
        self.context = browser.new_context(
            service_workers="allow", viewport={"width": 1280, "height": 900}, locale="en-GB"
        )
        self.context.on("request", self._check)
        self.page = self.context.new_page()

    def _check(self, request: object) -> None:
        url = request.url
        if not url.startswith(("data:", "blob:", "about:")) and urlsplit(url).hostname not in LOCAL_HOSTS:
            self.elsewhere.append(url)

    def open(self, path: str = "") -> object:
        self.page.goto(self.base_url + path.lstrip("/"), wait_until="load")
        settled(self.page)
        return self.page

    def controlled(self) -> None:
        self.page.wait_for_function("() => navigator.serviceWorker.controller !== null")


@pytest.fixture()
def worker_visit(browser: object, base_url: str):
    session = WorkerVisit(browser, base_url)
    yield session
    session.context.close()
    assert session.elsewhere == [], f"requests to other hosts: {session.elsewhere}"


def test_the_manifest_lists_png_icons_of_their_real_sizes_and_the_worker_keeps_them(site_dir: Path) -> None:
    """Install prompts want 192×192 and 512×512 PNG icons (and a maskable one for phones' own shapes)."""
    icons = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))["icons"]
    pngs = [icon for icon in icons if icon["type"] == "image/png"]
    assert {(icon["sizes"], icon["purpose"]) for icon in pngs} == {
        ("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    kept = {path for path, _ in json.loads((site_dir / "offline-files.json").read_text(encoding="utf-8"))["files"]}
    worker = json.loads(re.search(r'"files": (\[.*?\])', (site_dir / "sw.js").read_text(encoding="utf-8"))[1])
    for icon in pngs:
        width, height = png_size((site_dir / icon["src"]).read_bytes())
        assert icon["sizes"] == f"{width}x{height}", icon
        assert icon["src"] in kept and icon["src"] in worker, icon


def test_after_make_available_offline_pages_search_and_saving_work_without_a_connection(worker_visit) -> None:
    modules = registry_modules()
    page = worker_visit.open(f"modules/{modules[0]}/")
    worker_visit.controlled()
    page = worker_visit.open("my-learning/")
    button = page.locator("[data-rs-action='make-offline']")
    assert "MB" in button.inner_text()
    button.click()
    page.wait_for_function(
        "() => document.querySelector('[data-rs-offline] [role=status]').textContent.includes('now available')"
    )
    names = page.evaluate("caches.keys()")
    assert len(names) == 1 and names[0].startswith(CACHE_PREFIX)

    worker_visit.context.set_offline(True)
    page = worker_visit.open(f"modules/{modules[1]}/")
    assert page.locator("h1").first.is_visible()
    exercise = page.locator("[data-rs-widget='reflection']").first.get_attribute("data-rs-exercise")
    enhanced(page, exercise)
    field = page.locator(f"{form_selector(exercise)} textarea").first
    field.fill("Written with no signal")
    wait_saved(page, exercise)
    page = worker_visit.open("my-learning/")
    assert "Written with no signal" in page.inner_text("body")
    page.click("input.md-search__input")
    page.keyboard.type("supervision")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")

    # Delete everything: this copy's caches and worker go; the data lab's cache and another copy's stay.
    worker_visit.context.set_offline(False)
    page.evaluate("""async () => {
      await caches.open("jupyterlite-precache");
      await caches.open("rs-offline:reflective-supervision:/another-copy/:0123456789ab");
    }""")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='delete-everything']")
    page.wait_for_function("""async () => (await navigator.serviceWorker.getRegistrations()).length === 0
      && !(await caches.keys()).some((name) => name.startsWith("rs-offline:reflective-supervision:/:"))""")
    assert sorted(page.evaluate("caches.keys()")) == [
        "jupyterlite-precache",
        "rs-offline:reflective-supervision:/another-copy/:0123456789ab",
    ]


def test_a_new_release_is_offered_and_used_after_the_learner_reloads(browser, site_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("lab"))
    with serve(copy) as url:
        session = WorkerVisit(browser, url)
        try:
            page = session.open("privacy/")
            session.controlled()
            old = page.evaluate("caches.keys()")
            assert len(old) == 1
            # A new release: a changed page, and the worker that names the new release.
            privacy = copy / "privacy" / "index.html"
            privacy.write_text(
                privacy.read_text(encoding="utf-8").replace("</h1>", " (new release)</h1>", 1), encoding="utf-8"
            )
            worker = copy / "sw.js"
            release = old[0].rsplit(":", 1)[1]
            worker.write_text(worker.read_text(encoding="utf-8").replace(release, "newrelease01"), encoding="utf-8")
            page = session.open("privacy/")
            offer = page.locator("[data-rs-new-release]")
            offer.wait_for()
            assert "A new version of this site is ready." in offer.inner_text()
            with page.expect_navigation():
                page.click("[data-rs-action='use-new-release']")
            settled(page)
            assert "(new release)" in page.inner_text("h1")
            page.wait_for_function(
                "async () => (await caches.keys()).every((name) => !name.endsWith(':" + release + "'))"
            )
            assert page.locator("[data-rs-new-release]").count() == 0
        finally:
            session.context.close()
        assert session.elsewhere == []


def test_two_copies_on_one_origin_keep_separate_caches_and_delete_only_their_own(browser, site_dir: Path,
                                                                                   tmp_path: Path) -> None:
    """The same site at / and at /council/ on one origin: each copy's worker keeps its own pages in its own cache,
    neither touches the other's nor the data lab's (jupyterlite-precache), and "delete everything" in one leaves
    the other's cache and worker."""
    root = tmp_path / "origin"
    root.mkdir()
    for child in site_dir.iterdir():
        (root / child.name).symlink_to(child)
    (root / "council").symlink_to(site_dir)
    with serve(root) as origin:
        session = WorkerVisit(browser, origin)
        try:
            page = session.open("privacy/")
            page.evaluate("""async () => (await caches.open("jupyterlite-precache"))
              .put("/lab/kept.txt", new Response("the lab's"))""")
            for copy in ("", "council/"):
                page = session.open(copy + "privacy/")
                page.wait_for_function("(worker) => navigator.serviceWorker.controller?.scriptURL.endsWith(worker)",
                                       arg=f"/{copy}sw.js")
                page = session.open(copy + "my-learning/")  # a page read under the copy's own worker
            caches_by_copy = """async () => Object.fromEntries(await Promise.all((await caches.keys()).map(
              async (name) => [name, (await (await caches.open(name)).keys()).map((request) => request.url)])))"""
            kept = page.evaluate(caches_by_copy)
            names = sorted(kept)
            assert len(names) == 3 and names[0] == "jupyterlite-precache", names
            ours, council = names[1], names[2]
            assert ours.startswith(CACHE_PREFIX) and council.startswith("rs-offline:reflective-supervision:/council/:")
            assert kept["jupyterlite-precache"] == [origin + "lab/kept.txt"]
            assert origin + "my-learning/index.html" in kept[ours]
            assert origin + "council/my-learning/index.html" in kept[council]
            assert not [url for url in kept[ours] if url.startswith(origin + "council/")]
            assert all(url.startswith(origin + "council/") for url in kept[council])

            page.once("dialog", lambda dialog: dialog.accept())
            page.click("[data-rs-action='delete-everything']")
            # Done when My learning says so (the page deletes the copy's caches last): the count of caches alone
            # can pass through two while the worker and the page each delete theirs.
            expect(page.get_by_text("Everything this site saved in this browser has been deleted.")).to_be_visible()
            page.wait_for_function("""async () => (await caches.keys()).length === 2
              && (await navigator.serviceWorker.getRegistrations()).length === 1""")
            assert sorted(page.evaluate("caches.keys()")) == ["jupyterlite-precache", ours]
            assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations())[0].scope") == origin
            assert page.evaluate(caches_by_copy)["jupyterlite-precache"] == [origin + "lab/kept.txt"]
        finally:
            session.context.close()
        assert session.elsewhere == []
