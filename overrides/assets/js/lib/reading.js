/**
 * Reading settings: text size, text spacing, font, theme and motion, kept in the "preferences" data
 * (shape.js) as preferences.display, beside the role and the facilitator view, so they travel in backups.
 *
 * assets/js/head.js applies them before the first paint as attributes of <html> (data-rs-text-size,
 * data-rs-spacing, data-rs-font, data-rs-theme, data-rs-motion) with its own copy of the checks below (it cannot
 * import modules); apps/reading-settings.js changes them. assets/css/reading-effects.css styles them: a
 * stylesheet linked only once a setting is on (by head.js, or here when the learner turns one on).
 * A setting missing or of a value this version does not know means the site's default.
 */

import { READING_VALUES, isPlainObject } from "./shape.js";

export { isReading } from "./shape.js";

const ATTRIBUTES = { size: "rsTextSize", spacing: "rsSpacing", font: "rsFont", theme: "rsTheme", motion: "rsMotion" };

/** Each setting, its allowed values (the first is the default) and the <html> attribute that shows it. */
export const READING_SETTINGS = Object.fromEntries(Object.entries(READING_VALUES)
  .map(([key, values]) => [key, { values, attribute: ATTRIBUTES[key] }]));

const PREFERENCES = "preferences";

/**
 * The settings to apply: every setting, the saved value where it is allowed, otherwise the default.
 * @param {unknown} saved preferences.display
 * @returns {Record<string, string>}
 */
export function readingSettings(saved) {
  const settings = {};
  for (const [key, { values }] of Object.entries(READING_SETTINGS)) {
    const choice = isPlainObject(saved) ? saved[key] : undefined;
    settings[key] = values.includes(choice) ? choice : values[0];
  }
  return settings;
}

/**
 * The <html> data attributes (dataset names) for these settings: only those that differ from the default,
 * so a learner who changed nothing gets the page exactly as before.
 * @param {Record<string, string>} settings
 * @returns {Record<string, string>}
 */
export function readingAttributes(settings) {
  const attributes = {};
  for (const [key, { values, attribute }] of Object.entries(READING_SETTINGS)) {
    if (values.includes(settings[key]) && settings[key] !== values[0]) attributes[attribute] = settings[key];
  }
  return attributes;
}

/**
 * Link the settings' effects (assets/css/reading-effects.css, beside the page's stylesheet of ours, which
 * main.html marks with data-rs-stylesheet) once, as head.js does when a page opens with a setting on.
 * @param {Document} [doc]
 */
export function linkReadingEffects(doc = document) {
  const ours = doc.querySelector("link[data-rs-stylesheet]");
  if (!ours || doc.querySelector("link[data-rs-reading-effects]")) return;
  const link = doc.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("reading-effects.css", ours.href).href;
  link.dataset.rsReadingEffects = "";
  ours.after(link);
}

/** Show these settings on the page at once (removing the attributes of settings back at their default). */
export function applyReading(settings, doc = document) {
  const attributes = readingAttributes(settings);
  if (Object.keys(attributes).length) linkReadingEffects(doc);
  for (const { attribute } of Object.values(READING_SETTINGS)) {
    if (Object.hasOwn(attributes, attribute)) doc.documentElement.dataset[attribute] = attributes[attribute];
    else delete doc.documentElement.dataset[attribute];
  }
}

/** The saved reading settings (defaults where none or unreadable). */
export function savedReading(store) {
  const preferences = store.getData(PREFERENCES, {});
  return readingSettings(isPlainObject(preferences) ? preferences.display : undefined);
}

/**
 * Save one reading setting, keeping the others and every other preference; settings back at their default
 * are left out (unknown ones from a later version are kept), and an empty set is removed. Returns the store's result.
 * @param {import("./storage.js").Store} store
 * @param {string} key
 * @param {string} value
 */
export function saveReading(store, key, value) {
  if (!Object.hasOwn(READING_SETTINGS, key) || !READING_SETTINGS[key].values.includes(value)) {
    throw new RangeError(`${key}=${value}`);
  }
  const saved = store.getData(PREFERENCES, {});
  const preferences = isPlainObject(saved) ? { ...saved } : {};
  // Keys and values a later version wrote are kept as they are; a known setting back at its default is left out.
  const reading = { ...(isPlainObject(preferences.display) ? preferences.display : {}), [key]: value };
  const kept = Object.fromEntries(Object.entries(reading)
    .filter(([name, choice]) => !Object.hasOwn(READING_SETTINGS, name) || choice !== READING_SETTINGS[name].values[0]));
  if (Object.keys(kept).length > 0) preferences.display = kept;
  else delete preferences.display;
  return store.setData(PREFERENCES, preferences);
}
