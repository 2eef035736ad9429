/**
 * Presenter mode's decisions, without a page: which section to start at and move to, what each key does, and
 * which of the article's elements a section shows, hides or keeps as a running head. Sections are the plain
 * objects sectionsOf (lib/presenter.js) makes: {heading, parent, elements, exercise, part?}; elements need
 * only a tagName, so Node tests all of it. lib/presenter.js applies the results to the page.
 */

const NEXT_KEYS = new Set(["ArrowRight", "PageDown"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "PageUp"]);
// Material's page shortcuts (next and previous page) become next and previous section; its search
// shortcuts do nothing while presenting.
const MATERIAL_NEXT = new Set(["n", "N", "."]);
const MATERIAL_PREVIOUS = new Set(["p", "P", ","]);
const MATERIAL_SEARCH = new Set(["f", "F", "s", "S", "/"]);

/** A section number kept within the presentation: before the first is the first, past the last is the last. */
export function clampSection(n, count) {
  return Math.min(Math.max(n, 0), count - 1);
}

/**
 * Where a presentation starts: at the section showing the target when one does (targetIndex ≥ 0), else at
 * `start`, else at the first.
 * @param {number} count  how many sections
 * @param {{targetIndex?: number, start?: number}} choice
 */
export function startingSection(count, { targetIndex = -1, start = 0 } = {}) {
  return clampSection(targetIndex >= 0 ? targetIndex : start || 0, count);
}

/**
 * What a key press does in the page (not inside a field): "next", "previous", "escape" or null.
 * @param {{key: string, altKey?: boolean, ctrlKey?: boolean, metaKey?: boolean}} press
 */
export function keyAction(press) {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  if (press.key === "Escape") return "escape";
  if (NEXT_KEYS.has(press.key)) return "next";
  if (PREVIOUS_KEYS.has(press.key)) return "previous";
  return null;
}

/**
 * What one of Material's own shortcut keys does while presenting: a step (1 next, -1 previous, 0 nothing),
 * or null for a key that is not a shortcut (left to the page).
 * @param {{key: string, altKey?: boolean, ctrlKey?: boolean, metaKey?: boolean}} press
 */
export function shortcutStep(press) {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  if (MATERIAL_NEXT.has(press.key)) return 1;
  if (MATERIAL_PREVIOUS.has(press.key)) return -1;
  return MATERIAL_SEARCH.has(press.key) ? 0 : null;
}

/**
 * Escape closes the list of sections when it is open, else leaves the presentation (unless the browser is in
 * full screen, where Escape belongs to the browser).
 * @returns {"close-list"|"leave"|null}
 */
export function escapeAction({ listOpen, fullScreen }) {
  if (listOpen) return "close-list";
  return fullScreen ? null : "leave";
}

/**
 * What the page shows for section `index`: each element of the article hidden (off) or kept as a small
 * running head (the page title, and in a section that starts at an h3, the h2 it belongs to); each part of a
 * long exercise hidden unless the section shows it; and the state of the bar.
 * @param {object[]} sections
 * @param {number} index
 * @param {Iterable<object>} elements  every element presenter mode may hide (the article's children)
 * @param {Iterable<object>} parts  every part of the long exercises
 */
export function slideView(sections, index, elements, parts) {
  const { parent, part, exercise } = sections[index];
  const current = new Set(sections[index].elements);
  const off = new Set();
  const titles = new Set();
  for (const element of elements) {
    if (current.has(element)) continue;
    if (element.tagName === "H1" || element === parent) titles.add(element);
    else off.add(element);
  }
  const partsOff = new Set([...parts].filter((element) => Boolean(part) && part.all.includes(element)
    && !part.shown.includes(element)));
  return {
    off, titles, partsOff, exercise,
    number: index + 1, total: sections.length, first: index === 0, last: index === sections.length - 1,
  };
}
