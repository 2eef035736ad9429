// Reading settings: kept with the other preferences, read back with defaults for anything missing or unknown,
// and applied by the head script before the first paint.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

import {
  READING_SETTINGS, linkReadingEffects, readingAttributes, readingSettings, saveReading, savedReading,
} from "../../overrides/assets/js/lib/reading.js";
import { isData } from "../../overrides/assets/js/lib/shape.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

const HEAD = readFileSync(new URL("../../overrides/assets/js/head.js", import.meta.url), "utf8");
const DEFAULTS = { size: "100", spacing: "normal", font: "site", theme: "light", motion: "device" };

test("reading settings are saved beside the other preferences, leaving out those at their default", () => {
  const store = new Store({ name: "rs", scope: "/", area: new MemoryStorage() });
  store.setData("preferences", { role: "nqsw", groups: true });
  assert.deepEqual(savedReading(store), DEFAULTS);
  assert.equal(saveReading(store, "size", "200").ok, true);
  saveReading(store, "theme", "contrast");
  assert.deepEqual(store.getData("preferences", {}), { role: "nqsw", groups: true, display: { size: "200", theme: "contrast" } });
  assert.deepEqual(savedReading(store), { ...DEFAULTS, size: "200", theme: "contrast" });
  saveReading(store, "size", "100");
  saveReading(store, "theme", "light");
  assert.deepEqual(store.getData("preferences", {}), { role: "nqsw", groups: true });
  assert.throws(() => saveReading(store, "size", "500"), RangeError);
  assert.throws(() => saveReading(store, "colour", "pink"), RangeError);
});

test("a setting or value from a later version is kept as it is and read as the default", () => {
  const store = new Store({ name: "rs", scope: "/", area: new MemoryStorage() });
  store.setData("preferences", { display: { theme: "sepia", cursor: "large", size: "150" } });
  assert.deepEqual(savedReading(store), { ...DEFAULTS, size: "150" });
  saveReading(store, "font", "verdana");
  assert.deepEqual(store.getData("preferences", {}).display, { theme: "sepia", cursor: "large", size: "150", font: "verdana" });
  assert.equal(isData("preferences", { display: { size: "200" } }), true);
  assert.equal(isData("preferences", { display: { size: 200 } }), false);
  assert.equal(isData("preferences", { display: ["200"] }), false);
});

test("only settings away from their default become attributes of the page", () => {
  assert.deepEqual(readingAttributes(readingSettings(undefined)), {});
  assert.deepEqual(readingAttributes(readingSettings({ size: "175", spacing: "wide", font: "comic", theme: "dark", motion: "reduce" })),
    { rsTextSize: "175", rsSpacing: "wide", rsFont: "comic", rsTheme: "dark", rsMotion: "reduce" });
  assert.deepEqual(readingSettings("damaged"), DEFAULTS);
});

/**
 * A page's document as the head script and lib/reading.js see it: <html>, the storage name, and our stylesheet's
 * link (main.html marks it data-rs-stylesheet), which records the elements put after it in `linked`.
 */
function pageDocument() {
  const linked = [];
  const ours = { href: "https://example.org/site/assets/css/rs-k0123abcd.css", after: (element) => linked.push(element) };
  const found = {
    'meta[name="rs-storage"]': () => ({ content: "rs" }),
    "link[data-rs-stylesheet]": () => ours,
    "link[data-rs-reading-effects]": () => linked.find((element) => "rsReadingEffects" in element.dataset) ?? null,
  };
  return {
    linked,
    documentElement: { dataset: {}, classList: { add() {} } },
    currentScript: { dataset: { base: "../.." } },
    querySelector: (selector) => found[selector]?.() ?? null,
    createElement: (tagName) => ({ tagName, dataset: {}, setAttribute(name, value) { this[name] = value; } }),
  };
}

/** Run assets/js/head.js with these saved preferences on a page; return <html>'s dataset and what it linked. */
function runHeadOn(preferences) {
  const localStorage = new MemoryStorage();
  if (preferences !== undefined) localStorage.setItem("rs:/site/:data:preferences", preferences);
  const document = pageDocument();
  const location = new URL("https://example.org/site/modules/a/");
  vm.runInNewContext(HEAD, { document, localStorage, sessionStorage: new MemoryStorage(), location, URL, URLSearchParams, JSON });
  return { dataset: { ...document.documentElement.dataset }, linked: document.linked };
}

/** Run assets/js/head.js with these saved preferences and return <html>'s dataset. */
function runHead(preferences) {
  return runHeadOn(preferences).dataset;
}

test("the head script applies every allowed reading setting before the first paint, and nothing else", () => {
  for (const [key, { values, attribute }] of Object.entries(READING_SETTINGS)) {
    for (const value of values.slice(1)) {
      assert.deepEqual(runHead(JSON.stringify({ display: { [key]: value } })), { [attribute]: value }, `${key}=${value}`);
    }
    assert.deepEqual(runHead(JSON.stringify({ display: { [key]: values[0] } })), {}, `${key} default`);
  }
  assert.deepEqual(runHead(JSON.stringify({ role: "supervisor", display: { theme: "<b>", size: "999" } })), { rsRole: "supervisor" });
  assert.deepEqual(runHead("{damaged"), {});
  assert.deepEqual(runHead(), {});
});

test("the head script and the settings panel link the same effects stylesheet, once, after ours", () => {
  const effects = { rel: "stylesheet", href: "https://example.org/site/assets/css/reading-effects.css" };
  const fromHead = runHeadOn(JSON.stringify({ display: { theme: "dark", size: "150" } })).linked;
  assert.equal(fromHead.length, 1);
  assert.deepEqual({ rel: fromHead[0].rel, href: fromHead[0].href }, effects);
  assert.deepEqual(fromHead[0].dataset, { rsReadingEffects: "" });
  assert.equal(fromHead[0].blocking, "render"); // before the first paint
  assert.deepEqual(runHeadOn(JSON.stringify({ display: { theme: "light" } })).linked, []);
  assert.deepEqual(runHeadOn().linked, []);

  const page = pageDocument();
  linkReadingEffects(page);
  linkReadingEffects(page);
  assert.equal(page.linked.length, 1);
  assert.deepEqual({ rel: page.linked[0].rel, href: page.linked[0].href }, effects);
  assert.deepEqual(page.linked[0].dataset, { rsReadingEffects: "" });
});
