/**
 * The one way the site writes a date for people: the locale's long date ("5 April 2027" in en-GB; an adapted
 * copy's `locale` string gives its own). Pages, print and text downloads all use it, so no ISO date
 * (2027-04-05) reaches what people read. Machine-readable places keep ISO dates: form values, attributes such
 * as <time datetime>, calendar files (.ics), backups and file names.
 */

import { locale } from "./strings.js";

const LONG = { day: "numeric", month: "long", year: "numeric" };
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A value as a Date, or null: a Date, a date and time as toISOString() writes it, or a calendar day
 * (YYYY-MM-DD, read as that day where the learner is, never shifted by their time zone).
 * @param {unknown} value
 * @returns {Date|null}
 */
export function toDate(value) {
  let date = null;
  if (value instanceof Date) date = new Date(value.getTime());
  else if (typeof value === "string") {
    const day = CALENDAR_DAY.exec(value);
    date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12) : new Date(value);
    if (day && date.getDate() !== Number(day[3])) return null; // 2027-02-30 is not a day
  }
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * A date in words, in the locale's long form ("5 April 2027" in en-GB); "" for something that is not a date.
 * @param {unknown} value a Date, an ISO date-time, or a calendar day (YYYY-MM-DD)
 * @param {string} [tag] the locale (the site's by default)
 */
export function formatDate(value, tag = locale()) {
  const date = toDate(value);
  return date ? date.toLocaleDateString(tag, LONG) : "";
}

/**
 * The day of the week in words ("Monday"); "" for something that is not a date.
 * @param {unknown} value
 * @param {string} [tag]
 */
export function formatWeekday(value, tag = locale()) {
  const date = toDate(value);
  return date ? date.toLocaleDateString(tag, { weekday: "long" }) : "";
}

/**
 * A day for a file's name or a form's value: YYYY-MM-DD in the learner's own time zone (not UTC, so a file
 * saved just after midnight carries the day it was saved).
 * @param {Date} [date]
 */
export function isoDay(date = new Date()) {
  const pad = (number) => String(number).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * An answer as people read it: an answer that is only a calendar day (a date field's value, 2027-03-15) in
 * words; any other text as written (a date typed inside a sentence is the learner's own wording).
 * @param {unknown} text
 */
export function answerInWords(text) {
  const value = String(text ?? "");
  return CALENDAR_DAY.test(value.trim()) ? formatDate(value.trim()) || value : value;
}
