import assert from "node:assert/strict";
import { test } from "node:test";

import {
  escapeText, foldLine, goalReviewEvent, halfwayDay, reviewDateProblem, reviewEvent,
} from "../../overrides/assets/js/lib/ics.js";

const NOW = new Date("2026-11-22T10:00:00Z");

test("an all-day review event with CRLF endings and the required properties", () => {
  const text = reviewEvent({ uid: "g1@rs", date: "2027-03-15", summary: "Review my goal", now: NOW });
  assert.ok(text.endsWith("\r\n"));
  assert.ok(!text.replace(/\r\n/g, "").includes("\n"));
  const lines = text.split("\r\n");
  for (const needed of ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:g1@rs", "DTSTAMP:20261122T100000Z",
    "DTSTART;VALUE=DATE:20270315", "DTEND;VALUE=DATE:20270316", "END:VEVENT", "END:VCALENDAR"]) {
    assert.ok(lines.includes(needed), needed);
  }
});

test("text values are escaped", () => {
  assert.equal(escapeText("a,b;c\\d\nnext"), "a\\,b\\;c\\\\d\\nnext");
});

test("long lines fold at 75 octets without splitting a character", () => {
  const folded = foldLine(`SUMMARY:${"é".repeat(60)}${"x".repeat(40)}`);
  for (const line of folded.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  assert.equal(folded.split("\r\n").map((line, i) => (i ? line.slice(1) : line)).join(""), `SUMMARY:${"é".repeat(60)}${"x".repeat(40)}`);
});

test("a malformed date is refused", () => {
  assert.throws(() => reviewEvent({ uid: "u", date: "15/03/2027", summary: "s", now: NOW }), RangeError);
});

test("every kind of line break is escaped and control characters are dropped", () => {
  assert.equal(escapeText("one\r\ntwo\rthree\nfour"), "one\\ntwo\\nthree\\nfour");
  assert.equal(escapeText("bell\u0007 tab\tend\u007f"), "bell tab\tend"); // a tab is allowed (WSP)
  const text = reviewEvent({ uid: "u", date: "2027-03-15", summary: "a\rb", description: "c\r\nd\u0000e", now: NOW });
  assert.ok(!/\r(?!\n)/.test(text), "no bare CR");
  assert.ok(!/(?<!\r)\n/.test(text), "no bare LF");
  assert.ok(text.includes("SUMMARY:a\\nb\r\n") && text.includes("DESCRIPTION:c\\nde\r\n"));
});

test("a halfway check-in joins the review when asked for, between today and the review date", () => {
  const text = reviewEvent({ uid: "g1@rs", date: "2027-03-15", summary: "Review", checkIn: "Check in", now: NOW });
  const events = text.split("BEGIN:VEVENT").slice(1);
  assert.equal(events.length, 2);
  assert.ok(events[1].includes("UID:halfway-g1@rs\r\n") && events[1].includes("SUMMARY:Check in\r\n"));
  assert.ok(events[1].includes("DTSTART;VALUE=DATE:20270117\r\n"), "2026-11-22 + 56 days (half of 113, rounded down)");
  assert.equal(halfwayDay("2026-11-22", "2026-11-23"), null);
  assert.equal(halfwayDay("2026-11-22", "2026-11-20"), null);
  assert.equal(reviewEvent({ uid: "u", date: "2026-11-23", summary: "s", checkIn: "c", now: NOW }).split("BEGIN:VEVENT").length, 2);
  assert.equal(reviewEvent({ uid: "u", date: "2027-03-15", summary: "s", now: NOW }).split("BEGIN:VEVENT").length, 2);
});

/** The calendar file's lines with folding undone. */
function unfolded(text) {
  return text.replace(/\r\n /g, "").split("\r\n");
}

const GOAL_STRINGS = {
  summary: (goal) => `Review my goal: ${goal}`,
  checkIn: (goal) => `Halfway check-in on my goal: ${goal}`,
  defaultGoal: "supervision goal",
  evidence: (evidence) => `Evidence: ${evidence}`,
};

test("a review date with a five-digit year, or one with no next day in four digits, is named as a problem", () => {
  assert.equal(reviewDateProblem("20271-04-05"), "unreadable"); // Chrome's date field lets this through
  assert.equal(reviewDateProblem("9999-12-31"), "unreadable"); // its next day (the event's end) is 10000-01-01
  assert.equal(reviewDateProblem("2027-02-30"), "unreadable");
  assert.equal(reviewDateProblem(""), "missing");
  assert.equal(reviewDateProblem(undefined), "missing");
  assert.equal(reviewDateProblem("2027-03-15"), null);
  assert.equal(reviewDateProblem("9999-12-30"), null);
  assert.throws(() => reviewEvent({ uid: "u", date: "9999-12-31", summary: "s", now: NOW }), RangeError);
  assert.throws(() => goalReviewEvent({ uid: "u", date: "20271-04-05", goal: "g", words: GOAL_STRINGS, now: NOW }),
    RangeError);
  const lastDay = reviewEvent({ uid: "u", date: "9999-12-30", summary: "s", now: NOW });
  assert.ok(lastDay.includes("DTEND;VALUE=DATE:99991231\r\n"));
});

test("a goal's title in the calendar is cut between whole characters, never inside an emoji", () => {
  const thumbs = "\u{1F44D}\u{1F3FD}";
  const goal = `${"a".repeat(79)}${thumbs} and then the rest of a long goal`;
  const lines = unfolded(goalReviewEvent({ uid: "g1@rs", date: "2027-03-15", goal, words: GOAL_STRINGS, now: NOW }));
  const text = lines.join("\n");
  assert.ok(!text.includes("\uFFFD"), "no replacement character");
  assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text), "no lone surrogate");
  assert.ok(lines.includes(`SUMMARY:Review my goal: \u2068${"a".repeat(79)}${thumbs}\u2069`));
  assert.ok(lines.includes(`SUMMARY:Halfway check-in on my goal: \u2068${"a".repeat(79)}${thumbs}\u2069`));
  // The file is valid UTF-8 all through: encoding and decoding give the same text back.
  assert.equal(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(text)), text);
});

test("learner text in a calendar file is isolated from the site's words, a line at a time", () => {
  const rlo = "\u202E";
  const lines = unfolded(goalReviewEvent({ uid: "g1@rs", date: "2027-03-15", goal: `${rlo}evil goal\nsecond line`,
    evidence: `${rlo}supervisor`, words: GOAL_STRINGS, now: NOW }));
  const goalLines = `\u2068${rlo}evil goal\u2069\\n\u2068second line\u2069`;
  assert.ok(lines.includes(`SUMMARY:Review my goal: ${goalLines}`), lines.join("\n"));
  assert.ok(lines.includes(`DESCRIPTION:${goalLines}\\nEvidence: \u2068${rlo}supervisor\u2069`), lines.join("\n"));
  // No goal: the site's own words, not isolated.
  const plain = unfolded(goalReviewEvent({ uid: "g1@rs", date: "2027-03-15", goal: "  ", words: GOAL_STRINGS,
    now: NOW }));
  assert.ok(plain.includes("SUMMARY:Review my goal: supervision goal"));
  assert.ok(!plain.some((line) => line.startsWith("DESCRIPTION:")));
});

test("an optional reminder: a display alarm at 09:00 on the review day, in the review event only", () => {
  const without = reviewEvent({ uid: "g1@rs", date: "2027-03-15", summary: "Review", checkIn: "Check in", now: NOW });
  assert.ok(!without.includes("BEGIN:VALARM"));
  const text = reviewEvent({ uid: "g1@rs", date: "2027-03-15", summary: "Review, soon", checkIn: "Check in", now: NOW, reminder: true });
  const [review, checkIn] = text.split("BEGIN:VEVENT").slice(1);
  const alarm = review.slice(review.indexOf("BEGIN:VALARM"), review.indexOf("END:VALARM"));
  assert.ok(review.indexOf("END:VALARM") < review.indexOf("END:VEVENT"), "the alarm sits inside the event");
  for (const line of ["ACTION:DISPLAY", "DESCRIPTION:Review\\, soon", "TRIGGER;RELATED=START:PT9H"]) {
    assert.ok(alarm.split("\r\n").includes(line), line);
  }
  assert.ok(!checkIn.includes("VALARM"));
  const goal = goalReviewEvent({ uid: "g", date: "2027-03-15", goal: "Read", now: NOW, reminder: true,
    words: { summary: (g) => `Review ${g}`, checkIn: (g) => `Check ${g}`, defaultGoal: "goal" } });
  assert.equal(goal.split("BEGIN:VALARM").length, 2);
});
