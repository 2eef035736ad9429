"""Saving that loses nothing: two windows on one exercise, a saved answer that cannot be read, and a flag
for supervision ticked when storage is full (lib/exercise.js, lib/field-merge.js)."""

from __future__ import annotations

import json

from tests.browser.kit import GALLERY, enhanced, form_selector, wait_saved
from tests.browser.seed import seed

REFLECTION = "example-reflection-default"
FORM = form_selector(REFLECTION)
STOOD_OUT = f"{FORM} textarea[data-rs-field='what-stood-out']"
NEXT_TIME = f"{FORM} textarea[data-rs-field='next-time']"
KEY = f"reflective-supervision:/:entry:{REFLECTION}"

# Writes throw while window.__full is true (set it in a page to fill that page's storage).
FILLABLE_STORAGE = """
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__full) throw new DOMException('full', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
"""


def two_windows(visit) -> tuple:
    """The exercise gallery open in two tabs of one browser (they share local storage)."""
    first = visit.open(GALLERY)
    second = visit.new_page()
    second.goto(visit.base_url + GALLERY, wait_until="networkidle")
    for page in (first, second):
        enhanced(page, REFLECTION)
    return first, second


def shows(page, selector: str, text: str) -> None:
    """Wait until a field shows a text."""
    page.wait_for_function("([s, t]) => document.querySelector(s).value === t", arg=[selector, text], timeout=5000)


def test_two_windows_typing_in_different_fields_keep_both(visit) -> None:
    visit.context.add_init_script(FILLABLE_STORAGE)
    first, second = two_windows(visit)
    # The second window's change is not saved yet when the first window saves (as within the save delay; here,
    # so that nothing depends on timing, because its storage is full until the first window has saved).
    second.evaluate("window.__full = true")
    second.fill(NEXT_TIME, "Typed in the second window")
    second.locator(f"{FORM} [data-rs-alert]").filter(has_text="full").wait_for()
    first.fill(STOOD_OUT, "Typed in the first window")
    shows(second, STOOD_OUT, "Typed in the first window")
    second.evaluate("window.__full = false")
    second.locator(FORM).dispatch_event("rs-change")
    for page in (first, second):
        shows(page, STOOD_OUT, "Typed in the first window")
        shows(page, NEXT_TIME, "Typed in the second window")
        stored = wait_saved(page, REFLECTION)
    assert stored["values"] == {
        "what-stood-out": "Typed in the first window", "next-time": "Typed in the second window"}
    assert "copies" not in stored
    assert first.locator(f"{FORM} [data-rs-alert]").inner_text() == ""


def test_two_windows_changing_one_field_keep_the_other_text_as_a_copy(visit) -> None:
    visit.context.add_init_script(FILLABLE_STORAGE)
    first, second = two_windows(visit)
    # The second window's change cannot be saved yet (storage full there), so it stays that window's own.
    second.evaluate("window.__full = true")
    second.fill(STOOD_OUT, "Typed in the second window")
    second.locator(f"{FORM} [data-rs-alert]").filter(has_text="full").wait_for()
    first.fill(STOOD_OUT, "Typed in the first window")
    wait_saved(first, REFLECTION)
    shows(second, STOOD_OUT, "Typed in the second window")  # the other window's save did not revert it
    second.evaluate("window.__full = false")
    second.locator(FORM).dispatch_event("rs-change")  # saved again, later: this write wins
    shows(first, STOOD_OUT, "Typed in the second window")
    stored = wait_saved(second, REFLECTION)
    assert stored["values"]["what-stood-out"] == "Typed in the second window"
    assert [(copy["reason"], copy["values"]) for copy in stored["copies"]] == [
        ("other-window", {"what-stood-out": "Typed in the first window"})]
    assert "its text is kept" in second.locator(f"{FORM} [data-rs-saved]").inner_text()
    # The window that lost says so, politely, and lets the learner open its text.
    assert "also changed in another window" in first.locator(f"{FORM} [data-rs-alert]").inner_text()
    copies = first.locator(f"{FORM} .rs-exercise__copies")
    copies.locator("summary").click()
    assert "Other versions of your answers (1)" in copies.inner_text()
    assert "replaced by a change made in another window" in copies.inner_text()
    assert copies.locator(".rs-exercise__copy-text").inner_text() == "Typed in the first window"


# Reading an entry throws (as a locked or failing store can) while window.__unreadable is true; writes work.
UNREADABLE_ENTRIES = """
  window.__unreadable = true;
  const getItem = Storage.prototype.getItem;
  Storage.prototype.getItem = function (key) {
    if (window.__unreadable && String(key).includes(':entry:')) throw new DOMException('read failed', 'UnknownError');
    return getItem.call(this, key);
  };
"""


def test_an_answer_that_could_not_be_read_is_not_written_over(visit) -> None:
    earlier = {"format": 2, "exercise": REFLECTION, "values": {"what-stood-out": "My earlier answer"}}
    seed(visit, {KEY: json.dumps(earlier)})
    visit.context.add_init_script(UNREADABLE_ENTRIES)
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    alert = page.locator(f"{FORM} [data-rs-alert]")
    assert "could not be read" in alert.inner_text()
    page.fill(NEXT_TIME, "Typed while it could not be read")
    page.wait_for_selector(f"{FORM}:not([data-rs-saving])")
    assert json.loads(page.evaluate("(k) => localStorage[k]", KEY)) == earlier
    assert page.locator(f"{FORM} [data-rs-saved]").inner_text() == "Not saved."
    assert page.locator(f"{FORM} button", has_text="Save what I type here instead").is_visible()
    # Once a read works, the saved answer comes back and the new text is saved beside it.
    page.evaluate("window.__unreadable = false")
    page.fill(NEXT_TIME, "Typed once it could be read")
    stored = wait_saved(page, REFLECTION)
    assert stored["values"] == {"what-stood-out": "My earlier answer", "next-time": "Typed once it could be read"}
    assert page.input_value(STOOD_OUT) == "My earlier answer"
    assert alert.inner_text() == ""


def test_the_learner_may_choose_to_save_over_an_answer_that_could_not_be_read(visit) -> None:
    seed(visit, {KEY: json.dumps({"format": 2, "exercise": REFLECTION, "values": {"next-time": "Earlier"}})})
    visit.context.add_init_script(UNREADABLE_ENTRIES)
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(NEXT_TIME, "Mine instead")
    page.click(f"{FORM} button:has-text('Save what I type here instead')")
    assert json.loads(page.evaluate("(k) => localStorage[k]", KEY))["values"] == {"next-time": "Mine instead"}
    assert page.locator(f"{FORM} [data-rs-alert]").inner_text() == ""


def test_flagging_with_storage_full_says_not_saved_and_never_added(visit) -> None:
    visit.context.add_init_script(FILLABLE_STORAGE)
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.evaluate("window.__full = true")
    page.check(f"{FORM} [data-rs-flag]")
    page.locator(f"{FORM} [data-rs-alert]").filter(has_text="storage for this site is full").wait_for()
    assert page.locator(f"{FORM} [data-rs-saved]").inner_text() == "Not saved."
    page.evaluate("window.__full = false")
    page.uncheck(f"{FORM} [data-rs-flag]")
    page.check(f"{FORM} [data-rs-flag]")
    assert page.locator(f"{FORM} [data-rs-saved]").inner_text() == "Added to your supervision agenda."
    assert wait_saved(page, REFLECTION)["flagged"] is True
