/**
 * The SCORM 1.2 runtime of a package's launch page (scorm.html, written by macros/scorm.py).
 *
 * It finds the learning management system's API the standard way (window.API on this window's parents, then
 * on the opener's), calls LMSInitialize, and reports only two things: cmi.core.lesson_status ("incomplete" on
 * the first open, "completed" when the learner presses "I have finished", never lowered again) and
 * cmi.core.session_time (HHHH:MM:SS.SS). It commits after each, and finishes on leaving the page (pagehide).
 * It never sends an answer, a score or anything the learner typed: the pages inside the frame keep answers in
 * the browser, and this script reads none of them.
 *
 * The pages inside the frame ask `window.parent.rsScorm.connected` to know they run in an LMS
 * (overrides/assets/js/lib/lms.js). Outside an LMS nothing is reported and the package is a plain copy.
 */
(function scormRuntime() {
  "use strict";

  /** The API object on `win` or one of its parents, or null; a parent of another origin ends the walk. */
  function findAPI(win) {
    let tries = 0;
    try {
      while (win && !win.API && win.parent && win.parent !== win && tries < 500) {
        tries += 1;
        win = win.parent;
      }
      return win && win.API ? win.API : null;
    } catch {
      return null;
    }
  }

  function getAPI() {
    let api = findAPI(window);
    try {
      if (!api && window.opener) api = findAPI(window.opener);
      if (!api && window.top && window.top.opener) api = findAPI(window.top.opener);
    } catch {
      // An opener of another origin: no API there.
    }
    return api;
  }

  /** Milliseconds as a SCORM 1.2 CMITimespan, HHHH:MM:SS.SS. */
  function sessionTime(ms) {
    const hundredths = Math.max(0, Math.round(ms / 10));
    const hours = Math.min(9999, Math.floor(hundredths / 360000));
    const minutes = Math.floor((hundredths % 360000) / 6000);
    const seconds = (hundredths % 6000) / 100;
    const pad = (n, width) => String(n).padStart(width, "0");
    return `${pad(hours, 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, "0")}`;
  }

  const api = getAPI();
  const started = Date.now();
  const state = { connected: false, completed: false, finished: false };
  const call = (name, ...args) => {
    try {
      return String(api[name](...args));
    } catch {
      return "false";
    }
  };

  if (api && call("LMSInitialize", "") === "true") {
    state.connected = true;
    const status = call("LMSGetValue", "cmi.core.lesson_status");
    state.completed = status === "completed" || status === "passed";
    if (!state.completed) call("LMSSetValue", "cmi.core.lesson_status", "incomplete");
    call("LMSCommit", "");
  }

  function complete() {
    if (!state.connected || state.finished) return false;
    if (!state.completed) {
      call("LMSSetValue", "cmi.core.lesson_status", "completed");
      call("LMSCommit", "");
      state.completed = true;
    }
    return true;
  }

  function finish() {
    if (!state.connected || state.finished) return;
    state.finished = true;
    call("LMSSetValue", "cmi.core.session_time", sessionTime(Date.now() - started));
    call("LMSCommit", "");
    call("LMSFinish", "");
  }

  window.rsScorm = Object.freeze({
    get connected() {
      return state.connected && !state.finished;
    },
    get completed() {
      return state.completed;
    },
    complete,
    sessionTime,
  });
  window.addEventListener("pagehide", finish);

  function show() {
    const bar = document.getElementById("rs-scorm-bar");
    const status = document.getElementById("rs-scorm-status");
    const button = document.getElementById("rs-scorm-finish");
    if (!bar || !status || !button) return;
    if (!state.connected) {
      status.textContent = bar.dataset.outside;
      button.hidden = true;
      return;
    }
    const update = () => {
      status.textContent = state.completed ? bar.dataset.completed : bar.dataset.incomplete;
      button.hidden = state.completed;
    };
    button.addEventListener("click", () => {
      complete();
      update();
      status.focus();
    });
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
