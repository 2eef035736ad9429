/**
 * Backups: export everything this site stored in the browser to one JSON file, and check, preview
 * and apply an imported file. Imported files are untrusted: size-capped, strictly UTF-8, checked in full
 * against the shape schemas/backup-v1.schema.json describes (lib/shape.js), and refused whole if any key
 * could reach an object prototype. An import either applies whole or, if the browser refuses a write half
 * way, is undone.
 *
 * The rule for saved state this version cannot use (see the schema and README "Adding a new kind of saved
 * state"): an entry of a newer format, saved state with a name this version does not know, and values the
 * backup lists as damaged are kept aside, untouched, never over a readable value here, reported in the preview
 * and exported again in the next backup; they are never a reason to refuse the rest of the file.
 */

import { DATA_NAME, DATE_TIME, ID, isData, isEntry, isKnownData, isNewerEntry, isPlainObject } from "./shape.js";
import { keepBoth } from "./field-merge.js";
import { FORMAT, classify, migrate, parseEntry } from "./storage.js";
import { t } from "./strings.js";
import { cutText, isolate } from "./text.js";

export const BACKUP_FORMAT = "reflective-supervision-backup";
export const BACKUP_VERSION = 1;
export const MAX_BYTES = 5 * 1024 * 1024;
const PARTS = ["format", "version", "exported", "site", "entries", "data", "damaged"];
const DAMAGED_KEY = /^(entry|data|corrupt):[a-z0-9:-]+$/;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A backup file's bytes as text, decoded strictly: a file that is not valid UTF-8 is refused, never read with
 * replacement characters (U+FFFD) in place of the learner's words. A byte order mark is allowed.
 * @param {ArrayBuffer|Uint8Array} bytes
 * @returns {string}
 */
export function decodeBackup(bytes) {
  if (bytes.byteLength > MAX_BYTES) throw new BackupError(t("backup_too_large", { size: MAX_BYTES / 1024 / 1024 }));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BackupError(t("backup_not_utf8"));
  }
}

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
 * Entries this code can read go in "entries", other saved state in "data" (with saved state of a name this
 * version does not know, kept from a newer version); everything else (damaged, the wrong shape, or an entry
 * from a newer format) is kept as its exact text in "damaged", so the file always passes the schema and
 * importing it puts back what was there.
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
    else if (found.type === "data" || found.type === "unknown") backup.data[rest.slice(5)] = found.value;
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
    // An entry from a newer version of the site is kept aside, untouched; one of a format this code reads
    // must have that format's shape.
    if (ID.test(id) && isNewerEntry(entry) && entry.exercise === id) continue;
    const parsed = ID.test(id) ? parseEntry(JSON.stringify(entry)) : null;
    if (!parsed || parsed.exercise !== id || parsed.format > FORMAT || !isEntry(entry)) {
      throw new BackupError(t("backup_bad_entry", { id: isolate(cutText(id, 60)) }));
    }
  }
  for (const [name, value] of Object.entries(data.data)) {
    // A name this version does not know comes from a newer version: kept aside, whatever its (safe) value.
    if (!isKnownData(name)) {
      if (!DATA_NAME.test(name)) throw new BackupError(t("backup_bad_data_name", { name: isolate(cutText(name, 60)) }));
    } else if (!isData(name, value)) throw wrong(`data.${name}`);
  }
  for (const [key, raw] of Object.entries(data.damaged)) {
    const [type, ...name] = key.split(":");
    const clash = (type === "entry" && Object.hasOwn(data.entries, name.join(":")))
      || (type === "data" && Object.hasOwn(data.data, name.join(":")));
    if (typeof raw !== "string" || !DAMAGED_KEY.test(key) || clash) throw new BackupError(t("backup_bad_damaged"));
  }
  return data;
}

/**
 * Each part of a backup with the storage key it belongs under, its raw text and its kind:
 *   entry, data  readable here: stored under its own key
 *   newer        an entry from a newer version of the site ("entry:<id>")
 *   unknown      saved state of a name this version does not know ("data:<name>")
 *   damaged      a value the backup lists as damaged (the storage key it was found under)
 * The last three are kept aside: under their own key only when nothing is saved there (so a backup restores
 * exactly what it was made from), otherwise under a "corrupt:" key (importSteps).
 * @returns {{key: string, raw: string, kind: "entry"|"data"|"newer"|"unknown"|"damaged"}[]}
 */
function backupParts(store, backup) {
  const parts = [];
  for (const [id, entry] of Object.entries(backup.entries)) {
    parts.push({ key: `${store.prefix}entry:${id}`, raw: JSON.stringify(entry), kind: isNewerEntry(entry) ? "newer" : "entry" });
  }
  for (const [name, value] of Object.entries(backup.data)) {
    parts.push({ key: `${store.prefix}data:${name}`, raw: JSON.stringify(value), kind: isKnownData(name) ? "data" : "unknown" });
  }
  for (const [rest, raw] of Object.entries(backup.damaged)) {
    const found = classify(rest, raw).type;
    parts.push({ key: `${store.prefix}${rest}`, raw, kind: found === "newer" || found === "unknown" ? found : "damaged" });
  }
  return parts;
}

const READABLE = new Set(["entry", "data"]);

/** The key a value kept aside goes under: "corrupt:" and its own key. */
function asideKey(store, key) {
  const rest = key.slice(store.prefix.length);
  return `${store.prefix}${rest.startsWith("corrupt:") ? rest : `corrupt:${rest}`}`;
}

/**
 * Work out, for one way of importing, where every part of a backup goes, and what happens to it.
 * Merging: what is new is added; where both have a readable version of an exercise, the answers changed most
 * recently are used and every differing answer of the other is kept in the entry as a dated copy (field-merge.js
 * keepBoth), with the kept copies and snapshots of both; your own version of other saved state is kept; a readable version here that this code cannot read is moved
 * aside before the backup's is written. Values the backup holds that this version cannot use (newer, unknown,
 * damaged) never go over anything here: they take their own key only when it is free, else the first free
 * "corrupt:" key. Replacing: every part under its own key (two that would share one: the second aside).
 * @param {"merge"|"replace"} mode
 * @param {Record<string, string>} current  the saved state now (store.snapshot())
 * @returns {{steps: {part: object, name: string, outcome: "added"|"same"|"backup"|"yours"|"aside",
 *   yoursAside: boolean}[], writes: [string, string][], kept: Set<string>}}  writes: what changes; kept: every
 *   key the import leaves holding a value of the backup (for replace: all that stays)
 */
function importSteps(store, backup, mode, current, now = new Date()) {
  const here = mode === "merge" ? current : {};
  const used = new Set();
  const writes = [];
  const write = (key, raw) => {
    used.add(key);
    if (current[key] !== raw) writes.push([key, raw]);
  };
  // The first of key, key:2, key:3… that holds this very value already, or is free here and in this import.
  const spare = (key, raw) => {
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? key : `${key}:${n}`;
      if (!used.has(candidate) && (!(candidate in here) || here[candidate] === raw)) return candidate;
    }
  };
  const parts = backupParts(store, backup);
  const steps = [];
  for (const part of parts) {
    const name = describeItem(store, part.key, part.raw);
    const local = here[part.key];
    const step = { part, name, outcome: "added", yoursAside: false };
    steps.push(step);
    if (!READABLE.has(part.kind) && (used.has(part.key) || (local !== undefined && local !== part.raw))) {
      const key = spare(asideKey(store, part.key), part.raw);
      step.outcome = here[key] === part.raw ? "same" : "aside";
      write(key, part.raw);
    } else if (local === undefined || used.has(part.key)) {
      step.outcome = READABLE.has(part.kind) ? "added" : "aside";
      write(used.has(part.key) ? spare(asideKey(store, part.key), part.raw) : part.key, part.raw);
    } else if (local === part.raw) {
      step.outcome = "same";
      write(part.key, part.raw);
    } else {
      const rest = part.key.slice(store.prefix.length);
      const mine = classify(rest, local);
      if (mine.type !== part.kind) {
        // Yours here cannot be read: kept aside, and the backup's readable version used.
        write(spare(asideKey(store, part.key), local), local);
        step.yoursAside = true;
        step.outcome = "backup";
        write(part.key, part.raw);
      } else if (part.kind === "entry") {
        // Both readable and different: the newer answers are used, the older kept as a dated copy.
        const theirs = migrate(JSON.parse(part.raw));
        const yours = migrate(mine.value);
        const backupNewer = (theirs.updated || "") > (yours.updated || "");
        const both = backupNewer ? keepBoth(theirs, yours, now) : keepBoth(yours, theirs, now);
        step.outcome = backupNewer ? "backup" : "yours";
        step.differed = both.differed;
        if (both.changed || backupNewer) write(part.key, both.changed ? JSON.stringify(both.entry) : part.raw);
        else used.add(part.key);
      } else {
        step.outcome = "yours";
        used.add(part.key);
      }
    }
  }
  return { steps, writes, kept: used };
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
    return entry && typeof entry.title === "string" && entry.title ? entry.title : rest.slice(6);
  }
  if (rest === "data:visits") return t("backup_item_visits");
  if (rest === "data:place") return t("backup_item_place");
  if (rest === "data:preferences") return t("backup_item_preferences");
  if (rest === "data:record") return t("backup_item_record");
  if (rest === "data:agenda") return t("backup_item_agenda");
  if (rest === "data:pulse-codes") return t("backup_item_pulse_codes");
  if (rest === "data:backups") return t("backup_item_backups");
  if (rest.startsWith("data:")) return t("backup_item_unknown", { name: isolate(rest.slice(5)) });
  return t("backup_item_damaged", { key: isolate(rest.replace(/^corrupt:/, "")) });
}

/**
 * Work out what importing would change, for both ways of importing.
 * keptAside lists what this version keeps aside, untouched, and why: "damaged" (the backup lists it as
 * damaged), "newer" (an entry from a newer version of the site), "unknown" (saved state this version does
 * not know), "yours" (your copy here could not be read, so it is moved aside for the backup's).
 * conflicts: in both, and different; copy: the older answers are kept as a dated copy.
 * @returns {{added: string[], same: string[], conflicts: {name: string, keep: "backup"|"yours", copy: boolean}[],
 *   keptAside: {name: string, why: "damaged"|"newer"|"unknown"|"yours"}[], removedOnReplace: string[], otherSite: boolean}}
 */
export function planImport(store, backup) {
  const current = store.snapshot();
  const plan = { added: [], same: [], conflicts: [], keptAside: [], removedOnReplace: [], otherSite: false };
  plan.otherSite = Boolean(backup.site && (backup.site.name !== store.name || backup.site.scope !== store.scope));
  for (const step of importSteps(store, backup, "merge", current).steps) {
    const { part, name, outcome, yoursAside } = step;
    if (outcome === "same") plan.same.push(name);
    else if (!READABLE.has(part.kind)) plan.keptAside.push({ name, why: part.kind });
    else if (outcome === "added") plan.added.push(name);
    else plan.conflicts.push({ name, keep: outcome, copy: Boolean(step.differed) });
    if (yoursAside) plan.keptAside.push({ name, why: "yours" });
  }
  const { kept } = importSteps(store, backup, "replace", current);
  for (const [key, raw] of Object.entries(current)) {
    if (!kept.has(key)) plan.removedOnReplace.push(describeItem(store, key, raw));
  }
  return plan;
}

/**
 * Apply a checked backup (see importSteps for what goes where). "merge" adds what is new and, where both
 * have a version, keeps the entry changed most recently; "replace" makes the saved state the backup's.
 * Nothing this version cannot read ever goes over a readable value. All or nothing: if the browser refuses
 * a write (storage full or blocked), everything is put back as it was before.
 * @returns {{ok: true, written: number, differed: string[]} | {ok: false, reason: "full"|"unavailable", restored: boolean,
 *   previous: Record<string, string>}}  differed: the exercises in both whose answers differed (the older kept as a copy)
 *   restored is false only if putting the previous state back failed too; previous is that state, so the
 *   page can still offer it as a backup file.
 */
export function applyImport(store, backup, mode) {
  const previous = store.snapshot();
  if (!store.available()) return { ok: false, reason: "unavailable", restored: true, previous };
  const { steps, writes, kept } = importSteps(store, backup, mode, previous);
  const result = writeAll(store, previous, writes);
  if (!result.ok) return { ...result, previous };
  result.differed = steps.filter((step) => step.differed).map((step) => step.name);
  // Only once everything is written: what the backup does not have goes (removing never fails for lack of room).
  if (mode === "replace") for (const key of Object.keys(previous)) if (!kept.has(key)) store.removeRaw(key);
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
