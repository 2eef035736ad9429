/**
 * Progress through the modules: a module is "visited" once opened (or answered on its own page) and
 * "complete" when every exercise on it has a saved answer. Worked out from the page manifest, saved entries and visits.
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
 * The learning paths of this site (data/modules.yaml), by id, each the absolute paths of its module pages.
 * @returns {Record<string, string[]>}
 */
export function readPaths(doc = document) {
  try {
    const data = JSON.parse(doc.getElementById("rs-manifest").textContent);
    return Object.fromEntries(Object.entries(data.paths || {})
      .map(([id, urls]) => [id, urls.map((url) => new URL(url, location.href).pathname)]));
  } catch {
    return {};
  }
}

/**
 * Status of every module. A module is "visited" (started) when it has been opened, or when an exercise was
 * answered on its own page (entry.page): never because an exercise it shares with another module was answered
 * there. It is "complete" when every exercise on its page has an answer, wherever that answer was given.
 * @param {{path: string, title: string, exercises: string[]}[]} modules
 * @param {{exercise: string, page?: string}[]} entries saved entries
 * @param {Record<string, string>} visits path → date first visited
 */
export function moduleProgress(modules, entries, visits) {
  const withAnswers = entries.filter((entry) => hasAnswers(entry));
  const answered = new Set(withAnswers.map((entry) => entry.exercise));
  const answeredOnPage = new Set(withAnswers.map((entry) => samePath(entry.page)));
  return modules.map((module) => {
    const done = module.exercises.filter((id) => answered.has(id)).length;
    const total = module.exercises.length;
    const started = Boolean(visits[module.path]) || answeredOnPage.has(samePath(module.path));
    const state = total > 0 && done === total ? "complete" : started ? "visited" : "not-started";
    return { ...module, done, total, state };
  });
}

/** A page path compared without a trailing "index.html" (the same page either way). */
function samePath(path) {
  return typeof path === "string" ? path.replace(/index\.html$/, "") : undefined;
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
