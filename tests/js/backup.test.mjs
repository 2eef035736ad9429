import assert from "node:assert/strict";
import { test } from "node:test";

import { BackupError, applyImport, buildBackup, parseBackup, planImport } from "../../overrides/assets/js/lib/backup.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

function filledStore(area = new MemoryStorage()) {
  const store = new Store({ name: "rs", scope: "/", area });
  store.save("one", { exercise: "one", title: "One", updated: "2026-01-01T00:00:00.000Z", values: { a: "first <b>answer</b>" } });
  store.save("two", { exercise: "two", title: "Two", updated: "2026-01-02T00:00:00.000Z", values: { goals: [{ id: "g1", goal: "x" }] } });
  store.setData("visits", { "/modules/a/": "2026-01-01T00:00:00.000Z" });
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

test("the preview lists new, same, conflicting and would-be-deleted items", () => {
  const store = filledStore();
  const backup = parseBackup(JSON.stringify(buildBackup(store)));
  store.save("one", { exercise: "one", title: "One", updated: "2026-06-01T00:00:00.000Z", values: { a: "changed later" } });
  store.save("four", { exercise: "four", title: "Four", updated: "2026-06-01T00:00:00.000Z", values: { a: "only here" } });
  store.remove("two");
  const plan = planImport(store, backup);
  assert.deepEqual(plan.added, ["Two"]);
  assert.deepEqual(plan.conflicts, [{ name: "One", keep: "yours" }]);
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
    [JSON.stringify({ ...good, data: { settings: {} } }), /unknown part/],
    [" ".repeat(6 * 1024 * 1024), /too large/],
  ];
  for (const [text, message] of cases) assert.throws(() => parseBackup(text), (error) => error instanceof BackupError && message.test(error.message));
  assert.equal(Object.getPrototypeOf({}).polluted, undefined);
});
