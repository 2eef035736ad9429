"""Helpers for browser tests of exercises: keyboard navigation, storage, print emulation."""

from __future__ import annotations

from tests.helpers import settled

GALLERY = "authoring/exercise-kinds/"


def form_selector(exercise_id: str) -> str:
    """CSS selector of an exercise's form."""
    return f'form[data-rs-exercise="{exercise_id}"]'


def tab_to(page: object, selector: str, limit: int = 400) -> None:
    """Press Tab (keyboard only) until the focused element matches a selector."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"could not reach {selector} with the Tab key")


def wait_saved(page: object, exercise_id: str) -> dict:
    """Wait for the debounced autosave of the latest change (no save pending) and return the stored entry."""
    page.wait_for_function(
        "(id) => Object.keys(localStorage).some((k) => k.endsWith(':entry:' + id))"
        " && !document.querySelector(`[data-rs-exercise=\"${id}\"][data-rs-saving]`)", arg=exercise_id, timeout=5000)
    return page.evaluate(
        "(id) => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id))))",
        exercise_id)


def wait_all_saved(page: object) -> None:
    """Wait until no exercise on the page has a change waiting for its debounced autosave."""
    page.wait_for_function("() => !document.querySelector('[data-rs-saving]')", timeout=5000)


def enhanced(page: object, exercise_id: str) -> None:
    """Wait until an exercise's script has mounted (its actions are revealed)."""
    page.wait_for_selector(f"{form_selector(exercise_id)} [data-rs-actions]:not([hidden])")


def printed_text(page: object, selector: str) -> str:
    """The text a selector shows under print media (hidden elements excluded)."""
    page.emulate_media(media="print")
    text = page.locator(selector).inner_text()
    page.emulate_media(media="screen")
    return text


def type_date(page: object, iso: str) -> None:
    """Type a date into the focused date field with the keyboard, in whatever order the browser's locale uses."""
    year, month, day = iso.split("-")
    page.keyboard.type("01022000")
    day_first = page.evaluate("document.activeElement.value") == "2000-02-01"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.type(day + month + year if day_first else month + day + year)


def reload(page: object) -> None:
    """Reload the page and wait until it is idle and its enhancing scripts have settled."""
    page.reload(wait_until="networkidle")
    settled(page)


def runs_groups(context: object) -> None:
    """Start every page of a browser context as a learner who has said they run group sessions (My learning),
    so the group-session tools (facilitator view, presenter mode) show on module pages."""
    context.add_init_script("""(() => {
      const key = "reflective-supervision:/:data:preferences";
      if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify({ groups: true }));
    })();""")
