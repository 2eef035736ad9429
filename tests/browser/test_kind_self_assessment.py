"""self-assessment in Chromium: keyboard only, autosave and restore, profile, no-JS form, print."""

from __future__ import annotations

from tests.browser.kit import GALLERY, enhanced, form_selector, open_at, printed_text, reload, tab_to, wait_saved

EXERCISE = "example-self-assessment-default"
FORM = form_selector(EXERCISE)


def test_complete_with_keyboard_only_then_restore_after_reload(visit) -> None:
    page = open_at(visit, EXERCISE)
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
    assert entry["values"] == {
        "perspective": "practitioner",
        "time-to-read": "3",
        "asked-questions": "1",
        "someone-to-talk-to": "2",
    }
    assert entry["format"] == 2 and entry["kind"] == "self-assessment"

    reload(page)
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


BALANCE = "example-self-assessment-balance"
BALANCE_FORM = form_selector(BALANCE)
ZERO_TEXT = "Something you did not do may not have been needed. If it is often missing, ask why."
OVER_TEXT = "One statement took a large part of the session. Ask whether that left room for the others."


def item(name: str) -> str:
    return f"{BALANCE_FORM} input[name$='-{name}']"


def back_to(page: object, selector: str, limit: int = 40) -> None:
    """Press Shift+Tab (keyboard only) until the focused element matches a selector."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with Shift+Tab")


def balance_feedback(page: object) -> str:
    return page.locator(f"{BALANCE_FORM} [data-rs-balance-feedback]").inner_text()


def prompts(page: object) -> dict[str, str]:
    boxes = page.locator(f"{BALANCE_FORM} [data-rs-balance-prompt]")
    return {box.get_attribute("data-rs-balance-prompt"): box.inner_text() for box in boxes.all()}


def share_rows(page: object) -> list[list[str]]:
    rows = page.locator(f"{BALANCE_FORM} .rs-balance__table tbody tr")
    return [row.inner_text().split("\t") for row in rows.all()]


def share_values(page: object) -> list[str]:
    return page.locator(f"{BALANCE_FORM} svg.rs-balance__svg text.rs-chart__value").all_text_contents()


def test_balance_with_keyboard_only_shares_and_prompts_come_and_go(visit) -> None:
    page = open_at(visit, BALANCE)
    enhanced(page, BALANCE)
    region = page.locator(f"{BALANCE_FORM} [data-rs-balance-feedback]")
    assert region.get_attribute("aria-live") == "polite"
    # Advice 2, Explaining 0, Open questions 1: one statement still to rate, so no shares yet.
    tab_to(page, item("gave-advice"), limit=1500)  # nothing chosen yet, so Tab lands on the first point (0)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    tab_to(page, item("explained"))
    page.keyboard.press("Space")
    tab_to(page, item("open-questions"))
    page.keyboard.press("ArrowRight")
    assert balance_feedback(page) == "Rate all 4 statements to see your balance. You have rated 3 of 4."
    assert page.locator(f"{BALANCE_FORM} .rs-balance__table").count() == 0

    # Feelings 2: all rated. Total 5: You led 2 (40%), your supervisee led 3 (60%); Explaining was 0;
    # no statement is above 40% (Advice and Feelings are exactly 40%).
    tab_to(page, item("feelings"))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert balance_feedback(page).startswith("Of all your ratings: 40% in You led and 60% in Your supervisee led.")
    assert share_rows(page) == [["You led", "40%"], ["Your supervisee led", "60%"]]
    assert share_values(page) == ["40% of all your ratings", "60% of all your ratings"]
    chart = page.locator(f"{BALANCE_FORM} svg.rs-balance__svg[role='img']")
    assert page.locator(f"{BALANCE_FORM} svg title#{chart.get_attribute('aria-labelledby')}").text_content().startswith(
        "Bar chart of each group's share of all your ratings")
    assert prompts(page) == {"zero": f"You rated this statement 0 (Not at all): Explaining.\n\n{ZERO_TEXT}"}

    # Explaining up to 1: total 6, an even split, nothing at 0, nothing above 40%: both prompts go.
    back_to(page, f"{item('explained')}:checked")
    page.keyboard.press("ArrowRight")
    assert balance_feedback(page) == "Of all your ratings: 50% in You led and 50% in Your supervisee led."
    assert prompts(page) == {}

    # Open questions and Feelings down to 0: total 3, all in You led; Advice has 67%, above 40%.
    tab_to(page, f"{item('open-questions')}:checked")
    page.keyboard.press("ArrowLeft")
    tab_to(page, f"{item('feelings')}:checked")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert balance_feedback(page).startswith("Of all your ratings: 100% in You led and 0% in Your supervisee led.")
    assert share_rows(page) == [["You led", "100%"], ["Your supervisee led", "0%"]]
    assert share_values(page) == ["100% of all your ratings", "0% of all your ratings"]
    assert prompts(page) == {
        "zero": f"You rated these statements 0 (Not at all): Open questions and Feelings.\n\n{ZERO_TEXT}",
        "over": f"This statement has more than 40% of all your ratings: Advice (67%).\n\n{OVER_TEXT}",
    }

    # Everything at 0: no shares to show, and the prompt for statements rated 0 without a list of them all.
    back_to(page, f"{item('explained')}:checked")
    page.keyboard.press("ArrowLeft")
    back_to(page, f"{item('gave-advice')}:checked")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert balance_feedback(page).startswith(
        "You rated every statement 0 (Not at all), so there are no shares to show."
    )
    assert page.locator(f"{BALANCE_FORM} .rs-balance__table").count() == 0
    assert prompts(page) == {"zero": ZERO_TEXT}

    # Restored after a reload, and the words never call the result a score.
    entry = wait_saved(page, BALANCE)
    assert entry["values"] == {"gave-advice": "0", "explained": "0", "open-questions": "0", "feelings": "0"}
    reload(page)
    enhanced(page, BALANCE)
    assert balance_feedback(page).startswith("You rated every statement 0 (Not at all)")
    assert "score" not in page.locator(f"{BALANCE_FORM} .rs-balance").inner_text().lower()


def test_heron_balance_on_its_module_page(visit) -> None:
    """E03: six categories, the authoritative and facilitative shares, and the link to the developmental reflection."""
    page = visit.open("modules/supervision-models/")
    form = form_selector("heron-intervention-balance")
    enhanced(page, "heron-intervention-balance")
    for name, value in (
        ("prescriptive", 4),
        ("informative", 3),
        ("confronting", 0),
        ("cathartic", 1),
        ("catalytic", 1),
        ("supportive", 1),
    ):
        page.check(f"{form} input[name$='-{name}'][value='{value}']")
    text = page.locator(f"{form} [data-rs-balance-feedback]").inner_text()
    assert text.startswith(
        "Of all your ratings: 70% in Authoritative (supervisor leads) and 30% in Facilitative (supervisee leads)."
    )
    assert "You rated this statement 0 (Not at all): Confronting." in text
    assert (
        "This statement has more than 40% of all your ratings: Prescriptive (40%)." not in text
    )  # 4 of 10 is not above 40%
    page.check(f"{form} input[name$='-informative'][value='2']")  # 4 of 9: 44%
    assert (
        "This statement has more than 40% of all your ratings: Prescriptive (44%)."
        in page.locator(f"{form} [data-rs-balance-feedback]").inner_text()
    )
    # The long group titles and the shares fit inside the chart.
    chart = page.locator(f"{form} svg.rs-balance__svg")
    assert chart.evaluate(
        "(svg) => [...svg.querySelectorAll('text')].every((t) => { const b = t.getBBox(); return b.x >= 0 && "
        "b.x + b.width <= svg.viewBox.baseVal.width; })"
    )
    note = page.locator(f"{form} .rs-balance__note")
    assert "There is no ideal ratio" in note.inner_text()
    link = note.locator("a")
    assert link.inner_text() == "developmental level reflection"
    link.click()
    page.wait_for_url("**/modules/supervision-models/#ex-developmental-level-reflection")
    assert visit.console_errors == []


def test_balance_without_javascript_explains_what_it_will_show(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(BALANCE_FORM)
    balance = form.locator(".rs-balance")
    assert "this part shows each group's share of all your ratings added together" in balance.inner_text()
    assert form.locator("[data-rs-balance]").is_hidden()
    form.locator(".rs-balance details summary").click()
    assert "If you rated any statement 0 (Not at all):" in balance.inner_text() and ZERO_TEXT in balance.inner_text()
    assert "If one statement has more than 40% of all your ratings added together:" in balance.inner_text()
    assert no_js_visit.console_errors == []


def test_filled_profile_fits_a_phone_and_its_chart_text_is_readable(visit) -> None:
    """With every statement rated, the table and chart fit a 390 px screen; chart text is drawn at 12 px or
    more, long group names wrap inside the chart, and no figure is drawn over a bar."""
    page = visit.page
    page.set_viewport_size({"width": 390, "height": 844})
    visit.open("modules/supervision-models/")
    exercise = "proctor-function-balance"
    enhanced(page, exercise)
    form = form_selector(exercise)
    names = page.eval_on_selector_all(f"{form} input[type=radio]", "els => [...new Set(els.map(e => e.name))]")
    for name in names:
        page.locator(f"{form} input[name='{name}']").last.check()
    page.wait_for_selector(f"{form} .rs-profile-table")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    chart = page.evaluate("""(form) => {
      const svg = document.querySelector(form + " svg.rs-chart");
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll("text")].map(t => t.getBoundingClientRect());
      const bars = [...svg.querySelectorAll(".rs-chart__bar")].map(r => r.getBoundingClientRect());
      const overlaps = [...svg.querySelectorAll(".rs-chart__value")].map(v => v.getBoundingClientRect())
        .filter(v => bars.some(b => v.top < b.bottom && v.bottom > b.top && v.left < b.right && v.right > b.left));
      return { left: box.left, right: box.right, minHeight: Math.min(...texts.map(t => t.height)),
               outside: texts.filter(t => t.right > box.right + 0.5 || t.left < box.left - 0.5).length,
               overlaps: overlaps.length };
    }""", form)
    assert chart["right"] <= 390 and chart["outside"] == 0 and chart["overlaps"] == 0
    assert chart["minHeight"] >= 12
