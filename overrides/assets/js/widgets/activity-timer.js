/**
 * Activity timer: count down each phase in turn, move on by itself when a phase ends, and announce each
 * new phase (politely, once per change, never every second). Start/Pause, Next phase and Reset are plain
 * buttons, so the keyboard works as usual. An optional gentle sound (Web Audio, no file, off by default)
 * marks the end of a phase. The timer keeps no answers and stores nothing.
 *
 * Time is measured against the clock (Date.now), not by counting ticks, so a busy or hidden tab never drifts.
 * A hidden tab's timers run late (browsers slow them to once a minute), so while the timer runs with sound
 * on, the chime for each phase end still to come is scheduled ahead on the Web Audio clock, which keeps
 * time in a hidden tab; and the display catches up as soon as the tab is shown again. If the audio clock
 * stood still too (the computer slept), the chimes are planned again and one chime sounds on waking.
 * After such a gap, one announcement names the current phase and says how many phases ended.
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

  // Schedule the chimes for the end of the current phase and each one after it (or cancel them all when
  // the timer is not running with sound on).
  const planChimes = () => {
    if (endsAt === null || finished || !soundBox.checked) {
      sound.cancel();
      return;
    }
    const offsets = [];
    let at = endsAt - Date.now();
    for (let n = index; n < phases.length; n += 1) {
      if (n > index) at += phases[n].minutes * MINUTE_MS;
      offsets.push(at / 1000);
    }
    sound.plan(offsets);
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
    const lateBy = now - endsAt; // how long ago the current phase ended, if it has
    const ended = [];
    // Catch up phase by phase if the tab slept through more than one: each phase starts when the last ended.
    while (endsAt - now <= 0 && !finished) {
      ended.push(phases[index].label);
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
    if (ended.length > 0) {
      if (soundBox.checked) {
        // The chimes were scheduled ahead. If the audio clock did not keep time with the clock (the computer
        // slept), they have not sounded: chime once now and plan the rest again.
        if (sound.onTime(lateBy / 1000)) sound.done(ended.length);
        else {
          planChimes();
          sound.play();
        }
      }
      const last = ended[ended.length - 1];
      const passed = ended.length;
      if (passed === 1) {
        announce(finished
          ? tn("timer_time_up_all_done", phases.length, { ended: last })
          : t("timer_time_up_next", { ended: last, phase: phaseText(phases, index) }));
      } else {
        announce(finished
          ? t("timer_time_up_several_all_done", { passed, ended: last, count: phases.length })
          : t("timer_time_up_several", { passed, ended: last, phase: phaseText(phases, index) }));
      }
    } else if (!warned && remaining <= MINUTE_MS) {
      warned = true;
      announce(t("timer_one_minute_left", { label: phases[index].label }));
    }
    show();
  };

  const start = () => {
    if (finished) reset(false);
    // A phase that has not run at all starts (also after Next phase from Ready); one that was paused resumes.
    const fresh = remaining === phases[index].minutes * MINUTE_MS;
    endsAt = Date.now() + remaining;
    timer = setInterval(tick, TICK_MS);
    announce(fresh
      ? t("timer_started", { phase: phaseText(phases, index) })
      : t("timer_resumed", { label: phases[index].label, time: formatClock(remaining) }));
    planChimes();
    show();
  };

  const pause = () => {
    remaining = Math.max(0, endsAt - Date.now());
    endsAt = null;
    stopTicking();
    sound.cancel();
    announce(t("timer_paused_announcement", { time: formatClock(remaining), label: phases[index].label }));
    show();
  };

  const reset = (say = true) => {
    stopTicking();
    sound.cancel();
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
    planChimes();
    show();
  };

  toggle.addEventListener("click", () => (endsAt === null ? start() : pause()));
  root.querySelector('[data-rs-timer="next"]').addEventListener("click", next);
  root.querySelector('[data-rs-timer="reset"]').addEventListener("click", () => reset());
  // Create the audio context on the click that asks for sound, as browsers require.
  soundBox.addEventListener("change", () => {
    if (soundBox.checked) sound.prepare();
    planChimes();
  });
  // Shown again after being hidden: catch up at once rather than at the next (possibly slowed) tick.
  // Being hidden: plan the chimes afresh against the audio clock.
  document.addEventListener("visibilitychange", () => {
    if (endsAt === null) return;
    if (document.hidden) planChimes();
    else tick();
  });
  show();
  return { tick };
}

/**
 * A soft two-note chime made with an oscillator: no audio file, no request. Chimes can be scheduled ahead
 * on the audio clock (plan), which keeps time even when the tab is hidden, and cancelled (cancel).
 */
function gentleSound() {
  let context = null;
  let planned = []; // scheduled chimes, earliest first: {at, nodes}

  const chime = (start) => {
    const nodes = [];
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
      nodes.push(oscillator, gain);
    });
    return { at: start, nodes };
  };

  const silence = ({ nodes }) => {
    for (const node of nodes) {
      try {
        if (node.stop) node.stop(); // a stop time now replaces the planned one: a note not yet begun never sounds
      } catch {
        // already finished
      }
      node.disconnect();
    }
  };

  return {
    prepare() {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!context && Context) context = new Context();
      if (context && context.state === "suspended") context.resume();
    },
    /** Chime now. */
    play() {
      if (context) chime(context.currentTime);
    },
    /** Replace any planned chimes with one at each offset (seconds from now). */
    plan(offsets) {
      this.cancel();
      if (context) planned = offsets.map((offset) => chime(context.currentTime + Math.max(0, offset)));
    },
    cancel() {
      planned.forEach(silence);
      planned = [];
    },
    /** Did the earliest planned chime sound when its phase ended, lateSeconds ago (by the audio clock)? */
    onTime(lateSeconds) {
      if (!context) return true;
      return planned.length > 0 && Math.abs(planned[0].at - (context.currentTime - lateSeconds)) < 1;
    },
    /** The earliest planned chimes have sounded: forget them. */
    done(count) {
      planned.splice(0, count);
    },
  };
}
