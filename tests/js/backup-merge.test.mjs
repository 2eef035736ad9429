import assert from "node:assert/strict";
import { test } from "node:test";

import { applyImport, buildBackup, parseBackup, planImport } from "../../overrides/assets/js/lib/backup.js";
import { keepBoth } from "../../overrides/assets/js/lib/field-merge.js";
import { isEntry } from "../../overrides/assets/js/lib/shape.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

const entry = (updated, values, extra = {}) => ({ exercise: "one", title: "One", updated, values, ...extra });
const store = () => new Store({ name: "rs", scope: "/", area: new MemoryStorage() });

test("keepBoth keeps the newer answers and every differing older answer as one dated import copy", () => {
  const older = entry("2026-01-01T00:00:00.000Z", { a: "old a", b: "same", c: "only older" });
  const newer = entry("2026-02-01T00:00:00.000Z", { a: "new a", b: "same", d: "only newer" });
  const when = new Date("2026-03-01T10:00:00Z");
  const { entry: kept, differed, changed } = keepBoth(newer, older, when);
  assert.ok(differed && changed);
  assert.deepEqual(kept.values, newer.values);
  assert.deepEqual(kept.copies, [{ taken: "2026-03-01T10:00:00.000Z", reason: "import", values: { a: "old a", c: "only older" } }]);
  assert.ok(isEntry(kept));
  // Again (the same backup imported twice): nothing new.
  const again = keepBoth(kept, older, new Date("2026-04-01T00:00:00Z"));
  assert.equal(again.changed, false);
  assert.equal(again.differed, true);
});

test("keepBoth keeps the copies and snapshots of both, each once, oldest first; identical answers keep nothing", () => {
  const copy = (taken, text) => ({ taken, reason: "other-window", values: { a: text } });
  const snap = (taken) => ({ taken, label: taken.slice(0, 10), values: { r: "2" } });
  const older = entry("2026-01-01T00:00:00.000Z", { a: "x" }, { copies: [copy("2026-01-01T00:00:00.000Z", "o")], snapshots: [snap("2026-01-02T00:00:00.000Z")] });
  const newer = entry("2026-02-01T00:00:00.000Z", { a: "x" }, {
    copies: [copy("2026-01-05T00:00:00.000Z", "n"), copy("2026-01-01T00:00:00.000Z", "o")],
    snapshots: [snap("2026-01-02T00:00:00.000Z"), snap("2026-01-20T00:00:00.000Z")],
  });
  const { entry: kept, differed } = keepBoth(newer, older);
  assert.equal(differed, false);
  assert.deepEqual(kept.copies.map((item) => item.values.a), ["o", "n"]);
  assert.deepEqual(kept.snapshots.map((item) => item.taken.slice(0, 10)), ["2026-01-02", "2026-01-20"]);
});

test("adding a backup to what is saved here keeps both versions of an exercise and says which differed", () => {
  const here = store();
  here.save("one", entry("2026-05-01T00:00:00.000Z", { a: "written here, later" }));
  here.save("two", { exercise: "two", title: "Two", updated: "2026-05-01T00:00:00.000Z", values: { a: "same" } });
  const other = store();
  other.save("one", entry("2026-04-01T00:00:00.000Z", { a: "written on the phone, earlier", b: "only there" }));
  other.save("two", { exercise: "two", title: "Two", updated: "2026-04-01T00:00:00.000Z", values: { a: "same" } });
  other.save("three", { exercise: "three", title: "Three", updated: "2026-04-01T00:00:00.000Z", values: { a: "new" } });
  const backup = parseBackup(JSON.stringify(buildBackup(other)));

  const plan = planImport(here, backup);
  assert.deepEqual(plan.added, ["Three"]);
  assert.deepEqual(plan.conflicts, [{ name: "One", keep: "yours", copy: true }, { name: "Two", keep: "yours", copy: false }]);
  const result = applyImport(here, backup, "merge");
  assert.equal(result.ok, true);
  assert.deepEqual(result.differed, ["One"]);
  const one = here.load("one").entry;
  assert.equal(one.values.a, "written here, later");
  assert.equal(one.copies.length, 1);
  assert.equal(one.copies[0].reason, "import");
  assert.deepEqual(one.copies[0].values, { a: "written on the phone, earlier", b: "only there" });

  // The other way round: the backup's is newer, so it is used and yours is the copy.
  const phone = store();
  phone.save("one", entry("2026-03-01T00:00:00.000Z", { a: "oldest" }));
  const newerBackup = parseBackup(JSON.stringify(buildBackup(here)));
  assert.deepEqual(planImport(phone, newerBackup).conflicts, [{ name: "One", keep: "backup", copy: true }]);
  applyImport(phone, newerBackup, "merge");
  const merged = phone.load("one").entry;
  assert.equal(merged.values.a, "written here, later");
  assert.deepEqual(merged.copies.map((copy) => copy.values.a), ["written on the phone, earlier", "oldest"]);

  // Importing the same backup again changes nothing.
  const before = phone.snapshot();
  assert.deepEqual(applyImport(phone, newerBackup, "merge").differed, []);
  assert.deepEqual(phone.snapshot(), before);
});
