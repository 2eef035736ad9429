/**
 * The activity timer's state and how it changes, without a page: which phase runs, how long is left, when it
 * ends by the clock, and what to announce. Each change takes the phases, the state and the time now (Date.now)
 * and returns the new state with its announcement (or none), so Node tests every step; the widget
 * (widgets/activity-timer.js) only ticks, chimes and shows it.
 *
 * State: {index, remaining, endsAt, finished, warned}: endsAt (ms, by the clock) only while running;
 * remaining is what is left of the current phase when paused or ready; warned, once the phase's
 * one-minute warning was given (or needs none: a phase under two minutes).
 */

import { t, tn } from "./strings.js";

export const MINUTE_MS = 60 * 1000;

/**
 * @typedef {{label: string, minutes: number}} Phase
 * @typedef {{index: number, remaining: number, endsAt: number|null, finished: boolean, warned: boolean}} TimerState
 * @typedef {{state: TimerState, say: string|null}} Step
 */

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

const fullLength = (phases, index) => phases[index].minutes * MINUTE_MS;

/**
 * The timer as the page first shows it: the first phase, ready.
 * @param {Phase[]} phases
 * @returns {TimerState}
 */
export function newTimer(phases) {
  return { index: 0, remaining: fullLength(phases, 0), endsAt: null, finished: false, warned: false };
}

/** Phase `n` from its beginning (still running if the timer was). */
function begin(phases, state, n, now) {
  const remaining = fullLength(phases, n);
  return {
    ...state, index: n, remaining, warned: phases[n].minutes < 2,
    endsAt: state.endsAt !== null ? now + remaining : null,
  };
}

const isRunning = (state) => state.endsAt !== null;
/** Paused: part of the phase has run, and the timer is not running. */
const isPaused = (phases, state) => state.remaining < fullLength(phases, state.index);

/**
 * Back to the first phase, ready.
 * @returns {Step}
 */
export function resetTimer(phases, state) {
  const ready = begin(phases, { ...state, endsAt: null, finished: false }, 0, 0);
  return { state: ready, say: t("timer_reset", { phase: phaseText(phases, 0) }) };
}

/**
 * Start the current phase, or resume it where it was paused (after the end: from the first phase).
 * @returns {Step}
 */
export function startTimer(phases, state, now) {
  const from = state.finished ? resetTimer(phases, state).state : state;
  const fresh = !isPaused(phases, from);
  const running = { ...from, endsAt: now + from.remaining };
  return {
    state: running,
    say: fresh
      ? t("timer_started", { phase: phaseText(phases, from.index) })
      : t("timer_resumed", { label: phases[from.index].label, time: formatClock(from.remaining) }),
  };
}

/** @returns {Step} */
export function pauseTimer(phases, state, now) {
  const remaining = Math.max(0, state.endsAt - now);
  return {
    state: { ...state, remaining, endsAt: null },
    say: t("timer_paused_announcement", { time: formatClock(remaining), label: phases[state.index].label }),
  };
}

/**
 * Skip to the next phase (running on if the timer was running); after the last, the timer has finished.
 * @returns {Step}
 */
export function nextPhase(phases, state, now) {
  if (state.finished) return { state, say: t("timer_already_done") };
  if (state.index + 1 >= phases.length) {
    return { state: { ...state, finished: true, endsAt: null }, say: tn("timer_all_done", phases.length) };
  }
  const moved = begin(phases, state, state.index + 1, now);
  return { state: moved, say: phaseText(phases, moved.index) };
}

function endedText(phases, state, ended) {
  const last = ended[ended.length - 1];
  const passed = ended.length;
  if (passed === 1) {
    return state.finished
      ? tn("timer_time_up_all_done", phases.length, { ended: last })
      : t("timer_time_up_next", { ended: last, phase: phaseText(phases, state.index) });
  }
  return state.finished
    ? t("timer_time_up_several_all_done", { passed, ended: last, count: phases.length })
    : t("timer_time_up_several", { passed, ended: last, phase: phaseText(phases, state.index) });
}

/**
 * The clock moved on: end every phase whose time is up (each next phase starts when the last ended, so a tab
 * that slept through several catches up), then give one announcement for them all, or the one-minute warning.
 * @returns {Step & {ended: string[], lateBy: number}}  ended: the labels of the phases that ended; lateBy: how
 *   long ago (ms) the first of them ended
 */
export function tickTimer(phases, state, now) {
  if (!isRunning(state)) return { state, say: null, ended: [], lateBy: 0 };
  const lateBy = now - state.endsAt;
  const ended = [];
  let { index, endsAt, warned, finished } = state;
  while (endsAt - now <= 0 && !finished) {
    ended.push(phases[index].label);
    if (index + 1 < phases.length) {
      index += 1;
      warned = phases[index].minutes < 2;
      endsAt += fullLength(phases, index);
    } else {
      finished = true;
    }
  }
  const next = finished
    ? { index, endsAt: null, remaining: 0, warned, finished }
    : { index, endsAt, remaining: endsAt - now, warned, finished };
  if (ended.length > 0) return { state: next, say: endedText(phases, next, ended), ended, lateBy };
  if (!next.warned && next.remaining <= MINUTE_MS) {
    return {
      state: { ...next, warned: true }, say: t("timer_one_minute_left", { label: phases[index].label }), ended, lateBy,
    };
  }
  return { state: next, say: null, ended, lateBy };
}

/**
 * When each chime should sound, in seconds from now: the end of the current phase and of each one after it;
 * none unless the timer is running.
 * @returns {number[]}
 */
export function chimeOffsets(phases, state, now) {
  if (!isRunning(state) || state.finished) return [];
  const offsets = [];
  let at = state.endsAt - now;
  for (let n = state.index; n < phases.length; n += 1) {
    if (n > state.index) at += fullLength(phases, n);
    offsets.push(at / 1000);
  }
  return offsets;
}

/**
 * What the timer shows: the phase's name, the clock, the state in words, the main button's words, and for each
 * phase in the list whether it is the current one or done.
 * @param {Phase[]} phases
 * @param {TimerState} state
 */
export function timerView(phases, state) {
  const { index, finished } = state;
  const running = isRunning(state);
  const paused = isPaused(phases, state);
  const pick = (words) => (finished ? words[0] : running ? words[1] : paused ? words[2] : words[3]);
  return {
    name: finished
      ? t("timer_all_phases_done")
      : t("timer_phase_name", { number: index + 1, total: phases.length, label: phases[index].label }),
    clock: formatClock(finished ? 0 : state.remaining),
    state: pick([t("timer_state_time_up"), t("timer_state_running"), t("timer_state_paused"), t("timer_state_ready")]),
    toggle: pick([t("timer_start_again"), t("timer_pause"), t("timer_resume"), t("timer_start")]),
    items: phases.map((phase, n) => ({ current: !finished && n === index, done: finished || n < index })),
  };
}
