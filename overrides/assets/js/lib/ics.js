/**
 * Calendar files (RFC 5545) for goal review dates: an all-day event, CRLF line endings,
 * escaped text and lines folded at 75 octets. Learner text in an event is cut by whole characters and
 * isolated (U+2068 … U+2069), so it cannot reorder the site's words around it.
 */

import { reviewDateProblem } from "./review-date.js";
import { cutText, isolate } from "./text.js";

export { reviewDateProblem };

/** How much of a goal an event's title carries (its description carries all of it). */
export const GOAL_TITLE_LENGTH = 80;

/**
 * Escape a TEXT value (RFC 5545 3.3.11): every line break (CRLF, CR or LF) becomes "\\n", and control
 * characters, which a TEXT value may not hold, are dropped (an imported backup may carry them).
 */
export function escapeText(text) {
  return String(text)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, "");
}

/** Fold a content line to at most 75 octets per line (RFC 5545 3.1), never splitting a character. */
export function foldLine(line) {
  const encoder = new TextEncoder();
  const parts = [];
  let current = "";
  let limit = 75;
  for (const char of line) {
    if (encoder.encode(current + char).length > limit) {
      parts.push(current);
      current = "";
      limit = 74; // continuation lines start with a space
    }
    current += char;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function stamp(date) {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function nextDay(isoDate) {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10).replace(/-/g, "");
}

/**
 * The day halfway between two days (YYYY-MM-DD), rounded down; null when it would not fall after the first.
 * @param {string} fromDate
 * @param {string} toDate
 */
export function halfwayDay(fromDate, toDate) {
  const from = Date.parse(`${fromDate}T00:00:00Z`);
  const to = Date.parse(`${toDate}T00:00:00Z`);
  const days = Math.floor((to - from) / 86_400_000 / 2);
  if (!(days >= 1)) return null;
  return new Date(from + days * 86_400_000).toISOString().slice(0, 10);
}

/** When a reminder goes off on the day of an all-day event: 09:00, the event starting at midnight. */
export const REMINDER_TRIGGER = "PT9H";

/**
 * A display alarm (RFC 5545 3.6.6) on the event's own day, at 09:00 local time.
 * @param {string} text what the reminder says
 */
function reminderAlarm(text) {
  return ["BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(text)}`,
    `TRIGGER;RELATED=START:${REMINDER_TRIGGER}`, "END:VALARM"];
}

function allDayEvent({ uid, date, summary, description, now, reminder = false }) {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${date.replace(/-/g, "")}`,
    `DTEND;VALUE=DATE:${nextDay(date)}`,
    `SUMMARY:${escapeText(summary)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    "TRANSP:TRANSPARENT",
    ...(reminder ? reminderAlarm(summary) : []),
    "END:VEVENT",
  ];
}

/**
 * Build a calendar file with an all-day review event and, given ``checkIn`` (its title), an all-day
 * check-in halfway between today and the review (left out when the review is under two days away).
 * With ``reminder``, the review event carries a display alarm at 09:00 on the review day (the check-in none).
 * @param {{uid: string, date: string, summary: string, description?: string, checkIn?: string, now?: Date,
 *   reminder?: boolean}} event  date as YYYY-MM-DD
 * @returns {string}
 */
export function reviewEvent({ uid, date, summary, description = "", checkIn = "", now = new Date(), reminder = false }) {
  if (reviewDateProblem(date)) throw new RangeError("date must be a real calendar day, YYYY-MM-DD, before 9999-12-31");
  const halfway = checkIn ? halfwayDay(now.toISOString().slice(0, 10), date) : null;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//reflective-supervision//goal review//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...allDayEvent({ uid, date, summary, description, now, reminder }),
    ...(halfway ? allDayEvent({ uid: `halfway-${uid}`, date: halfway, summary: checkIn, description, now }) : []),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/**
 * The calendar file for one goal's review: the goal's first words (GOAL_TITLE_LENGTH characters, cut between
 * characters as people see them) in the events' titles, the whole goal and its evidence in the description,
 * every piece of learner text isolated. The words around them are the caller's interface strings, `words`:
 * each function is given the learner's text, already isolated, and returns the sentence it goes in.
 * @param {{uid: string, date: string, goal?: unknown, evidence?: unknown, now?: Date, reminder?: boolean,
 *   words: {summary: (goal: string) => string, checkIn: (goal: string) => string, defaultGoal: string,
 *     evidence?: (evidence: string) => string}}} goalReview
 * @returns {string}
 * @throws {RangeError} when reviewDateProblem(date) is not null
 */
export function goalReviewEvent({ uid, date, goal = "", evidence = "", now = new Date(), reminder = false, words }) {
  const goalText = String(goal ?? "").trim();
  const evidenceText = String(evidence ?? "").trim();
  const title = goalText ? isolate(cutText(goalText, GOAL_TITLE_LENGTH).trimEnd()) : words.defaultGoal;
  const description = [
    goalText && isolate(goalText),
    evidenceText && words.evidence && words.evidence(isolate(evidenceText)),
  ].filter(Boolean).join("\n");
  return reviewEvent({ uid, date, now, reminder, description, summary: words.summary(title), checkIn: words.checkIn(title) });
}
