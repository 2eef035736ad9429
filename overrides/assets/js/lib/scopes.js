/**
 * Other copies of this site in the same storage: an offline copy (file://) keeps its answers under the folder
 * it was opened from ("<site name>:<folder>:entry:<id>", lib/storage.js), so after the folder is moved its
 * answers are still in the browser under the old path. Chromium gives every file:// page one localStorage, so
 * a copy can find them; other browsers keep files apart, and then nothing is found.
 * Only for file:// copies: on a web server, two paths on one domain are two different copies on purpose.
 */

const SAVED_STATE = /^(entry|data|corrupt):/;

/**
 * The other folders (scopes) holding this site's saved state, from a list of storage keys.
 * A scope is a path that starts and ends with "/" (a Windows folder reads "/C:/Users/…/site/"); the
 * shared-computer setting and other keys outside a scope's prefix are not saved state and are left out.
 * @param {Iterable<string>} keys  every key of the storage area
 * @param {{name: string, scope: string}} here  this copy's namespace
 * @returns {{scope: string, entries: number, keys: number}[]} one per other scope that holds at least one
 *   exercise entry, the most entries first (then by path)
 */
export function otherScopes(keys, here) {
  const found = new Map();
  const start = `${here.name}:`;
  for (const key of keys) {
    if (typeof key !== "string" || !key.startsWith(start)) continue;
    const split = scopeOf(key.slice(start.length));
    if (!split || split.scope === here.scope) continue;
    const counts = found.get(split.scope) || { scope: split.scope, entries: 0, keys: 0 };
    counts.keys += 1;
    if (split.rest.startsWith("entry:")) counts.entries += 1;
    found.set(split.scope, counts);
  }
  return [...found.values()].filter((item) => item.entries > 0)
    .sort((a, b) => b.entries - a.entries || a.scope.localeCompare(b.scope));
}

/**
 * Split "<scope>:<rest>" where scope is a folder path ("/…/") and rest names saved state. The scope ends at
 * the first "/:" followed by a kind of saved state, so a colon inside a folder's name is kept in the scope.
 * @param {string} text  a key without "<site name>:"
 * @returns {{scope: string, rest: string} | null}
 */
export function scopeOf(text) {
  if (!text.startsWith("/")) return null;
  for (let at = text.indexOf("/:"); at !== -1; at = text.indexOf("/:", at + 1)) {
    const rest = text.slice(at + 2);
    if (SAVED_STATE.test(rest)) return { scope: text.slice(0, at + 1), rest };
  }
  return null;
}

/**
 * A folder path for people: the file:// path decoded, without the trailing slash.
 * @param {string} scope
 */
export function folderName(scope) {
  let text = scope;
  try {
    text = decodeURIComponent(scope);
  } catch {
    // Not percent-encoded text: show it as it is.
  }
  return text.length > 1 ? text.replace(/\/$/, "") : text;
}

/**
 * A backup of another folder's saved state, with its pages moved to this folder: each entry's page and each
 * visited page under the old folder is named under the new one, so the answers group under their modules and
 * link to this copy's pages. Everything else, dates included, is kept as it was.
 * @param {{site: object, entries: Record<string, object>, data: Record<string, any>}} backup  lib/backup.js backupOf()
 * @param {string} from  the other folder's scope
 * @param {string} to  this copy's scope
 */
export function rebaseBackup(backup, from, to) {
  const move = (path) => (typeof path === "string" && path.startsWith(from) ? to + path.slice(from.length) : path);
  const entries = {};
  for (const [id, entry] of Object.entries(backup.entries)) {
    entries[id] = typeof entry.page === "string" ? { ...entry, page: move(entry.page) } : entry;
  }
  const data = { ...backup.data };
  if (data.visits && typeof data.visits === "object") {
    data.visits = Object.fromEntries(Object.entries(data.visits).map(([path, date]) => [move(path), date]));
  }
  return { ...backup, site: { ...backup.site, scope: to }, entries, data };
}
