import assert from "node:assert/strict";
import { test } from "node:test";

import { applyImport, buildBackup, describeItem, parseBackup } from "../../overrides/assets/js/lib/backup.js";
import {
  REMIND_AFTER_CHANGES, REMIND_AFTER_DAYS, backupRecord, noteBackup, reminderDue,
} from "../../overrides/assets/js/lib/backup-reminder.js";
import { isData } from "../../overrides/assets/js/lib/shape.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

const day = (n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString();
const changedOn = (...days) => days.map((n) => ({ updated: day(n) }));

test("a reminder is due after enough changed exercises, or after enough days with one change", () => {
  assert.equal(REMIND_AFTER_CHANGES, 5);
  assert.equal(REMIND_AFTER_DAYS, 14);
  const now = new Date(day(10));
  assert.deepEqual(reminderDue([], {}, now), { due: false, changed: 0 });
  assert.deepEqual(reminderDue(changedOn(9, 9, 9, 9), {}, now), { due: false, changed: 4 });
  assert.deepEqual(reminderDue(changedOn(9, 9, 9, 9, 10), {}, now), { due: true, changed: 5 });
  // One change, counted from that change when no backup was ever made.
  assert.equal(reminderDue(changedOn(0), {}, new Date(day(13))).due, false);
  assert.equal(reminderDue(changedOn(0), {}, new Date(day(14))).due, true);
  // Counted from the last backup: nothing changed since, nothing due however long ago it was.
  assert.deepEqual(reminderDue(changedOn(1, 2), { last: day(3) }, new Date(day(300))), { due: false, changed: 0 });
  assert.equal(reminderDue(changedOn(1, 4), { last: day(3) }, new Date(day(17))).due, true);
  assert.equal(reminderDue(changedOn(1, 4), { last: day(3) }, new Date(day(16))).due, false);
});

test("putting a reminder off counts from then, like a backup", () => {
  const entries = changedOn(1, 2, 3, 4, 5);
  assert.equal(reminderDue(entries, { last: day(0) }, new Date(day(6))).due, true);
  assert.equal(reminderDue(entries, { last: day(0), dismissed: day(6) }, new Date(day(7))).due, false);
  assert.equal(reminderDue([...entries, ...changedOn(8)], { last: day(0), dismissed: day(6) }, new Date(day(21))).due, true);
});

test("the record is saved state of its own shape: kept, backed up, named, restored and cleared", () => {
  const store = new Store({ name: "rs", scope: "/", area: new MemoryStorage() });
  assert.deepEqual(backupRecord(store), {});
  store.setData("backups", { later: "a newer version's key" });
  noteBackup(store, "last", new Date(day(2)));
  noteBackup(store, "dismissed", new Date(day(3)));
  assert.deepEqual(backupRecord(store), { later: "a newer version's key", last: day(2), dismissed: day(3) });
  assert.ok(isData("backups", backupRecord(store)));
  assert.ok(!isData("backups", { last: "yesterday" }));
  assert.equal(describeItem(store, "rs:/:data:backups", "{}"), "When you last made a backup, and when you put off a reminder");
  const before = store.snapshot();
  const text = JSON.stringify(buildBackup(store));
  store.clearAll();
  assert.deepEqual(store.snapshot(), {});
  assert.deepEqual(backupRecord(store), {});
  applyImport(store, parseBackup(text), "replace");
  assert.deepEqual(store.snapshot(), before);
});
