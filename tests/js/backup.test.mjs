import assert from "node:assert/strict";
import { test } from "node:test";

import { BackupError, applyImport, buildBackup, describeItem, moveState, parseBackup, planImport } from "../../overrides/assets/js/lib/backup.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

function filledStore(area = new MemoryStorage()) {
  const store = new Store({ name: "rs", scope: "/", area });
  store.save("one", { exercise: "one", title: "One", updated: "2026-01-01T00:00:00.000Z", values: { a: "first <b>answer</b>" } });
  store.save("two", { exercise: "two", title: "Two", updated: "2026-01-02T00:00:00.000Z", values: { goals: [{ id: "g1", goal: "x" }] } });
  store.setData("visits", { "/modules/a/": "2026-01-01T00:00:00.000Z" });
  store.setData("place", { page: "/modules/a/", at: "2026-01-02T00:00:00.000Z", exercise: "one" });
  area.setItem("rs:/:corrupt:entry:three", "{broken");
  return store;
}

test("export, delete everything, import: exactly the same saved state", () => {
  const store = filledStore();
  const before = store.snapshot();
  const text = JSON.stringify(buildBackup(store, new Date("2026-11-22T00:00:00Z")));
  store.clearAll();
  assert.deepEqual(store.snapshot(), {});
  const result = applyImport(store, parseBackup(text), "replace");
  assert.equal(result.ok, true);
  assert.deepEqual(store.snapshot(), before);
});

test("where you left off travels in a backup under its own name, and delete everything clears it", () => {
  const store = filledStore();
  const backup = buildBackup(store);
  assert.deepEqual(backup.data.place, { page: "/modules/a/", at: "2026-01-02T00:00:00.000Z", exercise: "one" });
  assert.equal(describeItem(store, "rs:/:data:place", "{}"), "Where you left off on your path");
  store.clearAll();
  assert.equal(store.getData("place", null), null);
});

test("the preview lists new, same, conflicting and would-be-deleted items", () => {
  const store = filledStore();
  const backup = parseBackup(JSON.stringify(buildBackup(store)));
  store.save("one", { exercise: "one", title: "One", updated: "2026-06-01T00:00:00.000Z", values: { a: "changed later" } });
  store.save("four", { exercise: "four", title: "Four", updated: "2026-06-01T00:00:00.000Z", values: { a: "only here" } });
  store.remove("two");
  const plan = planImport(store, backup);
  assert.deepEqual(plan.added, ["Two"]);
  assert.deepEqual(plan.conflicts, [{ name: "One", keep: "yours", copy: true }]);
  assert.deepEqual(plan.removedOnReplace, ["Four"]);
  applyImport(store, backup, "merge");
  assert.equal(store.load("one").entry.values.a, "changed later");
  assert.equal(store.load("four").status, "ok");
  assert.equal(store.load("two").status, "ok");
});

test("hostile or malformed files are refused with a message and change nothing", () => {
  const good = buildBackup(filledStore());
  const cases = [
    ["{\"format\":\"reflective-supervision-backup\",\"version\":1,\"entries\":{\"__proto__\":{}}}", /__proto__/],
    [JSON.stringify({ ...good, entries: { one: { ...good.entries.one, constructor: 1 } } }), /constructor/],
    ["not json", /not valid JSON/],
    [JSON.stringify({ format: "something-else" }), /not a backup/],
    [JSON.stringify({ ...good, version: 99 }), /newer version/],
    [JSON.stringify({ ...good, entries: [] }), /wrong shape/],
    [JSON.stringify({ ...good, entries: { "Bad Id": good.entries.one } }), /not in a shape/],
    [JSON.stringify({ ...good, extra: {} }), /unknown part/],
    [JSON.stringify({ ...good, data: { "Bad Name": {} } }), /a name this site never uses/],
    [JSON.stringify({ ...good, data: { settings: { x: { prototype: 1 } } } }), /prototype/],
    [" ".repeat(6 * 1024 * 1024), /too large/],
  ];
  for (const [text, message] of cases) assert.throws(() => parseBackup(text), (error) => error instanceof BackupError && message.test(error.message));
  assert.equal(Object.getPrototypeOf({}).polluted, undefined);
});

/** A store whose browser refuses every write after the first few, as a full store does. */
class FillingStorage extends MemoryStorage {
  constructor(allowed) {
    super();
    this.allowed = allowed;
  }

  setItem(key, value) {
    if (this.allowed <= 0) throw new DOMException("full", "QuotaExceededError");
    this.allowed -= 1;
    super.setItem(key, value);
  }
}

function manyEntries(count, size = 10) {
  const entries = {};
  for (let n = 1; n <= count; n += 1) {
    entries[`ex-${n}`] = { format: 2, exercise: `ex-${n}`, title: `Ex ${n}`, updated: "2026-02-01T00:00:00.000Z", values: { a: `backup ${n} ${"x".repeat(size)}` } };
  }
  return { format: "reflective-supervision-backup", version: 1, exported: "2026-02-01T00:00:00.000Z", site: { name: "rs", scope: "/" }, entries, data: {}, damaged: {} };
}

test("a replace refused when the browser refuses every write after the second: only new keys were written, so nothing is lost", () => {
  const area = new FillingStorage(Infinity);
  const store = filledStore(area);
  const before = store.snapshot();
  area.allowed = 2;
  const result = applyImport(store, parseBackup(JSON.stringify(manyEntries(15))), "replace");
  assert.deepEqual([result.ok, result.reason, result.restored], [false, "full", true]);
  assert.deepEqual(store.snapshot(), before);
});

test("a replace that the browser refuses half way is undone: nothing is lost", () => {
  const area = new MemoryStorage();
  const store = filledStore(area);
  const before = store.snapshot();
  // Room for what is there now and a little more: the third of fifteen large entries does not fit.
  area.quota = Object.entries(before).reduce((sum, [key, raw]) => sum + key.length + raw.length, 0) + 400;
  const result = applyImport(store, parseBackup(JSON.stringify(manyEntries(15, 200))), "replace");
  assert.equal(result.ok, false);
  assert.equal(result.reason, "full");
  assert.equal(result.restored, true);
  assert.deepEqual(store.snapshot(), before);
});

test("a merge that the browser refuses half way is undone too", () => {
  const area = new MemoryStorage();
  const store = filledStore(area);
  const before = store.snapshot();
  area.quota = Object.entries(before).reduce((sum, [key, raw]) => sum + key.length + raw.length, 0) + 600;
  const result = applyImport(store, parseBackup(JSON.stringify(manyEntries(10, 200))), "merge");
  assert.deepEqual([result.ok, result.restored], [false, true]);
  assert.deepEqual(store.snapshot(), before);
});

test("if even putting things back fails, the earlier state is handed back to offer as a file", () => {
  const area = new FillingStorage(Infinity);
  const store = filledStore(area);
  const before = store.snapshot();
  const backup = manyEntries(2);
  for (const id of ["one", "two"]) backup.entries[id] = { format: 2, exercise: id, updated: "2027-01-01T00:00:00.000Z", values: { a: "changed" } };
  // New keys are written first, then changed ones: the second changed one is refused, and so is undoing the first.
  area.allowed = 3;
  const result = applyImport(store, parseBackup(JSON.stringify(backup)), "replace");
  assert.deepEqual([result.ok, result.restored], [false, false]);
  assert.deepEqual(result.previous, before);
});

test("an entry of a newer format is exported aside, so the site accepts its own backup and puts it back", () => {
  const store = filledStore();
  const newer = JSON.stringify({ format: 99, exercise: "future", values: { a: "new" } });
  store.area.setItem("rs:/:entry:future", newer);
  const before = store.snapshot();
  const backup = buildBackup(store);
  assert.equal(backup.entries.future, undefined);
  assert.equal(backup.damaged["entry:future"], newer);
  const parsed = parseBackup(JSON.stringify(backup));
  store.clearAll();
  assert.equal(applyImport(store, parsed, "replace").ok, true);
  assert.deepEqual(store.snapshot(), before);
});

test("moving a shared-computer tab's answers into lasting storage: theirs replace, visits combine, all or nothing", () => {
  const session = new Store({ name: "rs", scope: "/", area: new MemoryStorage() });
  const lasting = new Store({ name: "rs", scope: "/", area: new MemoryStorage() });
  lasting.save("one", { exercise: "one", values: { a: "older" } });
  lasting.save("two", { exercise: "two", values: { a: "only in the browser" } });
  lasting.setData("visits", { "/a/": "2026-01-01T00:00:00.000Z", "/b/": "2026-03-01T00:00:00.000Z" });
  session.save("one", { exercise: "one", values: { a: "typed in the tab" } });
  session.save("three", { exercise: "three", values: { a: "new" } });
  session.setData("visits", { "/b/": "2026-02-01T00:00:00.000Z", "/c/": "2026-02-02T00:00:00.000Z" });
  const before = lasting.snapshot();
  session.save("big", { exercise: "big", values: { a: "x".repeat(500) } });
  lasting.area.quota = Object.entries(before).reduce((sum, [key, raw]) => sum + key.length + raw.length, 0) + 300;
  assert.deepEqual(moveState(session, lasting), { ok: false, reason: "full", restored: true });
  assert.deepEqual(lasting.snapshot(), before);
  lasting.area.quota = Infinity;
  assert.equal(moveState(session, lasting).ok, true);
  assert.equal(lasting.load("one").entry.values.a, "typed in the tab");
  assert.equal(lasting.load("two").entry.values.a, "only in the browser");
  assert.equal(lasting.load("three").entry.values.a, "new");
  assert.deepEqual(lasting.getData("visits", {}), { "/a/": "2026-01-01T00:00:00.000Z", "/b/": "2026-02-01T00:00:00.000Z", "/c/": "2026-02-02T00:00:00.000Z" });
});
