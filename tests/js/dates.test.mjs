import assert from "node:assert/strict";
import { test } from "node:test";

import { formatDate, formatWeekday, isoDay, toDate } from "../../overrides/assets/js/lib/dates.js";
import { formatDate as fromEntries } from "../../overrides/assets/js/lib/entries.js";
import { formatDate as fromStrings } from "../../overrides/assets/js/lib/strings.js";
import { agendaText } from "../../overrides/assets/js/apps/agenda.js";
import { recordBlocks, recordMarkdown } from "../../overrides/assets/js/apps/learning-record.js";

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/;

test("one formatter: the locale's long date from a Date, a date-time or a calendar day", () => {
  assert.equal(formatDate(new Date(2027, 3, 5)), "5 April 2027");
  assert.equal(formatDate("2027-04-05"), "5 April 2027");
  assert.equal(formatDate("2027-04-05T10:00:00.000Z"), "5 April 2027");
  // A calendar day is that day wherever the learner is (never the day before, west of Greenwich).
  assert.equal(toDate("2027-04-05").getDate(), 5);
  assert.equal(formatDate("2027-02-30"), "");
  assert.equal(formatDate("not a date"), "");
  assert.equal(formatDate(undefined), "");
  // Every way the scripts import it is the same function.
  assert.equal(fromEntries, formatDate);
  assert.equal(fromStrings, formatDate);
  assert.equal(formatWeekday("2027-04-05"), "Monday");
});

test("an adapted copy's locale gives its own long date", () => {
  assert.equal(formatDate("2027-04-05", "de-DE"), "5. April 2027");
  assert.equal(formatDate("2027-04-05", "en-US"), "April 5, 2027");
  assert.equal(formatDate("2027-04-05", "cy-GB").includes("2027"), true);
});

test("file names and form values keep a sortable day, in the learner's own time zone", () => {
  assert.equal(isoDay(new Date(2027, 3, 5, 0, 10)), "2027-04-05");
});

test("text downloads write dates in words, never as ISO dates", () => {
  const made = new Date(2027, 3, 5);
  const items = [{ exercise: "one", title: "One", updated: "2027-04-01T09:00:00.000Z", learned: "x", date: "2027-03-30", time_spent: "1 hour" }];
  const markdown = recordMarkdown(items, made, [], { name: "Sam Jones", cpd: true });
  assert.doesNotMatch(markdown, ISO_DAY, markdown);
  assert.match(markdown, /Made on 5 April 2027/);
  assert.match(markdown, /Exercise last changed: 1 April 2027/);
  assert.match(markdown, /Date: \u2068?30 March 2027/);
  assert.match(markdown, /Name: \u2068Sam Jones\u2069/);
  const words = JSON.stringify(recordBlocks({ items, name: "Sam Jones", cpd: true }, made, []));
  assert.doesNotMatch(words, ISO_DAY, words);
  assert.match(words, /30 March 2027/);
  const agenda = agendaText([{ id: "own-1", text: "Leave" }], made);
  assert.doesNotMatch(agenda, ISO_DAY);
  assert.doesNotMatch(agenda, /\d+\/\d+\/\d+/, "no numeric dates either");
});

test("an answer that is only a date (a date field's value) reads in words; a date inside a sentence stays as typed", async () => {
  const { answerInWords } = await import("../../overrides/assets/js/lib/dates.js");
  const { includedLines } = await import("../../overrides/assets/js/lib/agenda.js");
  assert.equal(answerInWords("2027-03-15"), "15 March 2027");
  assert.equal(answerInWords("Review on 2027-03-15 with Sam"), "Review on 2027-03-15 with Sam");
  assert.equal(answerInWords("2027-02-30"), "2027-02-30");
  const entry = { readable: [{ label: "Review date", text: "2027-03-15" }] };
  assert.deepEqual(includedLines(entry, []), [{ label: "Review date", text: "15 March 2027" }]);
});
