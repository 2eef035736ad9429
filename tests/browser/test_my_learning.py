"""My learning in Chromium: backup round trip, damaged and full stores, two tabs, shared computers,
progress, the agenda, the learning record, calendar files, and hostile text everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.browser.kit import GALLERY, enhanced, form_selector, wait_saved
from tests.conftest import Visit

REFLECTION = "example-reflection-default"
ASSESSMENT = "example-self-assessment-default"
GOALS = "example-smart-goal-default"
HOSTILE = '<img src=x onerror="window.__pwned=1">"quoted", semi;colon\\ <script>window.__pwned=2</script>'
FIXTURE_V1 = Path(__file__).resolve().parent.parent / "js" / "fixtures" / "entry-format-1.json"


def site_state(page) -> dict:
    """Every storage key of this site and its raw value."""
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('reflective-supervision:')).sort().map((k) => [k, localStorage.getItem(k)]))")


def answer_some(page) -> None:
    """Fill one exercise of each of three kinds, flag one, keep a dated copy of a profile."""
    enhanced(page, REFLECTION)
    page.fill(f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']", "A calm start.\nThen a hard question.")
    page.check(f"{form_selector(REFLECTION)} [data-rs-flag]")
    page.check(f"{form_selector(ASSESSMENT)} input[name$='-time-to-read'][value='2']")
    page.click(f"{form_selector(ASSESSMENT)} [data-rs-action='snapshot']")
    page.fill(f"{form_selector(GOALS)} [data-rs-goal='g1'] textarea[data-rs-field='goal']", "Agree the agenda together")
    page.fill(f"{form_selector(GOALS)} [data-rs-goal='g1'] input[data-rs-field='time_bound']", "2027-03-15")
    for exercise in (REFLECTION, ASSESSMENT, GOALS):
        wait_saved(page, exercise)
    page.wait_for_timeout(600)


def test_export_delete_import_restores_exactly_the_same_state(visit, browser, base_url, tmp_path) -> None:
    page = visit.open(GALLERY)
    answer_some(page)
    page.evaluate("localStorage.setItem('reflective-supervision:/:entry:example-damaged', '{not json')")
    visit.open("my-learning/")
    before = site_state(page)
    assert len(before) >= 4
    with page.expect_download() as download:
        page.click("[data-rs-action='export']")
    backup_path = tmp_path / "backup.json"
    download.value.save_as(backup_path)
    backup = json.loads(backup_path.read_text(encoding="utf-8"))
    assert backup["format"] == "reflective-supervision-backup" and backup["version"] == 1
    assert backup["damaged"] == {"entry:example-damaged": "{not json"}
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).resolve().parents[2] / "docs" / "schemas" / "backup-v1.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(backup)

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='delete-everything']")
    assert site_state(page) == {}
    page.set_input_files("[data-rs-import]", str(backup_path))
    preview = page.locator(".rs-import-preview")
    page.wait_for_function("() => (document.querySelector('.rs-import-preview')?.innerText || '').includes('New here:')")
    assert "New here:" in preview.inner_text() and "Looking back on a session" in preview.inner_text()
    page.click("[data-rs-action='import-merge']")
    assert site_state(page) == before

    fresh = Visit(browser, base_url)
    fresh_page = fresh.open("my-learning/")
    fresh_page.set_input_files("[data-rs-import]", str(backup_path))
    fresh_page.once("dialog", lambda dialog: dialog.accept())
    fresh_page.click("[data-rs-action='import-replace']")
    assert site_state(fresh_page) == before
    fresh.open(GALLERY)
    assert fresh_page.input_value(f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']") == "A calm start.\nThen a hard question."
    fresh.close()
    assert fresh.external == []


def test_bad_import_files_get_a_clear_message_and_change_nothing(visit, tmp_path) -> None:
    page = visit.open(GALLERY)
    answer_some(page)
    visit.open("my-learning/")
    before = site_state(page)
    cases = {
        "proto.json": ('{"format":"reflective-supervision-backup","version":1,"entries":{},"data":{},"damaged":{},"__proto__":{"x":1}}', "__proto__"),
        "shape.json": ('{"format":"reflective-supervision-backup","version":1,"entries":{"a":{"values":3}},"data":{},"damaged":{}}', "not in a shape"),
        "text.json": ("hello", "not valid JSON"),
        "big.json": ("[" + "0," * (3 * 1024 * 1024) + "0]", "too large"),
    }
    for name, (text, expected) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        page.set_input_files("[data-rs-import]", str(path))
        alert = page.locator(".rs-import-preview [role='alert']")
        alert.wait_for()
        assert expected in alert.inner_text()
    assert site_state(page) == before


def test_damaged_entry_is_reported_kept_and_harmless(visit) -> None:
    page = visit.open(GALLERY)
    page.evaluate(f"localStorage.setItem('reflective-supervision:/:entry:{REFLECTION}', '{{\"broken')")
    page.reload(wait_until="networkidle")
    enhanced(page, REFLECTION)
    assert "could not be read" in page.locator(f"{form_selector(REFLECTION)} [data-rs-alert]").inner_text()
    page.check(f"{form_selector(ASSESSMENT)} input[name$='-time-to-read'][value='1']")
    assert wait_saved(page, ASSESSMENT)["values"]["time-to-read"] == "1"
    assert page.evaluate(f"localStorage.getItem('reflective-supervision:/:corrupt:entry:{REFLECTION}')") == '{"broken'
    visit.open("my-learning/")
    assert "1 damaged" in page.locator("[data-rs-app]").inner_text()
    assert visit.console_errors == []


def test_full_storage_shows_a_clear_message_and_keeps_the_text(visit) -> None:
    visit.context.add_init_script("""
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    """)
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']", "Keep this")
    alert = page.locator(f"{form_selector(REFLECTION)} [data-rs-alert]")
    alert.filter(has_text="full").wait_for()
    assert "storage for this site is full" in alert.inner_text()
    assert page.input_value(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']") == "Keep this"


def test_blocked_storage_keeps_the_page_working(visit) -> None:
    visit.context.add_init_script("Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no', 'SecurityError'); }});")
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']", "Still here")
    page.locator(f"{form_selector(REFLECTION)} [data-rs-alert]").filter(has_text="not letting this site save").wait_for()
    assert "You have answered 1 of 3" in page.locator(f"{form_selector(REFLECTION)} [data-rs-summary]").inner_text()


def test_two_tabs_stay_in_step(visit) -> None:
    first = visit.open(GALLERY)
    enhanced(first, REFLECTION)
    second = visit.new_page()
    second.goto(visit.base_url + GALLERY, wait_until="networkidle")
    enhanced(second, REFLECTION)
    first.fill(f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']", "Typed in the first tab")
    second.wait_for_function(
        "(s) => document.querySelector(s).value === 'Typed in the first tab'",
        arg=f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']")
    assert "Updated from another tab" in second.locator(f"{form_selector(REFLECTION)} [data-rs-saved]").inner_text()


def test_shared_computer_mode_keeps_answers_only_for_the_tab(visit) -> None:
    page = visit.open("my-learning/")
    page.check("[data-rs-shared]")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(900)
    visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']", "Only for this tab")
    page.wait_for_function("() => Object.keys(sessionStorage).some((k) => k.includes(':entry:'))")
    assert site_state(page) == {}
    page.reload(wait_until="networkidle")
    enhanced(page, REFLECTION)
    assert page.input_value(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']") == "Only for this tab"
    other = visit.new_page()
    other.goto(visit.base_url + GALLERY, wait_until="networkidle")
    enhanced(other, REFLECTION)
    assert other.input_value(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']") == ""


def test_a_format_1_entry_is_restored_and_upgraded(visit) -> None:
    page = visit.open("")
    raw = FIXTURE_V1.read_text(encoding="utf-8").strip()
    page.evaluate("(raw) => localStorage.setItem('reflective-supervision:/:entry:example-reflection-default', raw)", raw)
    visit.open(GALLERY)
    enhanced(page, REFLECTION)
    assert page.input_value(f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']") == "Saved by the first version of the site."
    assert page.is_checked(f"{form_selector(REFLECTION)} input[value='steady']")
    stored = json.loads(site_state(page)["reflective-supervision:/:entry:example-reflection-default"])
    assert stored["format"] == 2 and stored["flagged"] is False


def test_progress_in_navigation_and_on_the_home_page(visit) -> None:
    page = visit.open("modules/implementing-good-supervision/")
    enhanced(page, "culture-change-reflection")
    page.fill(f"{form_selector('culture-change-reflection')} textarea >> nth=0", "A change that worked")
    wait_saved(page, "culture-change-reflection")
    visit.open("")
    bars = page.locator("[data-rs-progress] progress")
    assert bars.count() == 14
    item = page.locator(".rs-progress-item", has_text="Implementation of good supervision")
    assert "Started: 1 of 3 exercises answered" in item.inner_text()
    assert item.locator("progress").get_attribute("value") == "1"
    assert item.locator("progress").get_attribute("max") == "3"
    badge = page.locator(".md-nav--primary a.md-nav__link", has_text="Implementation of good supervision").locator(".rs-nav-badge")
    assert badge.text_content() == "Started"


def test_hostile_text_stays_inert_everywhere(visit, tmp_path) -> None:
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']", HOSTILE)
    page.check(f"{form_selector(REFLECTION)} [data-rs-flag]")
    page.fill(f"{form_selector(GOALS)} [data-rs-goal='g1'] textarea[data-rs-field='goal']", HOSTILE)
    page.fill(f"{form_selector(GOALS)} [data-rs-goal='g1'] input[data-rs-field='time_bound']", "2027-03-15")
    wait_saved(page, REFLECTION)
    wait_saved(page, GOALS)
    page.wait_for_timeout(600)

    def inert(where: str) -> None:
        assert page.evaluate("window.__pwned") is None, where
        assert page.locator("img[src='x']").count() == 0, where
        assert HOSTILE in page.locator("article, main").first.inner_text() or HOSTILE in page.content().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"'), where

    page.reload(wait_until="networkidle")
    enhanced(page, REFLECTION)
    assert page.evaluate("window.__pwned") is None and page.locator("img[src='x']").count() == 0
    page.emulate_media(media="print")
    assert HOSTILE in page.locator(f"{form_selector(REFLECTION)} [data-rs-print-for='what-stood-out']").inner_text()
    page.emulate_media(media="screen")
    for path in ("my-learning/", "agenda/"):
        visit.open(path)
        assert HOSTILE in page.locator("[data-rs-app]").inner_text(), path
        inert(path)
    visit.open("learning-record/")
    page.check(f"[data-rs-record-pick='{REFLECTION}']")
    page.fill(f"[data-rs-record-item='{REFLECTION}'] textarea[data-rs-record-field='learned']", HOSTILE)
    page.emulate_media(media="print")
    assert HOSTILE in page.locator(f"[data-rs-record-item='{REFLECTION}'] .rs-record-print").nth(1).inner_text()
    page.emulate_media(media="screen")
    inert("record")
    with page.expect_download() as download:
        page.click("[data-rs-action='markdown']")
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert "\\<img src=x onerror=\"window.\\_\\_pwned=1\"\\>" in markdown
    assert re.search(r"(?<!\\)[<>]", markdown) is None, "every < and > in user text is escaped"

    visit.open("my-learning/")
    with page.expect_download() as download:
        page.click("[data-rs-action='goal-calendar']")
    raw = Path(download.value.path()).read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
    calendar = Calendar.from_ical(raw)
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["SUMMARY"]) == f"Review my goal: {HOSTILE}"[:96] or str(event["SUMMARY"]).startswith("Review my goal: <img src=x")
    assert event["DTSTART"].dt.isoformat() == "2027-03-15"
    assert page.evaluate("window.__pwned") is None


def test_agenda_lists_flagged_items_and_clears_flags_on_request(visit) -> None:
    page = visit.open(GALLERY)
    answer_some(page)
    visit.open("agenda/")
    items = page.locator("[data-rs-agenda-item]")
    assert items.count() == 1 and "A calm start." in items.first.inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='clear-flags']")
    assert page.locator("[data-rs-agenda-item]").count() == 0
    stored = json.loads(site_state(page)[f"reflective-supervision:/:entry:{REFLECTION}"])
    assert stored["flagged"] is False and stored["values"]["what-stood-out"].startswith("A calm start.")


def test_profiles_over_time_side_by_side(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, ASSESSMENT)
    form = form_selector(ASSESSMENT)
    page.check(f"{form} input[name$='-time-to-read'][value='1']")
    page.select_option(f"{form} [data-rs-snapshot-label]", "Start of the supported year")
    page.click(f"{form} [data-rs-action='snapshot']")
    page.check(f"{form} input[name$='-time-to-read'][value='3']")
    page.select_option(f"{form} [data-rs-snapshot-label]", "End of the supported year")
    page.click(f"{form} [data-rs-action='snapshot']")
    page.wait_for_timeout(600)
    visit.open("my-learning/")
    table = page.locator(".rs-compare table")
    headers = table.locator("thead th").all_inner_texts()
    assert headers[1].startswith("Start of the supported year") and headers[2].startswith("End of the supported year")
    assert table.locator("tbody tr").first.inner_text().split("\t") == ["Learning", "1.0", "3.0"]
    assert page.locator(".rs-compare svg[role='img'] title").count() == 1


def test_hostile_text_in_every_field_of_every_kind_stays_inert(visit) -> None:
    page = visit.open(GALLERY)
    page.wait_for_function("() => [...document.querySelectorAll('[data-rs-widget]')].every((f) => f.dataset.rsMounted)")
    fields = page.locator("form[data-rs-widget] textarea[data-rs-field]:visible, form[data-rs-widget] input[type=text][data-rs-field]:visible")
    count = fields.count()
    assert count >= 20
    for index in range(count):
        fields.nth(index).fill(f"{HOSTILE} #{index}")
    for flag in page.locator("[data-rs-flag]").all():
        flag.check()
    page.wait_for_timeout(800)
    page.reload(wait_until="networkidle")
    page.wait_for_function("() => [...document.querySelectorAll('[data-rs-widget]')].every((f) => f.dataset.rsMounted)")
    restored = page.locator("form[data-rs-widget] textarea[data-rs-field]:visible, form[data-rs-widget] input[type=text][data-rs-field]:visible")
    assert sorted(restored.nth(i).input_value() for i in range(restored.count())) == sorted(f"{HOSTILE} #{i}" for i in range(count))
    page.emulate_media(media="print")
    assert page.evaluate("window.__pwned") is None
    page.emulate_media(media="screen")
    for path in ("my-learning/", "agenda/"):
        visit.open(path)
        text = page.locator("[data-rs-app]").inner_text()
        assert f"{HOSTILE} #0" in text and f"{HOSTILE} #{count - 1}" in text, path
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("[data-rs-app] img, [data-rs-app] script").count() == 0, path
