/**
 * The shape of everything the site stores, checked the same way the backup's JSON Schema
 * (docs/schemas/backup-v1.schema.json) describes it. Used when a backup is imported and whenever saved
 * state is read, so a value of the wrong shape is reported as damaged and kept, never shown or acted on.
 * Keep this file and the schema in step: tests/js/shape.test.mjs and tests/unit/test_backup_schema.py check
 * both against the same sample files (tests/js/fixtures/backups/).
 * Each check returns true or false and never throws.
 */

/** An exercise id or a record item's exercise: lower-case words joined by hyphens. */
export const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A date and time as toISOString() writes it (RFC 3339), for example 2026-03-01T09:30:00.000Z. */
export const DATE_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$/;
/** The path of a page of this site: starts with one "/", never "//" (another host) and never a backslash or space. */
export const SITE_PATH = /^\/(?![/\\])[^\s\\]*$/;

/** The newest entry format this code writes (storage.js FORMAT). Entries above it are kept aside, untouched. */
export const ENTRY_FORMAT = 2;

export function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const isString = (value) => typeof value === "string";
const isDateTime = (value) => isString(value) && DATE_TIME.test(value);
/** A learner's role (lib/role.js): a newly qualified social worker or a supervisor. */
const isRole = (value) => value === "nqsw" || value === "supervisor";
const optional = (object, key, check) => object[key] === undefined || check(object[key]);
const arrayOf = (value, check) => Array.isArray(value) && value.every((item) => check(item));

/** One answer: text, a list of texts (knowledge check), or a list of goals (each {id, ...text fields}). */
function isAnswer(value) {
  if (isString(value)) return true;
  return arrayOf(value, (item) => isString(item) || (isPlainObject(item) && Object.values(item).every(isString)));
}

/** An exercise's answers, keyed by item id. */
export function isValues(value) {
  return isPlainObject(value) && Object.values(value).every(isAnswer);
}

function isReadableLine(line) {
  return isPlainObject(line) && isString(line.label) && isString(line.text)
    && Object.keys(line).every((key) => key === "label" || key === "text");
}

/** The highest top of a rating scale a profile may have (exercise scales go up to 10; codes allow up to 100). */
export const MAX_SCALE = 100;

/** One group's average on its scale: the top between 1 and MAX_SCALE, the average null or between 0 and the top. */
function isProfileRow(row) {
  return isPlainObject(row) && isString(row.id) && isString(row.title)
    && Number.isFinite(row.max) && row.max >= 1 && row.max <= MAX_SCALE
    && (row.average === null || (Number.isFinite(row.average) && row.average >= 0 && row.average <= row.max));
}

function isSnapshot(snap) {
  return isPlainObject(snap) && isString(snap.taken) && DATE_TIME.test(snap.taken) && isString(snap.label)
    && isValues(snap.values) && optional(snap, "profile", (profile) => arrayOf(profile, isProfileRow));
}

/** A dated copy of answers another write replaced (field-merge.js): why ("other-window", "import") and the answers. */
function isCopy(copy) {
  return isPlainObject(copy) && isString(copy.taken) && DATE_TIME.test(copy.taken) && isString(copy.reason)
    && isValues(copy.values);
}

/**
 * Is this a well-formed entry of a format this code reads (1 to ENTRY_FORMAT)? A missing format means 1.
 * @param {unknown} entry
 */
export function isEntry(entry) {
  if (!isPlainObject(entry)) return false;
  const format = entry.format ?? 1;
  return Number.isInteger(format) && format >= 1 && format <= ENTRY_FORMAT
    && isString(entry.exercise) && ID.test(entry.exercise)
    && isValues(entry.values)
    && optional(entry, "kind", isString)
    && optional(entry, "title", isString)
    && optional(entry, "page", (page) => isString(page) && SITE_PATH.test(page))
    && optional(entry, "updated", (updated) => isString(updated) && DATE_TIME.test(updated))
    && optional(entry, "readable", (readable) => arrayOf(readable, isReadableLine))
    && optional(entry, "flagged", (flagged) => typeof flagged === "boolean")
    && optional(entry, "snapshots", (snapshots) => arrayOf(snapshots, isSnapshot))
    && optional(entry, "role", isRole)
    && optional(entry, "copies", (copies) => arrayOf(copies, isCopy));
}

/**
 * Is this an entry from a newer version of the site (a format above ENTRY_FORMAT), stored under its own id?
 * Its shape is that newer version's business: this code only checks what it needs to keep it aside, untouched
 * (the same test storage.js applies to a stored value: an object with the exercise id and a values object).
 * @param {unknown} entry
 */
export function isNewerEntry(entry) {
  return isPlainObject(entry) && Number.isInteger(entry.format) && entry.format > ENTRY_FORMAT
    && isString(entry.exercise) && ID.test(entry.exercise) && isPlainObject(entry.values);
}

function isRecordItem(item) {
  return isPlainObject(item) && isString(item.exercise) && ID.test(item.exercise)
    && ["title", "updated", "did", "learned", "difference", "date", "time_spent"].every((key) => optional(item, key, isString));
}

/** One item of the supervision agenda (lib/agenda.js): the learner's own text, or a flagged exercise. */
function isAgendaItem(item) {
  if (!isPlainObject(item) || !isString(item.id)) return false;
  if (item.exercise !== undefined) {
    return isString(item.exercise) && ID.test(item.exercise) && optional(item, "omit", (omit) => arrayOf(omit, isString));
  }
  return isString(item.text);
}

/**
 * The reading settings (lib/reading.js, preferences.display): each setting's allowed values, the default first.
 * assets/js/head.js keeps its own copy of the values other than the default: keep them in step.
 */
export const READING_VALUES = {
  size: ["100", "125", "150", "175", "200"],
  spacing: ["normal", "wide"],
  font: ["site", "arial", "verdana", "comic", "georgia"],
  theme: ["light", "dark", "contrast"],
  motion: ["device", "reduce"],
};

/**
 * Reading settings: an object of text values. A value or key this version does not know (from a later one)
 * is kept as it is and read as the default (lib/reading.js), like the other preferences' unknown keys.
 */
export function isReading(value) {
  return isPlainObject(value) && Object.values(value).every(isString);
}

/** The shape of each named piece of other saved state ("data:<name>"). */
export const DATA_SHAPES = {
  /** Module page path → when first opened. */
  visits: (value) => isPlainObject(value) && Object.values(value).every(isString),
  /** The professional learning record. */
  record: (value) => isPlainObject(value) && arrayOf(value.items, isRecordItem)
    && optional(value, "name", isString) && optional(value, "cpd", (on) => typeof on === "boolean"),
  /** The last module page opened, and the last exercise answered there (apps/path.js). */
  place: (value) => isPlainObject(value) && isString(value.page) && SITE_PATH.test(value.page)
    && isString(value.at) && DATE_TIME.test(value.at) && optional(value, "exercise", (id) => isString(id) && ID.test(id)),
  /** Display choices. */
  preferences: (value) => isPlainObject(value) && optional(value, "facilitator", (on) => typeof on === "boolean")
    && optional(value, "role", isRole) && optional(value, "groups", (on) => typeof on === "boolean")
    && optional(value, "display", isReading),
  /** The supervision agenda: the learner's own items, the order, and the answers left out (lib/agenda.js). */
  agenda: (value) => isPlainObject(value) && arrayOf(value.items, isAgendaItem),
  /** The group pulse codes a facilitator has read on this device, until cleared (apps/pulse.js). */
  "pulse-codes": (value) => isPlainObject(value) && arrayOf(value.codes, isString),
  /** When a backup was last made here, and when a reminder to make one was last put off (lib/backup-reminder.js). */
  backups: (value) => isPlainObject(value) && optional(value, "last", isDateTime) && optional(value, "dismissed", isDateTime),
};

/** The name of a piece of saved state ("data:<name>"): lower-case words joined by hyphens, like an id. */
export const DATA_NAME = ID;

/**
 * Is this a name of saved state this version of the site knows (so its shape is checked)? Other well-formed
 * names come from a newer version: their values are kept aside, untouched, and travel in backups.
 * @param {string} name
 */
export function isKnownData(name) {
  return Object.hasOwn(DATA_SHAPES, name);
}

/**
 * Is this a well-formed value for a named piece of saved state? Unknown names have no known shape: false.
 * @param {string} name
 * @param {unknown} value
 */
export function isData(name, value) {
  return Object.hasOwn(DATA_SHAPES, name) && DATA_SHAPES[name](value);
}

/**
 * Is this a real calendar day written YYYY-MM-DD (so 2027-02-30 and 2027-13-45 are not)?
 * @param {unknown} text
 */
export function isCalendarDate(text) {
  if (!isString(text) || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
