"""The service worker in Chromium (macros/service_worker.py, assets/js/sw/worker.js), in contexts of its own that
allow service workers: every request, the worker's included, is recorded (context "request" events see what
the worker fetches, which a route cannot), and any to another host fails the test (the browser also resolves
no other host). Offline is Chromium's emulation (context.set_offline)."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

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
