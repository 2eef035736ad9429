"""Backing up to a file of the learner's choice on My learning (lib/file-backup.js, lib/file-backup-section.js).

The file picker is stubbed by an init script: it hands back a fake file whose writes land in localStorage
("test:file-text", outside the site's prefix). A fake handle cannot be stored in IndexedDB as a real one can, so
the script stores a marker in its place and turns it back into a fake handle when read. "test:file-permission"
is what queryPermission() answers ("granted" unless set); "test:file-fail" names the error a write throws."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.browser.kit import GALLERY, enhanced, form_selector, wait_saved
from tests.helpers import registry_modules

REFLECTION = "example-reflection-default"
FIELD = f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']"
DATABASE = "reflective-supervision:/:file-backup"
FAKE_PICKER = """
(() => {
  const permission = () => localStorage.getItem("test:file-permission") || "granted";
  class FakeHandle {
    constructor(name) { this.kind = "file"; this.name = name; }
    async queryPermission() { return permission(); }
    async requestPermission() { localStorage.setItem("test:file-permission", "granted"); return "granted"; }
    async createWritable() {
      const failing = localStorage.getItem("test:file-fail");
      if (failing) throw new DOMException("The file cannot be written.", failing);
      let text = "";
      return {
        write: async (part) => { text += part; },
        close: async () => localStorage.setItem("test:file-text", text),
        abort: async () => {},
      };
    }
  }
  window.showSaveFilePicker = async () => new FakeHandle("my-backup.json");
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    if (value && value.handle instanceof FakeHandle) value = { ...value, handle: { fake: value.handle.name } };
    return put.call(this, value, key);
  };
  const result = Object.getOwnPropertyDescriptor(IDBRequest.prototype, "result");
  Object.defineProperty(IDBRequest.prototype, "result", {
    get() {
      const value = result.get.call(this);
      const fake = value && value.handle && value.handle.fake;
      return fake ? { ...value, handle: new FakeHandle(fake) } : value;
    },
  });
})();
"""


def file_text(page) -> str:
    """What the fake file holds ("" before any write)."""
    return page.evaluate("() => localStorage.getItem('test:file-text') || ''")


def wait_file_holds(page, text: str) -> None:
    """Wait until the fake file holds a text."""
    page.wait_for_function("(text) => (localStorage.getItem('test:file-text') || '').includes(text)", arg=text)


def answer(visit, text: str) -> None:
    """Type an answer on the exercise gallery and wait until it is saved."""
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(FIELD, text)
    wait_saved(page, REFLECTION)


def test_the_chosen_file_gets_fresh_backups_asks_again_after_a_reload_and_delete_everything_forgets_it(visit) -> None:
    visit.context.add_init_script(FAKE_PICKER)
    page = visit.open("my-learning/")
    page.click("[data-rs-action='file-backup-choose']")
    page.wait_for_function("() => localStorage.getItem('test:file-text') !== null")
    expect(page.locator("[data-rs-file-backup-note]")).to_contain_text("my-backup.json")
    expect(page.locator("[data-rs-file-backup-note]")).to_contain_text("Last written")

    answer(visit, "Written to the chosen file")
    page = visit.open("my-learning/")
    wait_file_holds(page, "Written to the chosen file")
    backup = json.loads(file_text(page))
    assert any("Written to the chosen file" in json.dumps(entry) for entry in backup["entries"].values())
    assert "last" in json.loads(page.evaluate("() => localStorage.getItem('reflective-supervision:/:data:backups')"))

    # After a reload the browser wants permission again: nothing is written until the learner's click.
    page.evaluate("() => localStorage.setItem('test:file-permission', 'prompt')")
    answer(visit, "Changed while permission lapsed")
    page = visit.open("my-learning/")
    carry_on = page.locator("[data-rs-action='file-backup-carry-on']")
    expect(carry_on).to_have_text("Carry on saving to my-backup.json")
    assert "Changed while permission lapsed" not in file_text(page)
    carry_on.click()
    wait_file_holds(page, "Changed while permission lapsed")

    # A write that fails says why in words.
    page.evaluate("() => localStorage.setItem('test:file-fail', 'NotFoundError')")
    page.click("label[for='rs-about-role-nqsw']")
    expect(page.locator("[data-rs-file-backup-problem] [role='alert']")).to_contain_text("moved or deleted")

    databases = "async () => (await indexedDB.databases()).map((db) => db.name)"
    assert DATABASE in page.evaluate(databases)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='delete-everything']")
    gone = "async (name) => !(await indexedDB.databases()).some((db) => db.name === name)"
    page.wait_for_function(gone, arg=DATABASE)
    expect(page.locator("[data-rs-file-backup-note]")).to_have_text("No file chosen yet.")


def test_an_answer_on_a_module_page_rewrites_the_chosen_file_while_permission_lasts(visit) -> None:
    """Not only My learning: a module page rewrites the file after a change, loading the file-backup code only
    once a file was chosen."""
    visit.context.add_init_script(FAKE_PICKER)
    module = f"modules/{registry_modules()[0]}/"
    page = visit.open(module)
    page.wait_for_function("() => document.documentElement.dataset.rsFileBackup === 'none'")
    loaded = "() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('file-backup-writer'))"
    assert not page.evaluate(loaded)

    page = visit.open("my-learning/")
    page.click("[data-rs-action='file-backup-choose']")
    page.wait_for_function("() => localStorage.getItem('test:file-text') !== null")
    page = visit.open(module)
    exercise = page.locator("[data-rs-widget='reflection']").first.get_attribute("data-rs-exercise")
    enhanced(page, exercise)
    page.locator(f"{form_selector(exercise)} textarea").first.fill("Saved on the module page")
    wait_saved(page, exercise)
    wait_file_holds(page, "Saved on the module page")
    assert page.evaluate(loaded)
    assert page.evaluate("() => document.documentElement.dataset.rsFileBackup") == "following"
