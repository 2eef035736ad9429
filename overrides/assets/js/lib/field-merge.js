/**
 * Two windows, one exercise: merging answers field by field (a field is one item id in an entry's values),
 * and the dated copies ("copies" in an entry) that keep a text another write replaced.
 * Pure functions: no storage, no page.
 *
 * A window remembers its "base": the values as it last saved or restored them. The fields it changed are
 * those that differ from the base. When the stored values changed meanwhile (another window saved), the
 * window keeps its own changed fields and takes the stored value of every other field. When both changed
 * the same field, the later write wins and the other text is kept as a copy.
 */

/** How many copies an entry keeps (the oldest go first). */
export const COPY_LIMIT = 10;

/** True for an answer that holds nothing: missing, "", or an empty list. */
export function isBlank(answer) {
  return answer === undefined || answer === null || answer === "" || (Array.isArray(answer) && answer.length === 0);
}

/** Do two answers say the same? (Blank answers are all the same; lists are compared item by item.) */
export function sameAnswer(a, b) {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  return a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));
}

/** Do two sets of values hold the same answers? */
export function sameValues(a, b) {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((id) => sameAnswer(a[id], b[id]));
}

/**
 * The fields whose answer differs between the base and the values now.
 * @param {Record<string, unknown>} base
 * @param {Record<string, unknown>} current
 * @returns {Set<string>}
 */
export function changedFields(base, current) {
  const ids = new Set([...Object.keys(base), ...Object.keys(current)]);
  return new Set([...ids].filter((id) => !sameAnswer(base[id], current[id])));
}

/**
 * Merge this window's values into the stored ones.
 * @param {{stored: object, base: object, mine: object, changed: Set<string>}} parts
 *   stored   the values stored now (another window may have written them)
 *   base     the values this window last saved or restored
 *   mine     the values on this window's screen
 *   changed  the fields this window changed since its base
 * @returns {{values: object, base: object, overwritten: object}}
 *   values       mine for the changed fields, stored for every other field
 *   base         the base to keep until this window saves: stored for the fields it takes, its old base for its own
 *   overwritten  stored answers that another window wrote and `values` replaces (both changed the field)
 */
export function mergeValues({ stored, base, mine, changed }) {
  const values = {};
  const nextBase = {};
  const overwritten = {};
  for (const id of new Set([...Object.keys(stored), ...Object.keys(mine), ...changed])) {
    const own = changed.has(id);
    const value = own ? mine[id] : stored[id];
    if (!isBlank(value)) values[id] = value;
    const baseValue = own ? base[id] : stored[id];
    if (!isBlank(baseValue)) nextBase[id] = baseValue;
    if (own && !isBlank(stored[id]) && !sameAnswer(stored[id], base[id]) && !sameAnswer(stored[id], mine[id])) {
      overwritten[id] = stored[id];
    }
  }
  return { values, base: nextBase, overwritten };
}

/**
 * A dated copy of answers, kept when they were replaced.
 * @param {object} values  the replaced answers, by field
 * @param {string} reason  why: "other-window" (two windows changed one field), "import" (an import replaced it)
 * @param {Date} [when]
 */
export function makeCopy(values, reason, when = new Date()) {
  return { taken: when.toISOString(), reason, values: { ...values } };
}

/**
 * Add a copy to an entry's copies, keeping the last COPY_LIMIT.
 * @param {object[]|undefined} copies
 * @param {object} copy
 */
export function addCopy(copies, copy, limit = COPY_LIMIT) {
  return [...(Array.isArray(copies) ? copies : []), copy].slice(-limit);
}

/**
 * The fields whose text this window saved and another window then replaced, keeping it as a copy: this
 * window lost them. Fields this window is keeping (changed again since) are not lost.
 * @param {{base: object, before: object[]|undefined, after: object[]|undefined, keep?: Set<string>}} parts
 *   base    the values this window last saved or restored
 *   before  the copies this window knew of; after: the copies the other window wrote
 */
export function lostFields({ base, before, after, keep = new Set() }) {
  const known = new Set((before || []).map((copy) => JSON.stringify(copy)));
  const lost = new Set();
  for (const copy of after || []) {
    if (known.has(JSON.stringify(copy)) || copy.reason !== "other-window") continue;
    for (const [id, answer] of Object.entries(copy.values || {})) {
      if (!keep.has(id) && !isBlank(base[id]) && sameAnswer(answer, base[id])) lost.add(id);
    }
  }
  return lost;
}

/**
 * An answer as plain text, for showing a kept copy: a list of texts one to a line, a goal's fields joined.
 * @param {unknown} answer
 */
export function answerText(answer) {
  if (typeof answer === "string") return answer;
  if (!Array.isArray(answer)) return "";
  return answer.map((item) => (item && typeof item === "object"
    ? Object.entries(item).filter(([key]) => key !== "id").map(([, text]) => String(text)).join("; ")
    : String(item))).join("\n");
}

/**
 * One exercise saved on both sides of an import ("Add to what is saved here"), each version readable: keep the
 * newer version's answers, and every answer of the older that differs as a dated copy (reason "import") the
 * learner can open on the exercise. Kept copies and dated snapshots of both are kept, none twice. Importing the
 * same backup again adds nothing.
 * @param {object} newer  the entry changed most recently
 * @param {object} older
 * @param {Date} [when]
 * @returns {{entry: object, differed: boolean, changed: boolean}}
 *   entry     the newer version with the older's answers kept
 *   differed  the two versions' answers differ (a copy holds the older's, now or from an earlier import)
 *   changed   entry differs from newer (something of the older was added)
 */
export function keepBoth(newer, older, when = new Date()) {
  const olderValues = older.values || {};
  const newerValues = newer.values || {};
  const replaced = Object.fromEntries(Object.entries(olderValues)
    .filter(([id, answer]) => !isBlank(answer) && !sameAnswer(answer, newerValues[id])));
  const differed = Object.keys(replaced).length > 0;
  const copies = union(newer.copies, older.copies);
  if (differed && !copies.some((copy) => copy.reason === "import" && sameValues(copy.values || {}, replaced))) {
    copies.push(makeCopy(replaced, "import", when));
  }
  const snapshots = union(newer.snapshots, older.snapshots);
  const entry = { ...newer };
  if (copies.length) entry.copies = copies;
  if (snapshots.length) entry.snapshots = snapshots;
  return { entry, differed, changed: JSON.stringify(entry) !== JSON.stringify(newer) };
}

/** Two lists of dated items (copies, snapshots) as one, each item once, oldest first. */
function union(first, second) {
  const seen = new Set();
  const items = [];
  for (const item of [...(Array.isArray(first) ? first : []), ...(Array.isArray(second) ? second : [])]) {
    const text = JSON.stringify(item);
    if (!seen.has(text)) {
      seen.add(text);
      items.push(item);
    }
  }
  return items.sort((a, b) => String(a.taken).localeCompare(String(b.taken)));
}
