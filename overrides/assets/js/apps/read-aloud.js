/**
 * "Listen to this page" (partials/reading-tools.html): shows the reading tools, and loads the reader itself
 * (lib/read-aloud.js: voices, controls, reading) only when the learner first opens it, so a page that is only
 * read carries none of its code. If loading fails (offline before the file was kept), the learner is told so
 * (lib/first-use.js), and opening it again retries.
 */

import { sayNotLoaded } from "../lib/first-use.js";

/** @param {HTMLDetailsElement} root the read-aloud <details> */
export function mount(root) {
  const bar = root.closest("[data-rs-reading-tools]");
  if (bar) bar.hidden = false;
  const message = root.querySelector("[data-rs-read-aloud-unavailable]");
  let loading = null;
  const start = () => {
    loading ??= import("../lib/read-aloud.js").then(
      (reader) => {
        message.textContent = "";
        reader.startReader(root);
      },
      (error) => {
        sayNotLoaded(message, error);
        loading = null;
      },
    );
  };
  if (root.open) start();
  else root.addEventListener("toggle", () => root.open && start());
}
