/**
 * Shared views of saved entries for the My learning pages: grouping by module, goals, dates.
 */

import { bdi, h } from "./dom.js";
import { SITE_PATH } from "./shape.js";
import { answerInWords } from "./dates.js";
import { t } from "./strings.js";

/** Format an ISO date-time or day for people: the site's one date formatter (lib/dates.js). */
export { formatDate } from "./dates.js";

/**
 * Group entries by the module page they were answered on, in module order; the rest last.
 * @param {{path: string, title: string}[]} modules
 * @param {object[]} entries
 */
export function groupByModule(modules, entries) {
  const groups = modules.map((module) => ({ title: module.title, url: module.url, entries: [] }));
  const other = { title: t("entries_other_pages"), url: null, entries: [] };
  for (const entry of [...entries].sort((a, b) => String(a.title).localeCompare(String(b.title)))) {
    const index = modules.findIndex((module) => module.path === entry.page);
    (index === -1 ? other : groups[index]).entries.push(entry);
  }
  return [...groups, other].filter((group) => group.entries.length > 0);
}

/**
 * The address of an exercise on its page, or null when its saved page is not a page of this site.
 * Saved and imported entries are untrusted: the address is resolved, and only a same-origin http(s) page
 * (or, in the offline copy, a file:// page) is allowed, never javascript:, data: or another host.
 * @param {{page?: unknown, exercise: string}} entry
 * @param {string} [here] the current page's address
 */
export function entryLink(entry, here = location.href) {
  if (typeof entry.page !== "string" || !SITE_PATH.test(entry.page)) return null;
  let url;
  let base;
  try {
    url = new URL(entry.page, here);
    base = new URL(here);
  } catch {
    return null;
  }
  const web = (url.protocol === "http:" || url.protocol === "https:") && url.origin === base.origin;
  const offline = url.protocol === "file:" && base.protocol === "file:";
  if (!web && !offline) return null;
  url.hash = `ex-${entry.exercise}`;
  return url.href;
}

/**
 * An entry's title as a link to the exercise, or as plain text when there is no safe address for it; the
 * title itself (saved or imported text) is isolated in a <bdi>.
 * @param {object} entry
 * @param {string} text
 */
export function entryTitle(entry, text) {
  const href = entryLink(entry);
  return href ? h("a", { href }, bdi(text)) : h("span", {}, bdi(text));
}

/**
 * Which role the answers were written in ("Written as an NQSW"), or "" when the entry does not say
 * (written before the learner chose a role, or by an older version).
 * @param {{role?: unknown}} entry
 */
export function writtenAsText(entry) {
  if (entry.role === "nqsw") return t("entries_written_as_nqsw");
  if (entry.role === "supervisor") return t("entries_written_as_supervisor");
  return "";
}

/**
 * The role line of an entry as a paragraph, or null when the entry does not say.
 * @param {{role?: unknown}} entry
 */
export function writtenAs(entry) {
  const words = writtenAsText(entry);
  return words ? h("p", { class: "rs-saved__role", "data-rs-written-as": String(entry.role) }, words) : null;
}

/**
 * The answers of an entry as a definition list (text only, each label and answer isolated in a <bdi>).
 * @param {object} entry
 */
export function readableList(entry) {
  const lines = Array.isArray(entry.readable) ? entry.readable : [];
  if (lines.length === 0) return h("p", {}, t("entries_no_answers_copy"));
  return h("dl", { class: "rs-readable" }, lines.flatMap((line) => [
    h("dt", {}, bdi(line.label)),
    h("dd", {}, bdi(answerInWords(line.text))),
  ]));
}

/**
 * Every goal from every goal worksheet.
 * @param {object[]} entries
 */
export function goalsFrom(entries) {
  return entries.filter((entry) => entry.kind === "smart-goal" && Array.isArray(entry.values.goals))
    .flatMap((entry) => entry.values.goals.filter((goal) => goal && typeof goal === "object")
      .map((goal) => ({ ...goal, entry })));
}

/** Words for a goal's status. */
export const GOAL_STATUS = {
  "not-started": t("goal_status_not_started"),
  "in-progress": t("goal_status_in_progress"),
  achieved: t("goal_status_achieved"),
  revised: t("goal_status_revised"),
};
