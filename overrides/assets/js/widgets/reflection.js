/**
 * Reflection: restore answers and show how many prompts have an answer, with the author's nudges
 * for prompts still empty.
 */

import { mountExercise, readConfig } from "../lib/exercise.js";
import { t } from "../lib/strings.js";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  return mountExercise(root, { update: (form, values) => summarise(form, config, values) });
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
    total === 1 ? t("reflection_summary_one", { answered: done.length, total }) : t("reflection_summary_other", { answered: done.length, total });
  for (const nudge of summary.querySelectorAll("[data-rs-nudge]")) {
    nudge.hidden = doneIds.has(nudge.dataset.rsNudge);
  }
}
