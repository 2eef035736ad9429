// What an import does with what this version of the site cannot use: a damaged copy never replaces a readable
// answer (it stays aside under a "corrupt:" key), entries of a newer format and saved state of unknown names
// are kept aside and reported (never a reason to refuse the rest). The crafted files are in
// fixtures/backups/kept-aside/.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  BackupError, applyImport, buildBackup, parseBackup, planImport,
} from "../../overrides/assets/js/lib/backup.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

const fixture = (path) => readFileSync(new URL(`./fixtures/backups/${path}`, import.meta.url));
const backupFrom = (path) => parseBackup(fixture(path).toString("utf8"));
const emptyStore = () => new Store({ name: "reflective-supervision", scope: "/", area: new MemoryStorage() });
const KEY = "reflective-supervision:/:";

/** A learner's store with one answered exercise (answered before the damaged copy's date). */
function answeredStore() {
  const store = emptyStore();
  store.save("example-reflection-default", {
    exercise: "example-reflection-default", kind: "reflection", title: "Looking back on a session",
    updated: "2026-12-01T09:00:00.000Z", values: { "what-stood-out": "My real answer" },
  });
  return store;
}

test("a damaged copy in a backup, even one dated later, never replaces a readable answer: it is kept aside", () => {
  const store = answeredStore();
  const mine = store.snapshot()[`${KEY}entry:example-reflection-default`];
  const backup = backupFrom("kept-aside/damaged-newer-copy.json");
  const damaged = backup.damaged["entry:example-reflection-default"];
  const plan = planImport(store, backup);
  assert.deepEqual(plan.conflicts, [], "the damaged copy is no conflict the backup could win");
  const title = "Looking back on a session";
  assert.deepEqual(plan.keptAside.filter((item) => item.name === title), [{ name: title, why: "damaged" }]);
  assert.equal(applyImport(store, backup, "merge").ok, true);
  assert.equal(store.snapshot()[`${KEY}entry:example-reflection-default`], mine);
  assert.equal(store.load("example-reflection-default").entry.values["what-stood-out"], "My real answer");
  assert.equal(store.snapshot()[`${KEY}corrupt:entry:example-reflection-default`], damaged);
});

test("a damaged copy kept aside never overwrites one kept aside earlier, and importing it twice keeps one", () => {
  const store = answeredStore();
  store.area.setItem(`${KEY}corrupt:entry:example-reflection-default`, "{an earlier damaged copy");
  const backup = backupFrom("kept-aside/damaged-newer-copy.json");
  assert.equal(applyImport(store, backup, "merge").ok, true);
  const state = store.snapshot();
  assert.equal(state[`${KEY}corrupt:entry:example-reflection-default`], "{an earlier damaged copy");
  const damaged = backup.damaged["entry:example-reflection-default"];
  assert.equal(state[`${KEY}corrupt:entry:example-reflection-default:2`], damaged);
  assert.equal(applyImport(store, backup, "merge").ok, true);
  assert.deepEqual(store.snapshot(), state);
  assert.ok(planImport(store, backup).same.includes("Looking back on a session"));
});

test("a readable answer in a backup replaces a damaged one here only after moving yours aside, and says so", () => {
  const store = emptyStore();
  store.area.setItem(`${KEY}entry:example-checklist-default`, "{damaged here");
  const backup = backupFrom("valid/full.json");
  const plan = planImport(store, backup);
  const name = "Saved by the first version";
  assert.deepEqual(plan.conflicts.filter((item) => item.name === name), [{ name, keep: "backup", copy: false }]);
  assert.ok(plan.keptAside.some((item) => item.why === "yours" && item.name === "Saved by the first version"));
  assert.equal(applyImport(store, backup, "merge").ok, true);
  assert.equal(store.load("example-checklist-default").entry.values["item-1"], "yes");
  assert.equal(store.snapshot()[`${KEY}corrupt:entry:example-checklist-default`], "{damaged here");
});

test("a backup from a newer version imports; its newer entries and unknown saved state are kept aside", () => {
  const text = fixture("kept-aside/newer-site.json").toString("utf8");
  const backup = parseBackup(text);
  const store = emptyStore();
  const plan = planImport(store, backup);
  assert.deepEqual(plan.keptAside.map((item) => item.why).sort(), ["newer", "newer", "unknown", "unknown"]);
  assert.ok(plan.keptAside.some((item) => item.why === "unknown" && item.name.includes("reminders")));
  assert.ok(plan.added.includes("Looking back on a session"), "the rest is imported");
  assert.equal(applyImport(store, backup, "merge").ok, true);
  const state = store.snapshot();
  // Stored untouched under their own keys, so a newer copy of the site finds them again.
  const newer = JSON.parse(text).entries["example-time-split-default"];
  assert.deepEqual(JSON.parse(state[`${KEY}entry:example-time-split-default`]), newer);
  assert.deepEqual(JSON.parse(state[`${KEY}data:reminders`]), { next: "2027-01-01", every: 30 });
  assert.equal(store.load("example-time-split-default").status, "newer");
  assert.equal(store.list().corrupt.length, 0, "unknown saved state is not listed as damaged");
  // Exported again in the next backup, and that backup puts back the same state.
  const again = buildBackup(store);
  assert.deepEqual(again.data.reminders, { next: "2027-01-01", every: 30 });
  assert.deepEqual(again.data["last-read"], ["/modules/what-is-supervision/", 3]);
  assert.deepEqual(JSON.parse(again.damaged["entry:example-time-split-default"]), newer);
  const elsewhere = emptyStore();
  assert.equal(applyImport(elsewhere, parseBackup(JSON.stringify(again)), "replace").ok, true);
  assert.deepEqual(elsewhere.snapshot(), state);
  // "Delete everything" clears them with the rest.
  elsewhere.clearAll();
  assert.deepEqual(elsewhere.snapshot(), {});
});

test("newer entries and unknown saved state never go over what is saved here: they are kept aside beside it", () => {
  const store = emptyStore();
  store.save("example-time-split-default", { exercise: "example-time-split-default", values: { split: "mine" } });
  store.area.setItem(`${KEY}data:reminders`, JSON.stringify({ next: "2026-12-24" }));
  const before = store.snapshot();
  const backup = backupFrom("kept-aside/newer-site.json");
  assert.equal(applyImport(store, backup, "merge").ok, true);
  const state = store.snapshot();
  assert.equal(state[`${KEY}entry:example-time-split-default`], before[`${KEY}entry:example-time-split-default`]);
  assert.equal(state[`${KEY}data:reminders`], before[`${KEY}data:reminders`]);
  assert.equal(JSON.parse(state[`${KEY}corrupt:entry:example-time-split-default`]).format, 7);
  assert.deepEqual(JSON.parse(state[`${KEY}corrupt:data:reminders`]), { next: "2027-01-01", every: 30 });
});

test("a newer entry is refused only when it cannot be kept apart: wrong id, no values, or an unsafe key", () => {
  const good = JSON.parse(fixture("kept-aside/newer-site.json").toString("utf8"));
  const newer = good.entries["example-time-split-default"];
  for (const [entry, message] of [
    [{ ...newer, exercise: "another-exercise" }, /not in a shape this site can read/],
    [{ format: 3, exercise: "example-time-split-default" }, /not in a shape this site can read/],
  ]) {
    const text = JSON.stringify({ ...good, entries: { ...good.entries, "example-time-split-default": entry } });
    assert.throws(() => parseBackup(text), (error) => error instanceof BackupError && message.test(error.message));
  }
  assert.doesNotThrow(() => backupFrom("kept-aside/data-unknown-name.json"));
  assert.doesNotThrow(() => backupFrom("kept-aside/entry-format-newer.json"));
});

test("unknown extra keys inside a known entry and in preferences survive import, saving and export", () => {
  const text = fixture("valid/extra-keys.json").toString("utf8");
  const store = emptyStore();
  assert.equal(applyImport(store, parseBackup(text), "replace").ok, true);
  const loaded = store.load("example-reflection-default");
  assert.equal(loaded.status, "ok");
  assert.equal(loaded.entry.role, "nqsw");
  store.save("example-reflection-default", { ...loaded.entry, flagged: false });
  assert.deepEqual(store.getData("preferences", {}),
    { facilitator: true, role: "supervisor", groups: true, reading: { size: "large", spacing: 1.5 } });
  const again = buildBackup(store);
  const { annotations } = JSON.parse(text).entries["example-reflection-default"];
  assert.deepEqual(again.entries["example-reflection-default"].annotations, annotations);
  assert.deepEqual(again.data, JSON.parse(text).data);
});
