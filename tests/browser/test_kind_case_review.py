"""case-review in Chromium: keyboard only through the four steps, the comparison in words, autosave and
restore, the no-JavaScript form with its closed answer key, and print."""

from __future__ import annotations

from tests.browser.kit import GALLERY, enhanced, form_selector, open_at, printed_text, reload, tab_to

EXERCISE = "example-case-review-default"
FORM = form_selector(EXERCISE)
FACTORS = ["frequency", "challenge", "reflection-time", "inter-agency"]
EXPLANATIONS = {
    "frequency": "The report is summarised as calling for supervision that is regular as well as robust.",
    "challenge": "Constructive challenge is one of the conditions the summary names.",
    "reflection-time": "Time to reflect and develop is named alongside challenge.",
    "inter-agency": "The summary used here does not mention working between agencies.",
}
HELPED = "We slowed down and looked at the plan again. Initials only."


def tick(factor: str) -> str:
    return f"{FORM} input[data-rs-field='found-{factor}']"


def function(factor: str, value: str = "") -> str:
    chosen = f"[value='{value}']" if value else ""
    return f"{FORM} input[data-rs-field='function-{factor}']{chosen}"


def agreement(page: object) -> str:
    return page.locator(f"{FORM} [data-rs-agreement]").inner_text()


def row(page: object, factor: str) -> str:
    """The text of one factor's comparison, one line per paragraph."""
    text = page.locator(f"{FORM} [data-rs-row='{factor}']").inner_text()
    return "\n".join(line for line in text.splitlines() if line.strip())


def visible_mappings(page: object) -> list[str]:
    return [m.get_attribute("data-rs-mapping") for m in page.locator(f"{FORM} [data-rs-mapping]:visible").all()]


def wait_values(page: object, expected: dict) -> dict:
    """Wait until the saved entry holds exactly these values (the save is debounced), then return the entry."""
    script = """([id, expected]) => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id));
      if (!key) return false;
      const values = JSON.parse(localStorage.getItem(key)).values;
      return JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k]]))
        === JSON.stringify(Object.keys(expected).sort().map((k) => [k, expected[k]]));
    }"""
    page.wait_for_function(script, arg=[EXERCISE, expected], timeout=5000)
    return page.evaluate(
        "(id) => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id))))",
        EXERCISE,
    )


def test_keyboard_only_through_the_four_steps_then_restore_after_reload(visit) -> None:
    page = open_at(visit, EXERCISE)
    enhanced(page, EXERCISE)
    assert visible_mappings(page) == []
    assert page.locator(f"{FORM} [data-rs-mapping-empty]").is_visible()

    # Step 2: tick two factors, then compare.
    tab_to(page, tick("frequency"), limit=1500)
    page.keyboard.press("Space")
    tab_to(page, tick("inter-agency"))
    page.keyboard.press("Space")
    assert visible_mappings(page) == ["frequency", "inter-agency"]
    assert agreement(page) == ""
    tab_to(page, f"{FORM} [data-rs-action='compare']")
    page.keyboard.press("Enter")
    assert agreement(page) == "You and the answer key agree on 1 of 4 factors."
    assert row(page, "frequency").split("\n")[:2] == [
        "Regular supervision", "Same as the answer key. The review identifies this, and you ticked it."]
    assert row(page, "challenge").split("\n")[:2] == [
        "Room for constructive challenge",
        "Different from the answer key. The review identifies this. You did not tick it.",
    ]
    assert row(page, "inter-agency").split("\n")[1] == (
        "Different from the answer key. The answer key does not list this as a finding of the review. You ticked it.")
    for factor in FACTORS:
        assert EXPLANATIONS[factor] in row(page, factor)

    # Changing a tick afterwards updates the comparison.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.rsField") == "found-challenge"
    page.keyboard.press("Space")
    assert agreement(page) == "You and the answer key agree on 2 of 4 factors."
    assert visible_mappings(page) == ["frequency", "challenge", "inter-agency"]

    # Step 3: a Proctor function for regular supervision; step 4: one reflection.
    tab_to(page, function("frequency"))
    page.keyboard.press("Space")
    assert page.is_checked(function("frequency", "normative"))
    tab_to(page, function("challenge"))
    page.keyboard.press("ArrowDown")
    assert page.is_checked(function("challenge", "formative"))
    tab_to(page, f"{FORM} textarea[data-rs-field='helped']")
    page.keyboard.type(HELPED)

    expected = {
        "found-frequency": "yes", "found-challenge": "yes", "found-inter-agency": "yes",
        "function-frequency": "normative", "function-challenge": "formative", "helped": HELPED, "_compared": "yes",
    }
    entry = wait_values(page, expected)
    assert entry["kind"] == "case-review"
    assert entry["readable"][:3] == [
        {
            "label": "Factors I think the review identifies",
            "text": "Regular supervision; Room for constructive challenge; Working between agencies",
        },
        {"label": "Compared with the answer key", "text": "You and the answer key agree on 2 of 4 factors."},
        {
            "label": "Proctor function for Regular supervision",
            "text": "Normative: standards, accountability and safe practice",
        },
    ]

    reload(page)
    enhanced(page, EXERCISE)
    for factor in ("frequency", "challenge", "inter-agency"):
        assert page.is_checked(tick(factor))
    assert not page.is_checked(tick("reflection-time"))
    assert page.is_checked(function("frequency", "normative"))
    assert page.is_checked(function("challenge", "formative"))
    assert page.input_value(f"{FORM} textarea[data-rs-field='helped']") == HELPED
    assert visible_mappings(page) == ["frequency", "challenge", "inter-agency"]
    assert agreement(page) == "You and the answer key agree on 2 of 4 factors."


def test_comparing_with_nothing_ticked_and_the_comparison_is_words_only(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    page.click(f"{FORM} [data-rs-action='compare']")
    assert agreement(page) == "You and the answer key agree on 1 of 4 factors."
    for factor in FACTORS:
        page.check(tick(factor))
    assert agreement(page) == "You and the answer key agree on 3 of 4 factors."
    text = page.locator(f"{FORM} [data-rs-comparison]").inner_text()
    assert "%" not in text and "score" not in text.lower()
    assert "a difference is a prompt to think, not a mistake" in text
    assert page.locator(f"{FORM} [data-rs-agreement]").get_attribute("aria-live") == "polite"
    wait_values(page, {f"found-{factor}": "yes" for factor in FACTORS} | {"_compared": "yes"})


def test_same_and_different_rows_start_their_text_at_the_same_place(visit) -> None:
    """The double rule that marks a different row (a cue besides colour) does not push its text further in."""
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    page.click(f"{FORM} [data-rs-action='compare']")
    rows = page.locator(f"{FORM} .rs-case-review__row")
    assert (
        page.locator(f"{FORM} .rs-case-review__row--agree").count()
        and page.locator(f"{FORM} .rs-case-review__row--differ").count()
    )
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        starts = {
            round(box["x"], 1)
            for box in (row.locator(".rs-case-review__row-title").bounding_box() for row in rows.all())
        }
        assert len(starts) == 1, f"{media}: row text starts at {sorted(starts)}"
    page.emulate_media(media="screen")


def test_without_javascript_every_step_is_a_labelled_form_with_a_closed_answer_key(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    text = form.inner_text()
    assert text.index("Content note") < text.index("A significant case review looks at")
    assert [h.inner_text() for h in form.locator("h4").all()] == [
        "Step 1: Read the summary", "Step 2: Which factors does the review identify?",
        "Step 3: Link each factor to a Proctor function", "Step 4: Reflect on your own practice"]
    assert form.locator("input[type=checkbox][data-rs-field]:visible").count() == 4
    assert form.locator("input[type=radio]:visible").count() == 12
    assert form.locator("textarea:visible").count() == 3
    for control in form.locator("input[data-rs-field], textarea").all():
        assert page.locator(f"label[for='{control.get_attribute('id')}']").count() == 1
    assert form.locator("[data-rs-action]:visible").count() == 0
    assert not page.locator(f"{FORM} [data-rs-mapping-empty]").is_visible()
    assert "open Answer key and explanations to compare" in text
    assert form.locator("details.rs-case-review__key:not([open])").count() == 1
    assert form.locator("[data-rs-key-explanation]:visible").count() == 0
    form.locator("details.rs-case-review__key summary").click()
    assert form.locator("[data-rs-key-explanation]:visible").count() == 4
    link = form.locator(".rs-case-review__source a")
    assert link.get_attribute("href") == "../../references/#ref-care-inspectorate-2019"
    printed = printed_text(page, FORM)
    for explanation in EXPLANATIONS.values():
        assert explanation in printed


def test_print_shows_answers_comparison_and_answer_key_but_no_buttons(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    page.check(tick("challenge"))
    page.click(f"{FORM} [data-rs-action='compare']")
    page.check(function("challenge", "restorative"))
    page.fill(f"{FORM} textarea[data-rs-field='helped']", HELPED)
    text = printed_text(page, FORM)
    assert "You and the answer key agree on 2 of 4 factors." in text
    assert HELPED in text
    for explanation in EXPLANATIONS.values():
        assert explanation in text
    assert "Compare with the answer key" not in text and "Clear my answers" not in text
    page.emulate_media(media="print")
    assert page.is_checked(function("challenge", "restorative"))
    assert page.locator(f"{FORM} [data-rs-key-explanation='inter-agency']").is_visible()
    assert visit.console_errors == []
