/**
 * Activity timer: count down each phase in turn, move on by itself when a phase ends, and announce each
 * new phase (politely, once per change, never every second). Start/Pause, Next phase and Reset are plain
 * buttons, so the keyboard works as usual. An optional gentle sound (Web Audio, no file, off by default)
 * marks the end of a phase. The timer keeps no answers and stores nothing.
 *
 * Time is measured against the clock (Date.now), not by counting ticks, so a busy or hidden tab never drifts.
 */

import { readConfig } from "../lib/exercise.js";
import { t, tn } from "../lib/strings.js";

const TICK_MS = 250;
const MINUTE_MS = 60 * 1000;

/** Format milliseconds left as m:ss, rounding up so 0:00 shows only at the very end. */
export function formatClock(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

/** What is announced when a phase begins ("Phase 1 of 4: Presentation, 5 minutes."). */
export function phaseText(phases, index) {
  const { label, minutes } = phases[index];
  const params = { number: index + 1, total: phases.length, label, minutes };
  return tn("timer_phase_announcement", minutes, params);
}

/** @param {HTMLFormElement} root */
export function mount(root) {
  const { phases } = readConfig(root);
  const panel = root.querySelector("[data-rs-timer-panel]");
  const nameLine = root.querySelector("[data-rs-phase-name]");
  const clock = root.querySelector("[data-rs-clock]");
  const stateLine = root.querySelector("[data-rs-state]");
  const toggle = root.querySelector('[data-rs-timer="toggle"]');
  const announcer = root.querySelector("[data-rs-announce]");
  const soundBox = root.querySelector("[data-rs-timer-sound]");
  const items = [...root.querySelectorAll("[data-rs-phase]")];
  const sound = gentleSound();

  let index = 0;
  let remaining = phases[0].minutes * MINUTE_MS;
  let endsAt = null; // set while running
  let timer = null;
  let finished = false;
  let warned = false;

  for (const element of root.querySelectorAll(".rs-js-only")) element.hidden = false;
  panel.hidden = false;

  const announce = (text) => {
    // Clear first so the same words are read again if they repeat.
    announcer.textContent = "";
    setTimeout(() => { announcer.textContent = text; }, 50);
  };

  const show = () => {
    const paused = remaining < phases[index].minutes * MINUTE_MS;
    nameLine.textContent = finished
      ? t("timer_all_phases_done")
      : t("timer_phase_name", { number: index + 1, total: phases.length, label: phases[index].label });
    clock.textContent = formatClock(finished ? 0 : remaining);
    stateLine.textContent = finished ? t("timer_state_time_up") : endsAt !== null ? t("timer_state_running") : paused ? t("timer_state_paused") : t("timer_state_ready");
    toggle.textContent = finished ? t("timer_start_again") : endsAt !== null ? t("timer_pause") : paused ? t("timer_resume") : t("timer_start");
    items.forEach((item, n) => {
      const current = !finished && n === index;
      item.classList.toggle("rs-activity-timer__item--current", current);
      item.classList.toggle("rs-activity-timer__item--done", finished || n < index);
      if (current) item.setAttribute("aria-current", "step");
      else item.removeAttribute("aria-current");
    });
  };

  const stopTicking = () => {
    clearInterval(timer);
    timer = null;
  };

  const begin = (n) => {
    index = n;
    remaining = phases[n].minutes * MINUTE_MS;
    warned = phases[n].minutes < 2;
    if (endsAt !== null) endsAt = Date.now() + remaining;
  };

  const tick = () => {
    if (endsAt === null) return;
    const now = Date.now();
    let ended = null;
    // Catch up phase by phase if the tab slept through more than one: each phase starts when the last ended.
    while (endsAt - now <= 0 && !finished) {
      ended = phases[index].label;
      if (index + 1 < phases.length) {
        index += 1;
        warned = phases[index].minutes < 2;
        endsAt += phases[index].minutes * MINUTE_MS;
      } else {
        finished = true;
      }
    }
    if (finished) {
      endsAt = null;
      remaining = 0;
      stopTicking();
    } else {
      remaining = endsAt - now;
    }
    if (ended !== null) {
      if (soundBox.checked) sound.play();
      announce(finished
        ? tn("timer_time_up_all_done", phases.length, { ended })
        : t("timer_time_up_next", { ended, phase: phaseText(phases, index) }));
    } else if (!warned && remaining <= MINUTE_MS) {
      warned = true;
      announce(t("timer_one_minute_left", { label: phases[index].label }));
    }
    show();
  };

  const start = () => {
    if (finished) reset(false);
    const fresh = index === 0 && remaining === phases[0].minutes * MINUTE_MS;
    endsAt = Date.now() + remaining;
    timer = setInterval(tick, TICK_MS);
    announce(fresh
      ? t("timer_started", { phase: phaseText(phases, 0) })
      : t("timer_resumed", { label: phases[index].label, time: formatClock(remaining) }));
    show();
  };

  const pause = () => {
    remaining = Math.max(0, endsAt - Date.now());
    endsAt = null;
    stopTicking();
    announce(t("timer_paused_announcement", { time: formatClock(remaining), label: phases[index].label }));
    show();
  };

  const reset = (say = true) => {
    stopTicking();
    endsAt = null;
    finished = false;
    begin(0);
    if (say) announce(t("timer_reset", { phase: phaseText(phases, 0) }));
    show();
  };

  const next = () => {
    if (finished) {
      announce(t("timer_already_done"));
      return;
    }
    if (index + 1 >= phases.length) {
      finished = true;
      endsAt = null;
      stopTicking();
      announce(tn("timer_all_done", phases.length));
    } else {
      begin(index + 1);
      announce(phaseText(phases, index));
    }
    show();
  };

  toggle.addEventListener("click", () => (endsAt === null ? start() : pause()));
  root.querySelector('[data-rs-timer="next"]').addEventListener("click", next);
  root.querySelector('[data-rs-timer="reset"]').addEventListener("click", () => reset());
  // Create the audio context on the click that asks for sound, as browsers require.
  soundBox.addEventListener("change", () => soundBox.checked && sound.prepare());
  show();
  return { tick };
}

/** A soft two-note chime made with an oscillator: no audio file, no request. */
function gentleSound() {
  let context = null;
  return {
    prepare() {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!context && Context) context = new Context();
      if (context && context.state === "suspended") context.resume();
    },
    play() {
      if (!context) return;
      const start = context.currentTime;
      [523.25, 659.25].forEach((frequency, n) => {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        const at = start + n * 0.35;
        oscillator.type = "sine";
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.12, at + 0.05);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.9);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(at);
        oscillator.stop(at + 1);
      });
    },
  };
}
