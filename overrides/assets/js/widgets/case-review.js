/**
 * Case-review learning: restore the ticks, choices and reflections; in step 3 show only the factors ticked in
 * step 2; after "Compare with the answer key", say in words on how many factors the learner and the answer key
 * agree and, for every factor, what the review found and why (explanations cloned from the answer-key box).
 * The comparison follows later changes to the ticks. It describes a reading of the review; it scores nobody.
 *
 * Saved values: {"found-<factor>": "yes", "function-<factor>": "normative"|..., "mapping-notes": text,
 * <reflection id>: text, "_compared": "yes"}.
 */

import { cloneContent, h } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { readFields, writeFields } from "../lib/fields.js";
import { pageRole, visibleText } from "../lib/role.js";
import { t, tn } from "../lib/strings.js";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  const state = { compared: false, shown: null };

  root.querySelector('[data-rs-action="compare"]').addEventListener("click", () => {
    state.compared = true;
    root.dispatchEvent(new Event("rs-change"));
  });

  return mountExercise(root, {
    collect: (form) => ({ ...readFields(form), ...(state.compared ? { [config.comparedKey]: "yes" } : {}) }),
    apply: (form, values) => {
      writeFields(form, values);
      state.compared = values[config.comparedKey] === "yes";
    },
    update: (form, values) => {
      showMapping(form, config, values);
      showComparison(form, config, state, values);
    },
    readable: (form) => readableAnswers(form, config, state.compared),
  });
}

/**
 * A plain-text copy of the answers (for My learning and the supervision agenda), step by step.
 * @param {HTMLFormElement} root
 * @param {{foundPrefix: string, functionPrefix: string, factors: {id: string, label: string, inReview: boolean}[]}} config
 * @param {boolean} compared
 */
export function readableAnswers(root, config, compared) {
  const values = readFields(root);
  const ticked = config.factors.filter((factor) => values[config.foundPrefix + factor.id] === "yes");
  const lines = [{
    label: t("case_review_readable_factors"),
    text: ticked.length ? ticked.map((f) => f.label).join("; ") : t("case_review_readable_none_ticked"),
  }];
  if (compared) {
    const result = compare(config, values);
    lines.push({ label: t("case_review_readable_compared"), text: agreementText(result.agreed, result.total) });
  }
  for (const factor of ticked) {
    const chosen = root.querySelector(`[data-rs-field="${CSS.escape(config.functionPrefix + factor.id)}"]:checked`);
    if (chosen) lines.push({ label: t("case_review_readable_function", { factor: factor.label }), text: labelText(root, chosen) });
  }
  for (const box of root.querySelectorAll("textarea[data-rs-field]")) {
    if (box.value.trim() !== "") lines.push({ label: labelText(root, box), text: box.value });
  }
  return lines.length === 1 && !ticked.length ? [] : lines;
}

function labelText(root, control) {
  const label = root.querySelector(`label[for="${CSS.escape(control.id)}"]`);
  return label ? visibleText(label, pageRole()).replace(/\s+/g, " ").trim() : control.name;
}

/**
 * Compare the learner's ticks with the answer key, factor by factor.
 * @param {{foundPrefix: string, factors: {id: string, label: string, inReview: boolean}[]}} config
 * @param {Record<string, unknown>} values
 * @returns {{agreed: number, total: number, rows: {id: string, label: string, ticked: boolean, inReview: boolean, agree: boolean, text: string}[]}}
 */
export function compare(config, values) {
  const rows = config.factors.map((factor) => {
    const ticked = values[config.foundPrefix + factor.id] === "yes";
    return { ...factor, ticked, agree: ticked === factor.inReview, text: findingText(factor.inReview, ticked) };
  });
  return { agreed: rows.filter((row) => row.agree).length, total: rows.length, rows };
}

/**
 * What the review found about one factor, and what the learner did, in words.
 * @param {boolean} inReview
 * @param {boolean} ticked
 */
export function findingText(inReview, ticked) {
  if (inReview) return ticked ? t("case_review_found_ticked") : t("case_review_found_not_ticked");
  return ticked ? t("case_review_not_found_ticked") : t("case_review_not_found_not_ticked");
}

/**
 * The agreement sentence. Words only: it describes two readings of a review, not a score.
 * @param {number} agreed
 * @param {number} total
 */
export function agreementText(agreed, total) {
  return tn("case_review_agreement", total, { agreed, total });
}

function showMapping(root, config, values) {
  let any = false;
  for (const factor of config.factors) {
    const ticked = values[config.foundPrefix + factor.id] === "yes";
    root.querySelector(`[data-rs-mapping="${CSS.escape(factor.id)}"]`).hidden = !ticked;
    any = any || ticked;
  }
  root.querySelector("[data-rs-mapping-empty]").hidden = any;
}

function showComparison(root, config, state, values) {
  const result = compare(config, values);
  // Rebuild only when the ticks or the compared state change, never on typing elsewhere in the form.
  const signature = state.compared ? result.rows.map((row) => (row.ticked ? "1" : "0")).join("") : "";
  if (signature === state.shown) return;
  state.shown = signature;
  const sentence = root.querySelector("[data-rs-agreement]");
  const list = root.querySelector("[data-rs-comparison-list]");
  if (!state.compared) {
    sentence.textContent = "";
    list.replaceChildren();
    return;
  }
  sentence.replaceChildren(h("strong", {}, agreementText(result.agreed, result.total)));
  list.replaceChildren(
    h("p", { class: "rs-case-review__caveat" },
      t("case_review_caveat")),
    h("ul", { class: "rs-case-review__rows" }, result.rows.map((row) => h("li", {
      class: `rs-case-review__row rs-case-review__row--${row.agree ? "agree" : "differ"}`, "data-rs-row": row.id,
    },
    h("p", { class: "rs-case-review__row-title" }, h("strong", {}, row.label)),
    h("p", { class: "rs-case-review__row-status" },
      h("span", { class: "rs-case-review__row-verdict" }, row.agree ? t("case_review_row_same") : t("case_review_row_different")),
      " ", row.text),
    h("div", { class: "rs-case-review__row-explanation" },
      cloneContent(root.querySelector(`[data-rs-key-explanation="${CSS.escape(row.id)}"]`)))))),
  );
}
