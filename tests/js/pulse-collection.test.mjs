import assert from "node:assert/strict";
import { test } from "node:test";

import { applyImport, buildBackup, describeItem, parseBackup } from "../../overrides/assets/js/lib/backup.js";
import { decodeMany, encodePulse, splitCodes } from "../../overrides/assets/js/lib/pulse.js";
import { addCodes, groupCodes, removeCode, restoreCodes, savedCodes } from "../../overrides/assets/js/lib/pulse-collection.js";
import { isData } from "../../overrides/assets/js/lib/shape.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

const PROCTOR = {
  id: "proctor-function-balance", title: "Proctor", min: 1, max: 5,
  dimensions: [{ id: "normative", title: "Normative" }, { id: "formative", title: "Formative" }, { id: "restorative", title: "Restorative" }],
};
const WEEK = { id: "week", title: "Week", min: 1, max: 3, dimensions: [{ id: "learning", title: "Learning" }, { id: "support", title: "Support" }] };
const KNOWN = [PROCTOR, WEEK];
const code = (averages, exercise = PROCTOR) => encodePulse({ exercise: exercise.id, min: exercise.min, max: exercise.max, averages });

test("codes pasted from a group chat are read, whatever names and words are around them", () => {
  const [a, b, c] = [code([2, 3, 4]), code([5, 5, 1]), code([1, 2], WEEK)];
  const chat = `[10:02] Sam: ${a} ok\n[10:03] Alex: here is mine ${b.replace(/-/g, " ")} thanks!\nPriya - ${c}\n`;
  const { codes, problems } = decodeMany(chat, KNOWN);
  assert.deepEqual(codes.map((found) => found.code), [a, b, c]);
  assert.deepEqual(problems, []);
  assert.deepEqual(splitCodes(`${a} ${b}`, KNOWN).length, 2);
  // Text with no code at all is still reported, so a facilitator sees why nothing was added.
  assert.equal(decodeMany("hello there", KNOWN).problems.length, 1);
});

test("collected codes: repeats counted, removal by place, grouped by self-assessment", () => {
  const { codes } = decodeMany([code([2, 3, 4]), code([1, 2], WEEK), code([2, 3, 4])].join("\n"), KNOWN);
  const first = addCodes([], codes.slice(0, 2));
  assert.equal(first.repeats, 0);
  const second = addCodes(first.collected, codes.slice(2));
  assert.equal(second.repeats, 1);
  const groups = groupCodes(second.collected);
  assert.deepEqual(groups.map((group) => [group.exercise.id, group.codes.map((item) => item.index)]), [[PROCTOR.id, [0, 2]], [WEEK.id, [1]]]);
  assert.deepEqual(removeCode(second.collected, 0).map((item) => item.code), [codes[1].code, codes[2].code]);
});

test("the codes read are kept as data:pulse-codes, read again on return, and travel in backups", () => {
  const store = new Store({ name: "rs", scope: "/", area: new MemoryStorage() });
  const { codes } = decodeMany([code([2, 3, 4]), code([1, 2], WEEK)].join("\n"), KNOWN);
  const value = savedCodes({ codes: [], later: true }, codes);
  assert.deepEqual(value, { codes: codes.map((found) => found.code), later: true });
  assert.ok(isData("pulse-codes", value));
  assert.ok(!isData("pulse-codes", { codes: [1] }));
  store.setData("pulse-codes", value);
  const restored = restoreCodes(store.getData("pulse-codes", null), KNOWN);
  assert.deepEqual(restored.collected.map((found) => found.code), value.codes);
  // A self-assessment that has changed since: its code is handed back to look at, not dropped unseen.
  assert.equal(restoreCodes(value, [PROCTOR]).problems.length, 1);
  const text = JSON.stringify(buildBackup(store));
  assert.equal(describeItem(store, "rs:/:data:pulse-codes", "{}"), "Group pulse codes you have read");
  store.clearAll();
  assert.equal(store.getData("pulse-codes", null), null);
  applyImport(store, parseBackup(text), "replace");
  assert.deepEqual(store.getData("pulse-codes", null), value);
});
