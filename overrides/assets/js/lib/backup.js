/**
 * Backups: export everything this site stored in the browser to one JSON file, and check, preview
 * and apply an imported file. Imported files are untrusted: size-capped, checked in full against the shape
 * schemas/backup-v1.schema.json describes (lib/shape.js), and refused whole if any key could reach an object
 * prototype. An import either applies whole or, if the browser refuses a write half way, is undone.
 */

import { DATE_TIME, ID, isData, isEntry, isPlainObject } from "./shape.js";
import { FORMAT, classify, parseEntry } from "./storage.js";
import { t } from "./strings.js";
import { cutText, isolate } from "./text.js";

export const BACKUP_FORMAT = "reflective-supervision-backup";
export const BACKUP_VERSION = 1;
export const MAX_BYTES = 5 * 1024 * 1024;
const PARTS = ["format", "version", "exported", "site", "entries", "data", "damaged"];
const DAMAGED_KEY = /^(entry|data|corrupt):[a-z0-9:-]+$/;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** A problem that makes a file unusable, with words for the learner. */
export class BackupError extends Error {
  constructor(message) {
    super(message);
    this.name = "BackupError";
  }
}

/**
 * Everything this site stored, as a backup object.
 * @param {import("./storage.js").Store} store
 * @param {Date} [now]
 */
export function buildBackup(store, now = new Date()) {
  return backupOf(store, store.snapshot(), now);
}

/**
 * A backup of a given saved state (a store's snapshot()), for example the state before an import.
 * Entries this code can read go in "entries" and "data"; everything else (damaged, the wrong shape, or an
 * entry from a newer format) is kept as its exact text in "damaged", so the file always passes the schema
 * and importing it puts back exactly what was there.
 * @param {{name: string, scope: string, prefix: string}} store
 * @param {Record<string, string>} state
 * @param {Date} [now]
 */
export function backupOf(store, state, now = new Date()) {
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: now.toISOString(),
    site: { name: store.name, scope: store.scope },
    entries: {},
    data: {},
    damaged: {},
  };
  for (const [key, raw] of Object.entries(state)) {
    const rest = key.slice(store.prefix.length);
    const found = classify(rest, raw);
    if (found.type === "entry") backup.entries[rest.slice(6)] = JSON.parse(raw);
    else if (found.type === "data") backup.data[rest.slice(5)] = found.value;
    else if (found.type !== "other" && DAMAGED_KEY.test(rest)) backup.damaged[rest] = raw;
  }
  return backup;
}

/** Refuse any object key that could reach a prototype, anywhere in the file. */
export function assertSafeKeys(value, path = "file") {
  if (Array.isArray(value)) value.forEach((item, index) => assertSafeKeys(item, `${path}[${index}]`));
  else if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new BackupError(t("backup_forbidden_key", { key, path: isolate(path) }));
      assertSafeKeys(value[key], `${path}.${key}`);
    }
  }
}

/**
 * Parse and check a backup file's text.
 * @param {string} text
 * @returns {object} the backup
 */
export function parseBackup(text) {
  if (text.length > MAX_BYTES) throw new BackupError(t("backup_too_large", { size: MAX_BYTES / 1024 / 1024 }));
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BackupError(t("backup_not_json"));
  }
  if (!data || typeof data !== "object" || Array.isArray(data) || data.format !== BACKUP_FORMAT) {
    throw new BackupError(t("backup_not_a_backup"));
  }
  assertSafeKeys(data);
  if (!Number.isInteger(data.version) || data.version < 1) throw new BackupError(t("backup_no_version"));
  if (data.version > BACKUP_VERSION) throw new BackupError(t("backup_newer_version"));
  for (const part of Object.keys(data)) {
    if (!PARTS.includes(part)) throw new BackupError(t("backup_unknown_part", { name: isolate(cutText(part, 60)) }));
  }
  const wrong = (part) => new BackupError(t("backup_wrong_shape", { part }));
  if (typeof data.exported !== "string" || !DATE_TIME.test(data.exported)) throw wrong("exported");
  const site = data.site;
  if (!isPlainObject(site) || typeof site.name !== "string" || typeof site.scope !== "string"
    || Object.keys(site).some((key) => key !== "name" && key !== "scope")) throw wrong("site");
  for (const part of ["entries", "data", "damaged"]) if (!isPlainObject(data[part])) throw wrong(part);
  for (const [id, entry] of Object.entries(data.entries)) {
    const parsed = ID.test(id) ? parseEntry(JSON.stringify(entry)) : null;
    if (!parsed || parsed.exercise !== id || parsed.format > FORMAT || !isEntry(entry)) {
      throw new BackupError(t("backup_bad_entry", { id: isolate(cutText(id, 60)) }));
    }
  }
  for (const [name, value] of Object.entries(data.data)) {
    if (!["visits", "record", "preferences"].includes(name)) throw new BackupError(t("backup_unknown_part", { name: isolate(cutText(name, 60)) }));
    if (!isData(name, value)) throw wrong(`data.${name}`);
  }
  for (const [key, raw] of Object.entries(data.damaged)) {
    const [type, ...name] = key.split(":");
    const clash = (type === "entry" && Object.hasOwn(data.entries, name.join(":")))
      || (type === "data" && Object.hasOwn(data.data, name.join(":")));
    if (typeof raw !== "string" || !DAMAGED_KEY.test(key) || clash) throw new BackupError(t("backup_bad_damaged"));
  }
  return data;
}

/** The storage keys and raw values a backup would write. */
function backupItems(store, backup) {
  const items = {};
  for (const [id, entry] of Object.entries(backup.entries)) items[`${store.prefix}entry:${id}`] = JSON.stringify(entry);
  for (const [name, value] of Object.entries(backup.data)) items[`${store.prefix}data:${name}`] = JSON.stringify(value);
  for (const [rest, raw] of Object.entries(backup.damaged)) items[`${store.prefix}${rest}`] = raw;
  return items;
}

/**
 * A saved item's name for people: an exercise's title, or what a piece of other saved state is.
 * @param {{prefix: string}} store
 * @param {string} key
 * @param {string} raw
 */
export function describeItem(store, key, raw) {
  const rest = key.slice(store.prefix.length);
  if (rest.startsWith("entry:")) {
    const entry = parseEntry(raw);
    return entry && entry.title ? entry.title : rest.slice(6);
  }
  if (rest === "data:visits") return t("backup_item_visits");
  if (rest === "data:preferences") return t("backup_item_preferences");
  if (rest === "data:record") return t("backup_item_record");
  return t("backup_item_damaged", { key: isolate(rest.replace(/^corrupt:/, "")) });
}

function updatedOf(raw) {
  const entry = parseEntry(raw);
  return entry && entry.updated ? entry.updated : "";
}

/**
 * Work out what importing would change, for both ways of importing.
 * @returns {{added: string[], same: string[], conflicts: {name: string, keep: "backup"|"yours"}[], removedOnReplace: string[], otherSite: boolean}}
 */
export function planImport(store, backup) {
  const current = store.snapshot();
  const incoming = backupItems(store, backup);
  const plan = { added: [], same: [], conflicts: [], removedOnReplace: [], otherSite: false };
  plan.otherSite = Boolean(backup.site && (backup.site.name !== store.name || backup.site.scope !== store.scope));
  for (const [key, raw] of Object.entries(incoming)) {
    const name = describeItem(store, key, raw);
    if (!(key in current)) plan.added.push(name);
    else if (current[key] === raw) plan.same.push(name);
    else plan.conflicts.push({ name, keep: updatedOf(raw) > updatedOf(current[key]) ? "backup" : "yours" });
  }
  for (const [key, raw] of Object.entries(current)) {
    if (!(key in incoming)) plan.removedOnReplace.push(describeItem(store, key, raw));
  }
  return plan;
}

/**
 * Apply a checked backup. "merge" adds what is new and, where both have a version, keeps the one
 * changed most recently; "replace" makes the saved state exactly the backup's. All or nothing: if the
 * browser refuses a write (storage full or blocked), everything is put back as it was before.
 * @returns {{ok: true, written: number} | {ok: false, reason: "full"|"unavailable", restored: boolean, previous: Record<string, string>}}
 *   restored is false only if putting the previous state back failed too; previous is that state, so the
 *   page can still offer it as a backup file.
 */
export function applyImport(store, backup, mode) {
  const previous = store.snapshot();
  const incoming = backupItems(store, backup);
  if (!store.available()) return { ok: false, reason: "unavailable", restored: true, previous };
  const writes = Object.entries(incoming).filter(([key, raw]) => {
    if (!(key in previous)) return true;
    if (previous[key] === raw) return false;
    // Merging keeps whichever version of an entry changed last, and your own version of everything else.
    return mode === "replace" || (key.includes(":entry:") && updatedOf(raw) > updatedOf(previous[key]));
  });
  const result = writeAll(store, previous, writes);
  if (!result.ok) return { ...result, previous };
  // Only once everything is written: what the backup does not have goes (removing never fails for lack of room).
  if (mode === "replace") for (const key of Object.keys(previous)) if (!(key in incoming)) store.removeRaw(key);
  return result;
}

/**
 * Write values, new keys first and changed ones last, undoing everything if one is refused. Undoing a
 * refusal among the new keys only removes them, so it works even when the browser refuses every write.
 * @param {import("./storage.js").Store} store
 * @param {Record<string, string>} previous  the state before (store.snapshot())
 * @param {[string, string][]} writes
 */
function writeAll(store, previous, writes) {
  const ordered = [...writes.filter(([key]) => !(key in previous)), ...writes.filter(([key]) => key in previous)];
  for (const [key, raw] of ordered) {
    const result = store.writeRaw(key, raw);
    if (!result.ok) return { ok: false, reason: result.reason, restored: store.restore(previous) };
  }
  return { ok: true, written: ordered.length };
}

/**
 * Move everything saved in one area into another of the same site (the shared-computer tab's answers into
 * the browser's lasting storage). What is moved replaces the same item in the target, except the record of
 * visits, which is combined (the earlier date kept). All or nothing: on a refused write the target is put
 * back as it was, and the source is never changed here.
 * @param {import("./storage.js").Store} from
 * @param {import("./storage.js").Store} to
 * @returns {{ok: true, written: number} | {ok: false, reason: "full"|"unavailable", restored: boolean}}
 */
export function moveState(from, to) {
  const previous = to.snapshot();
  if (!to.available()) return { ok: false, reason: "unavailable", restored: true };
  const writes = [];
  for (const [key, raw] of Object.entries(from.snapshot())) {
    const rest = key.slice(from.prefix.length);
    const target = `${to.prefix}${rest}`;
    let value = raw;
    if (rest === "data:visits" && target in previous) {
      const both = [classify(rest, previous[target]), classify(rest, raw)];
      if (both.every((found) => found.type === "data")) {
        const merged = { ...both[1].value };
        for (const [path, date] of Object.entries(both[0].value)) if (!(path in merged) || date < merged[path]) merged[path] = date;
        value = JSON.stringify(merged);
      }
    }
    if (previous[target] !== value) writes.push([target, value]);
  }
  return writeAll(to, previous, writes);
}
