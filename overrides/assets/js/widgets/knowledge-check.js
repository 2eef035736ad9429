/**
 * Knowledge check: restore the chosen options; "Check my answer" (one button per question) says whether the
 * choice matches the answer key and shows the explanations of the chosen and the correct option, cloned from
 * the page's "Answers and explanations" box. A polite summary counts the questions checked and, once every
 * question is checked, how many choices match the answer key: a plain count, never a percentage, a pass mark
 * or a verdict. Counting only when all are checked keeps the count from revealing an unchecked answer.
 *
 * A button rather than feedback on every change: arrow keys move through a radio group and change the
 * choice at each step, so instant feedback would reveal every option's verdict to a keyboard or screen
 * reader user just passing through, and announce each one. The button makes checking a deliberate act.
 *
 * Saved values: {<question id>: <option id>, ..., "_checked": [<question ids checked with their current choice>]}.
 */

import { cloneContent, h } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { readFields, writeFields } from "../lib/fields.js";
import { pageRole, visibleText } from "../lib/role.js";
import { t, tn } from "../lib/strings.js";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  const state = { checked: new Set(), prompted: new Set(), shown: new Map(), summary: null };

  // Changing a checked answer withdraws its feedback. Registered before mountExercise so it runs first.
  root.addEventListener("change", (event) => {
    const field = event.target.dataset ? event.target.dataset.rsField : undefined;
    if (field !== undefined) {
      state.checked.delete(field);
      state.prompted.delete(field);
    }
  });

  for (const button of root.querySelectorAll('[data-rs-action="check"]')) {
    button.addEventListener("click", () => {
      const id = button.dataset.rsQuestion;
      const values = readFields(root);
      if (values[id] === undefined) state.prompted.add(id);
      else {
        state.checked.add(id);
        state.prompted.delete(id);
      }
      root.dispatchEvent(new Event("rs-change"));
    });
  }

  return mountExercise(root, {
    collect: (form) => {
      const values = readFields(form);
      return { ...values, [config.checkedKey]: checkedQuestions(config, values, state.checked) };
    },
    apply: (form, values) => {
      writeFields(form, values);
      const saved = Array.isArray(values[config.checkedKey]) ? values[config.checkedKey] : [];
      state.checked = new Set(checkedQuestions(config, readFields(form), saved));
      state.prompted.clear();
    },
    update: (form, values) => show(form, config, state, values),
    readable: (form) => readableAnswers(form, config, state.checked),
  });
}

/**
 * A plain-text copy of the answers (for My learning and the supervision agenda): each answered question,
 * the chosen option and, once checked, whether it matches the answer key.
 * @param {HTMLFormElement} root
 * @param {{questions: {id: string, correct: string, options: string[]}[]}} config
 * @param {Iterable<string>} checked
 */
export function readableAnswers(root, config, checked) {
  const values = readFields(root);
  const done = new Set(checkedQuestions(config, values, checked));
  const lines = [];
  for (const question of config.questions) {
    const chosen = values[question.id];
    if (chosen === undefined) continue;
    const box = root.querySelector(`[data-rs-question="${CSS.escape(question.id)}"]`);
    const legend = visibleText(box.querySelector("legend"), pageRole()).replace(/\s+/g, " ").trim();
    let text = optionText(box, chosen);
    if (done.has(question.id)) {
      text = verdict(question, chosen) === "match"
        ? t("knowledge_check_readable_match", { answer: text })
        : t("knowledge_check_readable_different", { answer: text });
    }
    lines.push({ label: legend, text });
  }
  return lines;
}

/**
 * The questions that count as checked: known, answered with one of their options, and marked checked.
 * @param {{questions: {id: string, options: string[]}[]}} config
 * @param {Record<string, unknown>} values
 * @param {Iterable<string>} checked
 * @returns {string[]} question ids in page order
 */
export function checkedQuestions(config, values, checked) {
  const marked = new Set(checked);
  return config.questions
    .filter((question) => marked.has(question.id) && question.options.includes(values[question.id]))
    .map((question) => question.id);
}

/**
 * Compare a choice with the answer key.
 * @param {{correct: string}} question
 * @param {string|undefined} chosen
 * @returns {"none"|"match"|"different"}
 */
export function verdict(question, chosen) {
  if (chosen === undefined) return "none";
  return chosen === question.correct ? "match" : "different";
}

/**
 * The summary: how many questions have been checked and, once all are, how many choices match the answer key.
 * @param {number} checked
 * @param {number} total
 * @param {number} matched  checked questions whose choice matches the answer key
 */
export function summaryText(checked, total, matched = 0) {
  const count = tn("knowledge_check_summary", total, { checked, total });
  if (total === 0 || checked < total) return count;
  return `${count} ${tn("knowledge_check_matched", total, { matched, total })}`;
}

function show(root, config, state, values) {
  const checked = new Set(checkedQuestions(config, values, state.checked));
  for (const question of config.questions) {
    const box = root.querySelector(`[data-rs-question="${CSS.escape(question.id)}"]`);
    const region = box.querySelector("[data-rs-feedback]");
    const chosen = values[question.id];
    let key = "";
    if (checked.has(question.id)) key = `${verdict(question, chosen)}:${chosen}`;
    else if (state.prompted.has(question.id) && chosen === undefined) key = "prompt";
    // Rebuild only when something changed, so the live region does not repeat itself.
    if (state.shown.get(question.id) === key) continue;
    state.shown.set(question.id, key);
    region.replaceChildren();
    if (key === "prompt") region.append(h("p", { class: "rs-knowledge-check__prompt" }, t("knowledge_check_prompt")));
    else if (key) region.append(feedback(box, question, chosen));
  }
  const summary = root.querySelector("[data-rs-summary]");
  summary.hidden = false;
  const matched = config.questions.filter((question) => checked.has(question.id) && verdict(question, values[question.id]) === "match").length;
  const text = summaryText(checked.size, config.questions.length, matched);
  if (state.summary !== text) {
    state.summary = text;
    summary.querySelector("[data-rs-summary-count]").textContent = text;
  }
}

function optionText(box, optionId) {
  const input = box.querySelector(`input[value="${CSS.escape(optionId)}"]`);
  const label = input ? box.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
  return label ? visibleText(label, pageRole()).trim() : optionId;
}

function explanation(box, optionId) {
  return h("div", { class: "rs-knowledge-check__explanation" },
    cloneContent(box.querySelector(`[data-rs-explanation="${CSS.escape(optionId)}"]`)));
}

function feedback(box, question, chosen) {
  const match = verdict(question, chosen) === "match";
  const result = h("div", { class: `rs-knowledge-check__result rs-knowledge-check__result--${match ? "match" : "different"}` },
    h("p", { class: "rs-knowledge-check__verdict" },
      h("strong", {}, match ? t("knowledge_check_match") : t("knowledge_check_different"))),
    h("p", { class: "rs-knowledge-check__chosen" }, t("knowledge_check_you_chose", { answer: optionText(box, chosen) })),
    explanation(box, chosen));
  if (!match) {
    result.append(
      h("p", { class: "rs-knowledge-check__chosen" }, t("knowledge_check_key_gives", { answer: optionText(box, question.correct) })),
      explanation(box, question.correct));
  }
  const section = box.querySelector("[data-rs-section]");
  if (section) result.append(h("p", { class: "rs-knowledge-check__section" }, cloneContent(section)));
  return result;
}
