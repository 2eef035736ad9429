"""time-split in Chromium: keyboard only, autosave and restore, session totals, average split, advice, no-JS form,
print."""

from __future__ import annotations

from tests.browser.kit import GALLERY, enhanced, form_selector, open_at, printed_text, reload, tab_to

EXERCISE = "example-time-split-default"
FORM = form_selector(EXERCISE)
FILLED = {
    "s1-cases": "70",
    "s1-learning": "20",
    "s1-admin": "10",
    "s2-cases": "50",
    "s2-learning": "20",
    "s2-admin": "20",
}


def field(name: str) -> str:
    return f"{FORM} input[data-rs-field='{name}']"


def wait_values(page: object, expected: dict) -> dict:
    """Wait until the saved entry holds exactly these answers, then return the entry."""
    page.wait_for_function(
        """([id, expected]) => {
          const key = Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id));
          if (!key) return false;
          const values = JSON.parse(localStorage.getItem(key)).values;
          return JSON.stringify(Object.entries(values).sort()) === JSON.stringify(Object.entries(expected).sort());
        }""", arg=[EXERCISE, expected], timeout=5000)
    return page.evaluate(
        "(id) => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id))))",
        EXERCISE,
    )


def fill(page: object, values: dict) -> None:
    for name, value in values.items():
        page.fill(field(name), value)


def table_rows(page: object) -> list[list[str]]:
    return [row.split("\t") for row in page.locator(f"{FORM} .rs-time-split__table tbody tr").all_inner_texts()]


def test_complete_with_keyboard_only_then_restore_after_reload(visit) -> None:
    page = open_at(visit, EXERCISE)
    enhanced(page, EXERCISE)
    tab_to(page, field("s1-cases"))
    page.keyboard.type("70")
    page.keyboard.press("Tab")
    page.keyboard.type("20")
    page.keyboard.press("Tab")
    page.keyboard.type("10")
    tab_to(page, field("s2-cases"))
    page.keyboard.type("45")
    page.keyboard.press("ArrowUp")  # step 5: 45 becomes 50
    page.keyboard.press("Tab")
    page.keyboard.type("20")
    page.keyboard.press("Tab")
    page.keyboard.type("20")
    entry = wait_values(page, FILLED)
    assert entry["kind"] == "time-split"
    assert entry["readable"] == [
        {"label": "Session 1", "text": "Cases and decisions 70%; Learning 20%; Admin and news 10% (adds up to 100%)"},
        {"label": "Session 2", "text": "Cases and decisions 50%; Learning 20%; Admin and news 20% (adds up to 90%)"},
        {
            "label": "Average split across sessions 1 and 2",
            "text": "Cases and decisions 63%; Learning 21%; Admin and news 16%",
        },
    ]

    reload(page)
    enhanced(page, EXERCISE)
    for name, value in FILLED.items():
        assert page.input_value(field(name)) == value
    assert table_rows(page) == [["Cases and decisions", "63%"], ["Learning", "21%"], ["Admin and news", "16%"]]


def test_totals_average_split_and_advice(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    output = page.locator(f"{FORM} [data-rs-split]")
    assert output.inner_text() == "Fill in at least one session to see your average split here."
    assert page.locator(f"{FORM} [data-rs-total='1']").inner_text() == "Nothing entered yet."
    assert page.locator(f"{FORM} .rs-time-split__context").is_visible()

    fill(page, FILLED)
    assert page.locator(f"{FORM} [data-rs-total='1']").inner_text() == "Adds up to 100%."
    assert (
        page.locator(f"{FORM} [data-rs-total='2']").inner_text()
        == "Adds up to 90%. The split is worked out from what you entered."
    )
    # Session 2 is scaled to 100%: (70 + 50/0.9) / 2 = 62.8, (20 + 20/0.9) / 2 = 21.1, (10 + 20/0.9) / 2 = 16.1.
    assert table_rows(page) == [["Cases and decisions", "63%"], ["Learning", "21%"], ["Admin and news", "16%"]]
    assert (
        page.locator(f"{FORM} .rs-time-split__table caption").inner_text()
        == "Average share of time across sessions 1 and 2"
    )
    chart = page.locator(f"{FORM} svg.rs-time-split__chart[role='img']")
    assert "average share of time for each category across sessions 1 and 2" in chart.locator("title").text_content()
    assert chart.locator(".rs-time-split__chart-label").all_text_contents() == [
        "Cases and decisions: 63%", "Learning: 21%", "Admin and news: 16%"]
    assert chart.locator(".rs-time-split__chart-bar").first.get_attribute("width") == f"{63 * 0.99}%"
    assert page.locator(f"{FORM} .rs-time-split__notes li").all_inner_texts() == [
        "Session 2 adds up to 90%: the split is worked out from what you entered."]
    advice = page.locator(f"{FORM} [data-rs-advice-for]")
    assert advice.count() == 1
    assert advice.first.get_attribute("data-rs-advice-for") == "cases"
    assert "Cases and decisions: 63% on average" in advice.first.inner_text()
    assert advice.first.locator("strong", has_text="ten minutes").count() == 1  # cloned author Markdown

    # A session with a gap and under 100% is left out until it is filled in.
    page.fill(field("s2-admin"), "")
    assert page.locator(f"{FORM} [data-rs-total='2']").inner_text() == (
        "Adds up to 70% so far. Fill in every category (0 is fine) to include this session.")
    assert table_rows(page) == [["Cases and decisions", "70%"], ["Learning", "20%"], ["Admin and news", "10%"]]
    assert (
        page.locator(f"{FORM} .rs-time-split__table caption").inner_text() == "Average share of time across session 1"
    )
    assert page.locator(f"{FORM} .rs-time-split__notes li").all_inner_texts() == [
        "Session 2 is left out until every category has a figure (0 is fine)."]

    # Admin over 30% brings its own advice; cases at 20% no longer does.
    fill(page, {"s1-cases": "20", "s1-learning": "20", "s1-admin": "60"})
    assert page.locator(f"{FORM} [data-rs-advice-for]").evaluate_all(
        "(boxes) => boxes.map((b) => b.dataset.rsAdviceFor)"
    ) == ["admin"]
    assert (
        "Could some of it go in an email instead?" in page.locator(f"{FORM} [data-rs-advice-for='admin']").inner_text()
    )


def test_without_javascript_the_form_is_complete_and_labelled(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    assert form.locator("fieldset.rs-time-split__session").count() == 2
    inputs = form.locator("input[type=number]:visible")
    assert inputs.count() == 6
    for control in inputs.all():
        label = page.locator(f"label[for='{control.get_attribute('id')}']")
        assert label.count() == 1 and label.is_visible()
    page.fill(field("s1-cases"), "55")
    assert page.input_value(field("s1-cases")) == "55"
    assert "Make each session add up to 100%." in form.inner_text()
    assert form.locator("summary", has_text="Working out your split by hand").is_visible()
    assert "There is no right split" in form.locator(".rs-time-split__context").inner_text()
    assert not form.locator(".rs-time-split__results").is_visible()
    assert form.locator("[data-rs-action]:visible").count() == 0
    assert form.locator("[data-rs-total]:visible").count() == 0
    text = printed_text(page, FORM)
    assert "Cases and decisions: more than 60%" in text and "Could some of it go in an email instead?" in text


def test_print_shows_the_figures_and_the_split_but_no_buttons(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    fill(page, FILLED)
    text = printed_text(page, FORM)
    assert "Your average split" in text and "Average share of time across sessions 1 and 2" in text
    assert "Cases and decisions: 63% on average" in text
    assert "Clear my answers" not in text
    assert "Working out your split by hand" not in text  # the no-JS guide stays hidden
    page.emulate_media(media="print")
    assert page.locator(field("s2-admin")).is_visible() and page.input_value(field("s2-admin")) == "20"
    assert page.locator(f"{FORM} .rs-time-split__table").is_visible()
    assert page.locator(f"{FORM} svg.rs-time-split__chart").is_visible()
    page.emulate_media(media="screen")
