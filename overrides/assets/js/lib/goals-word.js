/**
 * The learner's SMART goals, from every goal worksheet, as the blocks of a Word document (lib/word.js):
 * a heading per goal, then a table of what they wrote for each part, the review date in words and the status.
 */

import { formatDate } from "./dates.js";
import { GOAL_STATUS } from "./entries.js";
import { t } from "./strings.js";

/** The parts of a goal, in the order of the worksheet, with the words for each. */
const PARTS = [
  ["specific", t("goals_word_specific")],
  ["measurable", t("goals_word_measurable")],
  ["achievable", t("goals_word_achievable")],
  ["relevant", t("goals_word_relevant")],
  ["evidence", t("goals_word_evidence")],
];

/**
 * @param {{goal?: string, time_bound?: string, status?: string, entry: {title?: string}}[]} goals from goalsFrom
 * @param {Date} [today]
 */
export function goalsBlocks(goals, today = new Date()) {
  const blocks = [
    { heading: t("goals_word_title"), level: 1 },
    { paragraph: t("agenda_word_made", { date: formatDate(today) }) },
  ];
  goals.forEach((goal, index) => {
    const text = (value) => (typeof value === "string" && value.trim() ? value : t("record_not_written"));
    blocks.push({ heading: t("goals_word_goal", { number: index + 1, goal: text(goal.goal) }), level: 2 });
    if (goal.entry?.title) blocks.push({ paragraph: t("goals_word_from", { title: goal.entry.title }) });
    const day = typeof goal.time_bound === "string" ? goal.time_bound : "";
    const review = day ? formatDate(day) || day : "";
    blocks.push({ table: [
      [t("record_word_heading"), t("record_word_entry")],
      ...PARTS.filter(([key]) => key !== "evidence" || goal[key]).map(([key, words]) => [words, text(goal[key])]),
      [t("goals_word_review"), text(review)],
      [t("goals_word_status"), GOAL_STATUS[goal.status] || GOAL_STATUS["not-started"]],
    ] });
  });
  return blocks;
}
