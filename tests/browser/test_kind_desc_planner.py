"""desc-planner in Chromium: keyboard only, autosave and restore, the four checks in words, no-JS form, print."""

from __future__ import annotations

from tests.browser.kit import GALLERY, enhanced, form_selector, open_at, printed_text, reload, tab_to, wait_saved

EXERCISE = "example-desc-planner-default"
FORM = form_selector(EXERCISE)
UID = f"ex-{EXERCISE}"

DESCRIBE = "On 3 March you were ALWAYS late with records, and Lazy about notes."
EXPRESS = "The records were late."
SPECIFY = "- Write up visits within five working days.\n- Tell the team early.\nBook leave in advance."


def checks(page) -> dict[str, str]:
    """The text of each check, by check id."""
    items = page.locator(f"{FORM} [data-rs-checks] li")
    return {items.nth(i).get_attribute("data-rs-check"): items.nth(i).inner_text() for i in range(items.count())}


def test_complete_with_keyboard_only_then_restore_after_reload(visit) -> None:
    page = open_at(visit, EXERCISE)
    enhanced(page, EXERCISE)
    tab_to(page, f"{FORM} #{UID}-context")
    page.keyboard.type("Our agreement on recording.")
    tab_to(page, f"{FORM} input[name='{UID}-stance']")
    page.keyboard.press("ArrowRight")  # from the first option to "managerial", which checks it
    tab_to(page, f"{FORM} #{UID}-describe")
    page.keyboard.type(DESCRIBE)
    tab_to(page, f"{FORM} #{UID}-express")
    page.keyboard.type(EXPRESS)
    tab_to(page, f"{FORM} #{UID}-specify")
    page.keyboard.type(SPECIFY)
    tab_to(page, f"{FORM} #{UID}-follow_up")
    page.keyboard.type("03122026")  # month, day, year in the en-US date control
    assert page.input_value(f"#{UID}-follow_up") == "2026-03-12"
    entry = wait_saved(page, EXERCISE)
    assert entry["values"] == {
        "context": "Our agreement on recording.", "stance": "managerial", "describe": DESCRIBE,
        "express": EXPRESS, "specify": SPECIFY, "follow_up": "2026-03-12",
    }
    assert entry["kind"] == "desc-planner" and entry["title"] == "Plan one difficult conversation"

    reload(page)
    enhanced(page, EXERCISE)
    assert page.input_value(f"#{UID}-context") == "Our agreement on recording."
    assert page.is_checked(f"#{UID}-stance-managerial") and not page.is_checked(f"#{UID}-stance-personal")
    assert page.input_value(f"#{UID}-describe") == DESCRIBE
    assert page.input_value(f"#{UID}-express") == EXPRESS
    assert page.input_value(f"#{UID}-specify") == SPECIFY
    assert page.input_value(f"#{UID}-follow_up") == "2026-03-12"
    assert checks(page)["describe"].startswith("Consider: You used 'always' and 'lazy' in Describe")


def test_the_four_checks_advise_in_words_and_change_with_the_plan(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    live = page.locator(f"{FORM} [data-rs-checks]")
    assert live.is_visible() and live.get_attribute("aria-live") == "polite"
    assert live.inner_text() == "Your checks appear here as you write your plan."
    assert not page.locator(f"{FORM} .rs-desc-planner__checklist").is_visible()

    page.fill(f"#{UID}-describe", DESCRIBE)
    assert checks(page) == {
        "describe": "Consider: You used 'always' and 'lazy' in Describe: describe what you saw or heard "
        "instead, with a date or example.",
        "express": "Consider: Express is empty: say how this affects you or the work, starting from \"I\".",
        "specify": "Consider: Specify is empty: name one or two things you would like your supervisee to do.",
        "follow_up": "Consider: Add a follow-up date, so you both know when you will look at this again.",
    }
    page.fill(f"#{UID}-express", EXPRESS)
    page.fill(f"#{UID}-specify", SPECIFY)
    page.fill(f"#{UID}-follow_up", "2026-03-12")
    found = checks(page)
    assert found["express"] == ("Consider: Express does not use the first person yet (I, I'm, I've, me or my). "
                                "Say it as your own view, for example \"I'm concerned that…\".")
    assert found["specify"] == ("Consider: Specify asks for 3 things. One or two are easier to remember and act on: "
                                "keep the two that matter most. Each line or sentence counts as one request.")
    assert found["follow_up"] == "Done: Follow-up date set: Thursday 12 March 2026."

    # Whole words only: "Nevertheless" does not count as "never".
    page.fill(
        f"#{UID}-describe",
        "On 3 March the record for the visit was written nine days later. Nevertheless it was thorough.",
    )
    page.fill(
        f"#{UID}-express", "I’m worried that decisions are not on the file."
    )  # curly apostrophe, as phones type it
    page.fill(f"#{UID}-specify", "Write up visits within five working days. Tell me early if you fall behind.")
    assert checks(page) == {
        "describe": "Done: Describe has none of the words that can sound like a judgement.",
        "express": "Done: Express speaks in the first person.",
        "specify": "Done: Specify asks for 2 things. Each line or sentence counts as one request.",
        "follow_up": "Done: Follow-up date set: Thursday 12 March 2026.",
    }
    # Advice never blocks saving.
    assert wait_saved(page, EXERCISE)["values"]["express"].startswith("I’m worried")


def test_helpers_state_the_rules(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    result = page.evaluate("""async () => {
        const app = document.querySelector('script[src*="assets/js/head.js"]').src;
        const m = await import(new URL('widgets/desc-planner.js', app).href);
        const strings = await import(new URL('lib/strings.js', app).href);
        return {
            words: m.flaggedWords('He is lazy. ALWAYS. Never-ending attitude\\'s; always again',
                                  ['always', 'never', 'lazy', 'attitude', 'not bothered']),
            phrase: m.flaggedWords('You seem NOT\\n bothered', ['not bothered']),
            partial: m.flaggedWords('Nevertheless, a careless-free hallway', ['never', 'careless free', 'hall']),
            first: [m.usesFirstPerson('I noticed'), m.usesFirstPerson("It's mine"), m.usesFirstPerson('Worries me'),
                    m.usesFirstPerson("I've seen")],
            counts: [m.countRequests(''), m.countRequests('One thing'),
                     m.countRequests('1. One.\\n2) Two\\n\\n* Three?'),
                     m.countRequests('Do this. And that! Also 2.5 more'), m.countRequests('-\\n...')],
            list: [strings.listAnd(["'a'"]), strings.listAnd(["'a'", "'b'"]), strings.listAnd(["'a'", "'b'", "'c'"])],
        };
    }""")
    assert result["words"] == ["lazy", "always", "never", "attitude"]
    assert result["phrase"] == ["not bothered"]
    assert result["partial"] == ["careless free"]
    assert result["first"] == [True, False, True, True]
    assert result["counts"] == [0, 1, 3, 3, 0]
    assert result["list"] == ["'a'", "'a' and 'b'", "'a', 'b' and 'c'"]


def test_without_javascript_the_form_is_complete_and_labelled(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    assert form.locator("fieldset.rs-desc-planner__group").count() == 4
    assert form.locator("textarea:visible").count() == 8
    assert form.locator("input[type=date]:visible").count() == 1
    assert form.locator("input[type=radio]:visible").count() == 2
    for control in form.locator("textarea, input").all():
        assert page.locator(f"label[for='{control.get_attribute('id')}']").count() == 1
    assert form.locator("button:visible").count() == 0
    assert not form.locator("[data-rs-checks]").is_visible()
    text = form.inner_text()
    assert "Your answers are kept only while this page is open" in text
    assert "Specify asks for no more than two things." in text
    assert "such as always, never, lazy, unprofessional, attitude, careless." in text
    printed = printed_text(page, FORM)
    assert "Describe: what did you see or hear?" in printed and "You have a follow-up date." in printed


def test_print_shows_the_plan_and_hides_buttons_and_checks(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    page.fill(f"#{UID}-describe", "On 3 March the record was written nine days after the visit.\nA second line.")
    page.check(f"#{UID}-stance-personal")
    page.fill(f"#{UID}-follow_up", "2026-03-12")
    text = printed_text(page, FORM)
    assert "On 3 March the record was written nine days after the visit.\nA second line." in text
    assert "Your DESC script" in text and "Follow-up date" in text
    assert "Clear my answers" not in text
    assert "Checks on your plan" not in text and "Consider:" not in text
    page.emulate_media(media="print")
    assert page.is_checked(f"#{UID}-stance-personal")
    assert page.locator(f"{FORM} .rs-print-answer[data-rs-print-for='describe']").is_visible()
    assert not page.locator(f"#{UID}-describe").is_visible()
    assert page.input_value(f"#{UID}-follow_up") == "2026-03-12" and page.locator(f"#{UID}-follow_up").is_visible()
    page.emulate_media(media="screen")
