"""smart-goal in Chromium: keyboard only, goals added and removed, advice with a fixed clock, no-JS form, print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.kit import (
    GALLERY,
    enhanced,
    form_selector,
    open_at,
    printed_text,
    reload,
    tab_to,
    type_date,
    wait_saved,
)

EXERCISE = "example-smart-goal-default"
FORM = form_selector(EXERCISE)
TODAY = dt.datetime(2026, 11, 22, 10, 0, 0)


def open_with_clock(visit):
    visit.page.clock.set_fixed_time(TODAY)
    page = open_at(visit, EXERCISE)
    enhanced(page, EXERCISE)
    return page


# Every field of goal 1 answered, and two of goal 2's: text typed, the date typed, the status chosen with arrows.
GOAL_1 = {
    "goal": "Agree the agenda with my supervisee at the start of every session.",
    "specific": "Start each session by asking what they want to bring, then agree the order.",
    "measurable": "Supervisee feedback at the three-month review.",
    "achievable": "It takes five minutes of a ninety-minute session.",
    "relevant": "It serves our team goal of supervision led by the supervisee.",
    "time_bound": "2027-03-15",
    "partner": "My line manager",
    "record": "My professional learning record",
}
GOAL_1_STATUS = "in-progress"
GOAL_2 = {
    "goal": "Read one article a month and bring it to supervision.",
    "measurable": "A list of articles in my learning record.",
}
TEXT_FIELDS = ("goal", "specific", "measurable", "achievable", "relevant", "time_bound", "partner", "record")


def goal_control(goal: str, field: str) -> str:
    """Selector of one text or date field of one goal."""
    tag = "input" if field in ("time_bound", "partner", "record") else "textarea"
    return f"{FORM} [data-rs-goal='{goal}'] {tag}[data-rs-field='{field}']"


def type_field(page, selector: str, value: str) -> None:
    """Tab to a field and type a value with the keyboard (a date field in the browser's own order)."""
    tab_to(page, selector)
    if "time_bound" in selector:
        type_date(page, value)
    else:
        page.keyboard.type(value)


def test_complete_two_goals_with_keyboard_only_then_restore(visit) -> None:
    page = open_with_clock(visit)
    for field, value in GOAL_1.items():
        type_field(page, goal_control("g1", field), value)
    tab_to(page, f"{FORM} [data-rs-goal='g1'] input[data-rs-field='status']")
    page.keyboard.press("ArrowDown")  # from "not started" to and selecting "in progress"
    tab_to(page, f"{FORM} [data-rs-action='add-goal']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.matches('[data-rs-goal=\"g2\"] textarea')")
    page.keyboard.type(GOAL_2["goal"])
    type_field(page, goal_control("g2", "measurable"), GOAL_2["measurable"])
    entry = wait_saved(page, EXERCISE)
    goals = entry["values"]["goals"]
    assert [goal["id"] for goal in goals] == ["g1", "g2"]
    assert {key: goals[0].get(key) for key in GOAL_1} == GOAL_1
    assert goals[0].get("status") == GOAL_1_STATUS
    assert {key: goals[1].get(key) for key in GOAL_2} == GOAL_2

    reload(page)
    enhanced(page, EXERCISE)
    assert page.locator(f"{FORM} [data-rs-goal]").count() == 2
    restored_1 = {field: page.input_value(goal_control("g1", field)) for field in TEXT_FIELDS}
    assert restored_1 == GOAL_1
    assert page.is_checked(f"{FORM} [data-rs-goal='g1'] input[data-rs-field='status'][value='{GOAL_1_STATUS}']")
    assert page.locator(f"{FORM} [data-rs-goal='g1'] input[data-rs-field='status']:checked").count() == 1
    restored_2 = {field: page.input_value(goal_control("g2", field)) for field in TEXT_FIELDS}
    assert restored_2 == {field: GOAL_2.get(field, "") for field in TEXT_FIELDS}
    assert page.locator(f"{FORM} [data-rs-goal='g2'] input[data-rs-field='status']:checked").count() == 0
    assert page.locator(f"{FORM} [data-rs-goal='g2'] legend.rs-goal__legend").inner_text() == "Goal 2"


def test_advice_for_date_window_evidence_and_vague_verbs(visit) -> None:
    page = open_with_clock(visit)
    goal = f"{FORM} [data-rs-goal='g1']"
    page.fill(f"{goal} textarea[data-rs-field='goal']", "Improve my supervision")
    page.fill(f"{goal} input[data-rs-field='time_bound']", "2026-12-20")
    checks = page.locator(f"{goal} [data-rs-check-for]")
    text = " ".join(checks.all_inner_texts())
    assert "less than 3 months away" in text and "between 22 February 2027 and 22 May 2027" in text
    assert "Measurable is empty" in text
    assert '"improve" is vague' in text
    page.fill(f"{goal} input[data-rs-field='time_bound']", "2027-04-01")
    page.fill(f"{goal} textarea[data-rs-field='measurable']", "Observation by a colleague")
    page.fill(f"{goal} textarea[data-rs-field='goal']", "Start each session with a check-in")
    text = " ".join(checks.all_inner_texts())
    assert "falls in the 3 to 6 month window" in text
    assert "Measurable names a source of evidence" in text
    assert "vague" not in text
    page.fill(f"{goal} input[data-rs-field='time_bound']", "2028-01-01")
    assert "more than 6 months away" in " ".join(checks.all_inner_texts())
    # Advice never blocks saving.
    assert wait_saved(page, EXERCISE)["values"]["goals"][0]["time_bound"] == "2028-01-01"


def test_calendar_file_holds_the_review_and_a_halfway_check_in(visit) -> None:
    page = open_with_clock(visit)
    goal = f"{FORM} [data-rs-goal='g1']"
    page.click(f"{goal} [data-rs-action='calendar']")
    assert "Add a review date first" in page.locator(f"{goal} [data-rs-calendar-note]").inner_text()
    page.fill(f"{goal} textarea[data-rs-field='goal']", GOAL_1["goal"])
    page.fill(f"{goal} input[data-rs-field='time_bound']", "2027-03-15")
    with page.expect_download() as download:
        page.click(f"{goal} [data-rs-action='calendar']")
    assert download.value.suggested_filename == "goal-review-2027-03-15.ics"
    events = list(Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT"))
    # The goal's words are isolated (U+2068 ... U+2069) from the site's words around them.
    words = f"\u2068{GOAL_1['goal']}\u2069"
    assert [str(event["SUMMARY"]) for event in events] == [
        f"Review my goal: {words}",
        f"Halfway check-in on my goal: {words}",
    ]
    # The clock says 22 November 2026: 113 days to the review, the check-in 56 days on.
    assert [event["DTSTART"].dt for event in events] == [dt.date(2027, 3, 15), dt.date(2027, 1, 17)]


def test_a_five_digit_year_gets_a_message_beside_the_calendar_button(visit) -> None:
    page = open_with_clock(visit)
    goal = f"{FORM} [data-rs-goal='g1']"
    errors, downloads = [], []
    page.on("pageerror", lambda error: errors.append(error))
    page.on("download", lambda download: downloads.append(download))
    page.fill(f"{goal} textarea[data-rs-field='goal']", GOAL_1["goal"])
    # Chrome's date field lets a five-digit year through (typed into the year part, it keeps going).
    page.fill(f"{goal} input[data-rs-field='time_bound']", "20271-04-05")
    assert page.input_value(f"{goal} input[data-rs-field='time_bound']") == "20271-04-05"
    page.click(f"{goal} [data-rs-action='calendar']")
    note = page.locator(f"{goal} [data-rs-action='calendar'] + [data-rs-calendar-note]")
    expect(note).to_be_visible()
    assert note.get_attribute("role") == "alert"
    assert "\"20271-04-05\" is not a date a calendar can hold" in note.inner_text()
    assert note.locator("bdi").inner_text() == "20271-04-05"
    assert page.evaluate("document.activeElement.dataset.rsField") == "time_bound"
    assert errors == [] and downloads == []
    # Set right, the file comes and the message goes.
    page.fill(f"{goal} input[data-rs-field='time_bound']", "2027-04-05")
    with page.expect_download():
        page.click(f"{goal} [data-rs-action='calendar']")
    expect(note).to_be_hidden()


def test_remove_goal_keeps_the_other_goals(visit) -> None:
    page = open_with_clock(visit)
    page.click(f"{FORM} [data-rs-action='add-goal']")
    page.fill(f"{FORM} [data-rs-goal='g1'] textarea[data-rs-field='goal']", "First goal")
    page.fill(f"{FORM} [data-rs-goal='g2'] textarea[data-rs-field='goal']", "Second goal")
    page.on("dialog", lambda dialog: dialog.accept())
    page.click(f"{FORM} [data-rs-goal='g1'] [data-rs-action='remove-goal']")
    assert page.locator(f"{FORM} [data-rs-goal]").count() == 1
    assert page.locator(f"{FORM} [data-rs-goal='g2'] legend.rs-goal__legend").inner_text() == "Goal 1"
    page.wait_for_function(
        "(id) => { const k = Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id)); return k && "
        "JSON.parse(localStorage.getItem(k)).values.goals.length === 1; }",
        arg=EXERCISE,
    )
    assert page.locator(f"{FORM} [data-rs-action='remove-goal']:visible").count() == 0


def test_without_javascript_the_worksheet_is_complete_and_labelled(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    assert form.locator("fieldset.rs-goal:visible").count() == 1
    for control in form.locator("fieldset.rs-goal textarea, fieldset.rs-goal input").all():
        assert page.locator(f"label[for='{control.get_attribute('id')}']").is_visible()
    assert form.locator("button:visible").count() == 0


def test_print_shows_goals_without_buttons_or_advice(visit) -> None:
    page = open_with_clock(visit)
    page.fill(f"{FORM} [data-rs-goal='g1'] textarea[data-rs-field='goal']", "Start each session with a check-in")
    text = printed_text(page, FORM)
    assert "Start each session with a check-in" in text
    assert "Add another goal" not in text and "Measurable is empty" not in text


def test_print_shows_long_one_line_answers_in_full(visit) -> None:
    """A one-line field clips long text on paper, so print shows a wrapping copy of the answer instead."""
    page = open_with_clock(visit)
    long_partner = "My peer supervision group, which meets on the first Tuesday of every month in the team room ENDP"
    field = f"{FORM} [data-rs-goal='g1'] input[data-rs-field='partner']"
    page.fill(field, long_partner)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    twin = page.locator(f"{FORM} [data-rs-goal='g1'] [data-rs-print-for='partner']")
    assert twin.is_visible() and not page.locator(field).is_visible()
    assert twin.inner_text() == long_partner
    box = twin.bounding_box()
    assert box["height"] > 30  # it wraps onto more lines rather than cutting the text off
    page.emulate_media(media="screen")
    assert page.locator(field).is_visible() and not twin.is_visible()


def test_each_check_shows_beside_its_field_and_is_announced(visit) -> None:
    page = open_with_clock(visit)
    goal = f"{FORM} [data-rs-goal='g1']"
    page.fill(f"{goal} textarea[data-rs-field='goal']", "Improve my supervision")
    page.fill(f"{goal} input[data-rs-field='time_bound']", "2026-12-20")
    for field, words in [("time_bound", "less than 3 months away"), ("measurable", "Measurable is empty"),
                         ("goal", '"improve" is vague')]:
        control = page.locator(f"{goal} [data-rs-field='{field}']")
        check = page.locator(f"{goal} [data-rs-check-for='{field}']")
        expect(check).to_contain_text(words)
        assert check.get_attribute("aria-live") == "polite"
        assert check.get_attribute("id") in control.get_attribute("aria-describedby").split()
        below = check.bounding_box()["y"] - (control.bounding_box()["y"] + control.bounding_box()["height"])
        assert 0 <= below < 40, f"{field}: its check is {below}px below it"


def test_calendar_download_confirms_and_can_add_a_reminder_then_goals_print_and_export(visit) -> None:
    page = open_with_clock(visit)
    goal = f"{FORM} [data-rs-goal='g1']"
    page.fill(f"{goal} textarea[data-rs-field='goal']", GOAL_1["goal"])
    page.fill(f"{goal} input[data-rs-field='time_bound']", "2027-03-15")
    page.get_by_label("Add a reminder at 9am on the review day").first.check()
    with page.expect_download() as download:
        page.click(f"{goal} [data-rs-action='calendar']")
    expect(page.locator(f"{goal} [data-rs-calendar-done]")).to_have_text(
        "Calendar file goal-review-2027-03-15.ics downloaded: the review on 15 March 2027, with a reminder that "
        "morning, and a halfway check-in. Open it to add them to your calendar.")
    review = Calendar.from_ical(Path(download.value.path()).read_bytes()).walk("VEVENT")[0]
    alarms = review.walk("VALARM")
    assert len(alarms) == 1 and alarms[0]["TRIGGER"].dt == dt.timedelta(hours=9)

    with page.expect_download() as export:
        page.get_by_role("button", name="Download my goals (text file)").click()
    text = Path(export.value.path()).read_text(encoding="utf-8")
    assert "Goal 1" in text and GOAL_1["goal"] in text and "15 March 2027" in text and "2027-03-15" not in text
    expect(page.locator(f"{FORM} [data-rs-export-done]")).to_contain_text("downloaded")
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.get_by_role("button", name="Print my goals").click()
    page.emulate_media(media="print")
    assert page.evaluate("() => window.printed")
    assert page.locator(FORM).is_visible() and not page.locator(".md-content__inner > h1").is_visible()
