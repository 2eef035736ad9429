"""activity-timer in Chromium with a controlled clock: keyboard-operable controls, phase changes and their
announcements, catching up after a long gap (one announcement however many phases passed), a hidden tab
(chimes planned ahead on the audio clock; the display catches up when shown), the optional sound (off by
default), the no-JS plan and print."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.browser.kit import GALLERY, form_selector, open_at, printed_text, tab_to

EXERCISE = "example-activity-timer-default"
FORM = form_selector(EXERCISE)
MINUTE = 60_000

# A stand-in for Web Audio that records what the timer asks of it (no sound is played in tests): each note
# with the audio-clock time it is to sound at, and whether it was cancelled before then. Its clock follows the
# page's (controlled) clock in seconds from its creation, less `lag`, which stands for an audio clock that
# stood still while the computer slept.
FAKE_AUDIO = """
window.__audio = {contexts: 0, notes: [], lag: 0};
class FakeAudioContext {
  constructor() { window.__audio.contexts += 1; this.state = "running"; this.t0 = Date.now(); this.destination = {}; }
  get currentTime() { return (Date.now() - this.t0) / 1000 - window.__audio.lag; }
  resume() { return Promise.resolve(); }
  createGain() {
    const gain = { setValueAtTime() {}, exponentialRampToValueAtTime() {} };
    return { gain, connect: (node) => node, disconnect() {} };
  }
  createOscillator() {
    const note = { at: null, cancelled: false };
    return {
      type: "", frequency: { value: 0 }, connect: (node) => node, disconnect() {},
      start(at) { note.at = Math.round(at * 100) / 100; window.__audio.notes.push(note); },
      stop(at) { if (at === undefined) note.cancelled = true; },
    };
  }
}
window.AudioContext = FakeAudioContext;
"""

# Record every announcement made, in order.
RECORD_ANNOUNCEMENTS = """(form) => {
  window.__said = [];
  const live = document.querySelector(form + " [data-rs-announce]");
  new MutationObserver(() => live.textContent && window.__said.push(live.textContent))
    .observe(live, { childList: true, characterData: true, subtree: true });
}"""


def part(page: object, name: str) -> str:
    return page.locator(f"{FORM} [data-rs-{name}]").inner_text()


def chimes(page: object) -> list[float]:
    """Audio-clock times of the notes planned and not cancelled (a chime is two notes, 0.35 s apart)."""
    return page.evaluate("window.__audio.notes.filter((n) => !n.cancelled).map((n) => n.at)")


def announced(page: object) -> str:
    page.clock.run_for(100)  # announcements are set a moment after being cleared
    return page.locator(f"{FORM} [data-rs-announce]").text_content()


def open_timer(visit: object) -> object:
    visit.page.add_init_script(FAKE_AUDIO)
    visit.page.clock.install()
    page = open_at(visit, EXERCISE)
    page.wait_for_selector(f"{FORM} [data-rs-timer-panel]:not([hidden])")
    page.evaluate(RECORD_ANNOUNCEMENTS, FORM)
    # install() leaves the fake clock running at real speed; pause it so that only run_for and friends move
    # time, and a slow machine's pauses between calls never show up as an extra second on the display.
    page.clock.pause_at(datetime.fromtimestamp((page.evaluate("Date.now()") + 1_000) / 1000, tz=timezone.utc))
    return page


def test_phases_count_down_move_on_and_are_announced_with_keyboard_controls(visit) -> None:
    page = open_timer(visit)
    assert (part(page, "phase-name"), part(page, "clock"), part(page, "state")) == (
        "Phase 1 of 4: Presentation",
        "05:00",
        "Ready to start.",
    )
    assert page.locator(f"{FORM} [data-rs-clock]").get_attribute("role") == "timer"

    tab_to(page, f'{FORM} [data-rs-timer="toggle"]')
    page.keyboard.press("Enter")
    assert announced(page) == "Started. Phase 1 of 4: Presentation, 5 minutes."
    assert page.locator(f'{FORM} [data-rs-timer="toggle"]').inner_text() == "Pause"
    page.clock.run_for(1_000)
    assert part(page, "clock") == "04:59"
    assert page.locator(f"{FORM} [data-rs-phase='presentation']").get_attribute("aria-current") == "step"

    page.clock.run_for(3 * MINUTE)
    assert part(page, "clock") == "01:59"
    page.clock.run_for(MINUTE)
    assert announced(page) == "One minute left of Presentation."
    page.clock.run_for(MINUTE)  # 5:00 reached: the next phase starts by itself
    assert part(page, "phase-name") == "Phase 2 of 4: Clarifying questions"
    assert announced(page) == "Time is up for Presentation. Phase 2 of 4: Clarifying questions, 3 minutes."
    assert page.locator(f"{FORM} [data-rs-phase='questions']").get_attribute("aria-current") == "step"
    assert page.locator(f"{FORM} [data-rs-phase='presentation']").get_attribute("aria-current") is None
    assert part(page, "clock") in {"03:00", "02:59"}

    # Pause (focus is still on the same button), and time stands still.
    page.keyboard.press("Enter")
    clock = part(page, "clock")
    assert announced(page) == f"Paused with {clock} left of Clarifying questions."
    assert (part(page, "state"), page.locator(f'{FORM} [data-rs-timer="toggle"]').inner_text()) == ("Paused.", "Resume")
    page.clock.run_for(2 * MINUTE)
    assert part(page, "clock") == clock

    # Next phase, then Reset, with the keyboard.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.rsTimer") == "next"
    page.keyboard.press("Enter")
    assert part(page, "phase-name") == "Phase 3 of 4: Group discussion"
    assert part(page, "clock") == "08:00"
    assert announced(page) == "Phase 3 of 4: Group discussion, 8 minutes."
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert (part(page, "phase-name"), part(page, "clock"), part(page, "state")) == (
        "Phase 1 of 4: Presentation",
        "05:00",
        "Ready to start.",
    )
    assert announced(page) == "Reset. Phase 1 of 4: Presentation, 5 minutes."

    # Announcements came only at changes, never once a second.
    said = page.evaluate("window.__said")
    assert said == [
        "Started. Phase 1 of 4: Presentation, 5 minutes.",
        "One minute left of Presentation.",
        "Time is up for Presentation. Phase 2 of 4: Clarifying questions, 3 minutes.",
        f"Paused with {clock} left of Clarifying questions.",
        "Phase 3 of 4: Group discussion, 8 minutes.",
        "Reset. Phase 1 of 4: Presentation, 5 minutes.",
    ]


def test_after_a_long_gap_the_timer_catches_up_and_finishes(visit) -> None:
    page = open_timer(visit)
    page.click(f'{FORM} [data-rs-timer="toggle"]')
    page.clock.run_for(6 * MINUTE)
    assert part(page, "phase-name") == "Phase 2 of 4: Clarifying questions"
    assert part(page, "clock") in {"02:00", "01:59"}
    # A sleeping laptop: jump well past the end; the timer works out where it should be.
    page.clock.fast_forward("20:00")
    page.clock.run_for(1_000)
    assert (part(page, "phase-name"), part(page, "clock"), part(page, "state")) == (
        "All phases done",
        "00:00",
        "Time is up.",
    )
    # One announcement for the three phases that ended during the gap.
    assert announced(page) == "Time is up for 3 phases, the last Presenter reflects. All 4 phases are done."
    assert page.locator(f'{FORM} [data-rs-timer="toggle"]').inner_text() == "Start again"
    assert page.locator(f"{FORM} [aria-current]").count() == 0
    page.click(f'{FORM} [data-rs-timer="toggle"]')
    assert part(page, "phase-name") == "Phase 1 of 4: Presentation"
    assert announced(page) == "Started. Phase 1 of 4: Presentation, 5 minutes."


def test_when_several_phases_end_unseen_one_announcement_names_the_phase_now_and_how_many_ended(visit) -> None:
    page = open_timer(visit)
    page.click(f'{FORM} [data-rs-timer="toggle"]')
    page.clock.fast_forward("09:00")  # 5 + 3 minutes: two phases end while the laptop sleeps
    page.clock.run_for(1_000)
    assert part(page, "phase-name") == "Phase 3 of 4: Group discussion"
    assert (
        announced(page)
        == "Time is up for 2 phases, the last Clarifying questions. Phase 3 of 4: Group discussion, 8 minutes."
    )
    said = page.evaluate("window.__said")
    assert said[-1] == announced(page) and not any(line.startswith("Time is up for Presentation") for line in said)


def test_start_after_next_phase_from_ready_says_started_not_resumed(visit) -> None:
    page = open_timer(visit)
    page.click(f'{FORM} [data-rs-timer="next"]')
    assert (part(page, "phase-name"), part(page, "state")) == ("Phase 2 of 4: Clarifying questions", "Ready to start.")
    assert page.locator(f'{FORM} [data-rs-timer="toggle"]').inner_text() == "Start"
    page.click(f'{FORM} [data-rs-timer="toggle"]')
    assert announced(page) == "Started. Phase 2 of 4: Clarifying questions, 3 minutes."
    page.clock.run_for(30_000)
    page.click(f'{FORM} [data-rs-timer="toggle"]')  # pause, then resume: that one is "Resumed"
    page.click(f'{FORM} [data-rs-timer="toggle"]')
    assert announced(page) == "Resumed: Clarifying questions, 02:30 left."


def test_a_tab_shown_again_catches_up_at_once(visit) -> None:
    """A hidden tab's timers are slowed by the browser: when the tab is shown again the timer does not wait
    for its next tick to show where it should be."""
    page = open_timer(visit)
    page.click(f'{FORM} [data-rs-timer="toggle"]')
    now = page.evaluate("Date.now()")
    # Time passes and no timer runs, as in a hidden tab whose timers the browser has slowed down.
    page.clock.set_system_time(datetime.fromtimestamp((now + 6 * MINUTE) / 1000, tz=timezone.utc))
    assert part(page, "phase-name") == "Phase 1 of 4: Presentation"
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    assert part(page, "phase-name") == "Phase 2 of 4: Clarifying questions"
    assert part(page, "clock") in {"02:00", "01:59"}
    assert announced(page) == "Time is up for Presentation. Phase 2 of 4: Clarifying questions, 3 minutes."


def test_the_gentle_sound_is_off_until_chosen_needs_no_file_and_is_planned_ahead(visit) -> None:
    page = open_timer(visit)
    sound = page.locator(f"{FORM} [data-rs-timer-sound]")
    assert not sound.is_checked()
    page.click(f'{FORM} [data-rs-timer="toggle"]')
    page.clock.run_for(5 * MINUTE + 500)
    assert part(page, "phase-name") == "Phase 2 of 4: Clarifying questions"
    assert page.evaluate("window.__audio") == {"contexts": 0, "notes": [], "lag": 0}
    page.locator(f"label[for='ex-{EXERCISE}-sound']").click()
    assert sound.is_checked()
    assert page.evaluate("window.__audio.contexts") == 1
    # Chimes for the end of this phase and of each one after it are planned at once on the audio clock,
    # which keeps time in a hidden tab (where the page's own timers are slowed to once a minute).
    planned = chimes(page)
    assert planned == pytest.approx([179.5, 179.85, 659.5, 659.85, 899.5, 899.85], abs=1)
    page.clock.run_for(3 * MINUTE)
    assert part(page, "phase-name") == "Phase 3 of 4: Group discussion"
    assert chimes(page) == planned  # the planned chime sounded at the end of phase 2: nothing added or cancelled
    page.click(f'{FORM} [data-rs-timer="toggle"]')  # pause: the chimes still to come are cancelled
    assert chimes(page) == planned[:2]
    page.click(f'{FORM} [data-rs-timer="toggle"]')  # resume: planned again from now
    again = chimes(page)
    assert (
        len(again) == 6
        and again[2] == pytest.approx(659.5, abs=1.5)
        and again[4] - again[2] == pytest.approx(240, abs=0.01)
    )
    page.locator(f"label[for='ex-{EXERCISE}-sound']").click()  # sound off: nothing left planned
    assert chimes(page) == planned[:2]


def test_after_a_sleep_the_audio_clock_missed_one_chime_sounds_on_waking(visit) -> None:
    """A sleeping computer stops the audio clock too, so the planned chimes did not sound (and would sound
    late): they are planned again from now, and one chime marks the phases that ended."""
    page = open_timer(visit)
    page.locator(f"label[for='ex-{EXERCISE}-sound']").click()
    page.click(f'{FORM} [data-rs-timer="toggle"]')
    assert chimes(page)[::2] == pytest.approx([300, 480, 960, 1200], abs=1)
    page.clock.run_for(6 * MINUTE)
    page.evaluate("window.__audio.lag = 660")  # the audio clock stands still for the 11 minutes of sleep
    page.clock.fast_forward("11:00")
    page.clock.run_for(1_000)
    assert part(page, "phase-name") == "Phase 4 of 4: Presenter reflects"
    assert (
        announced(page)
        == "Time is up for 2 phases, the last Group discussion. Phase 4 of 4: Presenter reflects, 4 minutes."
    )
    heard = sorted(chimes(page))
    assert heard[:2] == pytest.approx([300, 300.35], abs=1)  # the end of phase 1, before the sleep
    assert len(heard) == 6 and heard[2] == pytest.approx(360, abs=2)  # one chime on waking...
    assert heard[4] - heard[2] == pytest.approx(180, abs=1.5)  # ...and the end of phase 4, planned again


def test_without_javascript_the_phases_read_as_a_printed_plan(no_js_visit) -> None:
    page = no_js_visit.open(GALLERY)
    form = page.locator(FORM)
    assert not form.locator("[data-rs-timer-panel]").is_visible()
    items = form.locator(".rs-activity-timer__item")
    assert items.count() == 4
    assert items.first.inner_text().startswith("0 to 5 min")
    text = printed_text(page, FORM)
    assert "4 phases, 20 minutes in all." in text
    assert "16 to 20 min" in text and "Presenter reflects" in text and "Nobody interrupts." in text
    assert "Next phase" not in text and "Play a gentle sound" not in text


def test_print_with_javascript_shows_the_plan_not_the_clock(visit) -> None:
    page = open_timer(visit)
    text = printed_text(page, FORM)
    assert "5 to 8 min" in text and "Clarifying questions" in text
    assert "Next phase" not in text and "05:00" not in text


def test_a_timer_never_counts_towards_module_progress(site_dir) -> None:
    import json

    html = (site_dir / "modules" / "managing-boundaries" / "index.html").read_text(encoding="utf-8")
    manifest = json.loads(
        html.split('<script type="application/json" id="rs-manifest">', 1)[1].split("</script>", 1)[0]
    )
    module = next(m for m in manifest["modules"] if m["title"] == "Managing boundaries in supervision")
    assert "desc-planner" in module["exercises"] and "desc-role-play" not in module["exercises"]
    assert 'data-rs-exercise="desc-role-play"' in html
