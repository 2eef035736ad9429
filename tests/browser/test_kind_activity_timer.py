"""activity-timer in Chromium with a controlled clock: keyboard-operable controls, phase changes and their
announcements, catching up after a long gap, the optional sound (off by default), the no-JS plan and print."""

from __future__ import annotations

from tests.browser.kit import GALLERY, form_selector, printed_text, tab_to

EXERCISE = "example-activity-timer-default"
FORM = form_selector(EXERCISE)
MINUTE = 60_000

# A stand-in for Web Audio that counts what the timer asks of it (no sound is played in tests).
FAKE_AUDIO = """
window.__audio = {contexts: 0, notes: 0};
class FakeAudioContext {
  constructor() { window.__audio.contexts += 1; this.state = "running"; this.currentTime = 0; this.destination = {}; }
  resume() { return Promise.resolve(); }
  createGain() { return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (node) => node }; }
  createOscillator() {
    return { type: "", frequency: { value: 0 }, connect: (node) => node, start() { window.__audio.notes += 1; }, stop() {} };
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


def announced(page: object) -> str:
    page.clock.run_for(100)  # announcements are set a moment after being cleared
    return page.locator(f"{FORM} [data-rs-announce]").text_content()


def open_timer(visit: object) -> object:
    visit.page.add_init_script(FAKE_AUDIO)
    visit.page.clock.install()
    page = visit.open(GALLERY)
    page.wait_for_selector(f"{FORM} [data-rs-timer-panel]:not([hidden])")
    page.evaluate(RECORD_ANNOUNCEMENTS, FORM)
    return page


def test_phases_count_down_move_on_and_are_announced_with_keyboard_controls(visit) -> None:
    page = open_timer(visit)
    assert (part(page, "phase-name"), part(page, "clock"), part(page, "state")) == ("Phase 1 of 4: Presentation", "05:00", "Ready to start.")
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
    assert (part(page, "phase-name"), part(page, "clock"), part(page, "state")) == ("Phase 1 of 4: Presentation", "05:00", "Ready to start.")
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
    assert (part(page, "phase-name"), part(page, "clock"), part(page, "state")) == ("All phases done", "00:00", "Time is up.")
    assert announced(page) == "Time is up for Presenter reflects. All 4 phases are done."
    assert page.locator(f'{FORM} [data-rs-timer="toggle"]').inner_text() == "Start again"
    assert page.locator(f"{FORM} [aria-current]").count() == 0
    page.click(f'{FORM} [data-rs-timer="toggle"]')
    assert part(page, "phase-name") == "Phase 1 of 4: Presentation"
    assert announced(page) == "Started. Phase 1 of 4: Presentation, 5 minutes."


def test_the_gentle_sound_is_off_until_chosen_and_needs_no_file(visit) -> None:
    page = open_timer(visit)
    sound = page.locator(f"{FORM} [data-rs-timer-sound]")
    assert not sound.is_checked()
    page.click(f'{FORM} [data-rs-timer="toggle"]')
    page.clock.run_for(5 * MINUTE + 500)
    assert part(page, "phase-name") == "Phase 2 of 4: Clarifying questions"
    assert page.evaluate("window.__audio") == {"contexts": 0, "notes": 0}
    page.locator(f"label[for='ex-{EXERCISE}-sound']").click()
    assert sound.is_checked()
    assert page.evaluate("window.__audio.contexts") == 1
    page.clock.run_for(3 * MINUTE)
    assert part(page, "phase-name") == "Phase 3 of 4: Group discussion"
    assert page.evaluate("window.__audio") == {"contexts": 1, "notes": 2}  # a soft two-note chime


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
    manifest = json.loads(html.split('<script type="application/json" id="rs-manifest">', 1)[1].split("</script>", 1)[0])
    module = next(m for m in manifest["modules"] if m["title"] == "Managing boundaries in supervision")
    assert "desc-planner" in module["exercises"] and "desc-role-play" not in module["exercises"]
    assert 'data-rs-exercise="desc-role-play"' in html
