"""reflection in Chromium: keyboard only, autosave and restore, nudges, inert user text, no-JS form, print."""

from __future__ import annotations

from tests.browser.kit import GALLERY, enhanced, form_selector, printed_text, tab_to, wait_saved

EXERCISE = "example-reflection-default"
FORM = form_selector(EXERCISE)
LONG_ANSWER = "\n".join(f"Line {n}: what I noticed in the session and why it mattered to me." for n in range(1, 31))


def test_complete_with_keyboard_only_then_restore_after_reload(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    tab_to(page, f"{FORM} textarea[data-rs-field='what-stood-out']")
    page.keyboard.type("The pause before the hard question.")
    tab_to(page, f"{FORM} input[name$='-closest-choice']")
    page.keyboard.press("ArrowDown")  # moves to and selects "steady"
    tab_to(page, f"{FORM} textarea[data-rs-field='closest']")
    page.keyboard.type("It had a clear start and end.")
    entry = wait_saved(page, EXERCISE)
    assert entry["values"] == {
        "what-stood-out": "The pause before the hard question.",
        "closest-choice": "steady",
        "closest": "It had a clear start and end.",
    }
    page.reload(wait_until="networkidle")
    enhanced(page, EXERCISE)
    assert page.input_value(f"{FORM} textarea[data-rs-field='what-stood-out']") == "The pause before the hard question."
    assert page.is_checked(f"{FORM} input[value='steady']")
    assert "You have answered 2 of 3 prompts." in page.locator(f"{FORM} [data-rs-summary]").inner_text()


def test_nudges_show_only_for_empty_prompts(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    nudge = page.locator(f"{FORM} [data-rs-nudge='what-stood-out']")
    assert nudge.is_visible() and "Start with one moment" in nudge.inner_text()
    page.fill(f"{FORM} textarea[data-rs-field='what-stood-out']", "Something")
    assert nudge.is_hidden()
    assert "You have answered 1 of 3 prompts." in page.locator(f"{FORM} [data-rs-summary]").inner_text()


def test_script_bearing_text_stays_inert_text(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    page.fill(f"{FORM} textarea[data-rs-field='next-time']", hostile)
    wait_saved(page, EXERCISE)
    page.reload(wait_until="networkidle")
    enhanced(page, EXERCISE)
    page.emulate_media(media="print")
    assert page.evaluate("window.__pwned") is None
    assert page.locator(f"{FORM} img[src='x']").count() == 0
    assert hostile in page.locator(f"{FORM} [data-rs-print-for='next-time']").inner_text()


def test_without_javascript_the_form_is_complete_and_labelled(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    assert form.locator("textarea:visible").count() == 3
    for box in form.locator("textarea").all():
        assert page.locator(f"label[for='{box.get_attribute('id')}']").is_visible()
    assert form.locator("input[type=radio]:visible").count() == 3
    assert "Do not include names or details that could identify anyone" in form.inner_text()
    assert form.locator(".rs-signposting").is_visible()
    assert form.locator("[data-rs-action]:visible").count() == 0


def test_print_shows_long_answers_in_full(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    page.fill(f"{FORM} textarea[data-rs-field='what-stood-out']", LONG_ANSWER)
    text = printed_text(page, FORM)
    assert "Line 1:" in text and "Line 30:" in text
    assert "Clear my answers" not in text


TALLY = "example-reflection-tally"
TALLY_FORM = form_selector(TALLY)


def test_tally_counts_choices_by_group_with_keyboard_and_restores(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, TALLY)
    result = page.locator(f"{TALLY_FORM} [data-rs-tally-result]")
    assert result.is_hidden()  # nothing chosen yet: no count
    tab_to(page, f"{TALLY_FORM} input[name$='-pace-choice']")
    page.keyboard.press("ArrowDown")  # pace-busy
    assert page.locator(f"{TALLY_FORM} [data-rs-tally-summary]").inner_text() == "You chose a statement from Busy."
    tab_to(page, f"{TALLY_FORM} input[name$='-support-choice']")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # support-stretched
    summary = page.locator(f"{TALLY_FORM} [data-rs-tally-summary]")
    assert summary.inner_text() == "No single group stands out: Busy and Stretched come up equally often (1 each)."
    assert page.locator(f"{TALLY_FORM} [data-rs-tally-feedback='busy']").is_visible()
    assert page.locator(f"{TALLY_FORM} [data-rs-tally-feedback='stretched']").is_visible()
    assert page.locator(f"{TALLY_FORM} [data-rs-tally-feedback='calm']").is_hidden()
    assert page.locator(f"{TALLY_FORM} [data-rs-tally-mixed]").is_visible()
    page.keyboard.press("ArrowUp")  # back to support-busy: both Busy
    assert summary.inner_text() == "All 2 of your choices are from Busy."
    assert page.locator(f"{TALLY_FORM} [data-rs-tally-mixed]").is_hidden()
    assert page.locator(f"{TALLY_FORM} [data-rs-tally-row='busy'] td").inner_text() == "2"
    assert wait_saved(page, TALLY)["values"] == {"pace-choice": "pace-busy", "support-choice": "support-busy"}
    page.reload(wait_until="networkidle")
    enhanced(page, TALLY)
    assert page.locator(f"{TALLY_FORM} [data-rs-tally-summary]").inner_text() == "All 2 of your choices are from Busy."


def test_developmental_reflection_reports_the_most_frequent_level_and_a_mixed_profile(visit) -> None:
    """E04 on its module page: the most frequent level is named, and a mixed profile is called common."""
    exercise = "developmental-level-reflection"
    form = form_selector(exercise)
    page = visit.open("modules/supervision-models/")
    enhanced(page, exercise)
    for value in ("awareness-level-2", "motivation-level-2", "autonomy-level-1"):
        page.check(f"{form} input[value='{value}']")
    assert page.locator(f"{form} [data-rs-tally-summary]").inner_text() == "Most often you chose Level 2: 2 of your 3 choices."
    assert page.locator(f"{form} [data-rs-tally-feedback='level-2']").is_visible()
    assert "different levels for different themes" in page.locator(f"{form} [data-rs-tally-mixed]").inner_text()


def test_without_javascript_the_tally_key_lets_a_reader_count(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(TALLY_FORM)
    assert form.locator("[data-rs-tally-result]").is_hidden()
    assert "Count how many of your choices fall in each group" in form.inner_text()
    form.locator("summary", has_text="Which statement belongs to which group").click()
    key = form.locator(".rs-tally__key")
    assert key.is_visible() and "I could not find help when I needed it." in key.inner_text()
    # On paper the key prints open.
    assert "I could not find help when I needed it." in printed_text(page, TALLY_FORM + " .rs-tally")
