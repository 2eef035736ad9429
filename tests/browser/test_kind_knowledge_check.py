"""knowledge-check in Chromium: keyboard only, check one question at a time, autosave and restore,
never a score, the no-JavaScript worksheet, and print with the answer sheet."""

from __future__ import annotations

from tests.browser.kit import GALLERY, enhanced, form_selector, open_at, printed_text, reload, tab_to

EXERCISE = "example-knowledge-check-default"
FORM = form_selector(EXERCISE)
EXPLANATIONS = [
    "Yes. Each exercise keeps one entry in your browser's local storage. Nothing is sent anywhere.",
    "No. The site has no accounts and no server storage. Answers saved on your phone stay on your phone.",
    "No. Your answers are not an official supervision record, and nobody else can read them.",
    "Feelings are welcome. Reflection often starts with them.",
    "Yes. Even without names, details can identify people who use services or colleagues, especially in a small "
    "community.",
    "Yes. The printed page shows your answers in full, with the explanations.",
    "No. The site never sends your answers anywhere, so there is no such button.",
    "There is. Printing works with or without JavaScript.",
]


def radios(question: str) -> str:
    return f"{FORM} input[name$='-{question}']"


def check_button(question: str) -> str:
    return f"{FORM} [data-rs-question='{question}'] [data-rs-action='check']"


def feedback(page: object, question: str) -> str:
    return page.locator(f"{FORM} [data-rs-feedback='{question}']").inner_text()


def summary(page: object) -> str:
    return page.locator(f"{FORM} [data-rs-summary-count]").inner_text()


def wait_values(page: object, expected: dict) -> dict:
    """Wait until the saved entry holds exactly these values (the save is debounced), then return the entry."""
    script = """([id, expected]) => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id));
      return key && JSON.stringify(JSON.parse(localStorage.getItem(key)).values) === JSON.stringify(expected);
    }"""
    page.wait_for_function(script, arg=[EXERCISE, expected], timeout=5000)
    return page.evaluate(
        "(id) => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id))))",
        EXERCISE,
    )


def answer_first_two(page: object) -> None:
    """Keyboard only: question 1 option B, check; question 2 option B, check; question 3 check without an answer."""
    tab_to(page, radios("where-saved"), limit=1500)
    page.keyboard.press("ArrowDown")
    tab_to(page, check_button("where-saved"))
    page.keyboard.press("Space")
    tab_to(page, radios("leave-out"))
    page.keyboard.press("ArrowDown")
    tab_to(page, check_button("leave-out"))
    page.keyboard.press("Enter")
    tab_to(page, check_button("keep-copy"))
    page.keyboard.press("Space")


def test_keyboard_only_check_each_answer_then_restore_after_reload(visit) -> None:
    page = open_at(visit, EXERCISE)
    enhanced(page, EXERCISE)
    assert summary(page) == "You have checked 0 of 3 questions."
    answer_first_two(page)

    different = feedback(page, "where-saved")
    assert different.startswith("Your answer is different from the answer key.")
    assert "You chose: B. On the site's server, so you can open them on any device." in different
    assert "The answer key gives: A. In this browser, on this device, and nowhere else." in different
    assert EXPLANATIONS[1] in different and EXPLANATIONS[0] in different and EXPLANATIONS[2] not in different
    assert different.rstrip().endswith("Read more: What is stored, and where")
    same = feedback(page, "leave-out")
    assert same.startswith("Your answer matches the answer key.")
    assert "You chose: B. Names or details that could identify someone." in same
    assert EXPLANATIONS[4] in same and EXPLANATIONS[3] not in same and "answer key gives" not in same
    assert feedback(page, "keep-copy") == "Choose an answer first, then press Check my answer."
    assert summary(page) == "You have checked 2 of 3 questions."
    assert page.locator(f"{FORM} [data-rs-feedback='where-saved']").get_attribute("aria-live") == "polite"

    entry = wait_values(page, {"where-saved": "b", "leave-out": "b", "_checked": ["where-saved", "leave-out"]})
    assert entry["kind"] == "knowledge-check" and entry["exercise"] == EXERCISE
    assert {"label": "Question 2. What should you leave out of a free-text answer?",
            "text": "B. Names or details that could identify someone. (matches the answer key)"} in entry["readable"]

    reload(page)
    enhanced(page, EXERCISE)
    assert page.is_checked(f"{radios('where-saved')}[value='b']")
    assert page.is_checked(f"{radios('leave-out')}[value='b']")
    assert page.locator(f"{radios('keep-copy')}:checked").count() == 0
    assert feedback(page, "where-saved").startswith("Your answer is different from the answer key.")
    assert feedback(page, "leave-out").startswith("Your answer matches the answer key.")
    assert feedback(page, "keep-copy") == ""
    assert summary(page) == "You have checked 2 of 3 questions."


def test_changing_a_checked_answer_withdraws_its_feedback_until_checked_again(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    page.check(f"{radios('where-saved')}[value='b']")
    page.click(check_button("where-saved"))
    assert summary(page) == "You have checked 1 of 3 questions."
    page.focus(f"{radios('where-saved')}[value='b']")
    page.keyboard.press("ArrowUp")
    assert page.is_checked(f"{radios('where-saved')}[value='a']")
    assert feedback(page, "where-saved") == ""
    assert summary(page) == "You have checked 0 of 3 questions."
    page.click(check_button("where-saved"))
    assert feedback(page, "where-saved").startswith("Your answer matches the answer key.")
    wait_values(page, {"where-saved": "a", "_checked": ["where-saved"]})


def test_there_is_never_a_score(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    for question, option in (("where-saved", "a"), ("leave-out", "a"), ("keep-copy", "a")):
        page.check(f"{radios(question)}[value='{option}']")
        page.click(check_button(question))
    text = page.locator(FORM).inner_text()
    assert summary(page) == "You have checked 3 of 3 questions. You chose the answer key's answer for 2 of 3 questions."
    assert "%" not in text and "fail" not in text.lower() and "pass mark" not in text.replace("no pass mark", "")
    assert "score" not in text.replace("no score", "")
    # The count is plain: no verdict or praise words around it.
    for word in ("pass", "fail", "correct", "well done", "great", "score", "mark", "right", "wrong"):
        assert word not in summary(page).lower(), word


def test_keyboard_only_the_count_of_matching_choices_shows_once_every_question_is_checked(visit) -> None:
    page = open_at(visit, EXERCISE)
    enhanced(page, EXERCISE)
    answer_first_two(page)  # question 1 differs from the key, question 2 matches, question 3 unanswered
    assert summary(page) == "You have checked 2 of 3 questions."
    # Back into question 3 (Shift+Tab lands on its first option, A, the key's answer), choose it, then check
    # it: now every question is checked.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.name").endswith("-keep-copy")
    page.keyboard.press("Space")
    assert page.is_checked(f"{radios('keep-copy')}[value='a']")
    tab_to(page, check_button("keep-copy"))
    page.keyboard.press("Enter")
    assert summary(page) == "You have checked 3 of 3 questions. You chose the answer key's answer for 2 of 3 questions."
    live = page.locator(f"{FORM} [data-rs-summary-count]")
    assert live.get_attribute("aria-live") == "polite"
    # Changing an answer withdraws its check, so the count goes until it is checked again.
    tab_to(page, f"{radios('leave-out')}:checked")
    page.keyboard.press("ArrowUp")
    assert summary(page) == "You have checked 2 of 3 questions."
    tab_to(page, check_button("leave-out"))
    page.keyboard.press("Space")
    assert summary(page) == "You have checked 3 of 3 questions. You chose the answer key's answer for 1 of 3 questions."
    wait_values(
        page,
        {"where-saved": "b", "leave-out": "a", "keep-copy": "a", "_checked": ["where-saved", "leave-out", "keep-copy"]},
    )
    reload(page)
    enhanced(page, EXERCISE)
    assert summary(page) == "You have checked 3 of 3 questions. You chose the answer key's answer for 1 of 3 questions."


def test_without_javascript_a_worksheet_with_closed_answer_sheets(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    assert form.locator("fieldset.rs-knowledge-check__question").count() == 3
    assert form.locator("input[type=radio]:visible").count() == 8
    for radio in form.locator("input[type=radio]").all():
        assert page.locator(f"label[for='{radio.get_attribute('id')}']").count() == 1
    assert form.locator("[data-rs-action]:visible").count() == 0
    assert "open Answers and explanations under it to compare" in form.inner_text()
    assert form.locator("details.rs-knowledge-check__answers:not([open])").count() == 3
    assert form.locator("[data-rs-explanation]:visible").count() == 0
    form.locator("details.rs-knowledge-check__answers summary").first.click()
    assert form.locator("[data-rs-explanation]:visible").count() == 3
    assert "(the answer key's answer)" in form.locator("details").first.inner_text()
    assert no_js_visit.console_errors == []
    # Printed, the closed boxes open out into the answer sheet.
    text = printed_text(page, FORM)
    for explanation in EXPLANATIONS:
        assert explanation in text


def test_print_shows_choices_feedback_and_every_explanation_but_no_buttons(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    page.check(f"{radios('where-saved')}[value='b']")
    page.click(check_button("where-saved"))
    page.click(check_button("keep-copy"))
    text = printed_text(page, FORM)
    assert "Your answer is different from the answer key." in text
    for explanation in EXPLANATIONS:
        assert explanation in text
    assert "Check my answer" not in text and "Clear my answers" not in text
    assert "Choose an answer first" not in text and "You have checked" not in text
    page.emulate_media(media="print")
    assert page.is_checked(f"{radios('where-saved')}[value='b']")
    assert page.locator(f"{FORM} [data-rs-explanation='c']").first.is_visible()
    assert visit.console_errors == []
