/**
 * A section of My learning (apps/my-learning.js), "Keeping your answers": when the last backup was made here,
 * and whether the browser keeps this site's storage (navigator.storage.persisted()), with a button that asks it to (persist()). The button
 * is only ever pressed by the learner (some browsers show a prompt), never offered in shared-computer mode,
 * where answers go when the tab closes. Safari gets its own note: it clears a site's storage after seven days
 * of use without a visit, unless the site is added to the Home Screen.
 */

import { h } from "./dom.js";
import { formatDate } from "./entries.js";
import { backupRecord, reminderDue } from "./backup-reminder.js";
import { cacheAll, offlineState } from "./offline-install.js";
import { t, tn } from "./strings.js";

/** The event My learning sends when a backup file was made, so the section says so at once. */
export const BACKUP_MADE = "rs:backup-made";

/** Is this Safari (macOS, iPhone or iPad), which clears storage after seven days without a visit? */
export function isSafari(agent = navigator.userAgent) {
  return /Safari\//.test(agent) && !/(Chrome|Chromium|CriOS|FxiOS|EdgiOS|Edg|OPR|Android)\//.test(agent);
}

/**
 * @param {import("../lib/storage.js").Store} store
 * @returns {HTMLElement}
 */
export function keepSafeSection(store) {
  const last = h("p", { "data-rs-last-backup": "" });
  const kept = h("div", { "data-rs-persistence": "" });
  const showLast = () => {
    const record = backupRecord(store);
    const { changed } = reminderDue(store.list().entries, { last: record.last });
    const when = record.last ? t("keep_last_backup", { date: formatDate(record.last) }) : t("keep_no_backup_yet");
    last.textContent = changed ? `${when} ${tn("keep_changed_since", changed)}` : when;
  };
  showLast();
  document.addEventListener(BACKUP_MADE, showLast);
  if (store.shared) kept.append(h("p", {}, t("keep_shared_mode")));
  else showPersistence(kept, navigator.storage);
  return h("section", { class: "rs-app__section", "aria-labelledby": "rs-keep-title", "data-rs-keep-safe": "" },
    h("h2", { id: "rs-keep-title" }, t("keep_title")),
    last,
    kept,
    ...(isSafari() ? [h("p", { class: "rs-app__note", "data-rs-safari-note": "" }, t("keep_safari_note"))] : []),
    offlinePart());
}

const megabytes = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/** The button that downloads the whole site for reading offline, saying how much; nothing where the copy has no worker. */
function offlinePart() {
  const box = h("div", { "data-rs-offline": "" });
  offlineState().then((state) => {
    if (!state) return;
    const size = megabytes(state.total);
    const said = h("p", { role: "status" });
    if (state.kept >= state.files) {
      said.textContent = t("offline_kept_already");
      box.replaceChildren(h("h3", {}, t("offline_title")), said);
      return;
    }
    const button = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "make-offline" },
      t("offline_make_button", { size }));
    button.addEventListener("click", async () => {
      button.disabled = true;
      const result = await cacheAll((progress) => {
        said.textContent = t("offline_progress", progress);
      });
      said.textContent = result.failed ? t("offline_partly", result) : t("offline_done");
      if (result.failed) button.disabled = false;
      else button.remove();
    });
    box.replaceChildren(h("h3", {}, t("offline_title")), h("p", {}, t("offline_intro", { size })), button, said);
  }).catch(() => {});
  return box;
}

/**
 * Say whether the browser keeps this site's storage, and offer to ask it to.
 * @param {HTMLElement} box
 * @param {StorageManager|undefined} storage
 */
async function showPersistence(box, storage) {
  if (!storage || typeof storage.persisted !== "function" || typeof storage.persist !== "function") {
    box.replaceChildren(h("p", {}, t("keep_unknown")));
    return;
  }
  let persisted = false;
  try {
    persisted = await storage.persisted();
  } catch {
    box.replaceChildren(h("p", {}, t("keep_unknown")));
    return;
  }
  if (persisted) {
    box.replaceChildren(h("p", { "data-rs-persisted": "yes" }, t("keep_persisted")));
    return;
  }
  const answer = h("p", { role: "status" });
  const button = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "persist" },
    t("keep_ask_button"));
  button.addEventListener("click", async () => {
    button.disabled = true;
    let granted = false;
    try {
      granted = await storage.persist();
    } catch {
      granted = false;
    }
    if (granted) {
      box.replaceChildren(h("p", { "data-rs-persisted": "yes", role: "status" }, t("keep_granted")));
      return;
    }
    button.disabled = false;
    answer.textContent = t("keep_refused");
  });
  box.replaceChildren(h("p", { "data-rs-persisted": "no" }, t("keep_not_persisted")), button, answer);
}
