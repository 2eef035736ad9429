/**
 * The one storage layer behind every exercise and every "My learning" page.
 *
 * Nothing here ever leaves the browser. Keys are namespaced per site copy:
 *   "<site name>:<site path>:entry:<exercise id>"   one exercise's answers (an "entry", see FORMAT)
 *   "<site name>:<site path>:data:<name>"           other saved state: visits, the learning record
 *   "<site name>:<site path>:corrupt:<key rest>"    a damaged value, kept so it can still be exported
 * The site path ("/" or "/our-council/") keeps two copies hosted on one domain apart.
 *
 * Entry format 2: {format, kind, exercise, title, page, updated, values, readable, flagged, snapshots}
 *   values    the answers, keyed by item id (never by position)
 *   readable  [{label, text}] a plain-text copy of the answers for My learning, the agenda and the record
 *   flagged   true when the learner wants to bring it to supervision
 *   snapshots dated copies of a self-assessment, to compare over the supported year
 * Older formats are migrated on read (MIGRATIONS); entries from a newer format are left untouched.
 *
 * In "shared computer" mode the store uses sessionStorage, so answers last only for the tab.
 * Every call is wrapped: a full, blocked or damaged store gives a result to report, never an exception.
 */

import { t } from "./strings.js";

export const FORMAT = 2;

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

const SHARED_FLAG = "shared-computer";

/**
 * Work out this site's storage namespace from the page.
 * @returns {{name: string, scope: string}}
 */
export function siteNamespace() {
  const meta = document.querySelector('meta[name="rs-storage"]');
  const name = (meta && meta.content) || "reflective-supervision";
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

  /**
   * Read one entry, migrating an older format.
   * @param {string} id
   * @returns {{status: "ok"|"missing"|"corrupt"|"unavailable"|"newer", entry?: object}}
   */
  load(id) {
    const read = this.readRaw(this.keyFor(id));
    if (read.status !== "ok") return read;
    const parsed = parseEntry(read.raw);
    if (!parsed) {
      this.quarantine(this.keyFor(id), read.raw);
      return { status: "corrupt" };
    }
    if (parsed.format > FORMAT) return { status: "newer", entry: parsed };
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
   * Read a named piece of other saved state (JSON), or a fallback.
   * @param {string} name
   * @param {any} fallback
   */
  getData(name, fallback) {
    const read = this.readRaw(`${this.prefix}data:${name}`);
    if (read.status !== "ok") return fallback;
    try {
      return JSON.parse(read.raw);
    } catch {
      this.quarantine(`${this.prefix}data:${name}`, read.raw);
      return fallback;
    }
  }

  /** @param {string} name @param {any} value */
  setData(name, value) {
    return this.writeRaw(`${this.prefix}data:${name}`, JSON.stringify(value));
  }

  /**
   * Every entry of this site, newest format, plus damaged values.
   * @returns {{entries: object[], corrupt: {key: string, raw: string}[], newer: object[]}}
   */
  list() {
    const entries = [];
    const corrupt = [];
    const newer = [];
    for (const [key, raw] of Object.entries(this.snapshot())) {
      const rest = key.slice(this.prefix.length);
      if (rest.startsWith("entry:")) {
        const parsed = parseEntry(raw);
        if (!parsed) corrupt.push({ key, raw });
        else if (parsed.format > FORMAT) newer.push(parsed);
        else entries.push(migrate(parsed));
      } else if (rest.startsWith("corrupt:")) {
        corrupt.push({ key, raw });
      }
    }
    return { entries, corrupt, newer };
  }

  /**
   * Every key of this site and its raw value, sorted by key: the whole saved state.
   * @returns {Record<string, string>}
   */
  snapshot() {
    const state = {};
    if (!this.area) return state;
    try {
      for (let i = 0; i < this.area.length; i += 1) {
        const key = this.area.key(i);
        if (key && key.startsWith(this.prefix)) state[key] = this.area.getItem(key);
      }
    } catch {
      // An unreadable store reads as empty; writes report "unavailable".
    }
    return Object.fromEntries(Object.entries(state).sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Delete everything this site has stored in this area. */
  clearAll() {
    for (const key of Object.keys(this.snapshot())) this.removeRaw(key);
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
      callback(id, entry && entry.format <= FORMAT ? migrate(entry) : null);
    };
    window.addEventListener("storage", listener);
    return () => window.removeEventListener("storage", listener);
  }

  /** Keep a damaged value under a separate key so it can be exported, and free the original key. */
  quarantine(key, raw) {
    const rest = key.slice(this.prefix.length);
    if (this.writeRaw(`${this.prefix}corrupt:${rest}`, raw).ok) this.removeRaw(key);
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

/** Is "shared computer" mode on for this tab? */
export function sharedComputerMode(namespace = siteNamespace()) {
  const session = webStorage("sessionStorage");
  try {
    return Boolean(session && session.getItem(`${namespace.name}:${namespace.scope}:${SHARED_FLAG}`) === "on");
  } catch {
    return false;
  }
}

/**
 * Switch "shared computer" mode on or off for this tab. The next page load uses the chosen area.
 * @param {boolean} on
 */
export function setSharedComputerMode(on, namespace = siteNamespace()) {
  const session = webStorage("sessionStorage");
  if (!session) return false;
  const key = `${namespace.name}:${namespace.scope}:${SHARED_FLAG}`;
  try {
    if (on) session.setItem(key, "on");
    else session.removeItem(key);
    shared = null;
    return true;
  } catch {
    return false;
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
