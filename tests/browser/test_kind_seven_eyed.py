"""seven-eyed in Chromium: keyboard only, autosave and restore, the chart, table and feedback rules, no-JS form,
print."""

from __future__ import annotations

import pytest

from tests.browser.kit import GALLERY, enhanced, form_selector, open_at, printed_text, reload, tab_to

EXERCISE = "example-seven-eyed-default"
FORM = form_selector(EXERCISE)
EYES = [
    "person",
    "interventions",
    "work-relationship",
    "supervisee",
    "supervisory-relationship",
    "supervisor",
    "wider-context",
]
NAMES = [
    "Eye 1: The person using services", "Eye 2: What the worker did", "Eye 3: The relationship in the work",
    "Eye 4: The supervisee", "Eye 5: The supervisory relationship", "Eye 6: The supervisor's own process",
    "Eye 7: The wider context",
]
LABELS = {0: "Rarely", 1: "Sometimes", 2: "Often", 3: "Almost every session"}
CASEWORK = "Most of your supervision seems to go on the person and on what the worker did."
SAME = "You gave all seven eyes the same rating, so none stands out as getting less attention than the others."


def radio(eye: str, value: int | None = None) -> str:
    """Selector of an eye's attention radios (or one of them)."""
    chosen = f"[value='{value}']" if value is not None else ""
    return f"{FORM} input[name$='-{eye}-attention']{chosen}"


def rate(page: object, ratings: list[int]) -> None:
    """Set all seven ratings, in mode order."""
    for eye, value in zip(EYES, ratings, strict=True):
        page.check(radio(eye, value))


def wait_saved_with(page: object, field: str, value: str) -> dict:
    """Wait until the stored entry holds a field with a value (the save is debounced), then return it."""
    script = """([id, field, value]) => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id));
      return key && JSON.parse(localStorage.getItem(key)).values[field] === value;
    }"""
    page.wait_for_function(script, arg=[EXERCISE, field, value], timeout=5000)
    return page.evaluate(
        "(id) => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id))))",
        EXERCISE,
    )


def table_rows(page: object) -> list[list[str]]:
    rows = page.locator(f"{FORM} .rs-seven-eyed__table tbody tr")
    return [rows.nth(i).inner_text().split("\t") for i in range(rows.count())]


def feedback(page: object) -> str:
    return page.locator(f"{FORM} [data-rs-feedback]").inner_text()


def test_complete_with_keyboard_only_then_restore_after_reload(visit) -> None:
    page = open_at(visit, EXERCISE)
    enhanced(page, EXERCISE)
    ratings = [3, 3, 2, 1, 0, 0, 1]
    texts = {eye: f"Notes for {eye}, initials only." for eye in EYES}
    for eye, value in zip(EYES, ratings, strict=True):
        tab_to(page, f"{FORM} textarea[data-rs-field='{eye}']")
        page.keyboard.type(texts[eye])
        tab_to(page, radio(eye))  # nothing chosen yet, so Tab lands on the first point (0)
        if value == 0:
            page.keyboard.press("Space")
        for _ in range(value):
            page.keyboard.press("ArrowRight")
    entry = wait_saved_with(page, "wider-context-attention", "1")
    expected = {**texts, **{f"{eye}-attention": str(value) for eye, value in zip(EYES, ratings, strict=True)}}
    assert entry["values"] == expected
    assert entry["readable"][:2] == [
        {
            "label": "Eye 1: The person using services. What did you see and hear on the visit, before you made "
            "sense of it?",
            "text": texts["person"],
        },
        {
            "label": "Eye 1: The person using services. How much attention it usually gets in your supervision",
            "text": "3 Almost every session",
        },
    ]
    assert entry["readable"][-1] == {
        "label": "Eye 7: The wider context. How much attention it usually gets in your supervision",
        "text": "1 Sometimes",
    }
    assert len(entry["readable"]) == 14
    current_format = page.evaluate(
        "async () => (await import(new URL('../../assets/js/lib/storage.js', location.href))).FORMAT"
    )
    assert (
        entry["format"] == current_format
        and entry["kind"] == "seven-eyed"
        and entry["title"] == "One visit, seven ways of looking"
    )

    reload(page)
    enhanced(page, EXERCISE)
    for eye, value in zip(EYES, ratings, strict=True):
        assert page.is_checked(radio(eye, value)), eye
        assert page.input_value(f"{FORM} textarea[data-rs-field='{eye}']") == texts[eye]
    assert table_rows(page)[4] == [NAMES[4], "Rarely", "0"]
    assert "An eye to try next: Eye 5: The supervisory relationship" in feedback(page)


def test_chart_and_table_show_the_same_figures(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    assert feedback(page) == "Rate how much attention each eye usually gets to see your chart here."
    assert page.locator(f"{FORM} .rs-seven-eyed__table").count() == 0
    page.check(radio("person", 3))
    page.check(radio("supervisee", 1))
    page.check(radio("supervisor", 0))
    assert feedback(page) == "You have rated 3 of 7 eyes. Rate all 7 to see feedback and an eye to try next."
    assert table_rows(page) == [
        [NAMES[0], "Almost every session", "3"],
        [NAMES[1], "Not rated yet", "–"],
        [NAMES[2], "Not rated yet", "–"],
        [NAMES[3], "Sometimes", "1"],
        [NAMES[4], "Not rated yet", "–"],
        [NAMES[5], "Rarely", "0"],
        [NAMES[6], "Not rated yet", "–"],
    ]
    caption = page.locator(f"{FORM} .rs-seven-eyed__table caption").inner_text()
    assert caption == "How much attention each eye usually gets, on a scale from 0 (Rarely) to 3 (Almost every session)"
    chart = page.locator(f"{FORM} svg.rs-seven-eyed__svg[role='img']")
    assert chart.count() == 1
    title_id = chart.get_attribute("aria-labelledby")
    assert (
        page.locator(f"{FORM} svg title#{title_id}")
        .text_content()
        .startswith("Bar chart of how much attention each eye")
    )
    assert chart.locator("text.rs-seven-eyed__chart-label").all_text_contents() == NAMES
    assert chart.locator("text.rs-seven-eyed__chart-value").all_text_contents() == [
        "3 (Almost every session)",
        "Not rated yet",
        "Not rated yet",
        "1 (Sometimes)",
        "Not rated yet",
        "0 (Rarely)",
        "Not rated yet",
    ]
    # Every value label fits inside the chart, however long the scale's label.
    overflow = chart.evaluate(
        "(svg) => [...svg.querySelectorAll('text')].some((t) => { const b = t.getBBox(); return b.x < 0 || b.x "
        "+ b.width > svg.viewBox.baseVal.width; })"
    )
    assert overflow is False
    # Bars are as long as the rating: 3 fills the track, 1 a third of it, 0 has no bar.
    widths = [
        float(w)
        for w in chart.locator("rect.rs-seven-eyed__chart-bar").evaluate_all(
            "(bars) => bars.map((b) => b.getAttribute('width'))"
        )
    ]
    track = float(chart.locator("rect.rs-seven-eyed__chart-track").first.get_attribute("width"))
    assert widths == pytest.approx([track, track / 3])


def test_casework_rule_is_exact(visit) -> None:
    """Shown when modes 1 and 2 are each rated at least as high as every other eye (mode 3 may tie) and
    every one of modes 4 to 7 is rated lower than both mode 1 and mode 2."""
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    rate(page, [3, 3, 2, 1, 0, 0, 1])
    text = feedback(page)
    assert text.startswith("Your supervision may lean towards casework\n")
    assert CASEWORK in text
    rate(page, [3, 3, 2, 3, 0, 0, 1])  # mode 4 as high as modes 1 and 2: no longer lower than both
    assert CASEWORK not in feedback(page)
    rate(page, [3, 3, 3, 2, 0, 0, 1])  # mode 3 may tie with modes 1 and 2
    assert CASEWORK in feedback(page)
    rate(page, [3, 2, 3, 1, 0, 0, 1])  # mode 3 above mode 2: modes 1 and 2 no longer have the most attention
    assert CASEWORK not in feedback(page)
    rate(page, [2, 3, 1, 1, 1, 1, 2])  # mode 7 ties with mode 1: not lower than both
    assert CASEWORK not in feedback(page)
    rate(page, [2, 3, 1, 1, 1, 1, 1])
    assert CASEWORK in feedback(page)


def test_try_next_names_the_least_attended_eye_with_the_tie_rule(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    rate(page, [3, 3, 2, 1, 0, 0, 1])  # modes 5 and 6 share the lowest rating: the lower mode, 5
    box = page.locator(f"{FORM} [data-rs-try-next]")
    assert box.get_attribute("data-rs-try-next") == "supervisory-relationship"
    assert box.inner_text() == (
        "An eye to try next: Eye 5: The supervisory relationship\n\n"
        "The supervisory relationship gets the least attention in your ratings. "
        "Next session, start from this eye for one piece of work and see what it adds.")
    assert box.locator("strong").nth(1).inner_text() == "The supervisory relationship"
    rate(page, [0, 1, 1, 1, 1, 0, 1])  # modes 1 and 6 tie: modes 4 to 7 come first
    assert box.get_attribute("data-rs-try-next") == "supervisor"
    assert box.inner_text().startswith(
        "An eye to try next: Eye 6: The supervisor's own process\n\nThe supervisor's own process gets the least"
    )
    rate(page, [1, 1, 0, 1, 1, 1, 1])  # the lowest is only mode 3
    assert box.get_attribute("data-rs-try-next") == "work-relationship"
    rate(page, [0, 1, 0, 1, 1, 1, 1])  # modes 1 and 3 tie, none of 4 to 7: the lower mode, 1
    assert box.get_attribute("data-rs-try-next") == "person"
    assert "{eye}" not in page.locator(FORM).inner_text()
    rate(page, [2, 2, 2, 2, 2, 2, 2])  # all the same: no eye stands out, no casework note
    assert feedback(page) == SAME
    assert page.locator(f"{FORM} [data-rs-try-next]").count() == 0


def test_typing_does_not_rebuild_or_reannounce_the_results(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    rate(page, [3, 3, 2, 1, 0, 0, 1])
    page.evaluate("(sel) => { window.__box = document.querySelector(sel + ' [data-rs-try-next]'); }", FORM)
    page.click(f"{FORM} textarea[data-rs-field='person']")
    page.keyboard.type("More notes")
    assert page.evaluate("() => window.__box.isConnected")
    page.check(radio("wider-context", 0))  # a rating change does rebuild
    assert not page.evaluate("() => window.__box.isConnected")
    assert page.locator(f"{FORM} [data-rs-feedback]").get_attribute("aria-live") == "polite"


def test_without_javascript_the_form_is_complete_and_labelled(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    headings = form.locator("h4.rs-seven-eyed__eye-title").all_inner_texts()
    assert headings == NAMES
    assert form.locator("textarea:visible").count() == 7
    assert form.locator("input[type=radio]:visible").count() == 7 * 4
    for control in form.locator("textarea, input[type=radio]").all():
        assert page.locator(f"label[for='{control.get_attribute('id')}']").count() == 1
    legends = form.locator("legend").all_inner_texts()
    assert len(legends) == 7 and all(
        text.startswith("How much attention does this eye usually get in your supervision?") for text in legends
    )
    assert form.locator("[data-rs-action]:visible").count() == 0
    assert not form.locator("[data-rs-attention]").is_visible()
    text = form.inner_text()
    assert "Your answers are kept only while this page is open" in text
    assert "Read them by hand with the guide below" in text
    assert "{eye}" not in text
    form.locator("details.rs-guidance summary").click()
    guide = form.locator("details.rs-guidance").inner_text()
    assert "every one of eyes 4, 5, 6 and 7 is rated lower than both of them" in guide
    assert CASEWORK in guide
    assert "It is not the supervisor giving advice." in guide


def test_print_shows_answers_and_results_without_buttons(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    page.fill(f"{FORM} textarea[data-rs-field='supervisor']", "A flat, tired feeling while listening.")
    rate(page, [3, 3, 2, 1, 0, 0, 1])
    text = printed_text(page, FORM)
    assert "A flat, tired feeling while listening." in text
    assert "Where your supervision's attention goes" in text
    assert "An eye to try next: Eye 5: The supervisory relationship" in text
    assert "Clear my answers" not in text
    assert "every one of eyes 4, 5, 6 and 7 is rated lower than both of them" in text  # the guide prints open
    page.emulate_media(media="print")
    assert page.is_checked(radio("person", 3))
    assert page.locator(f"{FORM} .rs-seven-eyed__table").is_visible()
    assert page.locator(f"{FORM} svg.rs-seven-eyed__svg").is_visible()
    page.emulate_media(media="screen")


def test_print_without_javascript_shows_the_guide_for_reading_ratings_by_hand(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    text = printed_text(page, FORM)
    assert "Read them by hand with the guide below" in text
    assert "choose the lowest-numbered one among eyes 4 to 7" in text
    assert CASEWORK in text
    assert "{eye}" not in text


PURE = """async ([module, cases]) => {
  const m = await import(new URL(module, location.href));
  const config = {
    eyes: [1, 2, 3, 4, 5, 6, 7].map((mode) => ({ id: `e${mode}`, mode, title: `Title ${mode}` })),
    scale: [0, 1, 2, 3].map((value) => ({ value, label: `L${value}` })),
  };
  const rows = (ratings) => m.attention(config, Object.fromEntries(
    ratings.map((value, i) => [`e${i + 1}-attention`, value === null ? undefined : String(value)])
      .filter(([, v]) => v !== undefined)));
  const filled = (html, title) => {
    const holder = document.createElement("template");
    holder.innerHTML = html;
    const box = document.createElement("div");
    box.append(m.fillEye(holder.content.cloneNode(true), title));
    return box.innerHTML;
  };
  return {
    rows: rows([3, null, 0, 1, 2, 3, 0]).map((r) => [r.mode, r.value, r.label]),
    casework: cases.map((ratings) => m.leansToCasework(rows(ratings))),
    least: cases.map((ratings) => (m.leastAttended(rows(ratings)) || { mode: null }).mode),
    sentence: [
      m.titleInSentence("The supervisee", "Your ratings suggest that "),
      m.titleInSentence("The supervisee", ""),
      m.titleInSentence("The supervisee", "First sentence. "),
      m.titleInSentence("NQSW wellbeing", "Try "),
    ],
    filled: [
      filled("<p>Your ratings suggest that <strong>{eye}</strong> gets the least attention.</p>", "The wider context"),
      filled("<p><strong>{eye}</strong> first. Then {eye} again, and {eye}.</p>", "The supervisee"),
      filled("<p>Try {eye}</p>", "<b>x</b>"),
    ],
  };
}"""


def test_the_rules_are_pure_exported_functions_with_exact_results(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, EXERCISE)
    cases = [
        [3, 3, 2, 1, 0, 0, 1],  # casework; modes 5 and 6 tie lowest: 5
        [3, 3, 3, 2, 2, 2, 2],  # mode 3 may tie with 1 and 2: casework; lowest 2 shared by 4 to 7: 4
        [3, 3, 2, 3, 0, 0, 1],  # mode 4 not lower than both: no casework
        [3, 2, 3, 1, 0, 0, 1],  # mode 3 above mode 2: no casework
        [0, 1, 1, 1, 1, 0, 1],  # modes 1 and 6 tie lowest: 6
        [0, 1, 0, 1, 1, 1, 1],  # modes 1 and 3 tie lowest, none of 4 to 7: 1
        [2, 2, 2, 2, 2, 2, 2],  # all the same: none
        [3, 3, 2, 1, 0, 0, None],  # not all rated: no feedback
    ]
    result = page.evaluate(PURE, ["../../assets/js/widgets/seven-eyed.js", cases])
    assert result["rows"] == [
        [1, 3, "L3"],
        [2, None, None],
        [3, 0, "L0"],
        [4, 1, "L1"],
        [5, 2, "L2"],
        [6, 3, "L3"],
        [7, 0, "L0"],
    ]
    assert result["casework"] == [True, True, False, False, False, False, False, False]
    assert result["least"] == [5, 4, 5, 5, 6, 1, None, None]
    assert result["sentence"] == ["the supervisee", "The supervisee", "The supervisee", "NQSW wellbeing"]
    assert result["filled"] == [
        "<p>Your ratings suggest that <strong>the wider context</strong> gets the least attention.</p>",
        "<p><strong>The supervisee</strong> first. Then the supervisee again, and the supervisee.</p>",
        "<p>Try &lt;b&gt;x&lt;/b&gt;</p>",
    ]
