"""Keeping answers in Chromium: My learning says whether the browser keeps the site's storage and asks only
when the learner presses the button (navigator.storage stubbed to answer both ways); when the last backup was
made; module pages remind after enough changed exercises, "Not now" puts it off, and shared-computer mode shows
a lasting note instead. The thresholds are Node tests (tests/js/backup-reminder.test.mjs)."""

from __future__ import annotations

import json

import pytest

from tests.browser.seed import seed as seed_storage
from tests.browser.seed import site_state
from tests.helpers import registry_modules

PREFIX = "reflective-supervision:/:"
SHARED_KEY = "reflective-supervision:/#shared-computer"
# navigator.storage as a test says (localStorage "test-persist", outside the site's prefix); counts persist() calls.
STUB = """(() => {
  const answers = JSON.parse(localStorage.getItem("test-persist") || "{}");
  window.__persistCalls = 0;
  StorageManager.prototype.persisted = async () => answers.persisted;
  StorageManager.prototype.persist = async () => { window.__persistCalls += 1; return answers.persist; };
})();"""


def seed(page, answers: dict) -> None:
    page.evaluate("(a) => localStorage.setItem('test-persist', JSON.stringify(a))", answers)


@pytest.mark.parametrize("granted", [True, False], ids=["granted", "refused"])
def test_my_learning_says_whether_storage_is_kept_and_asks_only_on_the_button(visit, granted) -> None:
    visit.context.add_init_script(STUB)
    seed_storage(visit, {"test-persist": json.dumps({"persisted": False, "persist": granted})})
    page = visit.open("my-learning/")
    keep = page.locator("[data-rs-keep-safe]")
    expect_text = "may clear this site's storage"
    page.wait_for_selector("[data-rs-persisted='no']")
    assert expect_text in keep.inner_text()
    assert "You have not made a backup in this browser yet." in keep.inner_text()
    assert page.evaluate("window.__persistCalls") == 0
    page.click("[data-rs-action='persist']")
    if granted:
        page.wait_for_selector("[data-rs-persisted='yes']")
        assert "will now keep" in keep.inner_text()
    else:
        page.wait_for_function("() => document.querySelector('[data-rs-keep-safe] [role=status]').textContent !== ''")
        assert "did not agree" in keep.inner_text()
        assert page.locator("[data-rs-action='persist']").is_enabled()
    assert page.evaluate("window.__persistCalls") == 1

    seed(page, {"persisted": True})
    page = visit.open("my-learning/")
    page.wait_for_selector("[data-rs-persisted='yes']")
    assert page.locator("[data-rs-action='persist']").count() == 0


def test_module_pages_remind_after_five_changes_until_a_backup_or_not_now(visit) -> None:
    module = f"modules/{registry_modules()[0]}/"
    page = visit.open(module)
    assert page.locator("[data-rs-reminder]").count() == 0
    page.evaluate(
        """(prefix) => {
      for (let i = 1; i <= 5; i += 1) localStorage.setItem(`${prefix}entry:seeded-${i}`, JSON.stringify({
        format: 2, exercise: `seeded-${i}`, title: `Seeded ${i}`, updated: new Date().toISOString(),
        values: { a: "x" } }));
    }""",
        PREFIX,
    )
    page = visit.open(module)
    reminder = page.locator("[data-rs-reminder='due']")
    assert "5 exercises have changed since your last backup" in reminder.inner_text()
    assert (
        reminder.get_attribute("role") is None and page.locator("dialog[open], [role=dialog][aria-modal]").count() == 0
    )
    page.click("[data-rs-action='reminder-later']")
    assert page.locator("[data-rs-reminder='put-off']").is_visible()
    assert "dismissed" in json.loads(site_state(page)[f"{PREFIX}data:backups"])
    page = visit.open(module)
    assert page.locator("[data-rs-reminder]").count() == 0

    # A backup counts too: My learning says when it was made.
    page.evaluate("(key) => localStorage.removeItem(key)", f"{PREFIX}data:backups")
    page = visit.open("my-learning/")
    assert "5 exercises have changed since." in page.inner_text("[data-rs-last-backup]")
    with page.expect_download():
        page.click("[data-rs-action='export']")
    assert "Your last backup in this browser was made on" in page.inner_text("[data-rs-last-backup]")
    assert "last" in json.loads(site_state(page)[f"{PREFIX}data:backups"])
    page = visit.open(module)
    assert page.locator("[data-rs-reminder]").count() == 0

    # Shared computer mode: a lasting note, no "Not now", and no persistence button on My learning.
    page.evaluate("(key) => localStorage.setItem(key, 'on')", SHARED_KEY)
    page = visit.open(module)
    shared = page.locator("[data-rs-reminder='shared']")
    assert "go when you close this tab" in shared.inner_text()
    assert page.locator("[data-rs-action='reminder-later']").count() == 0
    page = visit.open("my-learning/")
    assert "go when you close it" in page.inner_text("[data-rs-keep-safe]")
    assert page.locator("[data-rs-action='persist']").count() == 0
