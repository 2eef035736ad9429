// Presenter mode's decisions without a page: where it starts, where keys move it, what each slide shows.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  clampSection, escapeAction, keyAction, shortcutStep, slideView, startingSection,
} from "../../overrides/assets/js/lib/presenter-state.js";

test("moving stays within the sections; the start is the target's section, else the asked one", () => {
  assert.deepEqual([clampSection(-1, 4), clampSection(2, 4), clampSection(9, 4)], [0, 2, 3]);
  assert.equal(startingSection(4, { targetIndex: 2, start: 1 }), 2);
  assert.equal(startingSection(4, { targetIndex: -1, start: 1 }), 1);
  assert.equal(startingSection(4, { start: 7 }), 3);
  assert.equal(startingSection(4), 0);
});

test("keys: arrows and page keys move, Escape is its own, a modifier leaves the key to the browser", () => {
  assert.equal(keyAction({ key: "ArrowRight" }), "next");
  assert.equal(keyAction({ key: "PageUp" }), "previous");
  assert.equal(keyAction({ key: "Escape" }), "escape");
  assert.equal(keyAction({ key: "ArrowRight", altKey: true }), null);
  assert.equal(keyAction({ key: "a" }), null);
});

test("Material's shortcuts: page keys step, search keys do nothing, other keys are left alone", () => {
  assert.deepEqual(["n", ".", "P", ",", "s", "/", "x"].map((key) => shortcutStep({ key })), [1, 1, -1, -1, 0, 0, null]);
  assert.equal(shortcutStep({ key: "n", ctrlKey: true }), null);
});

test("Escape closes the list first, then leaves, but never out of full screen", () => {
  assert.equal(escapeAction({ listOpen: true, fullScreen: true }), "close-list");
  assert.equal(escapeAction({ listOpen: false, fullScreen: false }), "leave");
  assert.equal(escapeAction({ listOpen: false, fullScreen: true }), null);
});

test("a slide hides the other sections but keeps the page title and its chapter's h2 as running heads", () => {
  const el = (tagName, name) => ({ tagName, name });
  const [title, intro, chapter, para, sub, form] = [el("H1"), el("P"), el("H2"), el("P"), el("H3"), el("FORM")];
  const [partA, partB] = [el("FIELDSET"), el("FIELDSET")];
  const sections = [
    { heading: title, parent: null, elements: [title, intro], exercise: null },
    { heading: chapter, parent: null, elements: [chapter, para], exercise: null },
    { heading: sub, parent: chapter, elements: [sub, form], exercise: form, part: { all: [partA, partB], shown: [partA] } },
    { heading: partB, parent: chapter, elements: [form], exercise: form, part: { all: [partA, partB], shown: [partB] } },
  ];
  const elements = [title, intro, chapter, para, sub, form];
  const view = slideView(sections, 2, elements, [partA, partB]);
  assert.deepEqual([...view.titles], [title, chapter]);
  assert.deepEqual([...view.off], [intro, para]);
  assert.deepEqual([...view.partsOff], [partB]);
  assert.deepEqual([view.number, view.total, view.first, view.last, view.exercise], [3, 4, false, false, form]);
  const last = slideView(sections, 3, elements, [partA, partB]);
  assert.deepEqual([...last.partsOff], [partA]);
  assert.ok(last.off.has(sub) && last.last);
  const first = slideView(sections, 0, elements, [partA, partB]);
  assert.deepEqual([first.titles.size, first.partsOff.size, first.first], [0, 0, true]);
});
