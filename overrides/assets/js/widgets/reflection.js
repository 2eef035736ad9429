/**
 * Reflection: restore answers and show how many prompts have an answer, with the author's nudges
 * for prompts still empty; with a tally, count the chosen statements by group and say which group comes
 * up most often (never a score).
 * A prompt with min_items gets a count of the lines written under its box (advice in words, never a block).
 * A date prompt (type: date) whose saved answer is not a date (words written while it was a text box) keeps
 * those words: they show under the date picker, and save unchanged, until a date is chosen.
 */

import { bdi, textWith } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { readFields, writeFields } from "../lib/fields.js";
import { describeAnswers } from "../lib/readable.js";
import { pageRole, visibleText } from "../lib/role.js";
import { listAnd, t, tn } from "../lib/strings.js";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  const datePrompts = config.prompts.filter((prompt) => prompt.date);
  // Earlier words saved under a date prompt, by prompt id: kept until a date is chosen or the answers are cleared.
  let earlier = {};
  const shownCounts = {};
  return mountExercise(root, {
    collect: (form) => {
      const values = readFields(form);
      for (const [id, text] of Object.entries(earlier)) {
        if (values[id] === undefined) values[id] = text;
        else delete earlier[id];
      }
      return values;
    },
    apply: (form, values) => {
      earlier = {};
      for (const prompt of datePrompts) {
        const saved = values[prompt.id];
        if (typeof saved === "string" && saved.trim() !== "" && !isDate(saved)) earlier[prompt.id] = saved;
      }
      writeFields(form, values);
    },
    update: (form, values) => {
      summarise(form, config, values);
      showEarlier(form, earlier);
      showItemCounts(form, config, values, shownCounts);
      if (config.tally) showTally(form, config.tally, values);
    },
    readable: (form) => readableAnswers(form, earlier),
  });
}

/** True for a date as a date field gives it: YYYY-MM-DD, and a real day. */
export function isDate(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text));
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/**
 * Count the items in a list written one to a line. List markers (-, *, •, 1.) are ignored, and a line with
 * no letters or digits does not count.
 * @param {string} text
 */
export function countItems(text) {
  return String(text || "")
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•–]|\d+[.)])\s*/u, ""))
    .filter((line) => /[\p{L}\p{N}]/u.test(line)).length;
}

/**
 * The advice under a prompt with min_items: none while the box is empty (the prompt already says what to do).
 * @param {number} count
 * @param {number} min
 * @returns {{ok: boolean, text: string} | null}
 */
export function itemAdvice(count, min) {
  if (count === 0) return null;
  if (count < min) return { ok: false, text: t("reflection_items_few", { count, min }) };
  return { ok: true, text: t("reflection_items_enough", { count, min }) };
}

/** Update each count only when it changes, so the polite live region speaks once per new line, not per key. */
function showItemCounts(root, config, values, shown) {
  for (const prompt of config.prompts) {
    if (!prompt.minItems) continue;
    const count = countItems(values[prompt.id]);
    if (shown[prompt.id] === count) continue;
    shown[prompt.id] = count;
    const note = root.querySelector(`[data-rs-items="${CSS.escape(prompt.id)}"]`);
    const advice = itemAdvice(count, prompt.minItems);
    note.textContent = advice ? advice.text : "";
    note.classList.toggle("rs-prompt__items--ok", Boolean(advice && advice.ok));
    note.classList.toggle("rs-prompt__items--few", Boolean(advice && !advice.ok));
  }
}

function showEarlier(root, earlier) {
  for (const note of root.querySelectorAll("[data-rs-earlier]")) {
    const text = earlier[note.dataset.rsEarlier];
    note.hidden = text === undefined;
    note.replaceChildren(text === undefined ? "" : textWith("reflection_earlier_answer", { text: bdi(text) }));
  }
}

/** The answers in page order, prompt by prompt, with any earlier words kept under a date prompt. */
function readableAnswers(root, earlier) {
  const lines = [];
  for (const prompt of root.querySelectorAll("[data-rs-prompt]")) {
    lines.push(...describeAnswers(prompt));
    const text = earlier[prompt.dataset.rsPrompt];
    if (text !== undefined) {
      const label = prompt.querySelector("label");
      lines.push({ label: (label ? visibleText(label, pageRole()) : "").replace(/\s+/g, " ").trim(), text });
    }
  }
  return lines;
}

/**
 * Count answered prompts: a prompt counts when its text or its choice has a value.
 * @param {{prompts: {id: string}[]}} config
 * @param {Record<string, string>} values
 */
export function answered(config, values) {
  return config.prompts.filter((prompt) => values[prompt.id] !== undefined || values[`${prompt.id}-choice`] !== undefined);
}

function summarise(root, config, values) {
  const summary = root.querySelector("[data-rs-summary]");
  const done = answered(config, values);
  const doneIds = new Set(done.map((prompt) => prompt.id));
  summary.hidden = false;
  const total = config.prompts.length;
  summary.querySelector("[data-rs-summary-count]").textContent =
    tn("reflection_summary", total, { answered: done.length, total });
  for (const nudge of summary.querySelectorAll("[data-rs-nudge]")) {
    nudge.hidden = doneIds.has(nudge.dataset.rsNudge);
  }
}

/**
 * Count the chosen statements by group.
 * @param {{prompts: string[], groups: {id: string, label: string, choices: string[]}[]}} tally
 * @param {Record<string, string>} values
 * @returns {{counts: Record<string, number>, total: number, leaders: string[]}}
 */
export function countTally(tally, values) {
  const counts = Object.fromEntries(tally.groups.map((group) => [group.id, 0]));
  let total = 0;
  for (const prompt of tally.prompts) {
    const chosen = values[`${prompt}-choice`];
    const group = tally.groups.find((g) => g.choices.includes(chosen));
    if (!group) continue;
    counts[group.id] += 1;
    total += 1;
  }
  const most = Math.max(0, ...Object.values(counts));
  const leaders = most === 0 ? [] : tally.groups.filter((g) => counts[g.id] === most).map((g) => g.id);
  return { counts, total, leaders };
}

/** The sentence under the tally's heading. */
export function tallySentence(tally, { counts, total, leaders }) {
  const label = (id) => tally.groups.find((g) => g.id === id).label;
  if (leaders.length > 1) return t("reflection_tally_tie", { groups: listAnd(leaders.map(label)), count: counts[leaders[0]] });
  const group = label(leaders[0]);
  if (total === 1) return t("reflection_tally_single", { group });
  if (counts[leaders[0]] === total) return t("reflection_tally_all", { group, total });
  return t("reflection_tally_most", { group, count: counts[leaders[0]], total });
}

function showTally(root, tally, values) {
  const result = root.querySelector("[data-rs-tally-result]");
  const counted = countTally(tally, values);
  result.hidden = counted.total === 0;
  if (counted.total === 0) return;
  root.querySelector("[data-rs-tally-summary]").textContent = tallySentence(tally, counted);
  for (const row of root.querySelectorAll("[data-rs-tally-row]")) {
    row.querySelector("[data-rs-tally-count]").textContent = String(counted.counts[row.dataset.rsTallyRow]);
    row.classList.toggle("rs-tally__row--most", counted.leaders.includes(row.dataset.rsTallyRow));
  }
  for (const feedback of root.querySelectorAll("[data-rs-tally-feedback]")) {
    feedback.hidden = !counted.leaders.includes(feedback.dataset.rsTallyFeedback);
  }
  const mixed = root.querySelector("[data-rs-tally-mixed]");
  if (mixed) mixed.hidden = Object.values(counted.counts).filter((n) => n > 0).length < 2;
}
