"""Shared-computer mode is a setting of the device: every tab follows it, at once, and says which mode is on."""

from __future__ import annotations

from tests.browser.kit import GALLERY, enhanced, form_selector, settled, tick_shared, wait_saved
from tests.browser.seed import REFLECTION, answered, seed, session_state, shared_setting_on, site_state

TEXT = f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']"
NOTE = f"{form_selector(REFLECTION)} [data-rs-mode-note]"
SAVED = f"{form_selector(REFLECTION)} [data-rs-saved]"
SESSION_ENTRY = "() => Object.keys(sessionStorage).some((k) => k.includes(':entry:'))"


def open_tab(visit, path: str):
    """A second tab of the same browser, opened by typing the address."""
    tab = visit.new_page()
    tab.on("pageerror", lambda err: visit.console_errors.append(str(err)))
    tab.goto(visit.base_url + path, wait_until="networkidle")
    settled(tab)
    return tab


def test_a_tab_opened_by_address_in_shared_mode_neither_shows_nor_saves_lasting_answers(visit) -> None:
    seed(visit, answered({"A calm start.\nThen a hard question.": "Words of an earlier person"}))
    shared_setting_on(visit)

    tab = open_tab(visit, GALLERY)
    enhanced(tab, REFLECTION)
    assert tab.input_value(TEXT) == ""
    tab.fill(TEXT, "Mine, for this tab only")
    tab.wait_for_function(SESSION_ENTRY)
    tab.wait_for_function(f"() => !document.querySelector('{form_selector(REFLECTION)}[data-rs-saving]')")
    stored = str(site_state(tab))
    assert "Words of an earlier person" in stored and "Mine, for this tab only" not in stored
    assert "kept only until you close this tab" in tab.locator(NOTE).inner_text()
    assert "Kept in this tab at" in tab.locator(SAVED).inner_text()
    for path in ("my-learning/", "agenda/", "learning-record/"):
        tab.goto(visit.base_url + path, wait_until="networkidle")
        settled(tab)
        assert "an earlier person" not in tab.locator("article.md-content__inner").inner_text(), path
    assert visit.console_errors == []


def test_turning_shared_mode_on_and_off_in_one_tab_makes_another_open_tab_follow(visit) -> None:
    page = visit.open("my-learning/")
    tab = open_tab(visit, GALLERY)
    enhanced(tab, REFLECTION)
    tab.fill(TEXT, "Typed just before the switch")  # not saved yet: leaving the page saves it
    with tab.expect_navigation():
        tick_shared(page)
    settled(tab)
    enhanced(tab, REFLECTION)
    assert tab.locator("[data-rs-mode-notice='followed-on']").is_visible()
    assert tab.input_value(TEXT) == ""
    assert "kept only until you close this tab" in tab.locator(NOTE).inner_text()
    assert "Typed just before the switch" in str(site_state(tab)), "what was typed is kept in the browser"

    tab.fill(TEXT, "Typed in shared mode")
    tab.wait_for_function(SESSION_ENTRY)
    tab.wait_for_function(f"() => !document.querySelector('{form_selector(REFLECTION)}[data-rs-saving]')")
    with tab.expect_navigation():
        with page.expect_navigation():
            page.uncheck("[data-rs-shared]")
    settled(tab)
    enhanced(tab, REFLECTION)
    assert tab.locator("[data-rs-mode-notice='moved']").is_visible()
    assert tab.input_value(TEXT) == "Typed in shared mode"
    assert [key for key in session_state(tab) if ":entry:" in key] == []
    assert "Typed in shared mode" in str(site_state(tab))
    assert "save automatically in this browser on this device" in tab.locator(NOTE).inner_text()
    tab.fill(TEXT, "Saved for good")
    wait_saved(tab, REFLECTION)
    assert "Saved in this browser on this device at" in tab.locator(SAVED).inner_text()
    assert visit.console_errors == []
