"""reflection in Chromium: keyboard only, autosave and restore, nudges, inert user text, no-JS form, print."""

from __future__ import annotations

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

EXERCISE = "example-reflection-default"
FORM = form_selector(EXERCISE)
LONG_ANSWER = "\n".join(f"Line {n}: what I noticed in the session and why it mattered to me." for n in range(1, 31))


def test_complete_with_keyboard_only_then_restore_after_reload(visit) -> None:
    page = open_at(visit, EXERCISE)
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
    reload(page)
    enhanced(page, EXERCISE)
    assert page.input_value(f"{FORM} textarea[data-rs-field='what-stood-out']") == "The pause before the hard question."
    assert page.is_checked(f"{FORM} input[name$='-closest-choice'][value='steady']")
    assert page.locator(f"{FORM} input[name$='-closest-choice']:checked").count() == 1
    assert page.input_value(f"{FORM} textarea[data-rs-field='closest']") == "It had a clear start and end."
    assert page.input_value(f"{FORM} textarea[data-rs-field='next-time']") == ""  # not answered, so still empty
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
    reload(page)
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
    page = open_at(visit, TALLY)
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
    reload(page)
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
    assert (
        page.locator(f"{form} [data-rs-tally-summary]").inner_text()
        == "Most often you chose Level 2: 2 of your 3 choices."
    )
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


LIST = "example-reflection-list-and-date"
LIST_FORM = form_selector(LIST)


def items_note(page, form: str = LIST_FORM, prompt: str = "ideas") -> str:
    return page.locator(f"{form} [data-rs-items='{prompt}']").inner_text()


def test_list_and_date_with_keyboard_only_advise_in_words_and_never_block_saving(visit) -> None:
    page = open_at(visit, LIST)
    enhanced(page, LIST)
    assert items_note(page) == ""  # nothing written: the question already says what to do
    assert page.locator(f"{LIST_FORM} [data-rs-items='ideas']").get_attribute("aria-live") == "polite"
    tab_to(page, f"{LIST_FORM} textarea[data-rs-field='ideas']")
    page.keyboard.type("- Ask my supervisor")
    assert items_note(page) == "You have listed 1 so far. Aim for at least 3, one on each line."
    # Advice only: one idea saves like any answer.
    assert wait_saved(page, LIST)["values"] == {"ideas": "- Ask my supervisor"}
    page.keyboard.press("Enter")
    page.keyboard.type("- Shadow a colleague")
    page.keyboard.press("Enter")
    assert items_note(page) == "You have listed 2 so far. Aim for at least 3, one on each line."
    page.keyboard.type("- Read the practice guidance")
    assert items_note(page) == "You have listed 3: at least the 3 asked for."
    tab_to(page, f"{LIST_FORM} input[data-rs-field='by-when']")
    assert page.evaluate("document.activeElement.type") == "date"
    type_date(page, "2027-03-15")
    assert page.input_value(f"{LIST_FORM} input[data-rs-field='by-when']") == "2027-03-15"
    assert page.locator(f"{LIST_FORM} [data-rs-nudge='by-when']").is_hidden()
    entry = wait_saved(page, LIST)
    assert entry["values"] == {
        "ideas": "- Ask my supervisor\n- Shadow a colleague\n- Read the practice guidance",
        "by-when": "2027-03-15",
    }
    reload(page)
    enhanced(page, LIST)
    assert page.input_value(f"{LIST_FORM} input[data-rs-field='by-when']") == "2027-03-15"
    assert items_note(page) == "You have listed 3: at least the 3 asked for."
    assert "You have answered 2 of 3 prompts." in page.locator(f"{LIST_FORM} [data-rs-summary]").inner_text()


def test_words_saved_before_a_prompt_became_a_date_are_kept_until_a_date_is_chosen(visit) -> None:
    """A text prompt changed to type: date keeps its saved answers: shown as text under the date field, saved
    unchanged through other edits, in the readable copy, and replaced only when a date is chosen."""
    earlier = 'By the end of March <img src=x onerror="window.__pwned=1">'
    page = open_at(visit, LIST)
    enhanced(page, LIST)
    page.fill(f"{LIST_FORM} textarea[data-rs-field='first-step']", "Ask for an observation.")
    wait_saved(page, LIST)
    page.evaluate("""([id, text]) => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id));
      const entry = JSON.parse(localStorage.getItem(key));
      entry.values['by-when'] = text;
      localStorage.setItem(key, JSON.stringify(entry));
    }""", [LIST, earlier])
    reload(page)
    enhanced(page, LIST)
    note = page.locator(f"{LIST_FORM} [data-rs-earlier='by-when']")
    assert note.is_visible()
    assert note.inner_text() == (
        f'You wrote earlier: "{earlier}". This question now asks for a date: choose one above. '
        "Your earlier words are kept until you do."
    )
    assert page.evaluate("window.__pwned") is None and page.locator(f"{LIST_FORM} img[src='x']").count() == 0
    date = f"{LIST_FORM} input[data-rs-field='by-when']"
    assert page.input_value(date) == ""
    assert "ex-example-reflection-list-and-date-by-when-earlier" in page.get_attribute(date, "aria-describedby").split()
    assert page.locator(f"{LIST_FORM} [data-rs-nudge='by-when']").is_hidden()  # it has an answer
    # Editing another prompt saves the earlier words unchanged.
    tab_to(page, f"{LIST_FORM} textarea[data-rs-field='first-step']")
    page.keyboard.press("End")
    page.keyboard.type(" Then plan it.")
    entry = wait_saved(page, LIST)
    assert entry["values"] == {"first-step": "Ask for an observation. Then plan it.", "by-when": earlier}
    assert {"label": "By when will you take that step?", "text": earlier} in entry["readable"]
    # Choosing a date replaces them.
    tab_to(page, date)
    type_date(page, "2027-04-01")
    assert note.is_hidden()
    page.wait_for_function("""(id) => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id));
      return JSON.parse(localStorage.getItem(key)).values['by-when'] === '2027-04-01';
    }""", arg=LIST, timeout=5000)


def test_without_javascript_the_list_and_date_prompts_read_and_print(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(LIST_FORM)
    assert form.locator("input[type=date][data-rs-field='by-when']").is_visible()
    assert form.locator("[data-rs-earlier]").is_hidden()
    assert form.locator("[data-rs-items='ideas']").is_hidden()
    assert "Aim for at least 3, one on each line." in form.inner_text()
    assert "Aim for at least 3, one on each line." in printed_text(page, LIST_FORM)


GROW = "grow-planner"
GROW_FORM = form_selector(GROW)


def test_grow_planner_asks_for_three_options_and_a_date_and_links_to_the_smart_goal_worksheet(visit) -> None:
    """E15 on its module page (brief §3.2): at least three options, Will has a date, and a way on to E10."""
    page = open_at(visit, GROW, "modules/professional-knowledge/")
    enhanced(page, GROW)
    tab_to(page, f"{GROW_FORM} textarea[data-rs-field='options']", limit=1500)
    page.keyboard.type("Practise with my supervisor")
    page.keyboard.press("Enter")
    page.keyboard.type("Write a one-page summary")
    assert items_note(page, GROW_FORM, "options") == "You have listed 2 so far. Aim for at least 3, one on each line."
    page.keyboard.press("Enter")
    page.keyboard.type("Watch a colleague present")
    assert items_note(page, GROW_FORM, "options") == "You have listed 3: at least the 3 asked for."
    tab_to(page, f"{GROW_FORM} input[data-rs-field='will-when']")
    type_date(page, "2027-05-20")
    assert page.locator(f"{GROW_FORM} [data-rs-nudge='will-when']").is_hidden()
    assert wait_saved(page, GROW)["values"]["will-when"] == "2027-05-20"
    link = page.locator(f"{GROW_FORM} .rs-exercise__intro a:visible", has_text="SMART goal worksheet").first
    assert link.get_attribute("href") == "../implementing-good-supervision/#ex-supervision-smart-goals"
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/modules/implementing-good-supervision/#ex-supervision-smart-goals")
    assert page.locator("form#ex-supervision-smart-goals").is_visible()
