"""Presenter mode in Chromium at projector size (1280x720): one section at a time (split at h2, h3 and each
exercise) in large, high-contrast type, no navigation chrome, keyboard next and previous (Material's own
shortcuts caught while presenting), Escape to leave, exercises still usable; axe stays clean."""

from __future__ import annotations

import pytest

from tests.browser.axe import run_axe
from tests.browser.kit import form_selector, runs_groups, tab_to, wait_saved
from tests.conftest import Visit

MODULE = "modules/supervision-models/"
PRESENT = '[data-rs-tool="present"]'
POSITION = ".rs-presenter__position"
# How many sections the exercises' parts add: each exercise with two or more parts, one for each after the first.
FURTHER_PARTS = """() => [...document.querySelectorAll('article > form.rs-exercise')]
  .map((form) => form.querySelectorAll(':scope > [data-rs-part]').length)
  .reduce((sum, parts) => sum + (parts >= 2 ? parts - 1 : 0), 0)"""


@pytest.fixture()
def projector(browser, base_url):
    session = Visit(browser, base_url, viewport={"width": 1280, "height": 720}, locale="en-GB")
    runs_groups(session.context)
    yield session
    session.close()
    assert session.external == []


# Leaving a page fires beforeunload as the navigation starts, inside the key's own handler: recording it shows
# whether a key press set off a navigation, without waiting to see whether the address changes.
RECORD_LEAVING = "addEventListener('beforeunload', () => sessionStorage.setItem('rs-test-left', location.href))"


def left_the_page(page: object) -> bool:
    """Whether a navigation away from a page has started since RECORD_LEAVING was installed."""
    return page.evaluate("sessionStorage.getItem('rs-test-left') !== null")


def start(page: object) -> None:
    tab_to(page, PRESENT)
    page.keyboard.press("Enter")
    page.wait_for_selector(POSITION)


def visible_h2(page: object) -> list[str]:
    return [text.rstrip("¶").strip() for text in page.locator("article h2:visible").all_inner_texts()]


def position(page: object) -> tuple[int, int]:
    number, total = page.locator(POSITION).inner_text().removeprefix("Section ").split(" of ")
    return int(number), int(total)


def page_down_until(page: object, selector: str) -> int:
    """Press Page Down until an element is on screen; return the section number."""
    for _ in range(position(page)[1]):
        if page.locator(selector).is_visible():
            return position(page)[0]
        page.keyboard.press("PageDown")
    raise AssertionError(f"no section shows {selector}")


def test_keyboard_moves_through_sections_and_escape_leaves(projector) -> None:
    page = projector.open(MODULE)
    headings = page.locator("article > :is(h2, h3)").count()
    start(page)
    sections = position(page)[1]
    # Every h2 and h3 starts a section (the part before the first is section 1), and so can an exercise and
    # each further part of an exercise with several.
    exercises = page.locator("article > form.rs-exercise").count()
    further_parts = page.evaluate(FURTHER_PARTS)
    assert further_parts > 0
    assert headings + 1 + further_parts <= sections <= headings + 1 + exercises + further_parts
    assert page.evaluate("document.documentElement.classList.contains('rs-presenting')")
    assert page.locator(POSITION).inner_text() == f"Section 1 of {sections}"
    assert page.locator("article h1").is_visible() and visible_h2(page) == []
    assert page.locator(".rs-module-intro").is_visible()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".rs-page-tools"):
        assert not page.locator(chrome).first.is_visible(), chrome

    page.keyboard.press("ArrowRight")
    assert page.locator(POSITION).inner_text() == f"Section 2 of {sections}"
    assert visible_h2(page) == ["Learning outcomes"]
    assert page.evaluate("document.activeElement.textContent").startswith("Learning outcomes")
    assert not page.locator(".rs-module-intro").is_visible()
    # The page title stays as a small running head.
    assert page.locator("article h1.rs-presenter-title").is_visible()
    page.keyboard.press("PageDown")
    assert page.locator(POSITION).inner_text() == f"Section 3 of {sections}"
    assert visible_h2(page) == ["What supervision is for: Proctor's three functions"]
    # The next section starts at an h3: its h2 stays as a small running head, the focus goes to the h3.
    page.keyboard.press("PageDown")
    assert page.locator(POSITION).inner_text() == f"Section 4 of {sections}"
    assert page.evaluate("document.activeElement.textContent").startswith("The Kadushin parallel")
    running = page.locator("article > h2.rs-presenter-title")
    assert running.count() == 1 and running.inner_text().startswith("What supervision is for")
    size = running.evaluate("(h) => parseFloat(getComputedStyle(h).fontSize)")
    assert size < page.locator("article > h3:visible").evaluate("(h) => parseFloat(getComputedStyle(h).fontSize)")
    page.keyboard.press("PageUp")
    assert page.locator("article > h2.rs-presenter-title").count() == 0
    page.keyboard.press("PageUp")
    page.keyboard.press("ArrowLeft")
    assert page.locator(POSITION).inner_text() == f"Section 1 of {sections}"
    page.keyboard.press("ArrowLeft")  # nothing before the first section
    assert page.locator(POSITION).inner_text() == f"Section 1 of {sections}"
    for _ in range(sections + 2):
        page.keyboard.press("PageDown")
    assert page.locator(POSITION).inner_text() == f"Section {sections} of {sections}"
    assert visible_h2(page) == ["References"]

    # The on-screen buttons work too, and keep the focus at either end.
    page.get_by_role("button", name="Previous").click()
    assert page.locator(POSITION).inner_text() == f"Section {sections - 1} of {sections}"
    assert page.get_by_role("button", name="Next").get_attribute("aria-disabled") == "false"

    page.keyboard.press("Escape")
    assert not page.evaluate("document.documentElement.classList.contains('rs-presenting')")
    assert page.locator(POSITION).count() == 0
    assert page.locator("article h1").is_visible() and len(visible_h2(page)) == page.locator("article > h2").count()
    assert page.locator(".md-header").is_visible()
    assert page.evaluate("document.activeElement.dataset.rsTool") == "present"
    assert projector.console_errors == []


def test_large_high_contrast_type_readable_at_the_back_of_a_room(projector) -> None:
    page = projector.open(MODULE)
    start(page)
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    style = page.locator("article > p:visible").first.evaluate(
        "(p) => { const s = getComputedStyle(p); return [parseFloat(s.fontSize), s.color, "
        "getComputedStyle(document.body).backgroundColor]; }"
    )
    size, colour, background = style
    assert size >= 28, f"body text is {size}px"
    assert colour == "rgb(0, 0, 0)" and background in {"rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"}
    heading = page.locator("article h2:visible").evaluate("(h) => parseFloat(getComputedStyle(h).fontSize)")
    assert heading >= 40
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_exercises_stay_usable_and_arrow_keys_belong_to_the_fields(projector) -> None:
    page = projector.open(MODULE)
    start(page)
    form = form_selector("proctor-function-balance")
    number = page_down_until(page, form)
    first = page.locator(f"{form} input[type=radio][data-rs-field]:not([data-rs-field=perspective])").first
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # moves the radio choice, not the section
    assert position(page)[0] == number
    entry = wait_saved(page, "proctor-function-balance")
    assert list(entry["values"].values()) == ["2"]


def test_sections_split_at_each_exercise_so_reading_and_exercises_take_turns(projector) -> None:
    """Before, sections split only at h2: a section could hold long reading and two or three exercises
    (20,000 pixels tall). Now no section holds more than one exercise, nor an exercise after more than a
    heading and one paragraph of reading."""
    page = projector.open(MODULE)
    start(page)
    total = position(page)[1]
    for _ in range(total):
        shown = page.evaluate("""() => [
            ...document.querySelectorAll('article > :not(.rs-presenter-off):not(.rs-presenter-title)')]
            .filter((e) => e.getClientRects().length)
            .map((e) => e.matches('form.rs-exercise') ? 'exercise' : e.tagName)""")
        exercises = shown.count("exercise")
        assert exercises <= 1, f"section {position(page)[0]}: {shown}"
        if exercises:
            before = shown[:shown.index("exercise")]
            assert len([tag for tag in before if tag not in {"H1", "H2", "H3"}]) <= 1, (
                f"section {position(page)[0]}: {shown}"
            )
        page.keyboard.press("PageDown")


def test_material_shortcuts_move_between_sections_and_never_leave_the_page(projector) -> None:
    """Material's keyboard shortcuts (n or . next page, p or , previous page; f, s or / search) would leave
    the presentation: while presenting, n and . go to the next section, p and , to the previous one, and the
    search keys do nothing. After leaving presenter mode they work as usual again."""
    projector.context.add_init_script(RECORD_LEAVING)
    page = projector.open(MODULE)
    url = page.url
    start(page)
    for key, expected in (("n", 2), (".", 3), ("p", 2), (",", 1), ("N", 2)):
        page.keyboard.press(key)
        assert position(page)[0] == expected, key
    for key in ("f", "s", "/"):
        page.keyboard.press(key)
        assert not page.evaluate("document.getElementById('__search').checked"), key
        assert page.evaluate("document.activeElement.classList.contains('md-search__input')") is False, key
    assert not left_the_page(page)  # Material would have started to move to another page
    assert page.url == url and position(page)[0] == 2
    # On a radio button the letters move between sections too (Material would take them there as well)...
    radio = page_down_until(page, form_selector("proctor-function-balance"))
    page.locator(f"{form_selector('proctor-function-balance')} input[type=radio]").first.focus()
    page.keyboard.press("n")
    assert position(page)[0] == radio + 1
    # ...but in a text box they are the text.
    box = "#ex-developmental-level-reflection-which-use"
    number = page_down_until(page, box)
    page.locator(box).focus()
    page.keyboard.type("n.p,f/s")
    assert page.locator(box).input_value() == "n.p,f/s" and position(page)[0] == number
    assert not left_the_page(page)
    assert page.url == url
    assert projector.console_errors == []
    page.keyboard.press("Escape")
    page.keyboard.press("n")  # Material's own shortcut again: the next page
    page.wait_for_url(lambda address: address != url, timeout=5_000)
    assert left_the_page(page)  # the record above does see Material leaving


def test_presenter_mode_never_shows_facilitator_notes(projector) -> None:
    page = projector.open(MODULE)
    page.click('[data-rs-tool="facilitator"]')
    assert page.locator("[data-rs-facilitator]").is_visible()
    start(page)
    assert not page.locator("[data-rs-facilitator]").is_visible()
    page.keyboard.press("Escape")
    assert page.locator("[data-rs-facilitator]").is_visible()


def test_axe_finds_nothing_in_presenter_mode(projector) -> None:
    page = projector.open(MODULE)
    start(page)
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    problems = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in run_axe(page)]
    assert problems == []


def test_without_javascript_the_page_is_unchanged(no_js_visit) -> None:
    page = no_js_visit.open(MODULE)
    assert not page.locator(PRESENT).is_visible()
    assert page.locator(".md-header").is_visible()


def test_a_long_exercise_is_shown_a_part_at_a_time_and_links_to_its_fields_find_them(projector) -> None:
    """The agreement builder was one section 18,000 pixels tall at projector size: now each of its sections
    is a section of its own under the exercise's title, the introduction with the first and the summary and
    buttons with the last, every part shown exactly once; answers typed in one part are kept; a link to a
    field still to fill in shows the part that holds it."""
    agreement = form_selector("supervision-agreement")
    page = projector.open("modules/good-supervision/")
    parts = page.locator(f"{agreement} > .rs-agreement__section").count()
    assert parts >= 4
    start(page)
    first = page_down_until(page, agreement)
    seen = []
    for n in range(parts):
        assert position(page)[0] == first + n
        assert page.locator(f"{agreement} .rs-exercise__title").is_visible()
        shown = page.locator(f"{agreement} > .rs-agreement__section:visible")
        assert shown.count() == 1, f"part {n + 1}"
        seen.append(shown.locator("> legend").inner_text())
        assert page.locator(f"{agreement} .rs-exercise__intro").is_visible() == (n == 0)
        assert page.locator(f"{agreement} .rs-exercise__actions").is_visible() == (n == parts - 1)
        assert page.evaluate("document.documentElement.scrollHeight") < 4_000, f"part {n + 1} is too tall"
        if n == 1:
            box = shown.locator("textarea, input[type=text]").first
            box.fill("Fortnightly, an hour and a half")
            wait_saved(page, "supervision-agreement")
        page.get_by_role("button", name="Next").click()  # (Page Down in a text box belongs to the box)
    assert len(set(seen)) == parts
    assert page.locator(f"{agreement}").is_hidden()  # past the last part: the page goes on

    page.get_by_role("button", name="Previous").click()
    link = page.locator(f"{agreement} [data-rs-missing] a").first
    name = link.inner_text()
    link.click()
    assert page.locator(f"{agreement} > .rs-agreement__section:visible").count() == 1
    focused = page.evaluate("document.activeElement.id")
    assert focused and page.locator(f"#{focused}").is_visible(), name
    assert position(page)[0] < first + parts - 1
    page.keyboard.press("Escape")
    assert page.locator(f"{agreement} > .rs-agreement__section:visible").count() == parts
    assert "Fortnightly, an hour and a half" in [
        value
        for value in page.locator(f"{agreement} textarea, {agreement} input[type=text]").evaluate_all(
            "(fields) => fields.map((f) => f.value)"
        )
    ]
    assert projector.console_errors == []


def test_the_section_list_jumps_by_pointer_and_keyboard(projector) -> None:
    page = projector.open(MODULE)
    start(page)
    jump = page.get_by_role("button", name="Sections")
    jump.click()
    assert jump.get_attribute("aria-expanded") == "true"
    page.locator(".rs-presenter__section", has_text="Heron's six categories").first.click()
    assert visible_h2(page)[-1] == "Heron's six categories of intervention"
    heron = position(page)[0]
    assert page.locator(".rs-presenter__sections").is_hidden()
    # Keyboard: open the list (focus goes to the current section), move down one, choose it.
    jump.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.rsSectionIndex") == str(heron - 1)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert position(page)[0] == heron + 1
    # Escape closes the list and stays in presenter mode.
    jump.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert page.locator(".rs-presenter__sections").is_hidden() and page.locator(POSITION).is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-rs-presenter-jump')")


def test_present_from_here_and_full_screen_for_those_who_run_groups(projector, visit) -> None:
    page = projector.open(MODULE)
    button = page.locator(".rs-present-here[aria-describedby='morrisons-4x4x4-model']")
    button.click()
    page.wait_for_selector(POSITION)  # presenter mode loads on first use
    assert visible_h2(page)[-1] == "Morrison's 4x4x4 model" and position(page)[0] > 1
    if page.evaluate("document.fullscreenEnabled"):
        page.get_by_role("button", name="Full screen").click()
        page.wait_for_function("() => document.fullscreenElement === document.documentElement")
    # A learner who has not said they run groups is not offered it.
    plain = visit.open(MODULE)
    plain.wait_for_selector(".rs-page-tools", state="visible")
    assert plain.locator(".rs-present-here").count() == 0


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_a_link_to_the_timer_opens_it_with_controls_and_guidance_on_one_screen(browser, base_url, size) -> None:
    session = Visit(browser, base_url, viewport={"width": size[0], "height": size[1]}, locale="en-GB")
    runs_groups(session.context)
    page = session.open("modules/diversity-and-power/?present#ex-reflective-case-discussion")
    page.wait_for_selector(POSITION)
    timer = page.locator(form_selector("reflective-case-discussion"))
    bar_top = page.locator(".rs-presenter").bounding_box()["y"]
    for part in ("[data-rs-clock]", "[data-rs-timer='toggle']", "[data-rs-timer='next']", "[data-rs-timer='reset']",
                 ".rs-activity-timer__item--current .rs-activity-timer__guidance"):
        box = timer.locator(part).bounding_box()
        where = f"{part} at {size}: {box}, bar at {bar_top}"
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= bar_top, where
    assert page.evaluate("window.scrollY") == 0
    session.close()
