/**
 * A learning path you can follow: which path is the learner's, and where "Start here", "Continue where you
 * left off" and "Next on your path" lead. Pure: worked out from module progress (lib/progress.js), the paths
 * (data/modules.yaml, via the page manifest), the learner's role (data:preferences) and the last place
 * (data:place). No DOM, no storage.
 */

/** The path used when the learner has chosen no role (or a role with no path of its own). */
export const DEFAULT_PATH = "nqsw";

/**
 * The learner's path: the one named after their role ("nqsw" or "supervisor"), else the NQSW path.
 * @param {Record<string, string[]>} paths path id → module page paths, in order
 * @param {unknown} role preferences.role
 * @returns {{id: string, pages: string[]}}
 */
export function choosePath(paths, role) {
  const id = typeof role === "string" && Object.hasOwn(paths, role) ? role : DEFAULT_PATH;
  return { id, pages: paths[id] || [] };
}

/**
 * The place to remember when a page is opened or an exercise answered on it: {page, exercise?, at}.
 * Opening the same page keeps its exercise; unknown keys of the stored value are kept.
 * @param {object|null} stored the last place
 * @param {string} page this page's path
 * @param {string} at the time, as toISOString() writes it
 * @param {string} [exercise] the exercise just answered
 */
export function nextPlace(stored, page, at, exercise) {
  const { exercise: kept, ...rest } = stored && typeof stored === "object" ? stored : {};
  const chosen = exercise || (rest.page === page ? kept : undefined);
  return { ...rest, page, at, ...(chosen ? { exercise: chosen } : {}) };
}

/**
 * Where the path's links lead, for a page (the home page or a module page).
 * @param {object} options
 * @param {{path: string, title: string, state: string}[]} options.progress every module, from moduleProgress
 * @param {string[]} options.pages the learner's path, as module page paths
 * @param {string} options.here this page's path
 * @param {{page: string, exercise?: string}|null} options.place the last place (data:place)
 * @returns {{start: object|null, resume: {module: object, exercise?: string}|null, next: object|null,
 *   step: {number: number, total: number}|null, finished: boolean}}
 */
export function pathLinks({ progress, pages, here, place }) {
  const byPath = new Map(progress.map((module) => [module.path, module]));
  const steps = pages.map((page) => byPath.get(page)).filter(Boolean);
  const opened = progress.some((module) => module.state !== "not-started");
  const placed = place && byPath.get(place.page);
  const index = steps.findIndex((module) => module.path === here);
  const step = index >= 0 ? { number: index + 1, total: steps.length } : null;
  const resume = placed && placed.path !== here ? { module: placed, exercise: place.exercise } : null;
  const next = nextOnPath(steps, index, placed);
  const start = !opened && !placed && steps.length > 0 && index < 0 ? steps[0] : null;
  const finished = steps.length > 0 && steps.every((module) => module.state === "complete");
  return { start, resume, next: start ? null : next, step, finished };
}

/**
 * The module to go on to: on a page of the path, the one after it; elsewhere, the first not complete after the
 * last place (or, with none there, any not complete but the last place).
 * @param {object[]} steps  the path's modules, in order
 * @param {number} index  this page's place on the path, or -1
 * @param {object|null|undefined} placed  the module of the last place
 */
function nextOnPath(steps, index, placed) {
  if (index >= 0) return steps[index + 1] || null;
  const after = placed ? steps.findIndex((module) => module.path === placed.path) : -1;
  return steps.find((module, at) => at > after && module.state !== "complete")
    || steps.find((module) => module.state !== "complete" && module !== placed) || null;
}
