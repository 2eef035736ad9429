import assert from "node:assert/strict";
import { test } from "node:test";

import {
  EMPTY_AGENDA, addOwnItem, agendaView, clearedAgenda, includeAnswer, includedLines, moveItem, removeOwnItem,
} from "../../overrides/assets/js/lib/agenda.js";
import { agendaBlocks, agendaText } from "../../overrides/assets/js/apps/agenda.js";
import { applyImport, buildBackup, describeItem, parseBackup } from "../../overrides/assets/js/lib/backup.js";
import { isData } from "../../overrides/assets/js/lib/shape.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

const reflection = {
  exercise: "what-stood-out", title: "What stood out", flagged: true,
  readable: [{ label: "Question 1", text: "A calm start." }, { label: "Question 2", text: "A private worry." }],
};
const goals = { exercise: "my-goals", title: "My goals", flagged: true, readable: [{ label: "Goal", text: "Agree the agenda" }] };
const ids = (agenda, flagged) => agendaView(agenda, flagged).map((item) => item.id);

test("flagged exercises come in order, own items join them, and a flag cleared elsewhere leaves the agenda", () => {
  assert.deepEqual(ids(EMPTY_AGENDA, [reflection, goals]), ["ex:what-stood-out", "ex:my-goals"]);
  const withOwn = addOwnItem(EMPTY_AGENDA, [reflection, goals], "Caseload: the Brown family");
  assert.deepEqual(ids(withOwn, [reflection, goals]), ["ex:what-stood-out", "ex:my-goals", "own-1"]);
  assert.equal(agendaView(withOwn, [reflection, goals])[2].text, "Caseload: the Brown family");
  // The goals' flag is cleared on the exercise: the agenda no longer shows it, and the own item stays.
  assert.deepEqual(ids(withOwn, [reflection]), ["ex:what-stood-out", "own-1"]);
  // Blank text adds nothing.
  assert.equal(addOwnItem(withOwn, [reflection], "   "), withOwn);
  assert.equal(addOwnItem(addOwnItem(withOwn, [reflection], "two"), [reflection], "three").items.at(-1).id, "own-3");
});

test("Move up and Move down reorder what is shown and stop at either end", () => {
  let agenda = addOwnItem(EMPTY_AGENDA, [reflection, goals], "Leave");
  agenda = moveItem(agenda, [reflection, goals], "own-1", -1);
  assert.deepEqual(ids(agenda, [reflection, goals]), ["ex:what-stood-out", "own-1", "ex:my-goals"]);
  agenda = moveItem(agenda, [reflection, goals], "own-1", -1);
  assert.deepEqual(ids(agenda, [reflection, goals]), ["own-1", "ex:what-stood-out", "ex:my-goals"]);
  assert.equal(moveItem(agenda, [reflection, goals], "own-1", -1), agenda, "the first cannot move up");
  assert.equal(moveItem(agenda, [reflection, goals], "ex:my-goals", 1), agenda, "the last cannot move down");
  agenda = moveItem(agenda, [reflection, goals], "ex:what-stood-out", 1);
  assert.deepEqual(ids(agenda, [reflection, goals]), ["own-1", "ex:my-goals", "ex:what-stood-out"]);
  // A newly flagged exercise comes last, after the learner's order.
  const third = { exercise: "third", title: "Third", flagged: true, readable: [] };
  assert.deepEqual(ids(agenda, [reflection, goals, third]), ["own-1", "ex:my-goals", "ex:what-stood-out", "ex:third"]);
});

test("answers can be left out and put back; the copied text and the Word blocks hold only those chosen", () => {
  let agenda = includeAnswer(EMPTY_AGENDA, [reflection], "what-stood-out", "Question 2", false);
  const [item] = agendaView(agenda, [reflection]);
  assert.deepEqual(item.omit, ["Question 2"]);
  assert.deepEqual(includedLines(reflection, item.omit).map((line) => line.label), ["Question 1"]);
  const text = agendaText(agendaView(agenda, [reflection]), new Date(2027, 3, 5));
  assert.ok(text.includes("A calm start.") && !text.includes("A private worry."), text);
  assert.ok(text.startsWith("# Things to bring to supervision (5 April 2027)"), text);
  const blocks = agendaBlocks(agendaView(agenda, [reflection]), new Date(2027, 3, 5));
  assert.deepEqual(blocks.find((block) => block.table).table, [["Question", "My answer"], ["Question 1", "A calm start."]]);
  assert.ok(blocks.some((block) => block.paragraph === "Made on 5 April 2027."));
  agenda = includeAnswer(agenda, [reflection], "what-stood-out", "Question 2", true);
  assert.deepEqual(agendaView(agenda, [reflection])[0].omit, []);
});

test("changes keep keys a newer version added; removing and clearing", () => {
  const stored = { items: [{ id: "own-1", text: "Mine", colour: "blue" }], later: 1 };
  assert.ok(isData("agenda", stored));
  const moved = moveItem(stored, [reflection], "own-1", 1);
  assert.equal(moved.later, 1);
  assert.deepEqual(moved.items[1], { id: "own-1", text: "Mine", colour: "blue" });
  assert.deepEqual(ids(removeOwnItem(moved, "own-1"), [reflection]), ["ex:what-stood-out"]);
  // An exercise leaves by its flag, not by Remove.
  assert.deepEqual(ids(removeOwnItem(moved, "ex:what-stood-out"), [reflection]), ["ex:what-stood-out", "own-1"]);
  assert.deepEqual(clearedAgenda(moved), { items: [], later: 1 });
  assert.ok(!isData("agenda", { items: [{ text: "no id" }] }));
  assert.ok(!isData("agenda", { items: [{ id: "ex:a", exercise: "a", omit: "Question 2" }] }));
});

test("the agenda travels in a backup, is named in the preview, and delete everything clears it", () => {
  const store = new Store({ name: "rs", scope: "/", area: new MemoryStorage() });
  const agenda = includeAnswer(addOwnItem(EMPTY_AGENDA, [reflection], "Leave"), [reflection], "what-stood-out", "Question 2", false);
  assert.equal(store.setData("agenda", agenda).ok, true);
  const text = JSON.stringify(buildBackup(store));
  assert.equal(describeItem(store, "rs:/:data:agenda", "{}"), "Your supervision agenda (your own items, their order and the answers chosen)");
  store.clearAll();
  assert.equal(store.getData("agenda", null), null);
  assert.equal(applyImport(store, parseBackup(text), "replace").ok, true);
  assert.deepEqual(store.getData("agenda", null), agenda);
});
