import assert from "node:assert/strict";
import { test } from "node:test";

import {
  clearingLeavesStore, emptyEntry, entryToWriteOver, exercisePage, hasOwnChanges, isEmpty, nextEntry, openingStep,
  readAllowsWriting, saveStep, savedNote, worthKeeping,
} from "../../overrides/assets/js/lib/exercise-state.js";

const details = {
  kind: "reflection", exercise: "m1-reflect", title: "Reflect", page: "/modules/one/",
  updated: "2026-01-02T03:04:05.000Z", values: { a: "text" }, readable: [{ label: "A", text: "text" }],
  flagged: false, role: undefined,
};

test("opening: a stored entry is restored, a newer one read only, a failed read holds saving", () => {
  assert.equal(openingStep({ status: "ok", entry: {} }, true), "restore");
  assert.equal(openingStep({ status: "newer", entry: {} }, true), "newer");
  assert.equal(openingStep({ status: "unavailable" }, true), "hold");
  assert.equal(openingStep({ status: "corrupt", kept: false }, true), "hold");
  assert.equal(openingStep({ status: "corrupt", kept: true }, true), "fresh", "a damaged value moved aside is safe");
  assert.equal(openingStep({ status: "missing" }, true), "fresh");
  assert.equal(openingStep({ status: "unavailable" }, false), "fresh", "blocked storage holds nothing to keep");
});

test("saving: stops on a newer entry, waits after a failed read unless the learner says save anyway", () => {
  assert.deepEqual(saveStep({ status: "newer" }, { available: true, saveAnyway: true }), { step: "newer" });
  assert.deepEqual(saveStep({ status: "unavailable" }, { available: true, saveAnyway: false }), { step: "hold" });
  assert.deepEqual(saveStep({ status: "unavailable" }, { available: true, saveAnyway: true }),
    { step: "write", writable: false });
  assert.deepEqual(saveStep({ status: "unavailable" }, { available: false, saveAnyway: false }),
    { step: "write", writable: true }, "blocked storage: the write itself reports it");
  assert.deepEqual(saveStep({ status: "ok", entry: {} }, { available: true, saveAnyway: false }),
    { step: "write", writable: true });
  assert.equal(readAllowsWriting({ status: "corrupt", kept: true }), true);
});

test("a save builds on the stored entry, a new one, or (saving anyway) the window's own", () => {
  const stored = { flagged: true, snapshots: [1] };
  const own = { flagged: false, snapshots: [2] };
  assert.equal(entryToWriteOver({ status: "ok", entry: stored }, true, own), stored);
  assert.deepEqual(entryToWriteOver({ status: "missing" }, true, own), emptyEntry());
  assert.equal(entryToWriteOver({ status: "unavailable" }, false, own), own);
  assert.notEqual(emptyEntry(), emptyEntry(), "each empty entry is a new object");
});

test("the entry a save stores keeps the stored keys in place and adds the window's details in order", () => {
  const current = { values: { a: "old" }, kind: "reflection", snapshots: [{ taken: "x" }], extra: 1 };
  const next = nextEntry(current, details);
  assert.deepEqual(Object.keys(next),
    ["values", "kind", "snapshots", "extra", "exercise", "title", "page", "updated", "readable", "flagged"]);
  assert.equal(JSON.stringify(nextEntry({}, details)), JSON.stringify({
    kind: "reflection", exercise: "m1-reflect", title: "Reflect", page: "/modules/one/",
    updated: "2026-01-02T03:04:05.000Z", values: { a: "text" }, readable: [{ label: "A", text: "text" }],
    flagged: false,
  }), "no role key when the learner has chosen none");
  assert.equal(nextEntry({}, { ...details, role: "supervisor" }).role, "supervisor");
  assert.deepEqual(current, { values: { a: "old" }, kind: "reflection", snapshots: [{ taken: "x" }], extra: 1 },
    "the stored entry is not changed");
});

test("a save keeps the other window's replaced text as a copy, then applies the waiting changes", () => {
  const current = { copies: [{ taken: "t0", reason: "import", values: { a: "older" } }] };
  const next = nextEntry(current, details, {
    overwritten: { a: "from the other window" },
    pending: [(entry) => ({ ...entry, snapshots: ["one"] }), (entry) => ({ ...entry, flagged: true })],
  });
  assert.equal(next.copies.length, 2);
  assert.deepEqual(next.copies[1].values, { a: "from the other window" });
  assert.equal(next.copies[1].reason, "other-window");
  assert.deepEqual(next.snapshots, ["one"]);
  assert.equal(next.flagged, true);
  assert.equal(nextEntry(current, details).copies, current.copies, "nothing replaced: the copies stay as they were");
});

test("an entry is worth keeping for its answers, flag, snapshots or copies", () => {
  assert.equal(worthKeeping({ a: "", b: [] }, {}), false);
  assert.equal(worthKeeping({ a: "x" }, {}), true);
  assert.equal(worthKeeping({}, { flagged: true }), true);
  assert.equal(worthKeeping({}, { snapshots: [1] }), true);
  assert.equal(worthKeeping({}, { copies: [1] }), true);
  assert.equal(isEmpty({ a: undefined, b: "", c: [] }), true);
  assert.equal(isEmpty({ a: false }), false);
});

test("the note after a save: saved (on a shared computer says so), kept a copy, or nothing when removed", () => {
  assert.equal(savedNote({ kept: false, keptCopy: true, shared: true }), "");
  assert.equal(savedNote({ kept: true, keptCopy: true, shared: true }), "kept-copy");
  assert.equal(savedNote({ kept: true, keptCopy: false, shared: true }), "shared");
  assert.equal(savedNote({ kept: true, keptCopy: false, shared: false }), "saved");
});

test("another window's save replaces the form only when this window has nothing of its own waiting", () => {
  assert.equal(hasOwnChanges({ own: new Set(), ownFlag: false, pending: [] }), false);
  assert.equal(hasOwnChanges({ own: new Set(), ownFlag: null, pending: [] }), false);
  assert.equal(hasOwnChanges({ own: new Set(["a"]), ownFlag: false, pending: [] }), true);
  assert.equal(hasOwnChanges({ own: new Set(), ownFlag: true, pending: [] }), true);
  assert.equal(hasOwnChanges({ own: new Set(), ownFlag: false, pending: [() => ({})] }), true);
});

test("clearing leaves a newer or unread entry stored, unless the learner chose to save anyway", () => {
  assert.equal(clearingLeavesStore({ readOnly: true, unread: false, saveAnyway: true }), true);
  assert.equal(clearingLeavesStore({ readOnly: false, unread: true, saveAnyway: false }), true);
  assert.equal(clearingLeavesStore({ readOnly: false, unread: true, saveAnyway: true }), false);
  assert.equal(clearingLeavesStore({ readOnly: false, unread: false, saveAnyway: false }), false);
});

test("an exercise belongs to its module's page, even when answered on a handouts page", () => {
  const where = { href: "https://example.org/site/handouts/one/", pathname: "/site/handouts/one/" };
  assert.equal(exercisePage("../../modules/one/", where), "/site/modules/one/");
  assert.equal(exercisePage(undefined, where), "/site/handouts/one/");
});

test("lib/exercise.js still offers the helpers other scripts import from it", async () => {
  const fromExercise = await import("../../overrides/assets/js/lib/exercise.js");
  assert.equal(fromExercise.isEmpty, isEmpty);
  assert.equal(fromExercise.readAllowsWriting, readAllowsWriting);
});
