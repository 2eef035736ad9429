import assert from "node:assert/strict";
import { test } from "node:test";

import {
  WRITE_AFTER_MS, changeNeedsWrite, changedSince, databaseName, debounce, failureReason, fileBackupAvailable,
  fileBackupStep, isChoice, writeFile,
} from "../../overrides/assets/js/lib/file-backup.js";

const handle = { kind: "file", name: "backup.json" };

test("the section offers a choice, writes, or asks again, from the saved file and the browser's permission", () => {
  assert.equal(fileBackupStep(null, null), "choose");
  assert.equal(fileBackupStep({ handle }, "granted"), "write");
  assert.equal(fileBackupStep({ handle }, "prompt"), "ask");
  assert.equal(fileBackupStep({ handle }, "denied"), "denied");
});

test("file backups are offered only with the API, outside shared-computer mode and another site's frame", () => {
  const picker = () => {};
  const page = (extra = {}) => {
    const win = { showSaveFilePicker: picker, indexedDB: {}, location: { origin: "https://a.example" }, ...extra };
    win.self = win;
    if (!("top" in extra)) win.top = win;
    return win;
  };
  assert.equal(fileBackupAvailable(page(), false), true);
  assert.equal(fileBackupAvailable(page(), true), false);
  assert.equal(fileBackupAvailable(page({ showSaveFilePicker: undefined }), false), false);
  const crossOrigin = { get location() { throw new Error("cross-origin"); } };
  assert.equal(fileBackupAvailable(page({ top: crossOrigin }), false), false);
  assert.equal(fileBackupAvailable(page({ top: { location: { origin: "https://a.example" } } }), false), true);
});

test("any change to the site's saved state calls for a write, except the record of backups each write makes", () => {
  const prefix = "reflective-supervision:/:";
  assert.equal(changeNeedsWrite(`${prefix}entry:example`, prefix), true);
  assert.equal(changeNeedsWrite(`${prefix}data:agenda`, prefix), true);
  assert.equal(changeNeedsWrite(null, prefix), true);
  assert.equal(changeNeedsWrite(`${prefix}data:backups`, prefix), false);
  assert.equal(changeNeedsWrite("another-site:/:entry:x", prefix), false);
});

test("a page writes on opening only when an answer changed since the file was last written", () => {
  const entries = [{ updated: "2026-03-01T10:00:00.000Z" }, { updated: "2026-03-02T10:00:00.000Z" }];
  assert.equal(changedSince(entries, undefined), true);
  assert.equal(changedSince(entries, "2026-03-01T12:00:00.000Z"), true);
  assert.equal(changedSince(entries, "2026-03-03T00:00:00.000Z"), false);
  assert.equal(changedSince([], "2026-03-03T00:00:00.000Z"), false);
});

test("writes wait for a quiet moment after the last change, and a page being hidden writes at once", () => {
  let now = 0;
  const waiting = new Map();
  let next = 1;
  const timers = {
    setTimeout: (fn, ms) => waiting.set(next, { fn, at: now + ms }) && next++,
    clearTimeout: (id) => waiting.delete(id),
  };
  const advance = (ms) => {
    now += ms;
    for (const [id, { fn, at }] of [...waiting]) if (at <= now) waiting.delete(id) && fn();
  };
  let writes = 0;
  const later = debounce(() => writes++, WRITE_AFTER_MS, timers);
  later.schedule();
  advance(WRITE_AFTER_MS - 1);
  later.schedule();
  advance(WRITE_AFTER_MS - 1);
  assert.equal(writes, 0);
  advance(1);
  assert.equal(writes, 1);
  later.flush();
  assert.equal(writes, 1, "nothing waiting: flush writes nothing");
  later.schedule();
  assert.equal(later.pending(), true);
  later.flush();
  assert.equal(writes, 2);
  advance(WRITE_AFTER_MS);
  assert.equal(writes, 2, "a flushed write does not run again");
});

test("failures are named in words the learner can act on", () => {
  assert.equal(failureReason({ name: "NotAllowedError" }), "permission");
  assert.equal(failureReason({ name: "NotFoundError" }), "missing");
  assert.equal(failureReason({ name: "QuotaExceededError" }), "full");
  assert.equal(failureReason(new Error("?")), "other");
  assert.equal(failureReason(undefined), "other");
});

test("a saved choice is checked before use, and the database is named after the site's storage", () => {
  assert.equal(isChoice({ handle }), true);
  assert.equal(isChoice({ handle, written: "2026-03-01T10:00:00.000Z" }), true);
  assert.equal(isChoice({ handle, written: "yesterday" }), false);
  assert.equal(isChoice({ handle: { kind: "directory", name: "x" } }), false);
  assert.equal(isChoice(null), false);
  assert.equal(databaseName({ name: "reflective-supervision", scope: "/" }), "reflective-supervision:/:file-backup");
});

test("a write replaces the file's text, and a failed write is abandoned, leaving the file as it was", async () => {
  const log = [];
  const fake = (failWrite) => ({
    createWritable: async () => ({
      write: async (text) => {
        if (failWrite) throw Object.assign(new Error("full"), { name: "QuotaExceededError" });
        log.push(["write", text]);
      },
      close: async () => log.push(["close"]),
      abort: async () => log.push(["abort"]),
    }),
  });
  await writeFile(fake(false), "{}\n");
  assert.deepEqual(log, [["write", "{}\n"], ["close"]]);
  log.length = 0;
  await assert.rejects(writeFile(fake(true), "{}\n"), { name: "QuotaExceededError" });
  assert.deepEqual(log, [["abort"]]);
});

test("another page rewrites the file when an answer changed since the last write, or one was deleted", async () => {
  const { rewriteDue } = await import("../../overrides/assets/js/lib/file-backup-writer.js");
  const written = "2026-12-01T10:00:00.000Z";
  const before = { updated: "2026-12-01T09:00:00.000Z" };
  const after = { updated: "2026-12-01T11:00:00.000Z" };
  assert.equal(rewriteDue([before], written, null), false);
  assert.equal(rewriteDue([before, after], written, null), true);
  assert.equal(rewriteDue([before], undefined, null), true); // never written
  assert.equal(rewriteDue([before], written, 2), true); // one deleted since this page wrote the file
  assert.equal(rewriteDue([before], written, 1), false);
});
