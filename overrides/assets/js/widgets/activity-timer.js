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
import {
  chimeOffsets, formatClock, newTimer, nextPhase, pauseTimer, phaseText, resetTimer, startTimer, tickTimer, timerView,
} from "../lib/timer.js";

export { formatClock, phaseText };

const TICK_MS = 250;

/** The timer's parts in the page (the form's HTML, shown and driven here). */
function timerParts(root) {
  return {
    panel: root.querySelector("[data-rs-timer-panel]"),
    nameLine: root.querySelector("[data-rs-phase-name]"),
    clock: root.querySelector("[data-rs-clock]"),
    stateLine: root.querySelector("[data-rs-state]"),
    toggle: root.querySelector('[data-rs-timer="toggle"]'),
    announcer: root.querySelector("[data-rs-announce]"),
    soundBox: root.querySelector("[data-rs-timer-sound]"),
    items: [...root.querySelectorAll("[data-rs-phase]")],
  };
}

function showTimer(parts, view) {
  parts.nameLine.textContent = view.name;
  parts.clock.textContent = view.clock;
  parts.stateLine.textContent = view.state;
  parts.toggle.textContent = view.toggle;
  parts.items.forEach((item, n) => {
    const { current, done } = view.items[n];
    item.classList.toggle("rs-activity-timer__item--current", current);
    item.classList.toggle("rs-activity-timer__item--done", done);
    if (current) item.setAttribute("aria-current", "step");
    else item.removeAttribute("aria-current");
  });
}

/** Announce politely; cleared first so the same words are read again if they repeat. */
function announceIn(announcer, text) {
  announcer.textContent = "";
  setTimeout(() => { announcer.textContent = text; }, 50);
}

/** @param {HTMLFormElement} root */
export function mount(root) {
  const { phases } = readConfig(root);
  const parts = timerParts(root);
  const sound = gentleSound();
  let state = newTimer(phases);
  let timer = null;

  for (const element of root.querySelectorAll(".rs-js-only")) element.hidden = false;
  parts.panel.hidden = false;

  const show = () => showTimer(parts, timerView(phases, state));
  // Schedule the chimes for the end of the current phase and each one after it (or cancel them all when
  // the timer is not running with sound on).
  const planChimes = () => {
    const offsets = parts.soundBox.checked ? chimeOffsets(phases, state, Date.now()) : [];
    if (offsets.length) sound.plan(offsets);
    else sound.cancel();
  };
  /** Take a step: keep ticking only while running, say what changed, chime on time, show it. */
  const apply = (step, { chimes = true } = {}) => {
    state = step.state;
    if (state.endsAt === null) {
      clearInterval(timer);
      timer = null;
    } else if (timer === null) timer = setInterval(tick, TICK_MS);
    if (step.say) announceIn(parts.announcer, step.say);
    if (chimes) planChimes();
    show();
  };

  const tick = () => {
    const step = tickTimer(phases, state, Date.now());
    if (step.ended.length > 0 && parts.soundBox.checked) {
      state = step.state;
      // The chimes were scheduled ahead. If the audio clock did not keep time with the clock (the computer
      // slept), they have not sounded: chime once now and plan the rest again.
      if (sound.onTime(step.lateBy / 1000)) sound.done(step.ended.length);
      else {
        planChimes();
        sound.play();
      }
    }
    apply(step, { chimes: false });
  };

  parts.toggle.addEventListener("click", () => apply(state.endsAt === null
    ? startTimer(phases, state, Date.now()) : pauseTimer(phases, state, Date.now())));
  root.querySelector('[data-rs-timer="next"]').addEventListener("click", () => {
    const step = nextPhase(phases, state, Date.now());
    if (state.finished) announceIn(parts.announcer, step.say);
    else apply(step);
  });
  root.querySelector('[data-rs-timer="reset"]').addEventListener("click", () => apply(resetTimer(phases, state)));
  // Create the audio context on the click that asks for sound, as browsers require.
  parts.soundBox.addEventListener("change", () => {
    if (parts.soundBox.checked) sound.prepare();
    planChimes();
  });
  // Shown again after being hidden: catch up at once rather than at the next (possibly slowed) tick.
  // Being hidden: plan the chimes afresh against the audio clock.
  document.addEventListener("visibilitychange", () => {
    if (state.endsAt === null) return;
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
