/**
 * Backing up to a file of the learner's choice (the File System Access API: Chromium-based browsers). The
 * learner picks a file once; My learning rewrites it with a fresh backup after changes while the browser lets it.
 * Never offered in shared-computer mode, inside another site's frame, or where the API is missing.
 *
 * Saved state: the chosen file's handle and when it was last written, {handle, written}, in one IndexedDB
 * database per copy of the site, "<site name>:<site path>:file-backup" (a handle cannot live in Web Storage).
 * It is device-specific, so it never travels in backups; "delete everything" deletes the database.
 *
 * The pure parts (what to offer, which changes call for a write, debouncing, failures in words) are tested in
 * Node (tests/js/file-backup.test.mjs).
 */

import { isPlainObject } from "./shape.js";

const STORE = "choice";
const KEY = "file";
/** How long after the last change the file is rewritten. */
export const WRITE_AFTER_MS = 2000;

/** The IndexedDB database of one copy of the site. */
export function databaseName({ name, scope }) {
  return `${name}:${scope}:file-backup`;
}

/**
 * Can this page offer a file backup? Not in shared-computer mode, not without the API, not inside another site's
 * frame (reading a cross-origin parent's address throws).
 * @param {Window} win
 * @param {boolean} shared
 */
export function fileBackupAvailable(win, shared) {
  if (shared || typeof win.showSaveFilePicker !== "function" || !win.indexedDB) return false;
  try {
    return win.top === win.self || win.top.location.origin === win.location.origin;
  } catch {
    return false;
  }
}

/**
 * What the section offers, from the saved choice and the browser's permission for its file:
 *   "choose"  no file yet: a button to pick one
 *   "write"   permission granted: the site keeps the file up to date
 *   "ask"     permission must be asked again on the learner's click ("Carry on saving to …")
 *   "denied"  the browser refuses: the learner can choose the file again
 * @param {{handle: object}|null} choice
 * @param {"granted"|"prompt"|"denied"|null} permission
 */
export function fileBackupStep(choice, permission) {
  if (!choice) return "choose";
  if (permission === "granted") return "write";
  if (permission === "prompt") return "ask";
  return "denied";
}

/**
 * Does a change to this storage key call for a rewrite? Any change to the site's saved state (key null: the
 * whole area was cleared) except the record of backups made, which every write itself changes (two open tabs
 * would otherwise answer each other for ever).
 * @param {string|null} key
 * @param {string} prefix  the store's prefix ("<name>:<scope>:")
 */
export function changeNeedsWrite(key, prefix) {
  if (key === null) return true;
  return key.startsWith(prefix) && key !== `${prefix}data:backups`;
}

/**
 * Has anything been saved since the file was last written? (Never written: yes.)
 * @param {{updated?: string}[]} entries
 * @param {string|undefined} written
 */
export function changedSince(entries, written) {
  const last = Date.parse(written || "");
  if (!Number.isFinite(last)) return true;
  return entries.some((entry) => Date.parse(entry.updated || "") > last);
}

/**
 * Run an action once, `wait` ms after the last call to schedule(); flush() runs a waiting action at once.
 * @param {() => void} action
 * @param {number} wait
 * @param {{setTimeout: Function, clearTimeout: Function}} [timers]
 */
export function debounce(action, wait, timers = globalThis) {
  let timer = null;
  const run = () => {
    timer = null;
    action();
  };
  return {
    schedule() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = timers.setTimeout(run, wait);
    },
    flush() {
      if (timer === null) return;
      timers.clearTimeout(timer);
      run();
    },
    pending: () => timer !== null,
  };
}

/**
 * Why a write failed, for the words that say so (lib/file-backup-section.js).
 * @param {unknown} error
 * @returns {"permission"|"missing"|"full"|"other"}
 */
export function failureReason(error) {
  const name = error && typeof error === "object" ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "permission";
  if (name === "NotFoundError") return "missing";
  if (name === "QuotaExceededError") return "full";
  return "other";
}

/** Is a saved choice of the right shape? (A handle has kind "file" and a name; written is a date or missing.) */
export function isChoice(value) {
  return isPlainObject(value) && value.handle !== null && typeof value.handle === "object"
    && value.handle.kind === "file" && typeof value.handle.name === "string"
    && (value.written === undefined
      || (typeof value.written === "string" && Number.isFinite(Date.parse(value.written))));
}

/** Rewrite the file with this text (the whole file is replaced when the writable closes). */
export async function writeFile(handle, text) {
  const writable = await handle.createWritable();
  try {
    await writable.write(text);
    await writable.close();
  } catch (error) {
    await Promise.resolve(writable.abort && writable.abort()).catch(() => {});
    throw error;
  }
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore(namespace, mode, work) {
  const opening = indexedDB.open(databaseName(namespace), 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
  const db = await request(opening);
  try {
    return await request(work(db.transaction(STORE, mode).objectStore(STORE)));
  } finally {
    db.close();
  }
}

/** The saved choice, or null (none, unreadable, or of the wrong shape). */
export async function loadChoice(namespace) {
  try {
    const value = await withStore(namespace, "readonly", (store) => store.get(KEY));
    return isChoice(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remember the chosen file (and when it was last written). */
export function saveChoice(namespace, choice) {
  return withStore(namespace, "readwrite", (store) => store.put(choice, KEY));
}

/** Forget the chosen file (the file itself is left as it is). */
export function forgetChoice(namespace) {
  return withStore(namespace, "readwrite", (store) => store.delete(KEY));
}

/** Delete this copy's database ("delete everything"). */
export function deleteFileBackup(namespace) {
  if (typeof indexedDB === "undefined") return Promise.resolve();
  return request(indexedDB.deleteDatabase(databaseName(namespace)));
}
