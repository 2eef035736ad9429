// Runs in the page's head, before the first paint. A file rather than an inline script, so the
// Content-Security-Policy needs no 'unsafe-inline'.

/*! Material for MkDocs 9.8.1's inline head script (partials/javascripts/base.html, which the site's override
 * leaves empty), here so the page fetches one head script. Copyright (c) 2016-2025 Martin Donath, MIT licence. */
// The scope comes from this script's data-scope (extra.scope, or the page's relative base URL); the theme's
// bundle, at the end of the page, reads these.
globalThis.__md_scope = new URL(document.currentScript.dataset.scope, location);
globalThis.__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
globalThis.__md_get = (e, _ = localStorage, t = globalThis.__md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
globalThis.__md_set = (e, _, t = localStorage, a = globalThis.__md_scope) => {
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(_));
  } catch {
    // Storage blocked or full: the theme keeps its state for this page only.
  }
};

// Mark that JavaScript runs, so CSS may hide the no-JavaScript notes (and only then).
document.documentElement.classList.add("rs-js");

// Show the wording for the learner's role (lib/role.js) from the first paint: <html data-rs-role>, read from
// the saved preferences. #__config is not parsed yet, so the storage namespace comes from the meta tag
// before this script and the site's base URL from this script's data-base (as lib/storage.js builds it).
// A page's address may ask for one wording (?role=supervisor: a handouts page's choice, for this page only);
// a page whose script has data-role-default (handouts) shows that wording rather than the saved one.

// The saved preferences ("preferences" data), or null when none, blocked or damaged.
function savedPreferences(script) {
  if (!script) return null;
  try {
    const meta = document.querySelector('meta[name="rs-storage"]');
    const name = (meta && meta.content) || "reflective-supervision";
    const scope = new URL(script.dataset.base || ".", location.href).pathname;
    const shared = sessionStorage.getItem(`${name}:${scope}#shared-computer`) === "on";
    const area = shared ? sessionStorage : localStorage;
    const preferences = JSON.parse(area.getItem(`${name}:${scope}:data:preferences`));
    return preferences && typeof preferences === "object" && !Array.isArray(preferences) ? preferences : null;
  } catch {
    // Storage blocked or a damaged value: the page keeps its defaults.
    return null;
  }
}

(function showSavedRole(script, preferences) {
  const root = document.documentElement;
  const roles = ["nqsw", "supervisor"];
  const asked = new URLSearchParams(location.search).get("role");
  if (roles.includes(asked)) {
    root.dataset.rsRole = asked;
    return;
  }
  if (!script) return;
  if (roles.includes(script.dataset.roleDefault)) {
    root.dataset.rsRole = script.dataset.roleDefault;
    return;
  }
  const role = preferences && preferences.role;
  if (roles.includes(role)) root.dataset.rsRole = role;
})(document.currentScript, savedPreferences(document.currentScript));

// Apply the learner's reading settings (preferences.display, lib/reading.js) before the first paint, as
// attributes of <html> that assets/css/reading-effects.css styles: text size, spacing, font, theme and motion.
// Only allowed values other than the default are shown; keep this list in step with READING_SETTINGS.
// That stylesheet is linked only when a setting is on, as lib/reading.js linkReadingEffects does
// (tests/js/reading.test.mjs holds the two alike).
(function applyReadingSettings(preferences) {
  const settings = {
    size: ["rsTextSize", ["125", "150", "175", "200"]],
    spacing: ["rsSpacing", ["wide"]],
    font: ["rsFont", ["arial", "verdana", "comic", "georgia"]],
    theme: ["rsTheme", ["dark", "contrast"]],
    motion: ["rsMotion", ["reduce"]],
  };
  const reading = preferences && preferences.display;
  if (!reading || typeof reading !== "object") return;
  let on = false;
  for (const [key, [attribute, values]] of Object.entries(settings)) {
    if (!values.includes(reading[key])) continue;
    document.documentElement.dataset[attribute] = reading[key];
    on = true;
  }
  if (on) linkReadingEffects();
})(savedPreferences(document.currentScript));

// Link the settings' effects beside the page's stylesheet of ours (main.html marks it with data-rs-stylesheet,
// above this script), render-blocking, so the first paint already shows them.
function linkReadingEffects() {
  const ours = document.querySelector("link[data-rs-stylesheet]");
  if (!ours || document.querySelector("link[data-rs-reading-effects]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("reading-effects.css", ours.href).href;
  link.setAttribute("blocking", "render");
  link.dataset.rsReadingEffects = "";
  ours.after(link);
}
