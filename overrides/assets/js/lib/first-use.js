/**
 * Code a page loads when a learner first uses it (import(): the group pulse, presenter mode, calendar files)
 * can fail to arrive on a poor signal, unless the site is available offline. Then the learner is told so in
 * words, where they are looking, instead of nothing happening; their answers are untouched.
 */

import { t } from "./strings.js";

/**
 * Say in a message element that a tool could not load, and log why.
 * @param {HTMLElement|null} message where the learner looks (shown if hidden)
 * @param {unknown} error what import() rejected with
 */
export function sayNotLoaded(message, error) {
  console.warn("Could not load on first use", error);
  if (!message) return;
  message.textContent = t("first_use_not_loaded");
  message.hidden = false;
}
