// Bar charts: the geometry of each layout and the table that gives the same figures, from one description.
import assert from "node:assert/strict";
import { test } from "node:test";

import { chartShapes, chartTable, wrapLabel } from "../../overrides/assets/js/lib/bar-chart.js";

const byClass = (shapes, name) => shapes.filter((item) => String(item.attrs.class).split(" ").includes(name));
const text = (item) => item.children.map((child) => (typeof child === "object" ? text(child) : child)).join("");

test("stacked: long labels wrap, the figure sits under its bar, a zero share still shows a stub", () => {
  const { size, shapes } = chartShapes({
    layout: "stacked", prefix: "c__",
    rows: [
      { title: "Managing my workload and my own wellbeing at work", share: 0.5, value: "2.5 of 5" },
      { title: "Short", share: 0, value: "0 of 5" },
      { title: "Not rated", share: null, value: "not rated" },
    ],
  });
  const labels = byClass(shapes, "c__label");
  assert.deepEqual(labels[0].children.map(text), ["Managing my workload and my own", "wellbeing at work"]);
  const bars = byClass(shapes, "c__bar");
  assert.deepEqual(bars.map((bar) => bar.attrs.width), [160, 4]); // no bar at all for the unrated row
  const [firstTrack] = byClass(shapes, "c__track");
  assert.equal(firstTrack.attrs.y, 2 * 19 + 4); // two lines of label above the bar
  const values = byClass(shapes, "c__value");
  assert.ok(values.every((value, n) => value.attrs.y > byClass(shapes, "c__track")[n].attrs.y + 20));
  assert.equal(size.viewBox, `0 0 320 ${values.at(-1).attrs.y + 16}`);
});

test("beside: a bar only for a figure above the bottom of the scale, figures beside the track", () => {
  const { size, shapes } = chartShapes({
    layout: "beside", prefix: "e-",
    rows: [{ title: "Client", share: 1, value: "5" }, { title: "Self", share: 0, value: "1" }, { title: "X", share: null, value: "–" }],
  });
  assert.deepEqual(byClass(shapes, "e-bar").map((bar) => bar.attrs.width), [150]);
  assert.deepEqual(byClass(shapes, "e-value").map((value) => value.attrs.x), [160, 160, 160]);
  assert.equal(size.viewBox, "0 0 320 156");
});

test("percent: bars in per cents of the column, a thin bar for a small share, none for zero", () => {
  const { size, shapes } = chartShapes({
    layout: "percent", prefix: "p-",
    rows: [{ title: "Case", share: 0.63, value: "63%" }, { title: "Care", share: 0, value: "0%" }],
  });
  assert.deepEqual(byClass(shapes, "p-bar").map((bar) => bar.attrs.width), [`${63 * 0.99}%`, "0%"]);
  assert.deepEqual(byClass(shapes, "p-label").map(text), ["Case 63%", "Care 0%"]);
  assert.deepEqual(size, { width: "100%", height: 104 });
  const small = chartShapes({ layout: "percent", prefix: "p-", rows: [{ title: "A", share: 0.001, value: "0%" }] });
  assert.equal(byClass(small.shapes, "p-bar")[0].attrs.width, "0.5%");
});

test("columns: one column per point, heights in proportion, a count of one still visible", () => {
  const { shapes } = chartShapes({
    layout: "columns", prefix: "q-",
    rows: [1, 0, 3].map((count, n) => ({ title: String(n + 1), share: count / 4, value: String(count) })),
  });
  const bars = byClass(shapes, "q-bar");
  assert.deepEqual(bars.map((bar) => bar.attrs.height), [20, 0, 60]);
  assert.deepEqual(bars.map((bar) => bar.attrs.x), ["6.667%", "40%", "73.333%"]);
  assert.deepEqual(byClass(shapes, "q-point").map(text), ["1", "2", "3"]);
});

test("grouped: each series keeps its own fill in every group; an unrated bar has no width", () => {
  const { size, shapes } = chartShapes({
    layout: "grouped", prefix: "g__", titleId: "t",
    rows: ["Wellbeing", "Practice"].map((title, d) => ({
      title,
      bars: [{ label: "May", share: d ? null : 0.5, value: d ? "–" : "2.5" }, { label: "June", share: 1, value: "5.0" }],
    })),
  });
  assert.equal(shapes[0].tag, "defs");
  const bars = byClass(shapes, "g__bar--1");
  assert.deepEqual(bars.map((bar) => bar.attrs.fill), ["url(#t-stripes)", "url(#t-stripes)"]);
  assert.deepEqual(byClass(shapes, "g__bar--0").map((bar) => bar.attrs.width), [158, 0]);
  assert.equal(size.viewBox, `0 0 360 ${2 * (26 + 2 * 40 + 8) + 4}`);
});

test("the table has a row per chart row, headed by its title unless it names another header", () => {
  const table = chartTable({
    table: { caption: "Split", columns: ["Category", "Share"] },
    rows: [{ title: "Casework: ", header: "Casework", share: 0.6, value: "60%", cells: ["60%"] },
      { title: "Care", share: 0.4, value: "40%", cells: ["40%"] }],
  });
  assert.deepEqual(table, {
    caption: "Split", columns: ["Category", "Share"],
    rows: [{ header: "Casework", cells: ["60%"] }, { header: "Care", cells: ["40%"] }],
  });
});

test("an unknown layout is an error that names it, and labels wrap at spaces only", () => {
  assert.throws(() => chartShapes({ layout: "pie", rows: [] }), /pie/);
  assert.deepEqual(wrapLabel("a bb ccc", 4), ["a bb", "ccc"]);
  assert.deepEqual(wrapLabel(""), [""]);
});
