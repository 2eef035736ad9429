import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

import { BackupError, applyImport, buildBackup, parseBackup, planImport } from "../../overrides/assets/js/lib/backup.js";
import { entryLink } from "../../overrides/assets/js/lib/entries.js";
import { isCalendarDate, isData, isEntry } from "../../overrides/assets/js/lib/shape.js";
import { reviewEvent } from "../../overrides/assets/js/lib/ics.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

// The same sample files tests/unit/test_backup_schema.py checks against the JSON Schema (valid/ and kept-aside/
// accepted, invalid/ refused): the code and the schema must agree on every one.
const samples = (kind) => {
  const folder = new URL(`./fixtures/backups/${kind}/`, import.meta.url);
  return readdirSync(folder).filter((name) => name.endsWith(".json")).sort()
    .map((name) => [name, readFileSync(new URL(name, folder), "utf8")]);
};

test("every valid sample imports, and exports again exactly as it was", () => {
  assert.ok(samples("valid").length >= 2);
  for (const [name, text] of samples("valid")) {
    const backup = parseBackup(text);
    const store = new Store({ name: backup.site.name, scope: backup.site.scope, area: new MemoryStorage() });
    assert.equal(applyImport(store, backup, "replace").ok, true, name);
    const again = buildBackup(store, new Date(backup.exported));
    assert.deepEqual(again, JSON.parse(text), name);
  }
});

test("every sample with parts this version cannot use imports, those parts kept aside and reported", () => {
  assert.ok(samples("kept-aside").length >= 3);
  for (const [name, text] of samples("kept-aside")) {
    const backup = parseBackup(text);
    const store = new Store({ name: backup.site.name, scope: backup.site.scope, area: new MemoryStorage() });
    assert.ok(planImport(store, backup).keptAside.length > 0, name);
    assert.equal(applyImport(store, backup, "merge").ok, true, name);
  }
});

test("every invalid sample is refused with a message", () => {
  assert.ok(samples("invalid").length >= 30);
  for (const [name, text] of samples("invalid")) {
    assert.throws(() => parseBackup(text), (error) => error instanceof BackupError && error.message.length > 0, name);
  }
});

test("entries of the wrong shape are not entries", () => {
  const good = { format: 2, exercise: "a-b", values: { x: "1", goals: [{ id: "g1", goal: "y" }], checked: ["q1"] } };
  assert.equal(isEntry(good), true);
  assert.equal(isEntry({ exercise: "a-b", values: {} }), true, "format 1: no format field");
  for (const bad of [
    { ...good, readable: [null] }, { ...good, snapshots: [null] }, { ...good, page: "javascript:alert(1)" },
    { ...good, snapshots: [{ taken: "2026-01-01T00:00:00Z", label: "x", values: {}, profile: [null] }] },
    { ...good, values: { x: 1 } }, { ...good, updated: {} }, { ...good, format: 3 }, null, [], "x",
    // A profile's figures stay on their scale: no bar of width Infinity or below zero.
    ...[[1e308, 1e-300], [4, 3], [-1, 3], [null, 0], [2, 1e308], [1, Number.NaN]].map(([average, max]) => (
      { ...good, snapshots: [{ taken: "2026-01-01T00:00:00Z", label: "x", values: {}, profile: [{ id: "a", title: "A", average, max }] }] })),
  ]) assert.equal(isEntry(bad), false, JSON.stringify(bad));
  const onScale = { ...good, snapshots: [{ taken: "2026-01-01T00:00:00Z", label: "x", values: {},
    profile: [{ id: "a", title: "A", average: 0, max: 3 }, { id: "b", title: "B", average: 3, max: 3 }, { id: "c", title: "C", average: null, max: 10 }] }] };
  assert.equal(isEntry(onScale), true);
  assert.equal(isData("visits", null), false);
  assert.equal(isData("record", { items: [null] }), false);
  assert.equal(isData("record", null), false);
  assert.equal(isData("record", { items: [{ exercise: "a", did: "x" }] }), true);
  assert.equal(isData("unknown", {}), false);
});

test("links to exercises go only to pages of this site", () => {
  const here = "https://learn.example.org/my-learning/";
  assert.equal(entryLink({ page: "/modules/a/", exercise: "x" }, here), "https://learn.example.org/modules/a/#ex-x");
  for (const page of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,x", "//evil.example/",
    "/\\evil.example/", "https://evil.example/", "modules/a/", "", null, 3, undefined]) {
    assert.equal(entryLink({ page, exercise: "x" }, here), null, String(page));
  }
  assert.equal(entryLink({ page: "/tmp/offline/modules/a/index.html", exercise: "x" }, "file:///tmp/offline/my-learning/index.html"),
    "file:///tmp/offline/modules/a/index.html#ex-x");
});

test("calendar dates must be real days", () => {
  assert.equal(isCalendarDate("2027-03-15"), true);
  assert.equal(isCalendarDate("2028-02-29"), true);
  for (const bad of ["2027-13-45", "2027-02-29", "2027-3-1", "15/03/2027", "", null]) assert.equal(isCalendarDate(bad), false, String(bad));
  assert.throws(() => reviewEvent({ uid: "u", date: "2027-13-45", summary: "s" }), RangeError);
});

test("a value of the wrong shape in storage is listed as damaged, kept, and never stops the others", () => {
  const area = new MemoryStorage();
  const store = new Store({ name: "rs", scope: "/", area });
  store.save("good", { exercise: "good", title: "Good", values: { a: "1" }, readable: [{ label: "L", text: "T" }] });
  area.setItem("rs:/:entry:bad-readable", JSON.stringify({ format: 2, exercise: "bad-readable", values: {}, readable: [null] }));
  area.setItem("rs:/:entry:bad-snapshots", JSON.stringify({ format: 2, exercise: "bad-snapshots", values: {}, snapshots: [null] }));
  area.setItem("rs:/:entry:elsewhere", JSON.stringify({ format: 2, exercise: "another-id", values: {} }));
  area.setItem("rs:/:data:visits", "null");
  area.setItem("rs:/:data:record", JSON.stringify({ items: [null] }));
  const { entries, corrupt } = store.list();
  assert.deepEqual(entries.map((entry) => entry.exercise), ["good"]);
  assert.equal(corrupt.length, 5);
  // Reading a damaged piece moves it aside (kept for export) and gives the fallback.
  assert.deepEqual(store.getData("visits", {}), {});
  assert.equal(area.getItem("rs:/:corrupt:data:visits"), "null");
  assert.equal(store.load("bad-snapshots").status, "corrupt");
  assert.ok(area.getItem("rs:/:corrupt:entry:bad-snapshots"));
  // A backup keeps all of them, as text, and passes its own import.
  const backup = parseBackup(JSON.stringify(buildBackup(store)));
  assert.deepEqual(Object.keys(backup.entries), ["good"]);
  assert.equal(Object.keys(backup.damaged).length, 5);
});

test("a second damaged value never overwrites the first one kept aside", () => {
  const area = new MemoryStorage();
  const store = new Store({ name: "rs", scope: "/", area });
  area.setItem("rs:/:entry:x", "{first");
  store.load("x");
  area.setItem("rs:/:entry:x", "{second");
  store.load("x");
  assert.equal(area.getItem("rs:/:corrupt:entry:x"), "{first");
  assert.equal(area.getItem("rs:/:corrupt:entry:x:2"), "{second");
});
