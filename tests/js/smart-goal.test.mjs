// SMART goal advice: the review window, a named evidence source and vague wording, in words, never a block.
import assert from "node:assert/strict";
import { test } from "node:test";

import { adviseGoal, goalsText, wordPattern } from "../../overrides/assets/js/widgets/smart-goal.js";

const config = {
  review: { min: 3, max: 6 },
  evidence: ["feedback", "audit", "supervision record"],
  vague: ["improve", "be better at", "try to"],
};
const today = new Date(2026, 10, 29, 9, 0);
const texts = (goal) => adviseGoal(config, goal, today).map((item) => `${item.ok ? "ok" : "warn"}: ${item.text}`);

test("review dates: past, too soon, inside the window at both ends, too late", () => {
  const review = (date) => texts({ time_bound: date, measurable: "feedback" })[0];
  assert.match(review("2020-01-01"), /^warn: .*already passed/);
  assert.match(review("2027-02-27"), /^warn: .*less than 3 months/);
  assert.match(review("2027-02-28"), /^ok: /);
  assert.match(review("2027-05-29"), /^ok: /);
  assert.match(review("2027-05-30"), /^warn: .*more than 6 months/);
  assert.match(review("next spring"), /^warn: .*not a date/);
});

test("a month end with no matching day keeps the window inside the month", () => {
  const advice = adviseGoal(config, { time_bound: "2026-11-30", measurable: "audit" }, new Date(2026, 7, 31));
  assert.equal(advice[0].ok, true); // 31 August + 3 months = 30 November
});

test("Measurable: spaces count as empty; sources match as whole words in their common forms", () => {
  const measurable = (text) => texts({ time_bound: "2027-03-15", measurable: text })[1];
  assert.match(measurable("   "), /^warn: /);
  assert.doesNotMatch(measurable("   "), /source/);
  assert.match(measurable("auditory checks"), /^warn: /);
  assert.match(measurable("Two audits of my notes"), /^ok: /);
  assert.match(measurable("My supervision  record"), /^ok: /);
});

test("vague wording is flagged in its other forms, and only as whole words", () => {
  const vague = (goal) => texts({ time_bound: "2027-03-15", measurable: "feedback", goal }).slice(2).join(" ");
  assert.match(vague("Improving my recording"), /improve/);
  assert.match(vague("An improvement in sessions"), /improve/);
  assert.match(vague("I will try to ask more"), /try to/);
  assert.equal(vague("Provide a written agenda"), "");
  assert.equal(vague("Trying out a new agenda"), "");
});

test("wordPattern keeps other words intact", () => {
  assert.ok(wordPattern("be better at").test("to be  better at it"));
  assert.ok(!wordPattern("know").test("acknowledge"));
});

test("an empty goal gets no advice at all", () => {
  assert.deepEqual(adviseGoal(config, {}, today), []);
});

test("each piece of advice names the field it concerns, so it can show beside that field", () => {
  const advice = adviseGoal(config, { time_bound: "2020-01-01", goal: "Improve my notes", specific: "Try to ask more" }, today);
  assert.deepEqual(advice.map((item) => [item.field, item.ok]),
    [["time_bound", false], ["measurable", false], ["goal", false], ["specific", false]]);
  assert.match(advice[2].text, /"improve"/);
  assert.doesNotMatch(advice[2].text, /try to/);
  assert.match(advice[3].text, /"try to"/);
});

test("the goals as text: numbered, labelled as on the page, learner text isolated, the date as people read it", () => {
  const labels = { goal: "Goal", time_bound: "Time-bound: review date", status: "Status",
    "status:in-progress": "In progress" };
  const text = goalsText("SMART goals", [
    { fields: {}, labels },
    { fields: { goal: " Ask for feedback\n", time_bound: "2027-04-05", status: "in-progress" }, labels },
  ], (iso) => `day ${iso.split("-").reverse().join(".")}`);
  assert.equal(text, "SMART goals\n\nGoal 1\nGoal: \u2068Ask for feedback\u2069\n"
    + "Time-bound: review date: day 05.04.2027\nStatus: In progress\n");
  assert.match(goalsText("SMART goals", [{ fields: {}, labels }], String), /^SMART goals\n\n\S/);
});
