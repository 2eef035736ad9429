/**
 * The decisions an exercise form takes about its saved entry, without the page: whether a read allows writing,
 * what opening and saving do after a read, the entry a save writes, whether it is worth keeping and which note
 * follows. lib/exercise.js does the page's part; Node tests check these (tests/js/exercise-state.test.mjs).
 */

import { addCopy, makeCopy } from "./field-merge.js";

/** An entry with nothing saved in it yet. */
export function emptyEntry() {
  return { flagged: false, snapshots: [] };
}

/**
 * May a form write its entry after this read? Not when the read threw ("unavailable": what is stored is
 * unknown), nor when a damaged value could not be moved aside (it is still under the entry's key). A damaged
 * value kept under "corrupt:" is safe, and so is a missing one.
 * @param {{status: string, kept?: boolean}} loaded  a Store.load() result
 */
export function readAllowsWriting(loaded) {
  if (loaded.status === "unavailable") return false;
  return !(loaded.status === "corrupt" && loaded.kept === false);
}

/** True when an answers object holds nothing worth keeping. */
export function isEmpty(values) {
  return Object.values(values)
    .every((value) => (Array.isArray(value) ? value.length === 0 : value === "" || value === undefined));
}

/**
 * What a form does with the entry it reads on opening: "restore" it, "newer" (restore it, read only),
 * "hold" (the read failed: save nothing until the learner says so) or "fresh" (start empty).
 * @param {{status: string, kept?: boolean}} loaded  a Store.load() result
 * @param {boolean} available  whether the browser lets the site use its storage at all
 */
export function openingStep(loaded, available) {
  if (loaded.status === "ok") return "restore";
  if (loaded.status === "newer") return "newer";
  if (!readAllowsWriting(loaded) && available) return "hold";
  return "fresh";
}

/**
 * What a save does after reading the entry as stored now: stop ("newer": a newer version of the site wrote it),
 * wait for the learner ("hold": the read failed) or "write". Storage the browser blocks outright holds nothing
 * to write over, so it counts as writable (the write then reports it).
 * @param {{status: string, kept?: boolean}} loaded  a Store.load() result
 * @param {{available: boolean, saveAnyway: boolean}} options
 * @returns {{step: "newer"|"hold"} | {step: "write", writable: boolean}}
 */
export function saveStep(loaded, { available, saveAnyway }) {
  if (loaded.status === "newer") return { step: "newer" };
  const writable = readAllowsWriting(loaded) || !available;
  if (!writable && !saveAnyway) return { step: "hold" };
  return { step: "write", writable };
}

/**
 * The entry a save builds on: the one stored, a new one when nothing readable is stored, or (the read failing
 * and the learner saving anyway) this window's own view of the entry.
 */
export function entryToWriteOver(loaded, writable, own) {
  if (loaded.status === "ok") return loaded.entry;
  return writable ? emptyEntry() : own;
}

/**
 * The entry a save stores: the current one (its other keys kept) with this window's answers and details, a copy
 * of the other window's text it replaced, then each waiting change applied in turn.
 * @param {object} current  the entry as stored
 * @param {object} details  kind, exercise, title, page, updated, values, readable, flagged, role (may be undefined)
 * @param {{overwritten?: object, pending?: ((entry: object) => object)[]}} [changes]
 */
export function nextEntry(current, details, { overwritten = {}, pending = [] } = {}) {
  const { kind, exercise, title, page, updated, values, readable, flagged, role } = details;
  let next = { ...current, kind, exercise, title, page, updated, values, readable, flagged, role };
  if (next.role === undefined) delete next.role;
  if (Object.keys(overwritten).length) next.copies = addCopy(current.copies, makeCopy(overwritten, "other-window"));
  for (const change of pending) next = change(next);
  return next;
}

/** Is an entry worth storing: answers, the supervision flag, snapshots or kept copies? */
export function worthKeeping(values, entry) {
  return !isEmpty(values) || Boolean(entry.flagged) || (entry.snapshots || []).length > 0
    || (entry.copies || []).length > 0;
}

/**
 * Which note follows a save that worked: "kept-copy", "shared" or "saved" ("" when the entry was removed, having
 * nothing to keep).
 * @param {{kept: boolean, keptCopy: boolean, shared: boolean}} outcome
 */
export function savedNote({ kept, keptCopy, shared }) {
  if (!kept) return "";
  if (keptCopy) return "kept-copy";
  return shared ? "shared" : "saved";
}

/**
 * Has this window changes of its own waiting, so that another window's save must not simply replace its form?
 * @param {{own: Set<string>, ownFlag: boolean, pending: unknown[]}} changes
 */
export function hasOwnChanges({ own, ownFlag, pending }) {
  return own.size > 0 || Boolean(ownFlag) || pending.length > 0;
}

/**
 * The page an exercise belongs to: its module (data-rs-home), even when answered on a handouts page.
 * @param {string | undefined} home
 * @param {{href: string, pathname: string}} where  the page's location
 */
export function exercisePage(home, where) {
  return home ? new URL(home, where.href).pathname : where.pathname;
}

/**
 * Does "Clear" leave the stored entry alone (only emptying the form)? Yes when a newer version wrote it, or when
 * it could not be read and the learner has not chosen to save anyway.
 * @param {{readOnly: boolean, unread: boolean, saveAnyway: boolean}} state
 */
export function clearingLeavesStore({ readOnly, unread, saveAnyway }) {
  return readOnly || (unread && !saveAnyway);
}
