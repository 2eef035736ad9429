/**
 * The supervision agenda's saved state (`data:agenda`) and the changes a learner makes to it, as pure functions.
 * The agenda holds the learner's own items and, for each exercise flagged "bring to my next supervision",
 * which of its answers are left out; the order of all of them is the order of `items`.
 *
 *   { items: [ { id: "own-1", text: "Caseload: the Brown family" },
 *              { id: "ex:three-functions", exercise: "three-functions", omit: ["Question 2"] } ] }
 *
 * A flagged exercise the agenda does not list yet comes last, in the order given; a listed exercise that is no
 * longer flagged is not shown (and is dropped the next time the agenda is saved). Every change returns a new
 * value and keeps keys it does not know (`{ ...stored, changed }`), so a newer copy's additions survive.
 */

import { answerInWords } from "./dates.js";

/** An empty agenda. */
export const EMPTY_AGENDA = Object.freeze({ items: [] });

/** The key an exercise has in the agenda's order. @param {string} exercise */
export const exerciseKey = (exercise) => `ex:${exercise}`;

/**
 * The agenda as shown: own items and flagged entries in the learner's order.
 * @param {{items: object[]}} agenda the saved value (or EMPTY_AGENDA)
 * @param {{exercise: string}[]} flagged the flagged entries, in the order new ones should come
 * @returns {({id: string, text: string}|{id: string, entry: object, omit: string[]})[]}
 */
export function agendaView(agenda, flagged) {
  const byExercise = new Map(flagged.map((entry) => [entry.exercise, entry]));
  const shown = [];
  const listed = new Set();
  for (const item of agenda.items) {
    if (typeof item.exercise === "string") {
      const entry = byExercise.get(item.exercise);
      if (!entry || listed.has(item.exercise)) continue;
      listed.add(item.exercise);
      shown.push({ id: exerciseKey(item.exercise), entry, omit: Array.isArray(item.omit) ? item.omit : [] });
    } else if (typeof item.text === "string") {
      shown.push({ id: item.id, text: item.text });
    }
  }
  for (const entry of flagged) {
    if (!listed.has(entry.exercise)) shown.push({ id: exerciseKey(entry.exercise), entry, omit: [] });
  }
  return shown;
}

/**
 * The saved items for what is shown now: the stored item where there is one (its unknown keys kept), else a new one.
 * @param {{items: object[]}} agenda
 * @param {{exercise: string}[]} flagged
 */
function materialise(agenda, flagged) {
  const stored = new Map(agenda.items.map((item) => [item.exercise ? exerciseKey(item.exercise) : item.id, item]));
  return agendaView(agenda, flagged).map((shown) => stored.get(shown.id)
    ?? { id: shown.id, exercise: shown.entry.exercise });
}

/**
 * A new id for an own item, unlike every id in the agenda.
 * @param {{items: object[]}} agenda
 */
export function newItemId(agenda) {
  const taken = new Set(agenda.items.map((item) => item.id));
  let number = agenda.items.filter((item) => typeof item.exercise !== "string").length + 1;
  while (taken.has(`own-${number}`)) number += 1;
  return `own-${number}`;
}

/**
 * Add an item of the learner's own at the end. Blank text adds nothing.
 * @param {{items: object[]}} agenda
 * @param {{exercise: string}[]} flagged
 * @param {string} text
 */
export function addOwnItem(agenda, flagged, text) {
  if (text.trim() === "") return agenda;
  return { ...agenda, items: [...materialise(agenda, flagged), { id: newItemId(agenda), text }] };
}

/**
 * Remove an own item (a flagged exercise leaves the agenda by clearing its flag instead).
 * @param {{items: object[]}} agenda
 * @param {string} id
 */
export function removeOwnItem(agenda, id) {
  return { ...agenda, items: agenda.items.filter((item) => item.id !== id || typeof item.exercise === "string") };
}

/**
 * Move an item up (-1) or down (+1) among those shown; at either end nothing changes.
 * @param {{items: object[]}} agenda
 * @param {{exercise: string}[]} flagged
 * @param {string} id an own item's id or exerciseKey(exercise)
 * @param {-1|1} step
 */
export function moveItem(agenda, flagged, id, step) {
  const items = materialise(agenda, flagged);
  const from = items.findIndex((item) => (item.exercise ? exerciseKey(item.exercise) : item.id) === id);
  const to = from + step;
  if (from === -1 || to < 0 || to >= items.length) return agenda;
  [items[from], items[to]] = [items[to], items[from]];
  return { ...agenda, items };
}

/**
 * Put one answer of a flagged exercise in the agenda, or leave it out.
 * @param {{items: object[]}} agenda
 * @param {{exercise: string}[]} flagged
 * @param {string} exercise
 * @param {string} label the answer's label (its readable line's label)
 * @param {boolean} included
 */
export function includeAnswer(agenda, flagged, exercise, label, included) {
  const items = materialise(agenda, flagged).map((item) => {
    if (item.exercise !== exercise) return item;
    const omit = (Array.isArray(item.omit) ? item.omit : []).filter((other) => other !== label);
    return { ...item, omit: included ? omit : [...omit, label] };
  });
  return { ...agenda, items };
}

/**
 * The answers of an entry that go in the agenda: its readable lines less those left out.
 * @param {{readable?: {label: string, text: string}[]}} entry
 * @param {string[]} omit
 */
export function includedLines(entry, omit) {
  return (Array.isArray(entry.readable) ? entry.readable : []).filter((line) => !omit.includes(line.label))
    .map((line) => ({ ...line, text: answerInWords(line.text) }));
}

/**
 * After the session: the agenda without its own items and choices (the flags are cleared on the entries).
 * @param {{items: object[]}} agenda
 */
export function clearedAgenda(agenda) {
  return { ...agenda, items: [] };
}
