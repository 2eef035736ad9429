/**
 * The professional learning record's changes, without a page: each takes the record as stored now (so another
 * tab's changes are kept) and returns the record to save. The record: {items, name?, cpd?}; each item names a
 * saved entry (exercise, title, updated) and holds the learner's own words (did, learned, difference) and,
 * with CPD details on, date and time_spent. apps/learning-record.js shows it and saves what these return.
 */

/** The learner's three answers for each item, empty when an item is first picked. */
export const OWN_FIELDS = ["did", "learned", "difference"];

/** The empty record, before anything is picked. */
export const EMPTY_RECORD = Object.freeze({ items: [] });

/**
 * Pick a saved entry for the record (a new item, at the end) or leave it out. Picking one already in keeps
 * its item's words but moves it to the end, as a fresh pick does.
 * @param {{items: object[]}} record
 * @param {{exercise: string, title?: string, updated?: string}} entry
 * @param {boolean} picked
 */
export function pickEntry(record, entry, picked) {
  const items = record.items.filter((item) => item.exercise !== entry.exercise);
  if (picked) {
    items.push({ exercise: entry.exercise, title: entry.title, updated: entry.updated, ...emptyAnswers() });
  }
  return { ...record, items };
}

function emptyAnswers() {
  return Object.fromEntries(OWN_FIELDS.map((key) => [key, ""]));
}

/**
 * One field of one item (a learner's answer or a CPD detail); the other items and fields stay as they are.
 * @param {{items: object[]}} record
 * @param {string} exercise
 * @param {string} key
 * @param {string} value
 */
export function setItemField(record, exercise, key, value) {
  return { ...record, items: record.items.map((item) => (item.exercise === exercise ? { ...item, [key]: value } : item)) };
}

/**
 * A setting of the whole record: the learner's name (name) or whether items carry CPD details (cpd).
 * @param {{items: object[]}} record
 * @param {"name"|"cpd"} key
 * @param {string|boolean} value
 */
export function setRecordSetting(record, key, value) {
  return { ...record, [key]: value };
}
