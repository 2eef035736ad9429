"""My learning in Chromium: backup round trip, damaged and full stores, two tabs, shared computers,
progress, the agenda, the learning record, calendar files, and hostile text everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.kit import GALLERY, enhanced, form_selector, reload, tab_to, tick_shared, wait_all_saved, wait_saved
from tests.browser.seed import (
    PREFIX,
    REFLECTION,
    answered,
    seed,
    seed_answered,
    session_state,
    shared_setting_on,
    site_state,
)
from tests.conftest import Visit
from tests.helpers import registry_modules, serve, settled

ASSESSMENT = "example-self-assessment-default"
GOALS = "example-smart-goal-default"
HOSTILE = '<img src=x onerror="window.__pwned=1">"quoted", semi;colon\\ <script>window.__pwned=2</script>'
FIXTURE_V1 = Path(__file__).resolve().parent.parent / "js" / "fixtures" / "entry-format-1.json"


def test_export_delete_import_restores_exactly_the_same_state(visit, tmp_path) -> None:
    seed(visit, {**answered(), f"{PREFIX}entry:example-damaged": "{not json"})
    page = visit.open("my-learning/")
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
    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "docs" / "schemas" / "backup-v1.schema.json").read_text()
    )
    jsonschema.Draft202012Validator(schema).validate(backup)

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='delete-everything']")
    assert site_state(page) == {}
    page.set_input_files("[data-rs-import]", str(backup_path))
    preview = page.locator(".rs-import-preview")
    page.wait_for_function(
        "() => (document.querySelector('.rs-import-preview')?.innerText || '').includes('New here:')"
    )
    assert "New here:" in preview.inner_text() and "Looking back on a session" in preview.inner_text()
    page.click("[data-rs-action='import-merge']")
    assert site_state(page) == before

    # Replacing everything, in a browser whose store holds nothing of the site, restores the same state.
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='delete-everything']")
    assert site_state(page) == {}
    page.set_input_files("[data-rs-import]", str(backup_path))
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='import-replace']")
    assert site_state(page) == before


def test_bad_import_files_get_a_clear_message_and_change_nothing(visit, tmp_path) -> None:
    seed_answered(visit)
    page = visit.open("my-learning/")
    before = site_state(page)
    assert len(before) == 3
    cases = {
        "proto.json": (
            '{"format":"reflective-supervision-backup","version":1,"entries":{},"data":{},"damaged":{},"__proto__":{"x":1}}',
            "__proto__",
        ),
        "shape.json": (
            '{"format":"reflective-supervision-backup","version":1,"exported":"2026-01-01T00:00:00Z","site":{"name":"reflective-supervision","scope":"/"},'
            '"entries":{"a":{"values":3}},"data":{},"damaged":{}}',
            "not in a shape",
        ),
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
    seed(visit, {f"{PREFIX}entry:{REFLECTION}": '{"broken'})
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    assert "could not be read" in page.locator(f"{form_selector(REFLECTION)} [data-rs-alert]").inner_text()
    page.check(f"{form_selector(ASSESSMENT)} input[name$='-time-to-read'][value='1']")
    assert wait_saved(page, ASSESSMENT)["values"]["time-to-read"] == "1"
    assert page.evaluate(f"localStorage.getItem('reflective-supervision:/:corrupt:entry:{REFLECTION}')") == '{"broken'
    visit.open("my-learning/")
    assert "1 damaged" in page.locator("div[data-rs-app]").inner_text()
    # The key, read from storage, is isolated (U+2068 ... U+2069) from the words around it.
    assert page.locator("[data-rs-damaged-list] li").all_inner_texts() == [
        f"Damaged entry (\u2068entry:{REFLECTION}\u2069)"
    ]
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
    visit.context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no', 'SecurityError'); }});"
    )
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']", "Still here")
    page.locator(f"{form_selector(REFLECTION)} [data-rs-alert]").filter(
        has_text="not letting this site save"
    ).wait_for()
    assert "You have answered 1 of 3" in page.locator(f"{form_selector(REFLECTION)} [data-rs-summary]").inner_text()


COUNT_ENTRY_WRITES = """
  window.__entryWrites = 0;
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (String(key).includes(':entry:')) window.__entryWrites += 1;
    return setItem.call(this, key, value);
  };
"""


def test_typing_is_saved_once_it_pauses_not_on_every_key(visit) -> None:
    visit.context.add_init_script(COUNT_ENTRY_WRITES)
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    # Twenty key presses, one input event each, all before the pause that triggers a save (typed in one task, so a
    # busy machine cannot stretch the gaps between keys past that pause).
    page.evaluate(
        """([selector, text]) => {
            const field = document.querySelector(selector);
            field.focus();
            for (const key of text) {
                field.value += key;
                field.dispatchEvent(new InputEvent("input", { bubbles: true, data: key, inputType: "insertText" }));
            }
        }""",
        [f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']", "Twenty keys, typed.."],
    )
    stored = wait_saved(page, REFLECTION)
    assert stored["values"]["next-time"] == "Twenty keys, typed.."
    wait_all_saved(page)  # nothing is left waiting to be saved, so no later write can come
    assert 1 <= page.evaluate("window.__entryWrites") <= 2, "typing 20 characters should be saved in one or two writes"


def test_leaving_the_page_straight_after_typing_still_saves(visit) -> None:
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']", "Typed just before leaving")
    page.goto(visit.base_url + "my-learning/")  # at once: no wait for the pause that triggers a save
    stored = json.loads(site_state(page)[f"reflective-supervision:/:entry:{REFLECTION}"])
    assert stored["values"]["next-time"] == "Typed just before leaving"


def test_two_copies_on_one_domain_keep_separate_answers(browser, site_dir: Path, tmp_path: Path) -> None:
    """The same site hosted at / and at /council/ on one origin, so one localStorage: each copy keeps its own
    entries (keys carry the site's path), restores only its own answers and lists only its own on My learning."""
    root = tmp_path / "origin"
    root.mkdir()
    for child in site_dir.iterdir():
        (root / child.name).symlink_to(child)
    (root / "council").symlink_to(site_dir)
    field = f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']"
    copies = {"": "Answer at the root", "council/": "Answer in the council's copy"}
    at_root = entry(REFLECTION, values={"next-time": copies[""]}, readable=[{"label": "L", "text": copies[""]}])
    with serve(root) as origin:
        session = Visit(browser, origin, viewport={"width": 1280, "height": 900}, locale="en-GB")
        try:
            seed(session, {f"{PREFIX}entry:{REFLECTION}": at_root})
            page = session.open("council/" + GALLERY)
            enhanced(page, REFLECTION)
            assert page.input_value(field) == "", "the council's copy does not show the root's answer"
            page.fill(field, copies["council/"])
            wait_saved(page, REFLECTION)
            state = site_state(page)
            assert sorted(key for key in state if key.endswith(f":entry:{REFLECTION}")) == [
                f"reflective-supervision:/:entry:{REFLECTION}",
                f"reflective-supervision:/council/:entry:{REFLECTION}",
            ]
            assert state[f"{PREFIX}entry:{REFLECTION}"] == at_root, "the root's answer is untouched"
            for path, answer in copies.items():
                session.open(path + "my-learning/")
                text = page.locator("div[data-rs-app]").inner_text()
                assert [other for other in copies.values() if other in text] == [answer], path
            assert session.external == [] and session.console_errors == []
        finally:
            session.close()


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
    shared_setting_on(visit)
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    page.fill(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']", "Only for this tab")
    page.wait_for_function("() => Object.keys(sessionStorage).some((k) => k.includes(':entry:'))")
    assert site_state(page) == {}
    reload(page)
    enhanced(page, REFLECTION)
    assert page.input_value(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']") == "Only for this tab"
    other = visit.new_page()
    other.goto(visit.base_url + GALLERY, wait_until="networkidle")
    enhanced(other, REFLECTION)
    assert other.input_value(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']") == ""


def test_a_format_1_entry_is_restored_and_upgraded(visit) -> None:
    raw = FIXTURE_V1.read_text(encoding="utf-8").strip()
    seed(visit, {f"{PREFIX}entry:{REFLECTION}": raw})
    page = visit.open(GALLERY)
    enhanced(page, REFLECTION)
    assert (
        page.input_value(f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']")
        == "Saved by the first version of the site."
    )
    assert page.is_checked(f"{form_selector(REFLECTION)} input[value='steady']")
    stored = json.loads(site_state(page)["reflective-supervision:/:entry:example-reflection-default"])
    assert stored["format"] == 2 and stored["flagged"] is False


def answered_on(module: str, *exercises: str) -> dict[str, str]:
    """Saved answers to exercises of a module page, as its exercises write them (the entry names its page)."""
    return {
        f"{PREFIX}entry:{exercise}": entry(exercise, page=f"/modules/{module}/", values={"a": f"Answer to {exercise}"})
        for exercise in exercises
    }


def test_progress_in_navigation_and_on_the_home_page(visit) -> None:
    seed(visit, answered_on("implementing-good-supervision", "culture-change-reflection"))
    page = visit.open("")
    bars = page.locator("[data-rs-progress] progress")
    assert bars.count() == len(registry_modules())
    item = page.locator(".rs-progress-item", has_text="Implementation of good supervision")
    assert "Started: 1 of 3 exercises answered" in item.inner_text()
    assert item.locator("progress").get_attribute("value") == "1"
    assert item.locator("progress").get_attribute("max") == "3"
    link = page.locator(".md-nav--primary a.md-nav__link", has_text="Implementation of good supervision")
    assert link.locator(".rs-nav-badge > span[aria-hidden='true']").text_content() == "Started"
    # The badge is text, but the link's accessible name says the progress in full.
    page.evaluate(
        "() => document.querySelectorAll('.md-nav--primary input.md-nav__toggle').forEach((toggle) => { "
        "toggle.checked = true; })"
    )
    assert (
        'link "Implementation of good supervision (progress: Started, 1 of 3 exercises answered)"'
        in link.aria_snapshot()
    )
    assert link.locator("progress.rs-nav-badge__bar").get_attribute("value") == "1"


def test_opening_a_module_starts_it_and_answering_every_exercise_completes_it(visit) -> None:
    page = visit.open("modules/what-is-supervision/")  # opened, nothing answered
    visit.open("")
    item = page.locator(".rs-progress-item", has_text="What is supervision?")
    assert "Started: 0 of 4 exercises answered" in item.inner_text()
    seed(visit, answered_on("implementing-good-supervision", "culture-change-reflection", "supervision-smart-goals",
                            "implementing-good-supervision-journal"))
    visit.open("")
    item = page.locator(".rs-progress-item", has_text="Implementation of good supervision")
    assert "Complete: 3 of 3 exercises answered" in item.inner_text()
    assert item.locator("progress").get_attribute("value") == "3"
    link = page.locator(".md-nav--primary a.md-nav__link", has_text="Implementation of good supervision")
    assert link.locator(".rs-nav-badge > span[aria-hidden='true']").text_content() == "Complete"
    untouched = page.locator(".rs-progress-item", has_text="The seven-eyed model of supervision")
    assert "Not started" in untouched.inner_text() and untouched.locator("progress").get_attribute("value") == "0"


def test_goals_show_their_review_date_and_status(visit) -> None:
    goals = [
        {"id": "g1", "goal": "Open each session with a check-in", "status": "achieved", "time_bound": "2027-03-15"},
        {"id": "g2", "goal": "Bring one article a month", "status": "revised"},
    ]
    seed(visit, {f"{PREFIX}entry:{GOALS}": entry(GOALS, kind="smart-goal", values={"goals": goals})})
    page = visit.open("my-learning/")
    rows = page.locator(".rs-goals-table tbody tr")
    assert rows.count() == 2
    first, second = rows.nth(0).inner_text(), rows.nth(1).inner_text()
    assert "Open each session with a check-in" in first and "15 March 2027" in first and "Achieved" in first
    assert "Bring one article a month" in second and "No date yet" in second and "Revised" in second


def test_hostile_text_stays_inert_everywhere(visit, tmp_path) -> None:
    """Hostile text saved in a reflection (flagged) and a goal, on every page that shows saved answers and in
    the record's and the calendar's downloads. (The exercises themselves: the next test, every kind.)"""
    seed(visit, answered({"A calm start.\nThen a hard question.": HOSTILE, "Agree the agenda together": HOSTILE}))

    def inert(where: str) -> None:
        assert page.evaluate("window.__pwned") is None, where
        assert page.locator("img[src='x']").count() == 0, where
        assert HOSTILE in page.locator("article, main").first.inner_text() or HOSTILE in page.content().replace(
            "&lt;", "<"
        ).replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", '"'), where

    page = visit.open("my-learning/")
    assert HOSTILE in page.locator("div[data-rs-app]").inner_text()
    inert("my-learning/")
    with page.expect_download() as download:
        page.click("[data-rs-action='goal-calendar']")
    raw = Path(download.value.path()).read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
    calendar = Calendar.from_ical(raw)
    event = next(iter(calendar.walk("VEVENT")))
    # The summary carries the goal's first 80 characters, the description all of it, both as plain text.
    # Each is isolated (U+2068 ... U+2069) from the site's words around it.
    assert str(event["SUMMARY"]) == f"Review my goal: \u2068{HOSTILE[:80]}\u2069"
    assert str(event["DESCRIPTION"]) == f"\u2068{HOSTILE}\u2069"
    assert str(event["UID"]).endswith("@reflective-supervision") and event.get("DTSTAMP") is not None
    assert event["DTSTART"].dt.isoformat() == "2027-03-15"
    assert page.evaluate("window.__pwned") is None

    visit.open("agenda/")
    assert HOSTILE in page.locator("div[data-rs-app]").inner_text()
    inert("agenda/")
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
    assert "&lt;img src=x onerror=\"window.\\_\\_pwned=1\"&gt;" in markdown
    assert re.search(r"(?<!\\)[<>]", markdown) is None, "every < and > in user text is escaped"


def test_learning_record_text_boxes_carry_the_same_privacy_reminder_as_the_exercises(visit) -> None:
    seed_answered(visit)
    page = visit.open("learning-record/")
    # The reminder an exercise carries, as the exercise gallery (built by the macros) shows it.
    exercise_reminder = page.evaluate("""async (id) => {
        const html = await (await fetch('../authoring/exercise-kinds/')).text();
        const gallery = new DOMParser().parseFromString(html, 'text/html');
        return gallery.querySelector(`form[data-rs-exercise="${id}"] .rs-reminder`).textContent;
    }""", REFLECTION)
    assert page.locator("#rs-record-reminder").count() == 0  # nothing chosen yet: no text boxes, no reminder
    tab_to(page, f"[data-rs-record-pick='{REFLECTION}']")
    page.keyboard.press("Space")
    reminder = page.locator("#rs-record-reminder")
    assert reminder.is_visible()
    assert reminder.inner_text() == exercise_reminder
    assert reminder.inner_text().startswith(
        "Keep it anonymous. Do not include names or details that could identify anyone"
    )
    boxes = page.locator(f"[data-rs-record-item='{REFLECTION}'] textarea")
    assert boxes.count() == 3
    for box in boxes.all():
        assert "rs-record-reminder" in box.get_attribute("aria-describedby").split()
    # The reminder comes before the first box in reading order, and a screen reader hears it on each box.
    tab_to(page, f"[data-rs-record-item='{REFLECTION}'] textarea[data-rs-record-field='did']")
    described = page.evaluate("""() => document.activeElement.getAttribute('aria-describedby').split(' ')
        .map((id) => document.getElementById(id).textContent).join(' ')""")
    assert described == exercise_reminder
    assert page.evaluate("""() => Boolean(document.getElementById('rs-record-reminder')
        .compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING)""")


def test_agenda_lists_flagged_items_and_clears_flags_on_request(visit) -> None:
    seed_answered(visit)
    page = visit.open("agenda/")
    items = page.locator("[data-rs-agenda-item]")
    assert items.count() == 1 and "A calm start." in items.first.inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='clear-flags']")
    assert page.locator("[data-rs-agenda-item]").count() == 0
    stored = json.loads(site_state(page)[f"reflective-supervision:/:entry:{REFLECTION}"])
    assert stored["flagged"] is False and stored["values"]["what-stood-out"].startswith("A calm start.")


def test_clearing_agenda_flags_in_a_full_store_says_so_and_keeps_the_flags(visit) -> None:
    seed_answered(visit)
    page = visit.open("agenda/")
    page.evaluate(
        "() => { Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; }"
    )
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='clear-flags']")
    expect(page.locator("[data-rs-app] .rs-app__status")).to_contain_text("storage for this site is full")
    assert page.locator("[data-rs-agenda-item]").count() == 1
    assert json.loads(site_state(page)[f"reflective-supervision:/:entry:{REFLECTION}"])["flagged"] is True


def profiles(*labelled: tuple[str, int]) -> str:
    """The self-assessment's entry with a dated copy of its profile for each (label, Learning score) given."""
    copies = [
        {"taken": f"2026-0{month}-01T09:00:00.000Z", "label": label, "values": {"time-to-read": str(score)},
         "profile": [{"id": "learning", "title": "Learning", "average": score, "max": 3},
                     {"id": "support", "title": "Support", "average": None, "max": 3}]}
        for month, (label, score) in enumerate(labelled, start=1)
    ]
    return entry(ASSESSMENT, kind="self-assessment", flagged=False, snapshots=copies,
                 values={"time-to-read": copies[-1]["values"]["time-to-read"]})


def test_profiles_over_time_side_by_side(visit) -> None:
    seed(visit, {f"{PREFIX}entry:{ASSESSMENT}": profiles(("Start of the supported year", 1),
                                                          ("End of the supported year", 3))})
    page = visit.open("my-learning/")
    table = page.locator(".rs-compare table")
    headers = table.locator("thead th").all_inner_texts()
    assert headers[1].startswith("Start of the supported year") and headers[2].startswith("End of the supported year")
    assert table.locator("tbody tr").first.inner_text().split("\t") == ["Learning", "1.0", "3.0"]
    assert page.locator(".rs-compare svg[role='img'] title").count() == 1


def test_hostile_text_in_every_field_of_every_kind_stays_inert(visit) -> None:
    page = visit.open(GALLERY)
    fields = page.locator(
        "form[data-rs-widget] textarea[data-rs-field]:visible, form[data-rs-widget] "
        "input[type=text][data-rs-field]:visible"
    )
    count = fields.count()
    assert count >= 20
    for index in range(count):
        fields.nth(index).fill(f"{HOSTILE} #{index}")
    for flag in page.locator("[data-rs-flag]").all():
        flag.check()
    wait_all_saved(page)
    reload(page)
    restored = page.locator(
        "form[data-rs-widget] textarea[data-rs-field]:visible, form[data-rs-widget] "
        "input[type=text][data-rs-field]:visible"
    )
    assert sorted(restored.nth(i).input_value() for i in range(restored.count())) == sorted(
        f"{HOSTILE} #{i}" for i in range(count)
    )
    assert page.evaluate("window.__pwned") is None and page.locator("img[src='x']").count() == 0
    page.emulate_media(media="print")
    assert HOSTILE in page.locator(f"{form_selector(REFLECTION)} [data-rs-print-for='what-stood-out']").inner_text()
    assert page.evaluate("window.__pwned") is None
    page.emulate_media(media="screen")
    for path in ("my-learning/", "agenda/"):
        visit.open(path)
        text = page.locator("div[data-rs-app]").inner_text()
        assert f"{HOSTILE} #0" in text and f"{HOSTILE} #{count - 1}" in text, path
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("[data-rs-app] img, [data-rs-app] script").count() == 0, path


# ---------------------------------------------------------------------------------------------------------
# Saved state that is not what the site wrote, shared computers, failed imports, blocked storage, the record.

SAMPLES = Path(__file__).resolve().parents[1] / "js" / "fixtures" / "backups"


def entry(exercise: str, **fields) -> str:
    return json.dumps(
        {
            "format": 2,
            "kind": "reflection",
            "exercise": exercise,
            "title": f"Title of {exercise}",
            "page": "/authoring/exercise-kinds/",
            "updated": "2026-01-01T00:00:00.000Z",
            "values": {"a": "b"},
            "readable": [{"label": "L", "text": f"text of {exercise}"}],
            "flagged": True,
            "snapshots": [],
            **fields,
        }
    )


def test_wrong_shapes_in_storage_never_break_a_page(visit) -> None:
    page = seed(
        visit,
        {
            f"{PREFIX}entry:example-reflection-default": entry("example-reflection-default", readable=[None]),
            f"{PREFIX}entry:example-self-assessment-default": entry(
                "example-self-assessment-default", kind="self-assessment", snapshots=[None]
            ),
            f"{PREFIX}entry:example-checklist-default": entry(
                "example-checklist-default",
                snapshots=[{"taken": "2026-01-01T00:00:00Z", "label": "x", "values": {}, "profile": [None]}],
            ),
            f"{PREFIX}entry:example-smart-goal-default": entry(
                "example-smart-goal-default", page="javascript:window.__pwned=1;void 0;//"
            ),
            f"{PREFIX}entry:example-agreement-default": entry("example-agreement-default"),
            f"{PREFIX}data:visits": "null",
            f"{PREFIX}data:record": json.dumps({"items": [None]}),
        },
    )
    visit.open("my-learning/")
    app = page.locator("div[data-rs-app]")
    assert "text of example-agreement-default" in app.inner_text()
    assert "6 damaged" in page.locator("[data-rs-damaged]").inner_text()
    assert page.locator("a[href^='javascript' i]").count() == 0
    visit.open("agenda/")
    assert page.locator("[data-rs-agenda-item]").count() == 1
    assert "text of example-agreement-default" in page.locator("[data-rs-agenda-item]").inner_text()
    visit.open("learning-record/")
    page.locator("[data-rs-record-pick='example-agreement-default']").wait_for()
    visit.open("")
    page.locator("[data-rs-progress] h2").wait_for()
    visit.open(GALLERY)
    assert "could not be read" in page.locator(f"{form_selector(ASSESSMENT)} [data-rs-alert]").inner_text()
    # Every damaged value is still there, moved aside, for export.
    kept = site_state(page)
    assert kept[f"{PREFIX}corrupt:data:visits"] == "null"
    assert f"{PREFIX}corrupt:entry:example-self-assessment-default" in kept
    assert page.evaluate("window.__pwned") is None
    assert visit.console_errors == []


def test_a_valid_sample_backup_imports_and_every_page_shows_it(visit) -> None:
    page = visit.open("my-learning/")
    page.set_input_files("[data-rs-import]", str(SAMPLES / "valid" / "full.json"))
    page.click("[data-rs-action='import-merge']")
    assert "Backup added" in page.locator("[role='status']").first.inner_text()
    assert "1 damaged and 1 from a newer version" in page.locator("[data-rs-damaged]").inner_text()
    link = page.locator("[data-rs-saved-entry='example-reflection-default'] h4 a")
    assert link.get_attribute("href") == visit.base_url + "authoring/exercise-kinds/#ex-example-reflection-default"
    assert visit.console_errors == []


def test_the_import_preview_says_what_is_kept_aside_and_the_answer_here_stays(visit) -> None:
    """A backup whose damaged part holds a later copy of an answered exercise, and a file that is not UTF-8."""
    page = visit.open("my-learning/")
    page.evaluate("""() => localStorage.setItem(
      'reflective-supervision:/:entry:example-reflection-default', JSON.stringify({
      format: 2, exercise: 'example-reflection-default', title: 'Looking back on a session',
      updated: '2026-12-01T09:00:00.000Z',
      values: {'what-stood-out': 'My real answer'}}))""")
    mine = site_state(page)[f"{PREFIX}entry:{REFLECTION}"]
    page.set_input_files("[data-rs-import]", str(SAMPLES / "undecodable" / "latin-1-title.json"))
    alert = page.locator(".rs-import-preview [role='alert']")
    alert.wait_for()
    assert "not valid UTF-8" in alert.inner_text() and "Nothing was imported" in alert.inner_text()
    page.set_input_files("[data-rs-import]", str(SAMPLES / "kept-aside" / "damaged-newer-copy.json"))
    preview = page.locator(".rs-import-preview")
    preview.locator("[data-rs-action='import-merge']").wait_for()
    text = preview.inner_text()
    assert "Kept aside, untouched" in text
    assert "Looking back on a session: damaged in the backup, so it cannot be read" in text
    assert "keeps the backup's version" not in text
    page.click("[data-rs-action='import-merge']")
    state = site_state(page)
    assert state[f"{PREFIX}entry:{REFLECTION}"] == mine
    assert f"{PREFIX}corrupt:entry:{REFLECTION}" in state
    assert visit.console_errors == []


def test_delete_everything_in_shared_mode_keeps_the_setting(visit) -> None:
    shared_setting_on(visit)
    seed(visit, answered({"A calm start.\nThen a hard question.": "In the tab"}), "sessionStorage")
    page = visit.open("my-learning/")
    assert "In the tab" in page.locator("div[data-rs-app]").inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='delete-everything']")
    assert "stays on" in page.locator("[role='status']").first.inner_text()
    assert page.is_checked("[data-rs-shared]")
    assert [k for k in session_state(page) if k.startswith(PREFIX)] == []
    visit.open(GALLERY)
    enhanced(page, REFLECTION)
    assert page.input_value(f"{form_selector(REFLECTION)} textarea[data-rs-field='what-stood-out']") == ""
    note = page.locator(f"{form_selector(REFLECTION)} [data-rs-mode-note]")
    assert "kept only until you close this tab" in note.inner_text()
    page.fill(f"{form_selector(REFLECTION)} textarea[data-rs-field='next-time']", "Typed after deleting")
    page.wait_for_function("() => Object.keys(sessionStorage).some((k) => k.includes(':entry:'))")
    assert site_state(page) == {}, "answers still go to the tab only"


def test_replace_import_in_shared_mode_keeps_the_setting_and_shows_the_answers(visit) -> None:
    shared_setting_on(visit)
    tab = visit.open("my-learning/")
    tab.set_input_files("[data-rs-import]", str(SAMPLES / "valid" / "full.json"))
    tab.locator("[data-rs-action='import-replace']").wait_for()  # the file is read asynchronously
    assert "kept only until you close this tab" in tab.locator(".rs-import-preview").inner_text()
    tab.once("dialog", lambda dialog: dialog.accept())
    tab.click("[data-rs-action='import-replace']")
    visit.open("my-learning/")
    assert tab.is_checked("[data-rs-shared]")
    assert "A calm start." in tab.locator("div[data-rs-app]").inner_text()
    assert site_state(tab) == {}
    assert any(k.startswith(f"{PREFIX}entry:") for k in session_state(tab))


def test_switching_shared_mode_on_says_what_happens_and_off_offers_keep_or_discard(visit) -> None:
    """The setting's switch on My learning. (What the exercises do in shared mode: the tests before, and
    tests/browser/test_shared_computer.py.)"""
    key = f"{PREFIX}entry:{REFLECTION}"

    def answer(text: str) -> str:
        return answered({"A calm start.\nThen a hard question.": text})[key]

    def saved_text() -> str:
        return json.loads(site_state(page)[key])["values"]["what-stood-out"]

    seed(visit, {key: answer("Saved before")})
    page = visit.open("my-learning/")
    page.check("[data-rs-shared]")
    choice = page.locator("[data-rs-shared-choice]")
    assert "does not delete them" in choice.inner_text() and "anyone who uses it can see them" in choice.inner_text()
    page.click("[data-rs-action='shared-cancel']")
    assert not page.is_checked("[data-rs-shared]")
    # What an exercise keeps for this tab (sessionStorage) in shared mode, there when the page reloads.
    seed(visit, {key: answer("Typed on the shared computer")}, "sessionStorage")
    tick_shared(page)
    assert "not shown in this tab" in page.locator("[data-rs-shared-hidden]").inner_text()

    # Switching off and keeping this tab's answers.
    page.uncheck("[data-rs-shared]")
    assert (
        "Keeping them replaces what was saved earlier in this browser for: Looking back on a session"
        in choice.inner_text()
    )
    with page.expect_navigation():
        page.click("[data-rs-action='shared-keep']")
    page.wait_for_load_state("networkidle")
    settled(page)
    assert not page.is_checked("[data-rs-shared]")
    assert [k for k in session_state(page) if k.startswith(PREFIX)] == []
    assert saved_text() == "Typed on the shared computer"

    # Again, discarding this time: what was saved in the browser is untouched.
    seed(visit, {key: answer("Throw this away")}, "sessionStorage")
    tick_shared(page)
    page.uncheck("[data-rs-shared]")
    with page.expect_navigation():
        page.click("[data-rs-action='shared-discard']")
    page.wait_for_load_state("networkidle")
    settled(page)
    assert not page.is_checked("[data-rs-shared]")
    assert [k for k in session_state(page) if k.startswith(PREFIX)] == []
    assert saved_text() == "Typed on the shared computer"


def test_a_replace_refused_half_way_is_undone_with_an_import_message(visit, tmp_path) -> None:
    seed_answered(visit)
    page = visit.open("my-learning/")
    before = site_state(page)
    backup = json.loads((SAMPLES / "valid" / "full.json").read_text(encoding="utf-8"))
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    page.set_input_files("[data-rs-import]", str(path))
    page.locator("[data-rs-action='import-replace']").wait_for()
    # The third write is refused, as when storage fills up: what was written is undone and the rest put back.
    page.evaluate("""() => {
      const setItem = Storage.prototype.setItem;
      window.__refuse = (from, to) => { window.__writes = 0; window.__range = [from, to]; };
      window.__refuse(3, 3);
      Storage.prototype.setItem = function (key, value) {
        window.__writes += 1;
        if (window.__writes >= window.__range[0] && window.__writes <= window.__range[1]) {
          throw new DOMException('full', 'QuotaExceededError');
        }
        return setItem.call(this, key, value);
      };
    }""")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='import-replace']")
    alert = page.locator("[data-rs-import-failed]")
    alert.wait_for()
    assert "The backup was not imported" in alert.inner_text() and "full" in alert.inner_text()
    assert "Nothing was changed" in alert.inner_text()
    assert page.locator("[data-rs-action='download-previous']").count() == 0
    assert site_state(page) == before

    # Every write after the second refused (as the reviewer's browser did): only new keys had been written, so
    # removing them puts everything back.
    page.set_input_files("[data-rs-import]", str(path))
    page.locator("[data-rs-action='import-replace']").wait_for()
    page.evaluate("() => window.__refuse(3, 1e9)")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='import-replace']")
    page.locator("[data-rs-import-failed]").wait_for()
    assert site_state(page) == before

    # Refused only after a changed entry was written, and refused again when putting it back: the earlier state
    # is offered as a file to download.
    incoming = (
        {f"{PREFIX}entry:{key}" for key in backup["entries"]}
        | {f"{PREFIX}data:{key}" for key in backup["data"]}
        | {f"{PREFIX}{key}" for key in backup["damaged"]}
    )
    fresh = len(incoming - set(before))
    page.set_input_files("[data-rs-import]", str(path))
    page.locator("[data-rs-action='import-replace']").wait_for()
    page.evaluate("(from) => window.__refuse(from, 1e9)", fresh + 2)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-rs-action='import-replace']")
    with page.expect_download() as download:
        page.click("[data-rs-action='download-previous']")
    rescued = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert set(rescued["entries"]) == {k.split(":entry:")[1] for k in before if ":entry:" in k}


def test_blocked_storage_is_reported_on_every_page(visit) -> None:
    visit.context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no', 'SecurityError'); }});"
    )
    for path, where in (
        ("my-learning/", "div[data-rs-app]"),
        ("agenda/", "div[data-rs-app]"),
        ("learning-record/", "div[data-rs-app]"),
        ("", "[data-rs-progress]"),
    ):
        page = visit.open(path)
        page.locator(where).filter(has_text="not letting this site save").wait_for()
        assert "Nothing saved" not in page.locator(where).inner_text(), path
        assert "not started" not in page.locator(where).inner_text(), path


def test_a_goal_date_that_is_not_a_real_day_gets_a_message(visit) -> None:
    page = seed(visit, {f"{PREFIX}entry:{GOALS}": entry(GOALS, kind="smart-goal", values={"goals": [
        {"id": "g1", "goal": "Bad date goal", "time_bound": "2027-13-45"},
        {"id": "g2", "goal": "Good date goal", "time_bound": "2027-03-15"}]})})
    visit.open("my-learning/")
    rows = page.locator(".rs-goals-table tbody tr")
    assert "is not a real date" in rows.nth(0).inner_text() and "2027-13-45" in rows.nth(0).inner_text()
    assert rows.nth(0).locator("[data-rs-action='goal-calendar']").count() == 0
    assert rows.nth(1).locator("[data-rs-action='goal-calendar']").count() == 1
    assert visit.console_errors == []


def test_the_comparison_chart_reads_on_a_phone(browser, base_url) -> None:
    phone = Visit(
        browser, base_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="en-GB"
    )
    try:
        labels = ["Start of the supported year", "Middle of the supported year", "End of the supported year"]
        goals = {"goals": [{"id": "g1", "goal": "Agree the agenda together with my supervisor"}]}
        seed(phone, {f"{PREFIX}entry:{ASSESSMENT}": profiles(*zip(labels, [1, 2, 3], strict=True)),
                     f"{PREFIX}entry:{GOALS}": entry(GOALS, kind="smart-goal", values=goals)})
        page = phone.open("my-learning/")
        chart = page.locator(".rs-compare svg")
        # Each copy's name is isolated (U+2068 ... U+2069): no element fits inside an SVG text.
        names = [
            name
            for name in chart.locator(".rs-compare__label").all_text_contents()
            if name.strip("\u2068\u2069") in labels
        ]
        assert names == [f"\u2068{label}\u2069" for label in labels] * 2
        fills = chart.evaluate(
            "(svg) => [0, 1, 2].map((n) => getComputedStyle(svg.querySelector(`.rs-compare__bar--${n}`)).fill)"
        )
        assert len(set(fills)) == 3 and sum("url(" in fill for fill in fills) == 2, fills
        size = chart.evaluate("(svg) => svg.querySelector('.rs-compare__label').getBoundingClientRect().height")
        assert size >= 11, f"chart text is {size}px high on a phone"
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
        goal = page.locator(".rs-goals-table tbody td").first
        assert goal.evaluate("(td) => td.getBoundingClientRect().width") >= 120
    finally:
        phone.close()


def test_the_record_prints_as_a_document(visit) -> None:
    seed_answered(visit)
    page = visit.open("learning-record/")
    page.check(f"[data-rs-record-pick='{REFLECTION}']")
    page.fill(f"[data-rs-record-item='{REFLECTION}'] textarea[data-rs-record-field='did']", "Took it to supervision")
    page.emulate_media(media="print")
    assert not page.locator("fieldset.rs-record-picker").is_visible()
    item = page.locator(f"[data-rs-record-item='{REFLECTION}']")
    printed = item.inner_text()
    assert "A calm start." in printed, "the answers print opened out"
    assert "Took it to supervision" in printed
    assert printed.count("(not written yet)") == 2
    blank = item.locator(".rs-record-print--blank").first
    assert blank.evaluate("(el) => getComputedStyle(el).borderTopStyle") == "none"
    page.emulate_media(media="screen")


def test_the_record_follows_changes_from_another_tab(visit) -> None:
    seed_answered(visit)
    page = visit.open("learning-record/")
    page.check(f"[data-rs-record-pick='{REFLECTION}']")
    other = visit.new_page()
    other.goto(visit.base_url + "learning-record/", wait_until="networkidle")
    field = f"[data-rs-record-item='{REFLECTION}'] textarea[data-rs-record-field='did']"
    page.fill(field, "Newer text from the first tab")
    other.wait_for_function("(s) => document.querySelector(s)?.value === 'Newer text from the first tab'", arg=field)
    other.fill(
        f"[data-rs-record-item='{REFLECTION}'] textarea[data-rs-record-field='learned']", "Learned in the second tab"
    )
    page.wait_for_function(
        "(s) => document.querySelector(s).value === 'Learned in the second tab'",
        arg=f"[data-rs-record-item='{REFLECTION}'] textarea[data-rs-record-field='learned']")
    record = json.loads(site_state(page)[f"{PREFIX}data:record"])
    assert record["items"][0]["did"] == "Newer text from the first tab"
    assert record["items"][0]["learned"] == "Learned in the second tab"


def test_the_markdown_download_keeps_every_line_as_text(visit) -> None:
    markdown_lib = pytest.importorskip("markdown")
    mistune = pytest.importorskip("mistune")
    import html as html_lib
    tricky = [
        "# not a heading",
        "~~~",
        "code?",
        "---",
        "===",
        "1. not a list",
        "+ plus",
        "- minus",
        "> not a quote",
        "    indented",
        "| a | b |",
        "&amp; stays as typed",
        "<b>not bold</b>",
        "[x]: https://example.org",
        "*not em*",
    ]
    seed_answered(visit)
    page = visit.open("learning-record/")
    page.check(f"[data-rs-record-pick='{REFLECTION}']")
    page.fill(f"[data-rs-record-item='{REFLECTION}'] textarea[data-rs-record-field='did']", "\n".join(tricky))
    page.fill(
        f"[data-rs-record-item='{REFLECTION}'] textarea[data-rs-record-field='learned']", "After the tricky lines"
    )
    with page.expect_download() as download:
        page.click("[data-rs-action='markdown']")
    source = Path(download.value.path()).read_text(encoding="utf-8")
    renderers = {
        "Python-Markdown": lambda text: markdown_lib.markdown(text, extensions=["tables", "fenced_code", "def_list"]),
        "mistune": mistune.create_markdown(escape=False, plugins=["table", "strikethrough", "def_list"]),
    }
    for name, render in renderers.items():
        rendered = render(source)
        tags = set(re.findall(r"<([a-z0-9]+)", rendered))
        assert tags <= {"h1", "h2", "h3", "p", "br"}, (name, tags)
        assert len(re.findall(r"<h3>", rendered)) == 3, name
        text = html_lib.unescape(re.sub(r"<[^>]+>", "\n", rendered))
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        # Every line reads back as typed, isolated (U+2068 ... U+2069) from the record's own words.
        for line in tricky:
            assert f"\u2068{line.strip()}\u2069" in lines, (name, line)
        assert "\u2068After the tricky lines\u2069" in lines, name


def test_a_damaged_learning_record_says_so_and_adding_to_the_record_keeps_it(visit) -> None:
    damaged = '{"items": "not a list"'
    page = seed(visit, {f"{PREFIX}entry:example-agreement-default": entry("example-agreement-default"),
                        f"{PREFIX}data:record": damaged})
    visit.open("learning-record/")
    notice = page.locator("[data-rs-record-damaged='kept']")
    text = notice.inner_text()
    assert "damaged" in text and "kept" in text and "backup" in text, text
    page.check("[data-rs-record-pick='example-agreement-default']")
    expect(page.locator("[data-rs-app] .rs-app__status")).to_have_text("Saved in this browser on this device.")
    state = site_state(page)
    assert state[f"{PREFIX}corrupt:data:record"] == damaged, "the damaged copy is kept, not written over"
    record = json.loads(state[f"{PREFIX}data:record"])
    assert [item["exercise"] for item in record["items"]] == ["example-agreement-default"]
    reload(page)
    assert page.locator("[data-rs-record-damaged='kept']").is_visible()
    assert page.locator("[data-rs-record-item='example-agreement-default']").count() == 1


def test_a_damaged_record_that_cannot_be_moved_aside_is_never_saved_over(visit) -> None:
    damaged = "{not json"
    page = seed(visit, {f"{PREFIX}entry:example-agreement-default": entry("example-agreement-default"),
                        f"{PREFIX}data:record": damaged})
    # A full store: the damaged record cannot be copied aside, so it stays where it is.
    visit.context.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    visit.open("learning-record/")
    assert "could not be moved aside" in page.locator("[data-rs-record-damaged='stuck']").inner_text()
    page.click("[data-rs-record-pick='example-agreement-default']")
    expect(page.locator("[data-rs-app] .rs-app__status")).to_contain_text("Nothing was overwritten")
    assert site_state(page)[f"{PREFIX}data:record"] == damaged
    assert not page.is_checked("[data-rs-record-pick='example-agreement-default']"), "the page shows what is saved"


RLO_TITLE = "\u202eevil title"


def isolated(page, selector: str, text: str = RLO_TITLE) -> bool:
    """Is `text`, inside the first element `selector` finds, set in a <bdi> of its own (a bidi isolate)?"""
    return page.locator(selector).first.evaluate("""(element, text) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.data === text) return node.parentElement.localName === 'bdi'
                && getComputedStyle(node.parentElement).unicodeBidi === 'isolate';
        }
        return false;
    }""", text)


def test_a_right_to_left_override_in_imported_text_is_isolated_on_every_page(visit) -> None:
    snapshot = {"taken": "2026-01-01T00:00:00Z", "label": "\u202esnap", "values": {},
                "profile": [{"id": "d1", "title": "\u202edimension", "average": 2, "max": 4}]}
    page = seed(
        visit,
        {
            f"{PREFIX}entry:example-agreement-default": entry(
                "example-agreement-default",
                title=RLO_TITLE,
                readable=[{"label": "\u202elabel", "text": "\u202eanswer"}],
            ),
            f"{PREFIX}entry:example-self-assessment-default": entry(
                "example-self-assessment-default", kind="self-assessment", title=RLO_TITLE, snapshots=[snapshot]
            ),
            f"{PREFIX}entry:example-smart-goal-default": entry(
                "example-smart-goal-default",
                kind="smart-goal",
                values={"goals": [{"id": "g1", "goal": RLO_TITLE, "time_bound": "20271-04-05"}]},
            ),
        },
    )
    visit.open("my-learning/")
    saved = "[data-rs-saved-entry='example-agreement-default']"
    for selector, text in (
        (f"{saved} h4", RLO_TITLE),
        (f"{saved} dt", "\u202elabel"),
        (f"{saved} dd", "\u202eanswer"),
        (".rs-compare h3", RLO_TITLE),
        (".rs-compare caption", RLO_TITLE),
        (".rs-compare thead th:nth-child(2)", "\u202esnap"),
        (".rs-compare tbody th", "\u202edimension"),
        (".rs-goals-table tbody td:first-child", RLO_TITLE),
        (".rs-goals-table [data-rs-bad-date]", "20271-04-05"),
    ):
        assert isolated(page, selector, text), selector
    # In an SVG title or an attribute no element fits: the text carries U+2068 ... U+2069 around it.
    assert "\u2068\u202eevil title\u2069" in page.locator(".rs-compare svg title").text_content()
    visit.open("agenda/")
    assert isolated(page, "[data-rs-agenda-item='example-agreement-default'] h2")
    visit.open("learning-record/")
    assert isolated(page, "label[for='rs-record-example-agreement-default']")
    page.check("[data-rs-record-pick='example-agreement-default']")
    assert isolated(page, "[data-rs-record-item='example-agreement-default'] h2")
    assert visit.console_errors == []


def test_progress_a_shared_exercise_answered_in_one_module_does_not_start_the_other(visit) -> None:
    shared = "developmental-level-reflection"  # on Supervision models and on Support needs of supervisors
    page = seed(visit, answered_on("supervision-models", shared))
    visit.open("")
    here = page.locator(".rs-progress-item", has_text="Supervision models").inner_text()
    other = page.locator(".rs-progress-item", has_text="Support needs of supervisors").inner_text()
    assert here.startswith("Supervision models") and "Started: 1 of" in here
    assert "Not started: 1 of" in other  # the answer counts towards it, but it was never opened
    link = page.locator(".md-nav--primary a.md-nav__link", has_text="Support needs of supervisors")
    assert link.locator(".rs-nav-badge").count() == 0


def test_progress_path_start_continue_and_next_follow_the_learner(visit) -> None:
    page = visit.open("")
    actions = page.locator("[data-rs-path-actions]")
    start = actions.locator("[data-rs-path-link='start']")
    assert start.inner_text() == "Start here: What is supervision?"
    assert start.get_attribute("href") == "modules/what-is-supervision/"
    visit.open("modules/what-is-supervision/")
    assert actions.locator("[data-rs-path-link='next']").inner_text() == "Next on your path: Supervision in context"
    assert "Step 1 of" in actions.inner_text()
    enhanced(page, "working-definition")  # answering it also saves the place, which "Continue" goes back to
    page.fill(f"{form_selector('working-definition')} textarea >> nth=0", "A space to think")
    wait_saved(page, "working-definition")
    visit.open("")
    resume = actions.locator("[data-rs-path-link='continue']")
    assert resume.inner_text().startswith("Continue where you left off: “")
    assert resume.inner_text().endswith("” in What is supervision?")
    assert resume.get_attribute("href").endswith("modules/what-is-supervision/#ex-working-definition")
    assert actions.locator("[data-rs-path-link='start']").count() == 0
    assert actions.locator("[data-rs-path-link='next']").inner_text() == "Next on your path: Supervision in context"
    # A supervisor follows the supervisor path.
    page.evaluate(
        "() => { const key = Object.keys(localStorage).find((k) => k.endsWith(':data:visits'));"
        " localStorage.setItem(key.replace(/visits$/, 'preferences'), JSON.stringify({ role: 'supervisor' })); }"
    )
    visit.open("")
    assert actions.locator("[data-rs-path-link='next']").inner_text() == "Next on your path: Supervision models"
    assert page.locator("ol.rs-path--yours").get_attribute("data-rs-path") == "supervisor"


def test_import_files_of_the_wrong_shape_are_refused(visit) -> None:
    page = visit.open("my-learning/")
    alert = page.locator(".rs-import-preview [role='alert']")
    for sample in ("readable-null", "snapshots-null", "snapshot-profile-null", "record-null", "record-items-null",
                   "visits-null", "page-javascript", "page-other-host", "snapshot-average-huge"):
        # Choosing a file empties the preview at once, so the alert waited for is this file's.
        page.set_input_files("[data-rs-import]", str(SAMPLES / "invalid" / f"{sample}.json"))
        alert.wait_for()
        assert "Nothing was imported" in alert.inner_text(), sample
        assert page.locator("[data-rs-action='import-merge']").count() == 0, sample
    assert site_state(page) == {}
