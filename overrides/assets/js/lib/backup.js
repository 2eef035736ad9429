/**
 * Backups: export everything this site stored in the browser to one JSON file, and check, preview
 * and apply an imported file. Imported files are untrusted: size-capped, shape-checked, and refused
 * whole if any key could reach an object prototype. The format is described in schemas/backup-v1.schema.json.
 */

import { FORMAT, parseEntry } from "./storage.js";
import { t } from "./strings.js";

export const BACKUP_FORMAT = "reflective-supervision-backup";
export const BACKUP_VERSION = 1;
export const MAX_BYTES = 5 * 1024 * 1024;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATA_NAMES = new Set(["visits", "record", "preferences"]);
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
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: now.toISOString(),
    site: { name: store.name, scope: store.scope },
    entries: {},
    data: {},
    damaged: {},
  };
  for (const [key, raw] of Object.entries(store.snapshot())) {
    const rest = key.slice(store.prefix.length);
    const [type, ...nameParts] = rest.split(":");
    const name = nameParts.join(":");
    if (type === "entry") {
      const entry = parseEntry(raw);
      if (entry) backup.entries[name] = JSON.parse(raw);
      else backup.damaged[rest] = raw;
    } else if (type === "data") {
      try {
        backup.data[name] = JSON.parse(raw);
      } catch {
        backup.damaged[rest] = raw;
      }
    } else if (type === "corrupt") {
      backup.damaged[rest] = raw;
    }
  }
  return backup;
}

/** Refuse any object key that could reach a prototype, anywhere in the file. */
export function assertSafeKeys(value, path = "file") {
  if (Array.isArray(value)) value.forEach((item, index) => assertSafeKeys(item, `${path}[${index}]`));
  else if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new BackupError(t("backup_forbidden_key", { key, path }));
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
  for (const part of ["entries", "data", "damaged"]) {
    if (data[part] !== undefined && (typeof data[part] !== "object" || data[part] === null || Array.isArray(data[part]))) {
      throw new BackupError(t("backup_wrong_shape", { part }));
    }
  }
  const entries = data.entries || {};
  for (const [id, entry] of Object.entries(entries)) {
    const parsed = ID.test(id) ? parseEntry(JSON.stringify(entry)) : null;
    if (!parsed || parsed.exercise !== id || parsed.format > FORMAT) {
      throw new BackupError(t("backup_bad_entry", { id: String(id).slice(0, 60) }));
    }
  }
  for (const name of Object.keys(data.data || {})) {
    if (!DATA_NAMES.has(name)) throw new BackupError(t("backup_unknown_part", { name: name.slice(0, 60) }));
  }
  for (const [key, raw] of Object.entries(data.damaged || {})) {
    if (typeof raw !== "string" || !/^(entry|data|corrupt):[a-z0-9:-]+$/.test(key)) throw new BackupError(t("backup_bad_damaged"));
  }
  return { ...data, entries, data: data.data || {}, damaged: data.damaged || {} };
}

/** The storage keys and raw values a backup would write. */
function backupItems(store, backup) {
  const items = {};
  for (const [id, entry] of Object.entries(backup.entries)) items[`${store.prefix}entry:${id}`] = JSON.stringify(entry);
  for (const [name, value] of Object.entries(backup.data)) items[`${store.prefix}data:${name}`] = JSON.stringify(value);
  for (const [rest, raw] of Object.entries(backup.damaged)) items[`${store.prefix}${rest}`] = raw;
  return items;
}

function describeKey(store, key, raw) {
  const rest = key.slice(store.prefix.length);
  if (rest.startsWith("entry:")) {
    const entry = parseEntry(raw);
    return entry && entry.title ? entry.title : rest.slice(6);
  }
  if (rest === "data:visits") return t("backup_item_visits");
  if (rest === "data:preferences") return t("backup_item_preferences");
  if (rest === "data:record") return t("backup_item_record");
  return t("backup_item_damaged", { key: rest.replace(/^corrupt:/, "") });
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
    const name = describeKey(store, key, raw);
    if (!(key in current)) plan.added.push(name);
    else if (current[key] === raw) plan.same.push(name);
    else plan.conflicts.push({ name, keep: updatedOf(raw) > updatedOf(current[key]) ? "backup" : "yours" });
  }
  for (const [key, raw] of Object.entries(current)) {
    if (!(key in incoming)) plan.removedOnReplace.push(describeKey(store, key, raw));
  }
  return plan;
}

/**
 * Apply a checked backup. "merge" adds what is new and, where both have a version, keeps the one
 * changed most recently; "replace" makes the saved state exactly the backup's.
 * @returns {{ok: boolean, reason?: string, written: number}}
 */
export function applyImport(store, backup, mode) {
  const current = store.snapshot();
  const incoming = backupItems(store, backup);
  if (mode === "replace") store.clearAll();
  let written = 0;
  for (const [key, raw] of Object.entries(incoming)) {
    if (mode === "merge" && key in current && current[key] !== raw) {
      const keepBackup = key.includes(":entry:") ? updatedOf(raw) > updatedOf(current[key]) : false;
      if (!keepBackup) continue;
    }
    const result = store.writeRaw(key, raw);
    if (!result.ok) return { ok: false, reason: result.reason, written };
    written += 1;
  }
  return { ok: true, written };
}
