"""checklist in Chromium: keyboard only, autosave and restore, counts and tips, no-JS form, print.

The gallery shows the tick example. The Yes / Partly / No / Not sure example is tested on the same page:
its form, rendered by the site's own template, is put in place of the tick example as the page loads.
"""

from __future__ import annotations

import pytest

from tests.browser.kit import GALLERY, enhanced, form_selector, open_at, printed_text, reload, tab_to

TICK = "example-checklist-default"
YPN = "example-checklist-yes-partly-no"
FORM = form_selector(TICK)
YPN_FORM = form_selector(YPN)


def wait_values(page: object, exercise_id: str, expected: dict) -> dict:
    """Wait until the saved entry holds exactly these answers, then return the entry."""
    page.wait_for_function(
        """([id, expected]) => {
          const key = Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id));
          if (!key) return false;
          const values = JSON.parse(localStorage.getItem(key)).values;
          return JSON.stringify(Object.entries(values).sort()) === JSON.stringify(Object.entries(expected).sort());
        }""", arg=[exercise_id, expected], timeout=5000)
    return page.evaluate(
        "(id) => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id))))",
        exercise_id,
    )


def lines(page: object, selector: str) -> list[str]:
    """The visible text of each element matching a selector."""
    return [text.strip() for text in page.locator(selector).all_inner_texts()]


@pytest.fixture()
def ypn_page(visit):
    """The gallery, which shows the yes-partly-no example after the tick example."""
    page = open_at(visit, YPN)
    enhanced(page, YPN)
    return page


def test_tick_with_keyboard_only_then_restore_after_reload(visit) -> None:
    page = open_at(visit, TICK)
    enhanced(page, TICK)
    tab_to(page, f"{FORM} input[name$='-perspective']")
    page.keyboard.press("ArrowDown")  # the second perspective: As a supervisee
    tab_to(page, f"{FORM} input[data-rs-field='agenda-agreed']")
    page.keyboard.press("Space")
    tab_to(page, f"{FORM} input[data-rs-field='phone-silent']")
    page.keyboard.press("Space")
    entry = wait_values(page, TICK, {"perspective": "supervisee", "agenda-agreed": "yes", "phone-silent": "yes"})
    assert entry["kind"] == "checklist" and entry["exercise"] == TICK
    assert {"label": "My phone will be on silent.", "text": "Yes"} in entry["readable"]

    reload(page)
    enhanced(page, TICK)
    assert page.is_checked(f"{FORM} input[data-rs-field='agenda-agreed']")
    assert page.is_checked(f"{FORM} input[data-rs-field='phone-silent']")
    assert not page.is_checked(f"{FORM} input[data-rs-field='notes-reread']")
    assert page.is_checked(f"{FORM} input[name$='-perspective'][value='supervisee']")
    assert lines(page, f"{FORM} [data-rs-counts] li") == [
        "Before the session: 1 of 2 ticked",
        "The room: 1 of 3 ticked",
    ]


def test_tick_counts_tips_and_all_done(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, TICK)
    results = page.locator(f"{FORM} .rs-checklist__results")
    assert results.is_visible()
    assert lines(page, f"{FORM} [data-rs-counts] li") == [
        "Before the session: 0 of 2 ticked",
        "The room: 0 of 3 ticked",
    ]
    assert page.locator(f"{FORM} [data-rs-waiting]").is_visible()
    assert not page.locator(f"{FORM} [data-rs-tips-block]").is_visible()
    assert not page.locator(f"{FORM} [data-rs-tip-source]").is_visible()  # the no-JS tips list is hidden

    page.check(f"{FORM} input[data-rs-field='notes-reread']")
    page.check(f"{FORM} input[data-rs-field='private-room']")
    assert lines(page, f"{FORM} [data-rs-counts] li") == [
        "Before the session: 1 of 2 ticked",
        "The room: 1 of 3 ticked",
    ]
    assert page.locator(f"{FORM} [data-rs-total]").inner_text() == "Altogether: 2 of 5 ticked."
    assert not page.locator(f"{FORM} [data-rs-waiting]").is_visible()
    assert page.locator(f"{FORM} .rs-checklist__tips-title").inner_text() == "Things to try"
    assert page.locator(f"{FORM} [data-rs-tip-for]").evaluate_all(
        "(items) => items.map((li) => li.dataset.rsTipFor)"
    ) == ["agenda-agreed", "phone-silent", "water-to-hand"]
    water = page.locator(f"{FORM} [data-rs-tip-for='water-to-hand']")
    assert [line for line in water.inner_text().split("\n") if line] == [
        "There is water to hand.",
        "A jug of water is a small sign that there is time to talk: no rush.",
    ]
    assert water.locator("strong", has_text="no rush").count() == 1  # the author's Markdown survives cloning
    assert not page.locator(f"{FORM} [data-rs-all-done]").is_visible()

    for item in ("agenda-agreed", "phone-silent", "water-to-hand"):
        page.check(f"{FORM} input[data-rs-field='{item}']")
    assert page.locator(f"{FORM} [data-rs-all-done]").inner_text() == "Everything is in place. Enjoy the session."
    assert not page.locator(f"{FORM} [data-rs-tips-block]").is_visible()
    assert page.locator(f"{FORM} [data-rs-total]").inner_text() == "Altogether: 5 of 5 ticked."
    text = page.locator(f"{FORM} .rs-checklist__results").inner_text().lower()
    assert "score" not in text and "rating" not in text

    page.uncheck(f"{FORM} input[data-rs-field='private-room']")
    assert not page.locator(f"{FORM} [data-rs-all-done]").is_visible()
    assert page.locator(f"{FORM} [data-rs-tip-for]").evaluate_all(
        "(items) => items.map((li) => li.dataset.rsTipFor)"
    ) == ["private-room"]


def test_yes_partly_no_with_keyboard_only_counts_and_conversation_starters(ypn_page) -> None:
    page = ypn_page
    assert page.locator(f"{YPN_FORM} .rs-checklist__context").inner_text() == "Context: Scotland, adult social work"
    assert page.locator(f"{YPN_FORM} [data-rs-waiting]").is_visible()
    tab_to(page, f"{YPN_FORM} input[data-rs-field='time-to-talk']")
    page.keyboard.press("ArrowRight")  # Partly
    tab_to(page, f"{YPN_FORM} input[data-rs-field='listened-to']")
    page.keyboard.press("Space")  # Yes
    tab_to(page, f"{YPN_FORM} input[data-rs-field='clear-actions']")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # No
    entry = wait_values(page, YPN, {"time-to-talk": "partly", "listened-to": "yes", "clear-actions": "no"})
    assert {"label": "I had time to say what mattered to me.", "text": "Partly"} in entry["readable"]

    assert lines(page, f"{YPN_FORM} [data-rs-counts] li") == [
        "Being heard: 1 Yes, 1 Partly, 0 No, 0 Not sure (2 of 2 answered)",
        "Next steps: 0 Yes, 0 Partly, 1 No, 0 Not sure (1 of 1 answered)",
    ]
    assert not page.locator(f"{YPN_FORM} [data-rs-total]").is_visible()  # no overall figure: never a score
    assert page.locator(f"{YPN_FORM} .rs-checklist__tips-title").inner_text() == "Conversation starters"
    tips = page.locator(f"{YPN_FORM} [data-rs-tip-for]")
    assert tips.evaluate_all("(items) => items.map((li) => li.dataset.rsTipFor)") == ["time-to-talk", "clear-actions"]
    assert 'Conversation starter: "Could we sum up the actions together before we finish?"' in tips.nth(1).inner_text()

    reload(page)
    enhanced(page, YPN)
    assert page.is_checked(f"{YPN_FORM} input[data-rs-field='time-to-talk'][value='partly']")
    assert page.is_checked(f"{YPN_FORM} input[data-rs-field='listened-to'][value='yes']")
    assert page.is_checked(f"{YPN_FORM} input[data-rs-field='clear-actions'][value='no']")

    # Not sure brings no tip; all Yes brings the all-done text.
    page.check(f"{YPN_FORM} input[data-rs-field='time-to-talk'][value='not-sure']")
    assert tips.evaluate_all("(items) => items.map((li) => li.dataset.rsTipFor)") == ["clear-actions"]
    page.check(f"{YPN_FORM} input[data-rs-field='time-to-talk'][value='yes']")
    page.check(f"{YPN_FORM} input[data-rs-field='clear-actions'][value='yes']")
    assert "You answered Yes to every statement." in page.locator(f"{YPN_FORM} [data-rs-all-done]").inner_text()
    assert not page.locator(f"{YPN_FORM} [data-rs-tips-block]").is_visible()


def test_without_javascript_the_checklist_and_every_tip_are_there(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    assert form.locator("input[type=checkbox].rs-checklist__checkbox:visible").count() == 5
    for control in form.locator("input[data-rs-field]").all():
        label = page.locator(f"label[for='{control.get_attribute('id')}']")
        assert label.count() == 1 and label.is_visible()
    assert form.locator("[data-rs-action]:visible").count() == 0
    assert not form.locator(".rs-checklist__results").is_visible()
    tips = form.locator("[data-rs-tip-source]")
    assert tips.is_visible() and tips.locator("summary").inner_text() == "Tips for each item"
    tips.locator("summary").click()
    assert "Book the room when you book the session." in tips.inner_text()
    tips.locator("summary").click()  # closed again: printing still shows every tip
    text = printed_text(page, FORM)
    assert "Book the room when you book the session." in text
    assert "When every item is ticked" in text and "Enjoy the session." in text


def test_print_shows_ticks_counts_and_tips_but_no_buttons(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, TICK)
    page.check(f"{FORM} input[data-rs-field='agenda-agreed']")
    page.check(f"{FORM} input[data-rs-field='private-room']")
    text = printed_text(page, FORM)
    assert "Before the session: 1 of 2 ticked" in text and "The room: 1 of 3 ticked" in text
    assert "Things to try" in text and "Put the phone on silent and out of sight" in text
    assert "Clear my answers" not in text and "Bring this to my next supervision" not in text
    assert text.count("Put the phone on silent and out of sight") == 1  # the no-JS list stays hidden
    page.emulate_media(media="print")
    assert page.is_checked(f"{FORM} input[data-rs-field='agenda-agreed']")
    assert page.locator(f"{FORM} input[data-rs-field='agenda-agreed']").is_visible()
    page.emulate_media(media="screen")
