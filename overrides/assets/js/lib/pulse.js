/**
 * Group pulse codes: a participant's self-assessment profile (their average in each dimension, and nothing
 * else) as a short code that can be read out, typed, pasted or shown as a QR code.
 *
 * Format, version 1:  RS1-HHHH-SSSS-SSSS-CC  (hyphens and spaces are only for reading; case does not matter)
 *   RS    marks a pulse code
 *   1     the format version
 *   HHHH  a 20-bit hash of the exercise id (FNV-1a), so codes from different exercises never mix
 *   SS    two characters per dimension, in the exercise's order: 0 = not rated, otherwise
 *         1 + the average's distance above the scale's lowest point, in tenths (so 1.0 on a 1-4 scale is 1)
 *   CC    a 10-bit checksum (FNV-1a) of everything before it, which catches almost every typing mistake
 * Characters are Crockford's base 32 (no I, L, O or U); when reading, O counts as 0 and I or L as 1.
 * No name, no date, no single answer: only rounded averages.
 *
 * Anonymity: a group's figures for a group of statements show only once at least MIN_GROUP people have rated
 * it (distribution, scoresCsv), and a code the self-assessment cannot make (nothing rated, or an average no
 * ratings give) is refused, so a made-up code cannot count as a person.
 */

import { t, tn } from "./strings.js";
import { cutText, isolate } from "./text.js";

export const PULSE_VERSION = 1;
export const PREFIX = "RS";
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const HASH_CHARS = 4;
const SCORE_CHARS = 2;
const CHECK_CHARS = 2;
const MAX_SCORE = 32 ** SCORE_CHARS - 1;

/** The fewest people who must have rated a group of statements before the group's figures for it show. */
export const MIN_GROUP = 3;

/** A code that cannot be read, with words for the facilitator. */
export class PulseError extends Error {
  constructor(message) {
    super(message);
    this.name = "PulseError";
  }
}

/** FNV-1a, 32 bits, over the UTF-16 code units of a string. */
export function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function toChars(value, width) {
  let out = "";
  let rest = value;
  for (let i = 0; i < width; i += 1) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function fromChars(chars) {
  let value = 0;
  for (const char of chars) value = value * 32 + ALPHABET.indexOf(char);
  return value;
}

/** The four characters that stand for an exercise in its codes. */
export function exerciseHash(id) {
  return toChars(fnv1a(String(id)) & 0xfffff, HASH_CHARS);
}

/** The two check characters for the rest of a code (normalised, without hyphens). */
export function checkChars(body) {
  return toChars(fnv1a(body) & 0x3ff, CHECK_CHARS);
}

/**
 * Make a pulse code from a profile.
 * @param {{exercise: string, min: number, max: number, averages: (number|null)[]}} profile
 * @returns {string} for example RS1-4K7Q-0B0F-XM
 */
export function encodePulse({ exercise, min, max, averages }) {
  if (!averages.length) throw new RangeError("a profile needs at least one dimension");
  const scores = averages.map((average) => {
    if (average === null || average === undefined) return toChars(0, SCORE_CHARS);
    if (!Number.isFinite(average) || average < min - 1e-9 || average > max + 1e-9) throw new RangeError(`average ${average} is outside the scale`);
    const value = Math.round((average - min) * 10) + 1;
    if (value > MAX_SCORE) throw new RangeError("the scale is too long for a pulse code");
    return toChars(value, SCORE_CHARS);
  }).join("");
  const body = `${PREFIX}${PULSE_VERSION}${exerciseHash(exercise)}${scores}`;
  const rest = `${scores}${checkChars(body)}`;
  const groups = rest.match(/.{1,4}/g);
  return [`${PREFIX}${PULSE_VERSION}`, exerciseHash(exercise), ...groups].join("-");
}

/**
 * Put a typed code into its canonical form: capitals, no spaces or hyphens, O as 0, I and L as 1.
 * @throws {PulseError} when a character cannot be part of a code
 */
export function normaliseCode(text) {
  const compact = String(text).toUpperCase().replace(/[\s\-–—_.]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  const wrong = [...compact].find((char) => !ALPHABET.includes(char));
  if (wrong !== undefined) {
    throw new PulseError(t("pulse_code_bad_character", { character: wrong }));
  }
  return compact;
}

/**
 * Read one pulse code.
 * @param {string} text the code as typed
 * @param {{id: string, title: string, min: number, max: number, dimensions: {id: string, title: string}[]}[]} exercises
 * @returns {{code: string, exercise: object, averages: (number|null)[]}}
 * @throws {PulseError} with a message saying what is wrong
 */
export function decodePulse(text, exercises) {
  // The code as typed goes into the message cut by whole characters and isolated from its words.
  const shown = isolate(cutText(String(text).trim(), 40));
  if (!/^\s*R\s*S/i.test(String(text))) throw new PulseError(t("pulse_code_not_pulse", { code: shown }));
  const code = normaliseCode(text);
  checkVersion(code, shown);
  const body = checkedBody(code, shown);
  const hash = code.slice(3, 3 + HASH_CHARS);
  const exercise = exercises.find((candidate) => exerciseHash(candidate.id) === hash);
  if (!exercise) throw new PulseError(t("pulse_code_unknown_exercise", { code: shown }));
  // The exercise gallery's examples show how a self-assessment works; their codes are no one's real answers.
  if (exercise.example) throw new PulseError(t("pulse_code_example", { code: shown, title: exercise.title }));
  const scores = body.slice(3 + HASH_CHARS);
  const count = scores.length / SCORE_CHARS;
  if (count !== exercise.dimensions.length) {
    throw new PulseError(tn("pulse_code_wrong_count", count, { code: shown, title: exercise.title, groups: exercise.dimensions.length }));
  }
  const averages = [];
  for (let i = 0; i < count; i += 1) {
    averages.push(groupAverage(exercise, i, fromChars(scores.slice(i * SCORE_CHARS, (i + 1) * SCORE_CHARS)), shown));
  }
  // The self-assessment shows no code until something is rated: a code that rates nothing is made up.
  if (averages.every((average) => average === null)) {
    throw new PulseError(t("pulse_code_nothing_rated", { code: shown }));
  }
  return { code: encodePulse({ exercise: exercise.id, min: exercise.min, max: exercise.max, averages }), exercise, averages };
}

/** A code of this version of the pulse, or an error saying it is older, newer or has no version. */
function checkVersion(code, shown) {
  const version = code.charCodeAt(2) - 48;
  if (!(version >= 0 && version <= 9)) throw new PulseError(t("pulse_code_no_version", { code: shown }));
  if (version > PULSE_VERSION) throw new PulseError(t("pulse_code_newer", { code: shown }));
  if (version !== PULSE_VERSION) throw new PulseError(t("pulse_code_old_version", { code: shown }));
}

/** The code without its check characters, once its length and check characters are right. */
function checkedBody(code, shown) {
  const minimum = 3 + HASH_CHARS + SCORE_CHARS + CHECK_CHARS;
  if (code.length < minimum || (code.length - 3 - HASH_CHARS - CHECK_CHARS) % SCORE_CHARS !== 0) {
    throw new PulseError(t("pulse_code_malformed", { code: shown }));
  }
  const body = code.slice(0, -CHECK_CHARS);
  if (checkChars(body) !== code.slice(-CHECK_CHARS)) {
    throw new PulseError(t("pulse_code_typing_mistake", { code: shown }));
  }
  return body;
}

/** One group's average from its score as the code holds it (0: not rated), if ratings could give it. */
function groupAverage(exercise, index, value, shown) {
  const average = value === 0 ? null : Math.round((exercise.min + (value - 1) / 10) * 10) / 10;
  if (average !== null && average > exercise.max + 1e-9) throw new PulseError(t("pulse_code_above_scale", { code: shown }));
  if (average !== null && !possibleScores(exercise, exercise.dimensions[index]).has(value)) {
    throw new PulseError(t("pulse_code_impossible", { code: shown, title: exercise.title }));
  }
  return average;
}

const possible = new Map();

/**
 * Every score (as a code holds it) that ratings of one group of statements can give: the averages of 1 to
 * `statements` ratings, each a point of the scale (`points`), rounded as encodePulse rounds them. Without
 * those figures (an exercise list from an older page) every score on the scale is possible.
 * @param {{min: number, max: number, points?: number[]}} exercise
 * @param {{statements?: number}} dimension
 * @returns {Set<number>}
 */
export function possibleScores(exercise, dimension) {
  const points = Array.isArray(exercise.points) && exercise.points.length ? exercise.points : null;
  const statements = Number.isInteger(dimension.statements) && dimension.statements > 0 ? dimension.statements : null;
  const key = `${exercise.min}/${exercise.max}/${points}/${statements}`;
  if (!possible.has(key)) {
    const scores = new Set();
    if (!points || !statements) {
      for (let value = 1; value <= Math.round((exercise.max - exercise.min) * 10) + 1; value += 1) scores.add(value);
    } else {
      let sums = new Set([0]);
      for (let count = 1; count <= statements; count += 1) {
        sums = new Set([...sums].flatMap((sum) => points.map((point) => sum + point)));
        for (const sum of sums) scores.add(Math.round((sum / count - exercise.min) * 10) + 1);
      }
    }
    possible.set(key, scores);
  }
  return possible.get(key);
}

/**
 * How many characters a code starting like this has once normalised, or null when that cannot be told yet
 * (too short to name its exercise, or an exercise this page does not know).
 * @param {string} piece
 * @param {{id: string, dimensions: object[]}[]} exercises
 */
function expectedLength(piece, exercises) {
  let code;
  try {
    code = normaliseCode(piece);
  } catch {
    return null;
  }
  if (code.length < 3 + HASH_CHARS) return null;
  const exercise = exercises.find((candidate) => exerciseHash(candidate.id) === code.slice(3, 3 + HASH_CHARS));
  return exercise ? 3 + HASH_CHARS + exercise.dimensions.length * SCORE_CHARS + CHECK_CHARS : null;
}

/**
 * Cut pasted text into the pieces that may be codes. Codes may be separated by new lines, commas, semicolons
 * or spaces; a code may itself contain spaces or hyphens, since each one starts with RS. Text copied from a
 * group chat carries names and words around the codes ("Sam: RS1-… thanks"): once a code of a known
 * self-assessment is complete, the words after it up to the next code are not part of it, and words before
 * the first code are left out. Text with no code in it at all is one piece, so it is reported.
 * @param {string} text
 * @param {{id: string, dimensions: object[]}[]} exercises
 * @returns {string[]}
 */
export function splitCodes(text, exercises) {
  const tokens = String(text).split(/[\s,;]+/).filter(Boolean);
  const anyCode = tokens.some((token) => /^RS/i.test(token));
  const pieces = [];
  let complete = true;
  for (const token of tokens) {
    if (/^RS/i.test(token) || (!anyCode && pieces.length === 0)) pieces.push(token);
    else if (!complete || !anyCode) pieces[pieces.length - 1] += token;
    else continue;
    const need = expectedLength(pieces[pieces.length - 1], exercises);
    let length = 0;
    try {
      length = normaliseCode(pieces[pieces.length - 1]).length;
    } catch {
      length = 0;
    }
    complete = need !== null && length >= need;
  }
  return pieces;
}

/**
 * Read every code in pasted text (splitCodes).
 * @returns {{codes: object[], problems: {text: string, message: string}[]}}
 */
export function decodeMany(text, exercises) {
  const codes = [];
  const problems = [];
  for (const piece of splitCodes(text, exercises)) {
    try {
      codes.push(decodePulse(piece, exercises));
    } catch (error) {
      if (!(error instanceof PulseError)) throw error;
      problems.push({ text: piece, message: error.message });
    }
  }
  return { codes, problems };
}

/**
 * A figure as the page and the data lab's notebook both show it (lab/files/groupscores.py, _num): at most
 * two decimal places, halves rounded up, no trailing zeros (2.75 stays 2.75, 3.625 shows 3.63, 4.0 shows 4).
 * A median of averages with one decimal place never needs more than two, so it is shown exactly.
 * @param {number|null} value
 */
export function formatFigure(value) {
  if (value === null || value === undefined) return "–";
  // Round the decimal written form, not the binary float: 1.005 is 1.00499… in binary but 1.01 here.
  const rounded = Math.round(Number(`${Number(value).toFixed(10)}e2`)) / 100;
  return String(Number(rounded.toFixed(2)));
}

/** The middle value of a list of numbers (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The group's distribution in each dimension: how many averages round to each point of the scale,
 * with the median and range. Dimensions someone did not rate are left out of that dimension's figures.
 * A dimension rated by fewer than MIN_GROUP people is hidden: no counts, median or range (only `hidden`).
 * @param {{min: number, max: number, dimensions: {id: string, title: string}[]}} exercise
 * @param {(number|null)[][]} profiles one list of averages per code
 */
export function distribution(exercise, profiles) {
  const points = [];
  for (let point = exercise.min; point <= exercise.max; point += 1) points.push(point);
  return exercise.dimensions.map((dimension, index) => {
    const values = profiles.map((averages) => averages[index]).filter((value) => value !== null && value !== undefined);
    if (values.length < MIN_GROUP) {
      const none = { counts: null, median: null, lowest: null, highest: null };
      return { ...dimension, points, ...none, rated: values.length, hidden: true };
    }
    const counts = points.map(() => 0);
    for (const value of values) {
      const point = Math.min(exercise.max, Math.max(exercise.min, Math.floor(value + 0.5)));
      counts[point - exercise.min] += 1;
    }
    return {
      ...dimension,
      points,
      counts,
      rated: values.length,
      median: values.length ? median(values) : null,
      lowest: values.length ? Math.min(...values) : null,
      highest: values.length ? Math.max(...values) : null,
      hidden: false,
    };
  });
}

/**
 * The group's averages as a CSV file the data lab's group notebook reads (lab/files/groupscores.py,
 * parse_scores): a note line (starting with #), then "participant" and one column per group of statements,
 * and one row per code, labelled P01, P02… in the order added. No names, nothing but the averages; a group of
 * statements rated by fewer than MIN_GROUP people is left blank, as the page hides it.
 * @param {{title: string, min: number, max: number, dimensions: {id: string, title: string}[]}} exercise
 * @param {(number|null)[][]} profiles one list of averages per code
 * @param {string} note one line saying what the file is
 */
export function scoresCsv(exercise, profiles, note) {
  const cell = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const label = (index) => `P${String(index + 1).padStart(2, "0")}`;
  const rated = (index) => profiles.filter((averages) => averages[index] !== null && averages[index] !== undefined)
    .length;
  const shown = exercise.dimensions.map((_, index) => rated(index) >= MIN_GROUP);
  const lines = [
    `# ${note.replace(/[\r\n]+/g, " ")}`,
    ["participant", ...exercise.dimensions.map((dimension) => dimension.title)].map(cell).join(","),
    ...profiles.map((averages, index) => [label(index), ...exercise.dimensions.map((_, n) => {
      const value = averages[n];
      return value === null || value === undefined || !shown[n] ? "" : String(value);
    })].join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
