/**
 * What the page applications ([data-rs-app]) do first, the same way: open the site's store, show their area
 * with a status line and a body, and when the browser can keep nothing, say so in the area and stop; then how
 * they word a save that failed.
 */

import { h } from "./dom.js";
import { FAILURE_MESSAGES, siteStore } from "./storage.js";

/**
 * Show an application's area: a status line (role="status", for what a save did) and a body to draw in.
 * When storage is blocked, the body says so (role="alert") and null comes back: the application stops there.
 * @param {HTMLElement} root  the [data-rs-app] element
 * @param {{statusTag?: string}} [options]  the status line's element ("div" when it holds more than a line)
 * @returns {{store: import("./storage.js").Store, status: HTMLElement, body: HTMLElement}|null}
 */
export function startApp(root, { statusTag = "p" } = {}) {
  const store = siteStore();
  const status = h(statusTag, { class: "rs-app__status", role: "status" });
  const body = h("div", {});
  root.replaceChildren(status, body);
  root.hidden = false;
  if (!store.available()) {
    body.replaceChildren(h("p", { class: "rs-app__error", role: "alert", "data-rs-unavailable": "" }, FAILURE_MESSAGES.unavailable));
    return null;
  }
  return { store, status, body };
}

/**
 * Why a save failed, in words: the store's own message for its reason (full, blocked...), else `fallback`.
 * @param {{ok: boolean, reason?: string}} result  a Store write's result
 * @param {string} fallback
 */
export function failureText(result, fallback) {
  return FAILURE_MESSAGES[result.reason] || fallback;
}
