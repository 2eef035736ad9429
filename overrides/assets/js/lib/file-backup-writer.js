/**
 * Rewrite the chosen backup file from any page (loaded by lib/file-backup-follow.js only when a file was chosen):
 * when answers changed since it was last written and the browser's permission is still "granted". Permission is
 * only ever queried here, never requested (a request needs the learner's click: My learning's "Carry on saving").
 * A write records when it was made, as My learning's does (the saved choice's "written", and data:backups "last").
 */

import { buildBackup } from "./backup.js";
import { noteBackup } from "./backup-reminder.js";
import { changedSince, loadChoice, saveChoice, writeFile } from "./file-backup.js";
import { sharedComputerMode } from "./storage.js";

/** How many entries there were when the file was last written from this page (a deletion is a change too). */
let writtenCount = null;

/**
 * Is a rewrite due? Some entry changed since the file was written, or the number of entries changed since this
 * page last wrote it.
 * @param {{updated?: string}[]} entries
 * @param {string|undefined} written
 * @param {number|null} count
 */
export function rewriteDue(entries, written, count) {
  return changedSince(entries, written) || (count !== null && count !== entries.length);
}

/**
 * @param {import("./storage.js").Store} store
 * @param {{name: string, scope: string}} namespace
 * @returns {Promise<"shared"|"none"|"unchanged"|"ask"|"written">}
 */
export async function writeIfChanged(store, namespace) {
  if (store.shared || sharedComputerMode(namespace)) return "shared";
  const choice = await loadChoice(namespace);
  if (!choice) return "none";
  const { entries } = store.list();
  if (!rewriteDue(entries, choice.written, writtenCount)) return "unchanged";
  const permission = await Promise.resolve(choice.handle.queryPermission({ mode: "readwrite" })).catch(() => "denied");
  if (permission !== "granted") return "ask";
  await writeFile(choice.handle, `${JSON.stringify(buildBackup(store), null, 2)}\n`);
  const now = new Date();
  writtenCount = entries.length;
  await saveChoice(namespace, { ...choice, written: now.toISOString() });
  noteBackup(store, "last", now);
  return "written";
}
