/**
 * Backup reminders: when the learner last made a backup here, and whether it is time to remind them.
 * Saved state "data:backups" ({last, dismissed}, both optional dates): last is when a backup file was last
 * made on this device; dismissed is when a reminder was last put off. Pure logic apart from reading and
 * writing that one value through the store.
 *
 * A reminder is due when, since the later of the two dates, at least REMIND_AFTER_CHANGES exercises were
 * changed, or at least one was and REMIND_AFTER_DAYS days have passed (counted from the first change, when
 * no backup was ever made).
 */

import { isPlainObject } from "./shape.js";

export const BACKUPS = "backups";
export const REMIND_AFTER_CHANGES = 5;
export const REMIND_AFTER_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

/**
 * The saved record ({} when none, or when it could not be read: storage.getData keeps a damaged value aside).
 * @param {import("./storage.js").Store} store
 * @returns {{last?: string, dismissed?: string}}
 */
export function backupRecord(store) {
  const value = store.getData(BACKUPS, {});
  return isPlainObject(value) ? value : {};
}

/**
 * Note that a backup was made now (or a reminder put off), keeping whatever else the record holds.
 * @param {import("./storage.js").Store} store
 * @param {"last"|"dismissed"} what
 * @param {Date} [now]
 */
export function noteBackup(store, what, now = new Date()) {
  return store.setData(BACKUPS, { ...backupRecord(store), [what]: now.toISOString() });
}

/**
 * Is a reminder due, and how many exercises changed since the last backup or put-off?
 * @param {{updated?: string}[]} entries  the saved entries (store.list().entries)
 * @param {{last?: string, dismissed?: string}} record
 * @param {Date} [now]
 * @returns {{due: boolean, changed: number}}
 */
export function reminderDue(entries, record, now = new Date()) {
  const since = [record.last, record.dismissed].filter(Boolean).map((date) => Date.parse(date))
    .filter(Number.isFinite).reduce((a, b) => Math.max(a, b), -Infinity);
  const times = entries.map((entry) => Date.parse(entry.updated || "")).filter((time) => Number.isFinite(time) && time > since);
  if (times.length === 0) return { due: false, changed: 0 };
  const from = Number.isFinite(since) ? since : Math.min(...times);
  const due = times.length >= REMIND_AFTER_CHANGES || now.getTime() - from >= REMIND_AFTER_DAYS * DAY;
  return { due, changed: times.length };
}
