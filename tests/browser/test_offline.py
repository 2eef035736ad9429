"""The service worker in Chromium (macros/service_worker.py, assets/js/sw/worker.js), in contexts of its own that
allow service workers: every request, the worker's included, is recorded (context "request" events see what
the worker fetches, which a route cannot), and any to another host fails the test (the browser also resolves
no other host). Offline is Chromium's emulation (context.set_offline)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.kit import enhanced, form_selector, wait_saved
from tests.helpers import registry_modules, settled

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
CACHE_PREFIX = "rs-offline:reflective-supervision:/:"


class WorkerVisit:
    """A browser context with service workers allowed, recording every request to another host."""

    def __init__(self, browser: object, base_url: str) -> None:
        self.base_url = base_url
        self.elsewhere: list[str] = []
        self.context = browser.new_context(service_workers="allow", viewport={"width": 1280, "height": 900}, locale="en-GB")
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
    page.wait_for_function("() => document.querySelector('[data-rs-offline] [role=status]').textContent.includes('now available')")
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
