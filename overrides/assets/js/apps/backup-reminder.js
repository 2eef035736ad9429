/**
 * A module page's reminder to make a backup (lib/backup-reminder.js says when one is due). Quiet: a note at the
 * top of the page, never a dialog, decided once as the page loads so it never appears while the learner types,
 * and put off with "Not now" (remembered as saved state, so it comes back only after more changes or days).
 * In shared-computer mode a lasting note says the answers go when the tab closes, and links to the backup.
 */

import { h } from "../lib/dom.js";
import { backupRecord, noteBackup, reminderDue } from "../lib/backup-reminder.js";
import { siteStore } from "../lib/storage.js";
import { t, tn } from "../lib/strings.js";

const TYPING = "input, textarea, select, [contenteditable]";

/** @param {HTMLElement} root */
export function mount(root) {
  const store = siteStore();
  if (!store.available() || document.activeElement?.matches(TYPING)) return;
  const backupLink = () => h("a", { href: `${root.dataset.rsMyLearning || ""}#rs-backup-title`, "data-rs-reminder-link": "" },
    t("reminder_backup_link"));
  if (store.shared) {
    root.dataset.rsReminder = "shared";
    root.replaceChildren(h("p", {}, t("reminder_shared"), " ", backupLink()));
    root.hidden = false;
    return;
  }
  const { due, changed } = reminderDue(store.list().entries, backupRecord(store));
  if (!due) return;
  const later = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "reminder-later" },
    t("reminder_later"));
  later.addEventListener("click", () => {
    noteBackup(store, "dismissed");
    const done = h("p", { tabindex: "-1" }, t("reminder_put_off"));
    root.replaceChildren(done);
    root.dataset.rsReminder = "put-off";
    done.focus();
  });
  root.dataset.rsReminder = "due";
  root.replaceChildren(h("p", {}, tn("reminder_due", changed), " ", backupLink()), later);
  root.hidden = false;
}
