/**
 * Interface strings for every script: t("key", { name: value }) returns the site's wording with each
 * {name} filled in. The words live in data/strings/*.yaml (British English by default; an organisation may
 * change them in its overlay file), and the build writes them into ../strings.js.
 */
import BUILT_IN from "../strings.js";

// A built page carries the strings its scripts can show, as data (macros/page_assets.py); its bundled scripts
// leave out ../strings.js, which holds them all (and which Node tests and unbundled scripts read).
const onPage = globalThis.document?.getElementById("rs-strings");
const STRINGS = onPage ? Object.freeze(JSON.parse(onPage.textContent)) : BUILT_IN;

/**
 * The text for a key, with placeholders such as {time} filled in. An unknown key shows as itself, so a
 * missing string is visible rather than silently blank (a unit test keeps every key defined).
 * @param {string} key
 * @param {Record<string, string|number>} [params]
 */
export function t(key, params = {}) {
  const text = Object.hasOwn(STRINGS, key) ? STRINGS[key] : key;
  return text.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/**
 * The text for a key as pieces: the words as strings, each {name} as the value given for it, whatever it is.
 * For pages, where learner or imported text goes into a sentence as its own node (a <bdi>, see lib/dom.js
 * textWith), so no sentence is ever built as HTML. A placeholder with no value stays as written.
 * @param {string} key
 * @param {Record<string, unknown>} [params]
 * @returns {unknown[]}
 */
export function tParts(key, params = {}) {
  const text = Object.hasOwn(STRINGS, key) ? STRINGS[key] : key;
  const parts = [];
  let from = 0;
  for (const match of text.matchAll(/\{([a-z][a-z0-9_]*)\}/g)) {
    if (!Object.hasOwn(params, match[1])) continue;
    if (match.index > from) parts.push(text.slice(from, match.index));
    parts.push(params[match[1]]);
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

/**
 * The text for a count, in the right plural form for the locale: tn("agenda_count", 3) uses the string
 * agenda_count_other ("{count} items ..."), tn("agenda_count", 1) agenda_count_one. A language with more forms
 * (for example Welsh: zero, two, few, many) may add agenda_count_two and so on; a form a language does not
 * define falls back to _other. {count} is filled in with the number.
 * @param {string} key  the string's name without _one or _other
 * @param {number} count
 * @param {Record<string, string|number>} [params]
 */
export function tn(key, count, params = {}) {
  const form = new Intl.PluralRules(locale()).select(count);
  const chosen = Object.hasOwn(STRINGS, `${key}_${form}`) ? `${key}_${form}` : `${key}_other`;
  return t(chosen, { count, ...params });
}

/**
 * Words joined as a list in the locale's way: "a", "a and b", "a, b and c" in British English.
 * @param {(string|number)[]} items
 */
export function listAnd(items) {
  return new Intl.ListFormat(locale(), { type: "conjunction" }).format(items.map(String));
}

/** The locale dates and times are written in (the `locale` string: en-GB unless an organisation changes it). */
export function locale() {
  return STRINGS.locale || "en-GB";
}

/** A date in words: the site's one date formatter (lib/dates.js), here too for the scripts that import it. */
export { formatDate } from "./dates.js";

/** A time of day, such as "14:05". @param {Date} date */
export function formatTime(date) {
  return date.toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit" });
}
