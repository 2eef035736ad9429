/**
 * Whether a goal's review date can go into a calendar file: checked as the learner works (advice, the
 * calendar button's note), without loading the calendar file writer (lib/ics.js, loaded on first use).
 */

import { isCalendarDate } from "./shape.js";

/**
 * Why a review date cannot go into a calendar file, or null when it can: "missing" (empty) or
 * "unreadable" (not a real day written YYYY-MM-DD with a four-digit year, as a calendar file needs; a date
 * field in some browsers lets a five-digit year through), including 9999-12-31, whose next day has no
 * four-digit year to end the event on.
 * @param {unknown} date
 * @returns {null|"missing"|"unreadable"}
 */
export function reviewDateProblem(date) {
  if (date === undefined || date === null || date === "") return "missing";
  return isCalendarDate(date) && date < "9999-12-31" ? null : "unreadable";
}
