/**
 * Progress through the modules: a module is "visited" once opened and "complete" when every
 * exercise on it has a saved answer. Worked out from the page manifest, saved entries and visits.
 */

import { t } from "./strings.js";

/**
 * The modules of this site, in navigation order, with absolute paths.
 * @returns {{path: string, title: string, exercises: string[]}[]}
 */
export function readManifest(doc = document) {
  try {
    const data = JSON.parse(doc.getElementById("rs-manifest").textContent);
    return data.modules.map((module) => ({ ...module, path: new URL(module.url, location.href).pathname }));
  } catch {
    return [];
  }
}

/**
 * Status of every module.
 * @param {{path: string, title: string, exercises: string[]}[]} modules
 * @param {{exercise: string}[]} entries saved entries
 * @param {Record<string, string>} visits path → date first visited
 */
export function moduleProgress(modules, entries, visits) {
  const answered = new Set(entries.filter((entry) => hasAnswers(entry)).map((entry) => entry.exercise));
  return modules.map((module) => {
    const done = module.exercises.filter((id) => answered.has(id)).length;
    const total = module.exercises.length;
    const state = total > 0 && done === total ? "complete" : done > 0 || visits[module.path] ? "visited" : "not-started";
    return { ...module, done, total, state };
  });
}

function hasAnswers(entry) {
  return Object.values(entry.values || {}).some((value) => (Array.isArray(value) ? value.length > 0 : value !== ""));
}

/** Words for each state, for badges and screen readers. */
export const STATE_LABELS = {
  complete: t("progress_state_complete"),
  visited: t("progress_state_visited"),
  "not-started": t("progress_state_not_started"),
};
