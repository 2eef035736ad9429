"""Locked (encrypted) backups in Chromium: made on My learning with a passphrase, restored in a fresh browser
context; a wrong passphrase and a damaged file each say what is wrong and change nothing. The format's details
(every parameter, truncation, flipped bytes, a changed file) are Node tests (tests/js/backup-lock.test.mjs)."""

from __future__ import annotations

import json

from tests.browser.kit import GALLERY, enhanced, form_selector, wait_saved
from tests.browser.seed import REFLECTION, answered, seed, site_state
from tests.conftest import Visit

PASSPHRASE = "a long walk, twice"
FIELD = f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']"


def test_a_locked_backup_round_trips_and_refuses_a_wrong_passphrase_or_damage(
    visit, browser, base_url, tmp_path
) -> None:
    seed(visit, answered({"A calm start.\nThen a hard question.": "Only for me: \u202e a hard week"}))
    page = visit.open("my-learning/")
    before = site_state(page)
    assert "hard week" in str(before)
    page.fill("[data-rs-lock='rs-lock-passphrase']", PASSPHRASE)
    page.fill("[data-rs-lock='rs-lock-again']", PASSPHRASE)
    with page.expect_download() as download:
        page.click("[data-rs-action='export']")
    locked = tmp_path / "locked.json"
    download.value.save_as(locked)
    text = locked.read_text(encoding="utf-8")
    assert download.value.suggested_filename.startswith("reflective-supervision-locked-backup-")
    assert json.loads(text)["format"] == "reflective-supervision-locked-backup"
    assert "hard week" not in text and "what-stood-out" not in text

    fresh = Visit(browser, base_url)
    other = fresh.open("my-learning/")
    untouched = site_state(other)

    damaged = tmp_path / "damaged.json"
    damaged.write_text(text[: len(text) // 2], encoding="utf-8")
    other.set_input_files("[data-rs-import]", str(damaged))
    other.wait_for_selector(".rs-import-preview [role='alert']")
    assert "damaged or incomplete" in other.inner_text(".rs-import-preview")
    assert other.locator("[data-rs-unlock]").count() == 0

    other.set_input_files("[data-rs-import]", str(locked))
    other.fill("[data-rs-unlock]", "a long walk, once")
    other.click("[data-rs-action='unlock']")
    other.wait_for_selector(".rs-import-preview [role='alert']")
    assert "passphrase does not unlock" in other.inner_text(".rs-import-preview")
    assert site_state(other) == untouched

    other.fill("[data-rs-unlock]", PASSPHRASE)
    other.click("[data-rs-action='unlock']")
    other.once("dialog", lambda dialog: dialog.accept())
    other.click("[data-rs-action='import-replace']")
    assert site_state(other) == before
    fresh.close()
    assert fresh.external == []


def test_adding_a_backup_keeps_the_older_answer_as_a_copy_on_the_exercise(visit, tmp_path) -> None:
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(FIELD, "What I wrote on the phone")
    wait_saved(page, REFLECTION)
    visit.open("my-learning/")
    with page.expect_download() as download:
        page.click("[data-rs-action='export']")
    plain = tmp_path / "plain.json"
    download.value.save_as(plain)
    assert "anyone who has the file can read" in page.inner_text("[role='status']")
    visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(FIELD, "What I wrote later, at work")
    wait_saved(page, REFLECTION)
    visit.open("my-learning/")
    page.set_input_files("[data-rs-import]", str(plain))
    page.wait_for_selector("[data-rs-action='import-merge']")
    assert "kept as a dated copy" in page.inner_text(".rs-import-preview")
    page.click("[data-rs-action='import-merge']")
    assert "had different answers on each side" in page.inner_text("[role='status']")
    visit.open(GALLERY)
    enhanced(page, REFLECTION)
    assert page.input_value(FIELD) == "What I wrote later, at work"
    copies = page.locator(
        f"{form_selector(REFLECTION)} ~ .rs-exercise__copies, {form_selector(REFLECTION)} .rs-exercise__copies"
    )
    assert "What I wrote on the phone" in copies.first.text_content()
