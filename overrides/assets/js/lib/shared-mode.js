/**
 * Shared-computer mode on every page (the setting itself: lib/storage.js). Before anything reads answers, a tab
 * left holding answers of its own after the mode went off moves them into lasting storage; the page then says
 * which mode is on, and follows a change made in another tab at once.
 *
 * Following is a reload: leaving the page saves what is still waiting to be saved (lib/exercise.js saves on
 * "pagehide") into the store the page was using, so nothing typed is lost. Switching on, the page comes back
 * with this tab's own (empty) answers: what was on screen is kept in lasting storage but no longer shown.
 * Switching off, the tab's answers are moved into lasting storage with moveState (as "Keep them" on My learning
 * does: theirs replace the same exercise there, visits combine); if that fails the tab stays in shared mode,
 * holding them, and says so.
 */

import { Store, markTabAnswersUnmoved, onSharedModeChange, sharedComputerMode, siteNamespace } from "./storage.js";
import { lmsTabOnly, showLmsChoice } from "./lms.js";
import { t } from "./strings.js";

/** The one-shot notice for the next page load (sessionStorage), outside the site's prefix. */
const noticeKey = ({ name, scope }) => `${name}:${scope}#shared-computer-notice`;
const NOTICES = {
  "followed-on": () => t("shared_mode_followed_on"),
  "followed-off": () => t("shared_mode_followed_off"),
  moved: () => t("shared_mode_moved"),
  "move-failed": () => t("shared_mode_move_failed"),
};

/**
 * Run before any exercise or page application mounts: move a tab's leftover answers (see above).
 * @returns {Promise<void>}
 */
export async function prepareSharedMode(namespace = siteNamespace()) {
  if (sharedComputerMode(namespace)) return;
  const tab = new Store({ ...namespace, shared: true });
  if (!tab.available() || Object.keys(tab.snapshot()).length === 0) return;
  const { moveState } = await import("./backup.js");
  const result = moveState(tab, new Store({ ...namespace, shared: false }));
  if (result.ok) {
    tab.clearAll();
    setNotice("moved", namespace);
  } else {
    markTabAnswersUnmoved(true, namespace);
    setNotice("move-failed", namespace);
  }
}

/**
 * Say which mode is on ([data-rs-mode-note] in every exercise; data-rs-storage-mode on <html>, "tab" or
 * "device", for styles and later work), show a notice left by the last page, and follow changes from other tabs.
 * @param {import("./storage.js").Store} store  the page's store (siteStore())
 */
export function showSharedMode(store, namespace = siteNamespace()) {
  document.documentElement.dataset.rsStorageMode = store.shared ? "tab" : "device";
  for (const note of document.querySelectorAll("[data-rs-mode-note]")) {
    note.textContent = store.shared ? t("privacy_js_shared") : t("privacy_js");
  }
  // Inside a learning management system, tab-only is the default there, with a choice (lib/lms.js).
  if (store.shared && lmsTabOnly(namespace)) showLmsChoice(namespace);
  const notice = takeNotice(namespace);
  const main = document.querySelector("article.md-content__inner") || document.querySelector("main");
  if (notice && main) {
    const box = document.createElement("p");
    box.className = "rs-mode-notice";
    box.setAttribute("role", "status");
    box.dataset.rsModeNotice = notice;
    box.textContent = NOTICES[notice]();
    main.prepend(box);
  }
  onSharedModeChange((on) => {
    if (on === store.shared) return;
    setNotice(on ? "followed-on" : "followed-off", namespace);
    location.reload();
  }, namespace);
}

function setNotice(notice, namespace) {
  try {
    sessionStorage.setItem(noticeKey(namespace), notice);
  } catch {
    // No notice: the mode note in each exercise still says which mode is on.
  }
}

function takeNotice(namespace) {
  try {
    const notice = sessionStorage.getItem(noticeKey(namespace));
    sessionStorage.removeItem(noticeKey(namespace));
    return Object.hasOwn(NOTICES, notice) ? notice : null;
  } catch {
    return null;
  }
}
