// The learning record's changes: picking entries, writing a field of one item, the record's settings.
import assert from "node:assert/strict";
import { test } from "node:test";

import { EMPTY_RECORD, pickEntry, setItemField, setRecordSetting } from "../../overrides/assets/js/lib/record.js";

const reflection = { exercise: "m1-reflection", title: "Reflection", updated: "2026-11-01T10:00:00Z", values: {} };
const goals = { exercise: "m2-goals", title: "Goals", updated: "2026-11-02T10:00:00Z", values: {} };

test("picking an entry adds an item with empty answers; leaving it out removes only that item", () => {
  const one = pickEntry(EMPTY_RECORD, reflection, true);
  assert.deepEqual(one.items, [{
    exercise: "m1-reflection", title: "Reflection", updated: "2026-11-01T10:00:00Z", did: "", learned: "", difference: "",
  }]);
  const two = pickEntry(setRecordSetting(one, "name", "Sam"), goals, true);
  assert.deepEqual(two.items.map((item) => item.exercise), ["m1-reflection", "m2-goals"]);
  const back = pickEntry(two, reflection, false);
  assert.deepEqual(back.items.map((item) => item.exercise), ["m2-goals"]);
  assert.equal(back.name, "Sam"); // the rest of the record stays
  assert.deepEqual(EMPTY_RECORD.items, []); // never changed in place
});

test("a field of one item changes; the other items, fields and settings stay as stored", () => {
  const record = setRecordSetting(pickEntry(pickEntry(EMPTY_RECORD, reflection, true), goals, true), "cpd", true);
  const written = setItemField(record, "m2-goals", "learned", "Ask sooner");
  assert.equal(written.items[1].learned, "Ask sooner");
  assert.equal(written.items[0].learned, "");
  assert.equal(written.cpd, true);
  assert.equal(record.items[1].learned, ""); // the old record is untouched
  const dated = setItemField(written, "m1-reflection", "date", "2026-11-05");
  assert.equal(dated.items[0].date, "2026-11-05");
  assert.deepEqual(setItemField(written, "gone", "did", "x").items, written.items);
});
