/**
 * DESC conversation planner: save the plan and show four checks in words (advice only, never blocking):
 * judgemental words in Describe, the first person in Express, at most two requests in Specify,
 * and a follow-up date. The checks region is polite and only changes when a check's outcome changes.
 */

import { h } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { formatDate, formatWeekday } from "../lib/dates.js";
import { listAnd, t, tn } from "../lib/strings.js";

/** Words that show Express speaks in the first person ("I'm" and "I've" split into "i" plus the rest). */
const FIRST_PERSON = new Set(["i", "me", "my"]);

/** The most requests advised, in words ("keep the two that matter most"); a larger number is written in digits. */
function numberWord(number) {
  const words = { 1: t("desc_planner_number_one"), 2: t("desc_planner_number_two"), 3: t("desc_planner_number_three"), 4: t("desc_planner_number_four") };
  return words[number] || String(number);
}

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  const box = root.querySelector("[data-rs-checks]");
  let shown = null;
  return mountExercise(root, {
    update: (form, values) => {
      const advice = advise(config, values);
      const key = JSON.stringify(advice);
      if (key === shown) return;
      shown = key;
      showChecks(box, advice);
    },
  });
}

/**
 * Split text into lowercase words: letters and digits only, so "I'm" gives "i" and "m",
 * and curly or straight apostrophes, hyphens and punctuation all end a word.
 * @param {string} text
 */
export function words(text) {
  return (text || "").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
}

/**
 * The listed words or phrases found as whole words in a text (capitals ignored), in the order they first appear.
 * @param {string} text
 * @param {string[]} list
 */
export function flaggedWords(text, list) {
  const tokens = words(text);
  const found = [];
  for (const entry of list) {
    const phrase = words(entry);
    if (!phrase.length) continue;
    for (let i = 0; i + phrase.length <= tokens.length; i += 1) {
      if (phrase.every((part, j) => tokens[i + j] === part)) {
        found.push({ entry, at: i });
        break;
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((item) => item.entry);
}

/**
 * True when a text uses I, I'm, I've, me or my.
 * @param {string} text
 */
export function usesFirstPerson(text) {
  return words(text).some((word) => FIRST_PERSON.has(word));
}

/**
 * Count the requests in Specify. The rule: each line counts as one request, and a line holding
 * several sentences counts once per sentence. List markers (-, *, •, 1.) are ignored, and a piece
 * with no letters or digits does not count.
 * @param {string} text
 */
export function countRequests(text) {
  return (text || "")
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•+]|\d+[.)])\s+/u, ""))
    .flatMap((line) => line.split(/[.!?]+(?=\s|$)/u))
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece)).length;
}

/**
 * The four checks for a plan, as {id, ok, text}. An empty plan gets none.
 * @param {{words: string[], maxRequests: number}} config
 * @param {Record<string, string>} values
 */
export function advise(config, values) {
  if (Object.keys(values).length === 0) return [];
  return [
    describeCheck(values.describe || "", config.words),
    expressCheck(values.express || ""),
    specifyCheck(countRequests(values.specify || ""), config.maxRequests),
    followUpCheck(values.follow_up || ""),
  ];
}

/** Describe: written, in neutral words (none of the configured judging words). */
function describeCheck(describe, words) {
  const flagged = flaggedWords(describe, words);
  if (!describe.trim()) return { id: "describe", ok: false, text: t("desc_planner_describe_empty") };
  if (flagged.length) {
    const quoted = flagged.map((word) => t("desc_planner_quoted_word", { word }));
    return { id: "describe", ok: false, text: t("desc_planner_describe_flagged", { words: listAnd(quoted) }) };
  }
  return { id: "describe", ok: true, text: t("desc_planner_describe_ok") };
}

/** Express: written, in the first person. */
function expressCheck(express) {
  if (!express.trim()) return { id: "express", ok: false, text: t("desc_planner_express_empty") };
  if (!usesFirstPerson(express)) return { id: "express", ok: false, text: t("desc_planner_express_not_first_person") };
  return { id: "express", ok: true, text: t("desc_planner_express_ok") };
}

/** Specify: at least one request, and no more than the configured number. */
function specifyCheck(count, maxRequests) {
  if (count === 0) return { id: "specify", ok: false, text: t("desc_planner_specify_empty") };
  if (count > maxRequests) {
    const text = t("desc_planner_specify_too_many", { count, max: numberWord(maxRequests) });
    return { id: "specify", ok: false, text };
  }
  return { id: "specify", ok: true, text: tn("desc_planner_specify_ok", count) };
}

/** Follow up: a readable date (YYYY-MM-DD), named with its weekday. */
function followUpCheck(date) {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T12:00:00`) : null;
  if (!date) return { id: "follow_up", ok: false, text: t("desc_planner_follow_up_missing") };
  if (!parsed || Number.isNaN(parsed.getTime())) {
    return { id: "follow_up", ok: false, text: t("desc_planner_follow_up_unreadable") };
  }
  const weekday = formatWeekday(parsed);
  return { id: "follow_up", ok: true, text: t("desc_planner_follow_up_set", { weekday, date: formatDate(parsed) }) };
}

function showChecks(box, advice) {
  if (!advice.length) {
    box.replaceChildren(h("p", {}, t("desc_planner_waiting")));
    return;
  }
  box.replaceChildren(
    h("p", { class: "rs-desc-planner__note" }, t("desc_planner_advice_note")),
    h("ul", { class: "rs-desc-planner__list" }, advice.map((item) => h("li", {
      class: `rs-desc-planner__check rs-desc-planner__check--${item.ok ? "ok" : "warn"}`, "data-rs-check": item.id,
    }, h("span", { class: "rs-desc-planner__mark" }, item.ok ? t("desc_planner_mark_done") : t("desc_planner_mark_consider")), " ", item.text))),
  );
}
