import assert from "node:assert/strict";
import { test } from "node:test";

import {
  COPY_LIMIT, addCopy, answerText, changedFields, lostFields, makeCopy, mergeValues, sameAnswer,
} from "../../overrides/assets/js/lib/field-merge.js";
import { readAllowsWriting } from "../../overrides/assets/js/lib/exercise.js";
import { isEntry } from "../../overrides/assets/js/lib/shape.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

test("a window keeps the fields it changed and takes the other window's for the rest", () => {
  const base = { x: "old x", y: "old y" };
  const mine = { x: "new x in A", y: "old y" };
  const stored = { x: "old x", y: "new y in B", z: "new z in B" };
  const merged = mergeValues({ stored, base, mine, changed: changedFields(base, mine) });
  assert.deepEqual(merged.values, { x: "new x in A", y: "new y in B", z: "new z in B" });
  assert.deepEqual(merged.overwritten, {}, "different fields: nothing to keep aside");
  assert.deepEqual(merged.base, { x: "old x", y: "new y in B", z: "new z in B" }, "x stays this window's own");
});

test("when both windows changed one field, the later write wins and the other text is reported", () => {
  const base = { x: "first", y: "same" };
  const merged = mergeValues({
    stored: { x: "typed in A", y: "same" }, base, mine: { x: "typed in B", y: "same" }, changed: new Set(["x"]),
  });
  assert.deepEqual(merged.values, { x: "typed in B", y: "same" });
  assert.deepEqual(merged.overwritten, { x: "typed in A" });
});

test("a field another window emptied or never changed is no conflict; blank and missing are the same", () => {
  const base = { x: "one" };
  const mine = { x: "two" };
  assert.deepEqual(mergeValues({ stored: {}, base, mine, changed: changedFields(base, mine) }).overwritten, {});
  assert.deepEqual(mergeValues({ stored: { x: "two" }, base, mine, changed: new Set(["x"]) }).overwritten, {});
  assert.deepEqual([...changedFields({ a: "", b: [] }, { c: undefined })], []);
  assert.equal(sameAnswer([{ id: "g1", goal: "a" }], [{ id: "g1", goal: "a" }]), true);
  assert.equal(sameAnswer(["q1"], ["q2"]), false);
  // A field this window emptied stays empty, even though the stored entry still has it.
  const emptied = mergeValues({ stored: { x: "one", y: "b" }, base: { x: "one" }, mine: {}, changed: new Set(["x"]) });
  assert.deepEqual(emptied.values, { y: "b" });
});

test("copies are dated, give their reason, are capped, and are of the entry's shape", () => {
  const copy = makeCopy({ x: "kept" }, "other-window", new Date("2027-01-02T03:04:05Z"));
  assert.deepEqual(copy, { taken: "2027-01-02T03:04:05.000Z", reason: "other-window", values: { x: "kept" } });
  let copies;
  for (let n = 0; n < COPY_LIMIT + 3; n += 1) copies = addCopy(copies, makeCopy({ x: String(n) }, "import"));
  assert.equal(copies.length, COPY_LIMIT);
  assert.equal(copies.at(-1).values.x, String(COPY_LIMIT + 2), "the newest is kept, the oldest go");
  const entry = { format: 2, exercise: "a-b", values: {}, copies };
  assert.equal(isEntry(entry), true);
  const wrong = [null, [null], [{ ...copy, taken: "today" }], [{ ...copy, values: { x: 1 } }], [{ ...copy, reason: 3 }]];
  for (const bad of wrong) {
    assert.equal(isEntry({ ...entry, copies: bad }), false, JSON.stringify(bad));
  }
});

test("the window whose saved text was replaced and kept as a copy learns it lost", () => {
  const copy = makeCopy({ x: "typed in A" }, "other-window");
  assert.deepEqual([...lostFields({ base: { x: "typed in A" }, before: [], after: [copy] })], ["x"]);
  assert.deepEqual([...lostFields({ base: { x: "typed in A" }, before: [copy], after: [copy] })], [], "already known");
  assert.deepEqual([...lostFields({ base: { x: "typed in B" }, before: [], after: [copy] })], [], "the winner");
  assert.deepEqual([...lostFields({ base: { x: "typed in A" }, before: [], after: [copy], keep: new Set(["x"]) })], []);
});

test("a kept answer reads as text: lists one to a line, a goal's fields joined", () => {
  assert.equal(answerText("a\nb"), "a\nb");
  assert.equal(answerText(["q1", "q2"]), "q1\nq2");
  assert.equal(answerText([{ id: "g1", goal: "Agree", time_bound: "2027-03-15" }]), "Agree; 2027-03-15");
});

/** A Web Storage whose reads throw (some browsers under memory pressure or a locked profile), while writes work. */
class UnreadableStorage extends MemoryStorage {
  getItem() {
    throw new DOMException("read failed", "UnknownError");
  }
}

test("an answer that could not be read is never written over; one moved aside as damaged may be", () => {
  const area = new UnreadableStorage();
  area.map.set("rs:/:entry:a-b", JSON.stringify({ format: 2, exercise: "a-b", values: { x: "earlier answer" } }));
  const store = new Store({ name: "rs", scope: "/", area });
  const unread = store.load("a-b");
  assert.equal(unread.status, "unavailable");
  assert.equal(readAllowsWriting(unread), false);

  const damaged = new MemoryStorage();
  damaged.setItem("rs:/:entry:a-b", "{not json");
  const kept = new Store({ name: "rs", scope: "/", area: damaged }).load("a-b");
  assert.deepEqual(kept, { status: "corrupt", kept: true });
  assert.equal(readAllowsWriting(kept), true, "the damaged value is safe under corrupt:");
  assert.equal(damaged.getItem("rs:/:corrupt:entry:a-b"), "{not json");

  // Storage too full to move the damaged value aside: it is still under the entry's key, so no writing over it.
  const full = new MemoryStorage(40);
  full.map.set("rs:/:entry:a-b", "{not json, and long enough to fill the store}");
  const stuck = new Store({ name: "rs", scope: "/", area: full }).load("a-b");
  assert.deepEqual(stuck, { status: "corrupt", kept: false });
  assert.equal(readAllowsWriting(stuck), false);
  assert.equal(readAllowsWriting({ status: "missing" }), true);
  assert.equal(readAllowsWriting({ status: "ok" }), true);
});
