/**
 * Shared views of saved entries for the My learning pages: grouping by module, goals, dates.
 */

import { h } from "./dom.js";

/** Format an ISO date-time for people. */
export function formatDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

/**
 * Group entries by the module page they were answered on, in module order; the rest last.
 * @param {{path: string, title: string}[]} modules
 * @param {object[]} entries
 */
export function groupByModule(modules, entries) {
  const groups = modules.map((module) => ({ title: module.title, url: module.url, entries: [] }));
  const other = { title: "Other pages", url: null, entries: [] };
  for (const entry of [...entries].sort((a, b) => String(a.title).localeCompare(String(b.title)))) {
    const index = modules.findIndex((module) => module.path === entry.page);
    (index === -1 ? other : groups[index]).entries.push(entry);
  }
  return [...groups, other].filter((group) => group.entries.length > 0);
}

/** Link to an exercise on its page. */
export function entryLink(entry) {
  return `${entry.page || ""}#ex-${entry.exercise}`;
}

/**
 * The answers of an entry as a definition list (text only).
 * @param {object} entry
 */
export function readableList(entry) {
  const lines = Array.isArray(entry.readable) ? entry.readable : [];
  if (lines.length === 0) return h("p", {}, "Open the exercise to see these answers.");
  return h("dl", { class: "rs-readable" }, lines.flatMap((line) => [
    h("dt", {}, String(line.label)),
    h("dd", {}, String(line.text)),
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
  "not-started": "Not started", "in-progress": "In progress", achieved: "Achieved", revised: "Revised",
};
