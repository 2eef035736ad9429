"""self-assessment in Chromium: keyboard only, autosave and restore, profile, no-JS form, print."""

from __future__ import annotations

from tests.browser.kit import GALLERY, enhanced, form_selector, printed_text, tab_to, wait_saved

EXERCISE = "example-self-assessment-default"
FORM = form_selector(EXERCISE)


def test_complete_with_keyboard_only_then_restore_after_reload(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    # Perspective: first option. Then rate: time-to-read 3 (Often), asked-questions 1, someone-to-talk-to 2.
    tab_to(page, f"{FORM} input[name$='-perspective']")
    page.keyboard.press("Space")
    tab_to(page, f"{FORM} input[name$='-time-to-read']")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    tab_to(page, f"{FORM} input[name$='-asked-questions']")
    page.keyboard.press("Space")
    tab_to(page, f"{FORM} input[name$='-someone-to-talk-to']")
    page.keyboard.press("ArrowRight")
    entry = wait_saved(page, EXERCISE)
    assert entry["values"] == {"perspective": "practitioner", "time-to-read": "3", "asked-questions": "1", "someone-to-talk-to": "2"}
    assert entry["format"] == 2 and entry["kind"] == "self-assessment"

    page.reload(wait_until="networkidle")
    enhanced(page, EXERCISE)
    assert page.is_checked(f"{FORM} input[name$='-time-to-read'][value='3']")
    assert page.is_checked(f"{FORM} input[name$='-asked-questions'][value='1']")
    assert page.is_checked(f"{FORM} input[name$='-someone-to-talk-to'][value='2']")
    assert page.is_checked(f"{FORM} input[name$='-perspective'][value='practitioner']")


def test_profile_shows_averages_bands_and_suggestions(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    page.check(f"{FORM} input[name$='-time-to-read'][value='1']")
    page.check(f"{FORM} input[name$='-asked-questions'][value='2']")
    table = page.locator(f"{FORM} .rs-profile-table")
    assert "Learning 1.5 1 of 2" not in table.inner_text()  # two answered
    rows = table.locator("tbody tr")
    assert rows.nth(0).inner_text().split("\t") == ["Learning", "1.5", "2 of 2", "Less room"]
    assert rows.nth(1).inner_text().split("\t") == ["Support", "not rated yet", "0 of 1", "–"]
    feedback = page.locator(f"{FORM} [data-rs-feedback='learning']").inner_text()
    assert "Learning: Less room" in feedback and "Block out thirty minutes" in feedback
    # A second dimension far from the first brings the author's note on an uneven profile.
    page.check(f"{FORM} input[name$='-someone-to-talk-to'][value='3']")
    assert "Your profile is uneven" in page.locator(f"{FORM} [data-rs-profile]").inner_text()
    assert page.locator(f"{FORM} svg.rs-chart[role='img'] title").count() == 1
    # No total anywhere: only per-group figures.
    assert "total" not in page.locator(f"{FORM} [data-rs-profile]").inner_text().lower()


def test_without_javascript_the_form_is_complete_and_labelled(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    assert form.locator("fieldset.rs-scale").count() == 3
    assert form.locator("input[type=radio]:visible").count() == 3 * 3 + 2
    assert form.locator("[data-rs-action]:visible").count() == 0
    assert "Your answers are kept only while this page is open" in form.inner_text()
    assert "add up your ratings in each group" in form.inner_text()
    for radio in form.locator("input[type=radio]").all():
        assert page.locator(f"label[for='{radio.get_attribute('id')}']").count() == 1


def test_print_shows_the_chosen_ratings_and_the_profile(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    page.check(f"{FORM} input[name$='-time-to-read'][value='3']")
    page.check(f"{FORM} input[name$='-someone-to-talk-to'][value='1']")
    text = printed_text(page, FORM)
    assert "Your profile" in text and "Learning" in text
    assert "Clear my answers" not in text
    page.emulate_media(media="print")
    assert page.is_checked(f"{FORM} input[name$='-time-to-read'][value='3']")
    assert page.locator(f"{FORM} .rs-profile-table").is_visible()
