/**
 * Keep the chosen backup file (lib/file-backup.js) up to date from every page, not only My learning: after
 * answers change (WRITE_AFTER_MS after the last change, at once when the page is hidden), the file is rewritten
 * if the browser still lets the site write it. Quiet: nothing is shown; when permission has lapsed, My learning
 * asks again on the learner's next click.
 *
 * Light for learners who never chose a file: the writing code (lib/file-backup-writer.js) is loaded only when this
 * copy's file-backup database exists, which indexedDB.databases() tells without a request and without creating
 * it. Never where a file backup is not offered (shared-computer mode, no API, another site's frame), nor on My
 * learning, whose own section writes the file. <html data-rs-file-backup> says "none" or "following" once known.
 */

import { WRITE_AFTER_MS, databaseName, debounce, fileBackupAvailable } from "./file-backup.js";

/** Has a file been chosen for this copy (its database exists)? */
async function chosen(namespace) {
  if (typeof indexedDB.databases !== "function") return false;
  const name = databaseName(namespace);
  return (await indexedDB.databases()).some((database) => database.name === name);
}

/**
 * @param {import("./storage.js").Store} store
 */
export function followFileBackup(store) {
  if (document.querySelector('[data-rs-app="my-learning"]') || !store.available()
    || !fileBackupAvailable(window, store.shared)) return;
  const namespace = { name: store.name, scope: store.scope };
  let writer = null;
  let running = Promise.resolve();
  const run = () => {
    running = running.then(async () => {
      // Checked again each time: a file may have been chosen in another tab since.
      if (!writer && await chosen(namespace)) writer = await import("./file-backup-writer.js");
      document.documentElement.dataset.rsFileBackup = writer ? "following" : "none";
      if (writer) await writer.writeIfChanged(store, namespace);
    }).catch((error) => console.warn("Could not update the chosen backup file", error));
  };
  const later = debounce(run, WRITE_AFTER_MS);
  // rs-change does not bubble: listening while it passes down to its exercise sees it.
  for (const type of ["input", "change", "rs-change"]) document.addEventListener(type, () => later.schedule(), true);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && later.flush());
  window.addEventListener("pagehide", () => later.flush());
  run(); // changes saved since the file was last written (in a tab that closed first, say)
}
