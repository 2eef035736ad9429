/**
 * Who the learner is: an NQSW or a supervisor (or not said), and whether they run group sessions.
 * Kept in the "preferences" data (shape.js) as {role, groups}, beside the facilitator view.
 *
 * An exercise's text may be written for each role (macros/roles.py): the page holds both wordings, and
 * <html data-rs-role> (set before the first paint by assets/js/head.js, and by setRole here) picks the one
 * shown (widgets/_exercise.css). With no role, the NQSW wording shows and the supervisor wording is a note.
 * A script's configuration keeps {nqsw, supervisor} mappings: resolveRoles picks the learner's wording.
 */

import { isPlainObject } from "./shape.js";

export const ROLES = ["nqsw", "supervisor"];
const PREFERENCES = "preferences";

/** Is this a role-wording mapping ({nqsw, supervisor}, both text, nothing else)? */
export function isRoleText(value) {
  return isPlainObject(value) && Object.keys(value).length === 2
    && typeof value.nqsw === "string" && typeof value.supervisor === "string";
}

/**
 * A copy of a script's configuration with every role-wording mapping replaced by one wording:
 * the supervisor's when the role is "supervisor", otherwise the NQSW's.
 * @param {unknown} value
 * @param {string | null | undefined} role
 */
export function resolveRoles(value, role) {
  if (isRoleText(value)) return role === "supervisor" ? value.supervisor : value.nqsw;
  if (Array.isArray(value)) return value.map((item) => resolveRoles(item, role));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveRoles(item, role)]));
  return value;
}

/** The role shown on this page (<html data-rs-role>), or null when none is chosen. */
export function pageRole(doc = document) {
  const role = doc.documentElement.dataset.rsRole;
  return ROLES.includes(role) ? role : null;
}

/** Show a role's wording on this page at once (null: the NQSW wording with notes for supervisors). */
export function showRole(role, doc = document) {
  if (ROLES.includes(role)) doc.documentElement.dataset.rsRole = role;
  else delete doc.documentElement.dataset.rsRole;
}

/**
 * An element's text as the learner reads it: without the wording of the other role, and without the
 * "Wording for supervisors" note when a role is chosen (for the plain-text copy of answers).
 * @param {Element} element
 * @param {string | null} role
 */
export function visibleText(element, role) {
  if (!element.querySelector("[data-rs-variant]")) return element.textContent;
  const copy = element.cloneNode(true);
  const hidden = role === "supervisor" ? '[data-rs-variant="nqsw"], [data-rs-variant="alt"]'
    : role === "nqsw" ? '[data-rs-variant="supervisor"], [data-rs-variant="alt"]'
      : '[data-rs-variant="supervisor"], [data-rs-variant="alt"]';
  for (const other of copy.querySelectorAll(hidden)) other.remove();
  return copy.textContent;
}

/** The saved preferences, as an object (empty when none or unreadable). */
function preferences(store) {
  const saved = store.getData(PREFERENCES, {});
  return isPlainObject(saved) ? saved : {};
}

/** The learner's saved role, or null. */
export function savedRole(store) {
  const role = preferences(store).role;
  return ROLES.includes(role) ? role : null;
}

/** Has the learner said they run group sessions? */
export function runsGroups(store) {
  return preferences(store).groups === true;
}

/**
 * Save the role (null forgets it) and, when given, whether the learner runs group sessions; other
 * preferences are kept. Returns the store's result.
 * @param {import("./storage.js").Store} store
 * @param {{role?: string | null, groups?: boolean}} choice
 */
export function saveWhoIAm(store, choice) {
  const next = { ...preferences(store) };
  if ("role" in choice) {
    if (ROLES.includes(choice.role)) next.role = choice.role;
    else delete next.role;
  }
  if ("groups" in choice) next.groups = Boolean(choice.groups);
  return store.setData(PREFERENCES, next);
}
