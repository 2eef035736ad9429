/**
 * Reflection: restore answers and show how many prompts have an answer, with the author's nudges
 * for prompts still empty; with a tally, count the chosen statements by group and say which group comes
 * up most often (never a score).
 */

import { mountExercise, readConfig } from "../lib/exercise.js";
import { listAnd, t, tn } from "../lib/strings.js";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  return mountExercise(root, {
    update: (form, values) => {
      summarise(form, config, values);
      if (config.tally) showTally(form, config.tally, values);
    },
  });
}

/**
 * Count answered prompts: a prompt counts when its text or its choice has a value.
 * @param {{prompts: {id: string}[]}} config
 * @param {Record<string, string>} values
 */
export function answered(config, values) {
  return config.prompts.filter((prompt) => values[prompt.id] !== undefined || values[`${prompt.id}-choice`] !== undefined);
}

function summarise(root, config, values) {
  const summary = root.querySelector("[data-rs-summary]");
  const done = answered(config, values);
  const doneIds = new Set(done.map((prompt) => prompt.id));
  summary.hidden = false;
  const total = config.prompts.length;
  summary.querySelector("[data-rs-summary-count]").textContent =
    tn("reflection_summary", total, { answered: done.length, total });
  for (const nudge of summary.querySelectorAll("[data-rs-nudge]")) {
    nudge.hidden = doneIds.has(nudge.dataset.rsNudge);
  }
}

/**
 * Count the chosen statements by group.
 * @param {{prompts: string[], groups: {id: string, label: string, choices: string[]}[]}} tally
 * @param {Record<string, string>} values
 * @returns {{counts: Record<string, number>, total: number, leaders: string[]}}
 */
export function countTally(tally, values) {
  const counts = Object.fromEntries(tally.groups.map((group) => [group.id, 0]));
  let total = 0;
  for (const prompt of tally.prompts) {
    const chosen = values[`${prompt}-choice`];
    const group = tally.groups.find((g) => g.choices.includes(chosen));
    if (!group) continue;
    counts[group.id] += 1;
    total += 1;
  }
  const most = Math.max(0, ...Object.values(counts));
  const leaders = most === 0 ? [] : tally.groups.filter((g) => counts[g.id] === most).map((g) => g.id);
  return { counts, total, leaders };
}

/** The sentence under the tally's heading. */
export function tallySentence(tally, { counts, total, leaders }) {
  const label = (id) => tally.groups.find((g) => g.id === id).label;
  if (leaders.length > 1) return t("reflection_tally_tie", { groups: listAnd(leaders.map(label)), count: counts[leaders[0]] });
  const group = label(leaders[0]);
  if (total === 1) return t("reflection_tally_single", { group });
  if (counts[leaders[0]] === total) return t("reflection_tally_all", { group, total });
  return t("reflection_tally_most", { group, count: counts[leaders[0]], total });
}

function showTally(root, tally, values) {
  const result = root.querySelector("[data-rs-tally-result]");
  const counted = countTally(tally, values);
  result.hidden = counted.total === 0;
  if (counted.total === 0) return;
  root.querySelector("[data-rs-tally-summary]").textContent = tallySentence(tally, counted);
  for (const row of root.querySelectorAll("[data-rs-tally-row]")) {
    row.querySelector("[data-rs-tally-count]").textContent = String(counted.counts[row.dataset.rsTallyRow]);
    row.classList.toggle("rs-tally__row--most", counted.leaders.includes(row.dataset.rsTallyRow));
  }
  for (const feedback of root.querySelectorAll("[data-rs-tally-feedback]")) {
    feedback.hidden = !counted.leaders.includes(feedback.dataset.rsTallyFeedback);
  }
  const mixed = root.querySelector("[data-rs-tally-mixed]");
  if (mixed) mixed.hidden = Object.values(counted.counts).filter((n) => n > 0).length < 2;
}
