/**
 * The one storage layer behind every exercise and every "My learning" page.
 *
 * Nothing here ever leaves the browser. Keys are namespaced per site copy:
 *   "<site name>:<site path>:entry:<exercise id>"   one exercise's answers (an "entry", see FORMAT)
 *   "<site name>:<site path>:data:<name>"           other saved state: visits, the learning record
 *   "<site name>:<site path>:corrupt:<key rest>"    a damaged value, kept so it can still be exported
 * The site path ("/" or "/our-council/") keeps two copies hosted on one domain apart.
 *
 * "This is a shared computer" is a setting of the device, not saved state: it lives in localStorage under
 * "<site name>:<site path>#shared-computer" (value "on"; anything else, or no value, is off). That key is
 * outside the "<site name>:<site path>:" prefix on purpose, so backups never carry it to another device,
 * imports never set or clear it, and "delete everything" leaves it on (deleting answers is exactly what a
 * shared computer needs; the protection must stay for the next person). It is switched off on My learning,
 * or by clearing the browser's data for the site. While it is on, every tab of the site keeps its answers
 * only for itself (sessionStorage) and lasting answers are never read. Versions before kept it per tab, in
 * sessionStorage under the same key (or "<prefix>shared-computer"): a tab still holding it turns the device
 * setting on. A tab whose own answers could not be moved into lasting storage after the setting went off
 * stays in shared mode (sessionStorage "<site name>:<site path>#shared-computer-unmoved") until they are.
 *
 * Entry format 2: {format, kind, exercise, title, page, updated, values, readable, flagged, snapshots}
 *   values    the answers, keyed by item id (never by position)
 *   readable  [{label, text}] a plain-text copy of the answers for My learning, the agenda and the record
 *   flagged   true when the learner wants to bring it to supervision
 *   snapshots dated copies of a self-assessment, to compare over the supported year
 * Older formats are migrated on read (MIGRATIONS); entries from a newer format are left untouched.
 * Every value read is checked against its shape (shape.js): one of the wrong shape is reported as damaged
 * and kept for export (moved under "corrupt:" when an exercise or a page reads it), never acted on.
 *
 * In "shared computer" mode the store uses sessionStorage, so answers last only for the tab (lib/shared-mode.js
 * makes open tabs follow a change of the setting).
 * Every call is wrapped: a full, blocked or damaged store gives a result to report, never an exception.
 */

import { DATA_NAME, ENTRY_FORMAT, isData, isEntry, isKnownData } from "./shape.js";
import { lmsTabOnly } from "./lms.js";
import { t } from "./strings.js";

export const FORMAT = ENTRY_FORMAT;

/** Upgrades from each older entry format to the next. */
export const MIGRATIONS = {
  1: (entry) => ({ ...entry, format: 2, readable: [], flagged: false, snapshots: [] }),
};

/** Why something could not be saved or read, in words a learner can act on. */
export const FAILURE_MESSAGES = {
  full: t("storage_full"),
  unavailable: t("storage_unavailable"),
  corrupt: t("storage_corrupt"),
  newer: t("storage_newer"),
};

/** The setting's key (localStorage; in sessionStorage, the per-tab flag of earlier versions), outside the prefix. */
export const sharedSettingKey = ({ name, scope }) => `${name}:${scope}#shared-computer`;
/** Marks a tab still holding answers of its own that could not be moved to lasting storage (sessionStorage). */
const unmovedKey = ({ name, scope }) => `${name}:${scope}#shared-computer-unmoved`;
/** Where versions before the per-tab flag kept it: inside the prefix. */
const LEGACY_SHARED_FLAG = "shared-computer";

/**
 * Work out this site's storage namespace from the page.
 * @returns {{name: string, scope: string}}
 */
export function siteNamespace() {
  const meta = document.querySelector('meta[name="rs-storage"]');
  const name = (meta && meta.content) || "reflective-supervision";
  // A SCORM package names one fixed scope for the series: an LMS changes its address on every upload.
  const fixedScope = document.querySelector('meta[name="rs-storage-scope"]');
  if (fixedScope && fixedScope.content) return { name, scope: fixedScope.content };
  let base = ".";
  try {
    base = JSON.parse(document.getElementById("__config").textContent).base || ".";
  } catch {
    // No Material config on this page: treat the current folder as the site root.
  }
  return { name, scope: new URL(base, location.href).pathname };
}

/** A namespaced, fail-safe view of one Web Storage area. */
export class Store {
  /**
   * @param {{name: string, scope: string, area?: Storage | null, shared?: boolean}} options
   */
  constructor({ name, scope, area, shared = false }) {
    this.name = name;
    this.scope = scope;
    this.prefix = `${name}:${scope}:`;
    this.shared = shared;
    this.area = area === undefined ? webStorage(shared ? "sessionStorage" : "localStorage") : area;
  }

  /** @param {string} id exercise id */
  keyFor(id) {
    return `${this.prefix}entry:${id}`;
  }

  /** The key a named piece of other saved state (getData, setData) is kept under. @param {string} name */
  dataKey(name) {
    return `${this.prefix}data:${name}`;
  }

  /**
   * Has a damaged value of this key been moved aside (quarantine: under "corrupt:", numbered when there are
   * several)?
   * @param {string} key  a key of this store, such as dataKey("record")
   */
  keptAside(key) {
    const aside = `${this.prefix}corrupt:${key.slice(this.prefix.length)}`;
    return Object.keys(this.snapshot()).some((stored) => stored === aside || stored.startsWith(`${aside}:`));
  }

  /** Every key in this store's storage area, of any site or folder (none if it cannot be read). */
  areaKeys() {
    const keys = [];
    try {
      for (let i = 0; this.area && i < this.area.length; i += 1) keys.push(this.area.key(i));
    } catch {
      // An unreadable store has nothing to offer.
    }
    return keys;
  }

  /**
   * Read one entry, migrating an older format.
   * @param {string} id
   * @returns {{status: "ok"|"missing"|"corrupt"|"unavailable"|"newer", entry?: object, kept?: boolean}}
   */
  load(id) {
    const read = this.readRaw(this.keyFor(id));
    if (read.status !== "ok") return read;
    const found = classify(`entry:${id}`, read.raw);
    if (found.type === "newer") return { status: "newer", entry: found.value };
    if (found.type !== "entry") {
      // kept: the damaged value is safe under "corrupt:" (false when moving it failed, so it is still here).
      return { status: "corrupt", kept: this.quarantine(this.keyFor(id), read.raw) };
    }
    const parsed = found.value;
    const entry = migrate(parsed);
    if (entry.format !== parsed.format) this.writeRaw(this.keyFor(id), JSON.stringify(entry));
    return { status: "ok", entry };
  }

  /**
   * Write one entry.
   * @param {string} id
   * @param {object} entry
   * @returns {{ok: true} | {ok: false, reason: "full"|"unavailable"}}
   */
  save(id, entry) {
    const { format, ...rest } = entry;
    return this.writeRaw(this.keyFor(id), JSON.stringify({ format: FORMAT, ...rest }));
  }

  /** @param {string} id */
  remove(id) {
    this.removeRaw(this.keyFor(id));
  }

  /**
   * Read a named piece of other saved state (JSON), or a fallback. A value that is not JSON, or not of
   * the name's shape (shape.js DATA_SHAPES), is moved aside as damaged (kept for export) and the fallback used.
   * @param {string} name
   * @param {any} fallback
   */
  getData(name, fallback) {
    const read = this.readRaw(this.dataKey(name));
    if (read.status !== "ok") return fallback;
    let value;
    try {
      value = JSON.parse(read.raw);
    } catch {
      value = undefined;
    }
    if (value === undefined || !isData(name, value)) {
      this.quarantine(this.dataKey(name), read.raw);
      return fallback;
    }
    return value;
  }

  /** @param {string} name @param {any} value */
  setData(name, value) {
    return this.writeRaw(this.dataKey(name), JSON.stringify(value));
  }

  /**
   * Every entry of this site, newest format, plus damaged values (not JSON, or the wrong shape, entries or
   * other saved state) and entries from a newer format. Reading never changes what is stored.
   * @returns {{entries: object[], corrupt: {key: string, raw: string}[], newer: object[]}}
   */
  list() {
    const entries = [];
    const corrupt = [];
    const newer = [];
    for (const [key, raw] of Object.entries(this.snapshot())) {
      const found = classify(key.slice(this.prefix.length), raw);
      if (found.type === "entry") entries.push(migrate(found.value));
      else if (found.type === "newer") newer.push(found.value);
      else if (found.type === "damaged") corrupt.push({ key, raw });
    }
    return { entries, corrupt, newer };
  }

  /**
   * Can this site use its storage area at all? False when the browser blocks storage (switched off,
   * some private windows, locked-down computers); a full store is still available.
   */
  available() {
    if (!this.area) return false;
    try {
      return typeof this.area.length === "number";
    } catch {
      return false;
    }
  }

  /**
   * Every key of this site and its raw value, sorted by key: the whole saved state. The "shared computer"
   * setting is not part of it (not even where older versions kept it under the prefix).
   * @returns {Record<string, string>}
   */
  snapshot() {
    const state = {};
    if (!this.area) return state;
    try {
      for (let i = 0; i < this.area.length; i += 1) {
        const key = this.area.key(i);
        if (key && key.startsWith(this.prefix) && key !== this.prefix + LEGACY_SHARED_FLAG) state[key] = this.area.getItem(key);
      }
    } catch {
      // An unreadable store reads as empty; writes report "unavailable".
    }
    return Object.fromEntries(Object.entries(state).sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Delete everything this site has stored in this area (never the "shared computer" setting). */
  clearAll() {
    for (const key of Object.keys(this.snapshot())) this.removeRaw(key);
  }

  /**
   * Make this site's saved state exactly a snapshot again (used to undo an import that failed half way).
   * @param {Record<string, string>} state  from snapshot()
   * @returns {boolean} true when every value is back
   */
  restore(state) {
    for (const key of Object.keys(this.snapshot())) if (!(key in state)) this.removeRaw(key);
    let ok = true;
    for (const [key, raw] of Object.entries(state)) {
      if (this.readRaw(key).raw !== raw && !this.writeRaw(key, raw).ok) ok = false;
    }
    return ok;
  }

  /**
   * Call back when another tab changes one of this site's entries.
   * @param {(id: string, entry: object|null) => void} callback
   */
  subscribe(callback) {
    const listener = (event) => {
      if (event.storageArea !== this.area || !event.key || !event.key.startsWith(`${this.prefix}entry:`)) return;
      const id = event.key.slice(`${this.prefix}entry:`.length);
      const entry = event.newValue === null ? null : parseEntry(event.newValue);
      // A value of the wrong shape is left for the next read to report; it never replaces what is on screen.
      if (entry && entry.format <= FORMAT && !isEntry(entry)) return;
      callback(id, entry && entry.format <= FORMAT ? migrate(entry) : null);
    };
    window.addEventListener("storage", listener);
    return () => window.removeEventListener("storage", listener);
  }

  /**
   * Keep a damaged value under a separate key so it can be exported, and free the original key.
   * @returns {boolean} true when the value is kept aside (false: it could not be copied and stays where it was)
   */
  quarantine(key, raw) {
    const rest = key.slice(this.prefix.length);
    // Never write over a value moved aside earlier: the second goes to "...:2", and so on.
    let aside = `${this.prefix}corrupt:${rest}`;
    for (let n = 2; this.readRaw(aside).status === "ok" && this.readRaw(aside).raw !== raw; n += 1) aside = `${this.prefix}corrupt:${rest}:${n}`;
    if (!this.writeRaw(aside, raw).ok) return false;
    this.removeRaw(key);
    return true;
  }

  readRaw(key) {
    if (!this.area) return { status: "unavailable" };
    try {
      const raw = this.area.getItem(key);
      return raw === null ? { status: "missing" } : { status: "ok", raw };
    } catch {
      return { status: "unavailable" };
    }
  }

  writeRaw(key, raw) {
    if (!this.area) return { ok: false, reason: "unavailable" };
    try {
      this.area.setItem(key, raw);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: isQuotaError(error) ? "full" : "unavailable" };
    }
  }

  removeRaw(key) {
    try {
      if (this.area) this.area.removeItem(key);
    } catch {
      // Nothing to do: a store we cannot reach holds nothing of ours to remove.
    }
  }
}

/**
 * Is "shared computer" mode on in this tab? On when the device setting is on, and in a tab that still holds
 * answers it could not move to lasting storage. A tab flag of an earlier version (sessionStorage) is moved
 * into the device setting; where lasting storage is blocked it keeps working for this tab.
 */
export function sharedComputerMode(namespace = siteNamespace()) {
  const local = webStorage("localStorage");
  const session = webStorage("sessionStorage");
  adoptTabFlag(namespace, local, session);
  return readItem(local, sharedSettingKey(namespace)) === "on"
    || readItem(session, sharedSettingKey(namespace)) === "on"
    || readItem(session, unmovedKey(namespace)) === "on"
    || lmsTabOnly(namespace);
}

/** Move an earlier version's per-tab flag into the device setting (kept in the tab if that cannot be written). */
function adoptTabFlag(namespace, local, session) {
  const key = sharedSettingKey(namespace);
  const legacy = `${namespace.name}:${namespace.scope}:${LEGACY_SHARED_FLAG}`;
  const flagged = readItem(session, key) === "on" || readItem(session, legacy) === "on";
  if (!flagged) return;
  if (writeItem(local, key, "on")) {
    removeItem(session, key);
  } else writeItem(session, key, "on");
  removeItem(session, legacy);
}

/**
 * Switch "shared computer" mode on or off for this device (every tab of this copy follows: lib/shared-mode.js).
 * Where the browser blocks lasting storage, switching on still works for this tab.
 * @param {boolean} on
 * @returns {boolean} true when the mode is now as asked
 */
export function setSharedComputerMode(on, namespace = siteNamespace()) {
  const local = webStorage("localStorage");
  const session = webStorage("sessionStorage");
  const key = sharedSettingKey(namespace);
  shared = null;
  removeItem(session, `${namespace.name}:${namespace.scope}:${LEGACY_SHARED_FLAG}`);
  if (on) {
    if (writeItem(local, key, "on")) {
      removeItem(session, key);
      return true;
    }
    return writeItem(session, key, "on");
  }
  removeItem(local, key);
  removeItem(session, key);
  removeItem(session, unmovedKey(namespace));
  return !sharedComputerMode(namespace);
}

/**
 * Mark this tab as holding answers of its own that could not be moved into lasting storage (it stays in
 * shared mode until they are moved or discarded on My learning), or clear the mark.
 */
export function markTabAnswersUnmoved(on, namespace = siteNamespace()) {
  const session = webStorage("sessionStorage");
  shared = null;
  return on ? writeItem(session, unmovedKey(namespace), "on") : (removeItem(session, unmovedKey(namespace)), true);
}

/**
 * Call back with the new mode when another tab changes the device setting (or clears the browser's storage).
 * @param {(on: boolean) => void} callback
 */
export function onSharedModeChange(callback, namespace = siteNamespace()) {
  const local = webStorage("localStorage");
  const listener = (event) => {
    if (event.storageArea !== local || (event.key !== null && event.key !== sharedSettingKey(namespace))) return;
    callback(sharedComputerMode(namespace));
  };
  window.addEventListener("storage", listener);
  return () => window.removeEventListener("storage", listener);
}

function readItem(area, key) {
  try {
    return area ? area.getItem(key) : null;
  } catch {
    return null;
  }
}

function writeItem(area, key, value) {
  try {
    if (!area) return false;
    area.setItem(key, value);
    return area.getItem(key) === value;
  } catch {
    return false;
  }
}

function removeItem(area, key) {
  try {
    if (area) area.removeItem(key);
  } catch {
    // A store we cannot reach holds nothing to remove.
  }
}

/** The store for this site and this tab's mode, created once per page. */
let shared = null;
export function siteStore() {
  if (!shared) {
    const namespace = siteNamespace();
    shared = new Store({ ...namespace, shared: sharedComputerMode(namespace) });
  }
  return shared;
}

/**
 * What a stored value is, from its key without the site prefix ("entry:<id>", "data:<name>", "corrupt:...")
 * and its raw text:
 *   entry    a readable entry of a format this code knows, stored under its own exercise id (value: the entry)
 *   newer    an entry from a newer format, kept untouched (value: the parsed entry)
 *   data     a named piece of other saved state of the right shape (value: the parsed value)
 *   unknown  a named piece of saved state this version does not know (from a newer version), kept untouched
 *            and carried in backups (value: the parsed value)
 *   damaged  not JSON, or the wrong shape, or already moved aside under "corrupt:"
 *   other    a key this version does not use
 * @param {string} rest
 * @param {string} raw
 * @returns {{type: "entry"|"newer"|"data"|"unknown"|"damaged"|"other", value?: any}}
 */
export function classify(rest, raw) {
  if (rest.startsWith("entry:")) {
    const parsed = parseEntry(raw);
    if (parsed && parsed.format > FORMAT) return { type: "newer", value: parsed };
    return parsed && isEntry(parsed) && parsed.exercise === rest.slice(6) ? { type: "entry", value: parsed } : { type: "damaged" };
  }
  if (rest.startsWith("data:")) {
    const value = parseJson(raw);
    const name = rest.slice(5);
    if (!isKnownData(name) && DATA_NAME.test(name) && value !== undefined) return { type: "unknown", value };
    return isData(name, value) ? { type: "data", value } : { type: "damaged" };
  }
  return rest.startsWith("corrupt:") ? { type: "damaged" } : { type: "other" };
}

/**
 * Parse a stored value; null if it is not a well-formed entry.
 * @param {string|null} raw
 */
export function parseEntry(raw) {
  try {
    const entry = JSON.parse(raw);
    const valid = entry && typeof entry === "object" && !Array.isArray(entry)
      && typeof entry.exercise === "string" && entry.values && typeof entry.values === "object"
      && Number.isInteger(entry.format ?? 1);
    return valid ? { ...entry, format: entry.format ?? 1 } : null;
  } catch {
    return null;
  }
}

/** Bring an entry up to the current format. */
export function migrate(entry) {
  let current = entry;
  while (current.format < FORMAT && MIGRATIONS[current.format]) current = MIGRATIONS[current.format](current);
  return current;
}

function parseJson(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function webStorage(name) {
  try {
    return window[name] || null;
  } catch {
    return null;
  }
}

function isQuotaError(error) {
  return error instanceof DOMException
    && (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22);
}
