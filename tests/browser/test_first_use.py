"""Tools that load on first use (the group pulse, a goal's calendar file, presenter mode) when their code cannot
arrive, as on a poor signal: the learner is told so where they look, and trying again once it can arrive works."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.kit import GALLERY, NOT_LOADED, cut_off, enhanced, form_selector, runs_groups

ASSESSMENT = form_selector("example-self-assessment-default")
GOALS = form_selector("example-smart-goal-default")


def test_the_pulse_and_a_calendar_file_say_when_they_cannot_load_and_load_on_a_later_try(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, "example-self-assessment-default")
    cut_off(page, "lib/pulse-share.js", "lib/ics.js")
    pulse = page.locator(f"{ASSESSMENT} [data-rs-action='pulse']")
    pulse.click()
    expect(page.locator(f"{ASSESSMENT} [data-rs-pulse-note]")).to_have_text(NOT_LOADED)
    page.fill(f"{GOALS} [data-rs-goal='g1'] input[data-rs-field='time_bound']", "2027-03-15")
    page.click(f"{GOALS} [data-rs-goal='g1'] [data-rs-action='calendar']")
    expect(page.locator(f"{GOALS} [data-rs-goal='g1'] [data-rs-calendar-note]")).to_have_text(NOT_LOADED)

    page.unroute_all()
    pulse.click()  # hide
    pulse.click()  # and show again: loads now
    expect(page.locator(f"{ASSESSMENT} [data-rs-pulse-note]")).to_have_text(re.compile(r"^Rate some statements first"))


def test_presenter_mode_says_when_it_cannot_load(visit) -> None:
    runs_groups(visit.context)
    page = visit.open("modules/what-is-supervision/")
    cut_off(page, "lib/presenter.js")
    page.click("[data-rs-tool='present']")
    note = page.locator("[data-rs-tools-note]")
    expect(note).to_have_text(NOT_LOADED)
    page.unroute_all()
    page.click("[data-rs-tool='present']")
    expect(note).to_be_hidden()
    expect(page.locator("html")).to_have_class(re.compile(r"\brs-presenting\b"))


def test_the_reading_tools_keep_their_place_until_the_page_script_shows_them(visit) -> None:
    """The reading tools bar at the top of a page is shown by the page's script. Until then (a slow phone, a poor
    signal) it holds its place unseen, so the heading and text below do not jump down when it appears."""
    page = visit.page
    cut_off(page, "page-*.js")
    page.goto(visit.base_url + "modules/what-is-supervision/", wait_until="load")
    bar = page.locator("[data-rs-reading-tools]")
    expect(bar).to_be_hidden()
    unseen = page.locator("h1").bounding_box()["y"]
    page.unroute_all()
    visit.open("modules/what-is-supervision/")
    expect(bar).to_be_visible()
    assert page.locator("h1").bounding_box()["y"] == unseen
