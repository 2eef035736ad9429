// The activity timer's state, without a page: phases run, pause, resume, skip, end, catch up and warn.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  MINUTE_MS, chimeOffsets, newTimer, nextPhase, pauseTimer, resetTimer, startTimer, tickTimer, timerView,
} from "../../overrides/assets/js/lib/timer.js";

const phases = [{ label: "Talk", minutes: 5 }, { label: "Share", minutes: 1 }, { label: "Close", minutes: 3 }];
const T0 = 1_000_000;

test("a new timer is ready on its first phase; starting runs it to the clock", () => {
  const ready = newTimer(phases);
  assert.deepEqual(timerView(phases, ready).items.map((item) => item.current), [true, false, false]);
  assert.equal(timerView(phases, ready).clock, "05:00");
  const started = startTimer(phases, ready, T0);
  assert.equal(started.state.endsAt, T0 + 5 * MINUTE_MS);
  assert.match(started.say, /Talk/);
  const later = tickTimer(phases, started.state, T0 + 90_500);
  assert.equal(later.say, null);
  assert.equal(timerView(phases, later.state).clock, "03:30"); // rounds up: 3:29.5 left shows 3:30
});

test("pause keeps what is left; resuming says so and ends that much later", () => {
  const running = startTimer(phases, newTimer(phases), T0).state;
  const paused = pauseTimer(phases, running, T0 + 60_000);
  assert.deepEqual([paused.state.endsAt, paused.state.remaining], [null, 4 * MINUTE_MS]);
  const view = timerView(phases, paused.state);
  assert.notEqual(view.state, timerView(phases, newTimer(phases)).state); // paused, not ready
  const resumed = startTimer(phases, paused.state, T0 + 600_000);
  assert.equal(resumed.state.endsAt, T0 + 600_000 + 4 * MINUTE_MS);
  assert.match(resumed.say, /04:00/);
});

test("a tick after the phase's end moves on, announcing the next phase once", () => {
  const running = startTimer(phases, newTimer(phases), T0).state;
  const step = tickTimer(phases, running, T0 + 5 * MINUTE_MS + 100);
  assert.equal(step.state.index, 1);
  assert.deepEqual(step.ended, ["Talk"]);
  assert.equal(step.lateBy, 100);
  assert.equal(step.state.endsAt, T0 + 6 * MINUTE_MS); // starts when the last ended, not when the tick came
  assert.match(step.say, /Talk.*Share|Share.*Talk/s);
  assert.equal(tickTimer(phases, step.state, T0 + 5 * MINUTE_MS + 400).say, null);
});

test("a tab that slept through several phases catches up in one announcement, and the end stops the clock", () => {
  const running = startTimer(phases, newTimer(phases), T0).state;
  const woke = tickTimer(phases, running, T0 + 7 * MINUTE_MS);
  assert.deepEqual([woke.state.index, woke.ended], [2, ["Talk", "Share"]]);
  assert.equal(woke.state.remaining, 2 * MINUTE_MS);
  const end = tickTimer(phases, woke.state, T0 + 30 * MINUTE_MS);
  assert.deepEqual([end.state.finished, end.state.endsAt, end.state.remaining], [true, null, 0]);
  assert.equal(timerView(phases, end.state).clock, "00:00");
  assert.ok(timerView(phases, end.state).items.every((item) => item.done && !item.current));
  assert.equal(startTimer(phases, end.state, T0).state.index, 0); // start again from the first phase
});

test("the one-minute warning comes once, and never for a phase under two minutes", () => {
  let state = startTimer(phases, newTimer(phases), T0).state;
  const warning = tickTimer(phases, state, T0 + 4 * MINUTE_MS);
  assert.match(warning.say, /Talk/);
  state = warning.state;
  assert.equal(tickTimer(phases, state, T0 + 4 * MINUTE_MS + 1000).say, null);
  const short = nextPhase(phases, state, T0 + 4 * MINUTE_MS + 1000).state; // "Share": 1 minute
  assert.equal(tickTimer(phases, short, T0 + 4 * MINUTE_MS + 2000).say, null);
});

test("next phase skips on (running if it was), ends after the last, then only says it is done", () => {
  const ready = nextPhase(phases, newTimer(phases), T0).state;
  assert.deepEqual([ready.index, ready.endsAt, ready.remaining], [1, null, MINUTE_MS]);
  const running = nextPhase(phases, startTimer(phases, newTimer(phases), T0).state, T0 + 1000).state;
  assert.equal(running.endsAt, T0 + 1000 + MINUTE_MS);
  const last = nextPhase(phases, nextPhase(phases, ready, T0).state, T0);
  assert.equal(last.state.finished, true);
  const again = nextPhase(phases, last.state, T0);
  assert.equal(again.state, last.state);
  assert.ok(again.say);
});

test("reset goes back to the first phase, ready; chimes are planned only while running", () => {
  const running = startTimer(phases, newTimer(phases), T0).state;
  assert.deepEqual(chimeOffsets(phases, running, T0 + 60_000), [240, 300, 480]);
  const reset = resetTimer(phases, nextPhase(phases, running, T0).state).state;
  assert.deepEqual([reset.index, reset.endsAt, reset.remaining, reset.finished], [0, null, 5 * MINUTE_MS, false]);
  assert.deepEqual(chimeOffsets(phases, reset, T0), []);
});
