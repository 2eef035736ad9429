/**
 * The codes a facilitator has read on the group pulse page, as pure functions: adding codes (two people can
 * give the same answers, so a repeat is counted, and said), removing one, grouping them by self-assessment,
 * and the saved value (`data:pulse-codes`: { codes: ["RS1-…", …] }, kept until cleared, never in
 * shared-computer mode; apps/pulse.js).
 */

import { decodeMany } from "./pulse.js";

/**
 * Add newly read codes to those collected.
 * @param {{code: string}[]} collected the codes read so far, in the order read
 * @param {{code: string}[]} found newly read codes
 * @returns {{collected: object[], repeats: number}} repeats: how many new ones equal one read before (or each other)
 */
export function addCodes(collected, found) {
  const seen = new Set(collected.map((item) => item.code));
  let repeats = 0;
  for (const item of found) {
    if (seen.has(item.code)) repeats += 1;
    seen.add(item.code);
  }
  return { collected: [...collected, ...found], repeats };
}

/**
 * The codes without the one at an index.
 * @param {object[]} collected
 * @param {number} index
 */
export function removeCode(collected, index) {
  return collected.filter((_, at) => at !== index);
}

/**
 * The codes grouped by self-assessment, in the order each was first read; each code keeps its index in the list.
 * @param {{code: string, exercise: {id: string}, averages: (number|null)[]}[]} collected
 * @returns {{exercise: object, codes: {code: string, averages: (number|null)[], index: number}[]}[]}
 */
export function groupCodes(collected) {
  const groups = new Map();
  collected.forEach((item, index) => {
    if (!groups.has(item.exercise.id)) groups.set(item.exercise.id, { exercise: item.exercise, codes: [] });
    groups.get(item.exercise.id).codes.push({ code: item.code, averages: item.averages, index });
  });
  return [...groups.values()];
}

/**
 * The value to save for the codes collected.
 * @param {object|null} stored the saved value as read (its unknown keys are kept)
 * @param {{code: string}[]} collected
 */
export function savedCodes(stored, collected) {
  return { ...(stored || {}), codes: collected.map((item) => item.code) };
}

/**
 * The codes of a saved value, read again: those that still read, and the text of those that no longer do
 * (a self-assessment changed or removed since), which the page puts back in the box to look at.
 * @param {{codes: string[]}|null} stored
 * @param {object[]} exercises
 */
export function restoreCodes(stored, exercises) {
  if (!stored || stored.codes.length === 0) return { collected: [], problems: [] };
  const { codes, problems } = decodeMany(stored.codes.join("\n"), exercises);
  return { collected: codes, problems };
}
