"""Helpers for browser tests of exercises: keyboard navigation, storage, print emulation."""

from __future__ import annotations

import re

from tests.helpers import settled

GALLERY = "authoring/exercise-kinds/"
# What a learner reads where code loaded on first use could not arrive (lib/first-use.js).
NOT_LOADED = re.compile(r"^This could not load: the connection may have dropped\. Your answers are safe\.")


def form_selector(exercise_id: str) -> str:
    """CSS selector of an exercise's form."""
    return f'form[data-rs-exercise="{exercise_id}"]'


# How many Tab stops surely lie between the focused element and the first element matching a selector, counting
# only what every browser stops on (visible, enabled, not inert, in order of the document, one stop a radio group)
# and giving up (0) wherever the order is not the document's (a positive tabindex, an open modal dialog). The count
# may be short of the real distance (a date field's parts, a frame, a scrolling box are stops it leaves out), never
# over it, so pressing Tab that many times can never pass the target.
SURE_STOPS_BEFORE = """(selector) => {
  const active = document.activeElement;
  if (!active || active === document.body || active.tagName === 'IFRAME') return 0;
  if (document.querySelector('[tabindex]:not([tabindex^="-"]):not([tabindex="0"])')) return 0;
  if (document.querySelector('dialog:modal')) return 0;
  const after = (el) => Boolean(active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const groupOf = (el) => (el.form ? [...el.form.elements] : [...document.querySelectorAll('input[type=radio]')])
    .filter((other) => other.type === 'radio' && other.name === el.name);
  const sure = (el) => {
    if (el.matches(':disabled, [tabindex^="-"], input[type=hidden]') || el.closest('[inert]')) return false;
    const closed = el.closest('details:not([open])');
    if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) return false;
    return el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
  };
  const candidates = 'a[href], button, input, select, textarea, details > summary:first-of-type, [tabindex="0"]';
  const countedGroups = new Set();
  let count = 0;
  for (const el of document.querySelectorAll(candidates)) {
    if (el === active || !after(el)) continue;
    const radioGroup = el.type === 'radio' && el.name ? groupOf(el) : null;
    if (el.matches(selector) || (radioGroup && radioGroup.some((radio) => radio.matches(selector)))) return count;
    if (!sure(el)) continue;
    if (radioGroup) {
      const key = radioGroup[0];
      if (countedGroups.has(key) || radioGroup.some((radio) => radio === active || !after(radio))) continue;
      countedGroups.add(key);
    }
    count += 1;
  }
  return 0;
}"""
FOCUS_MATCHES = "(s) => document.activeElement && document.activeElement.matches(s)"
# True while an element matching the selector is focused or still ahead in the document.
AT_OR_BEFORE = """(s) => [...document.querySelectorAll(s)].some((el) => el === document.activeElement
  || Boolean(document.activeElement.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING))"""


def tab_to(page: object, selector: str, limit: int = 400) -> None:
    """Press Tab (keyboard only) until the focused element matches a selector. The Tab stops surely on the way
    (SURE_STOPS_BEFORE) are pressed through without asking the page after each press; then one press at a time."""
    pressed = 0
    if page.evaluate("() => !document.activeElement || document.activeElement === document.body"):
        page.keyboard.press("Tab")  # from the top of the page: the count starts from a focused element
        pressed += 1
        if page.evaluate(FOCUS_MATCHES, selector):
            return
    sure_stops = page.evaluate(SURE_STOPS_BEFORE, selector)
    for _ in range(sure_stops):
        page.keyboard.press("Tab")
        pressed += 1
    if sure_stops and not page.evaluate(AT_OR_BEFORE, selector):
        raise AssertionError(f"Tab went past {selector}: SURE_STOPS_BEFORE counted a stop that is none")
    while pressed < limit:
        page.keyboard.press("Tab")
        pressed += 1
        if page.evaluate(FOCUS_MATCHES, selector):
            return
    raise AssertionError(f"could not reach {selector} with the Tab key")


def open_at(visit: object, exercise_id: str, path: str = GALLERY) -> object:
    """Open a page at one exercise, as a link to it does (#ex-<id>): the browser starts the next Tab press there,
    so a keyboard journey through the exercise does not first press through every exercise above it."""
    return visit.open(f"{path}#ex-{exercise_id}")


def cut_off(page: object, *modules: str) -> None:
    """Make the given scripts (paths under assets/js/, globs allowed) fail to arrive, as on a dropped connection."""
    for module in modules:
        page.route(f"**/assets/js/{module}", lambda route: route.abort("internetdisconnected"))


def wait_saved(page: object, exercise_id: str) -> dict:
    """Wait for the debounced autosave of the latest change (no save pending) and return the stored entry."""
    page.wait_for_function(
        "(id) => Object.keys(localStorage).some((k) => k.endsWith(':entry:' + id))"
        " && !document.querySelector(`[data-rs-exercise=\"${id}\"][data-rs-saving]`)", arg=exercise_id, timeout=15_000)
    return page.evaluate(
        "(id) => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':entry:' + id))))",
        exercise_id)


def wait_all_saved(page: object) -> None:
    """Wait until no exercise on the page has a change waiting for its debounced autosave."""
    page.wait_for_function("() => !document.querySelector('[data-rs-saving]')", timeout=15_000)


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


def tick_shared(page) -> None:
    """On My learning, tick the shared-computer box (confirming if asked) and wait for the reload."""
    with page.expect_navigation():
        page.check("[data-rs-shared]")
        if page.locator("[data-rs-action='shared-confirm-on']").count():
            page.click("[data-rs-action='shared-confirm-on']")
    page.wait_for_load_state("networkidle")
    settled(page)
    assert page.is_checked("[data-rs-shared]")
