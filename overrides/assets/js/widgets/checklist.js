/**
 * Checklist: restore ticks or Yes / Partly / No / Not sure answers, then show a count for each group
 * (never a score), the tip of every item not ticked or answered Partly or No, and the author's
 * all-done text when everything is ticked or answered Yes. Tips and all-done text are cloned from the
 * server-rendered "Tips for each item" list, which only shows without JavaScript.
 */

import { cloneContent, h } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { t } from "../lib/strings.js";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  const view = new ResultsView(root, config);
  return mountExercise(root, { update: (form, values) => view.show(summarise(config, values)) });
}

/**
 * Count the answers in each group and list the items that need a tip.
 * @param {{responses: "tick"|"yes-partly-no", answers: string[], tipAnswers: string[],
 *          groups: {id: string, title: string, items: string[]}[]}} config
 * @param {Record<string, string>} values
 */
export function summarise(config, values) {
  const tick = config.responses === "tick";
  const known = (item) => (tick ? values[item] === "yes" : config.answers.includes(values[item]));
  const groups = config.groups.map((group) => {
    const counts = Object.fromEntries(config.answers.map((answer) => [answer, 0]));
    for (const item of group.items) if (!tick && known(item)) counts[values[item]] += 1;
    return {
      id: group.id,
      title: group.title,
      total: group.items.length,
      answered: group.items.filter(known).length,
      counts,
    };
  });
  const items = config.groups.flatMap((group) => group.items);
  const answered = items.filter(known).length;
  const tips = tick
    ? (answered > 0 ? items.filter((item) => values[item] !== "yes") : [])
    : items.filter((item) => config.tipAnswers.includes(values[item]));
  const allDone = items.every((item) => values[item] === "yes");
  return { tick, groups, items: items.length, answered, tips, allDone };
}

/**
 * Describe one group's count in words, for example "3 of 4 ticked".
 * @param {ReturnType<typeof summarise>["groups"][number]} group
 * @param {boolean} tick
 * @param {Record<string, string>} labels answer id -> the interface string of its label, such as checklist_answer_yes
 */
export function countText(group, tick, labels) {
  if (tick) return t("checklist_count_ticked", { answered: group.answered, total: group.total });
  const parts = Object.entries(group.counts).map(([answer, count]) => t("checklist_count_answer", { count, answer: t(labels[answer]) }));
  return t("checklist_count_answered", { counts: parts.join(", "), answered: group.answered, total: group.total });
}

/** Keeps the results region in step with the answers, changing only what changed (it is a live region). */
class ResultsView {
  constructor(root, config) {
    this.root = root;
    this.config = config;
    this.counts = root.querySelector("[data-rs-counts]");
    this.total = root.querySelector("[data-rs-total]");
    this.allDone = root.querySelector("[data-rs-all-done]");
    this.waiting = root.querySelector("[data-rs-waiting]");
    this.tipsBlock = root.querySelector("[data-rs-tips-block]");
    this.tipList = root.querySelector("[data-rs-tip-list]");
    this.shownTips = null;
    this.countSpans = config.groups.map((group) => {
      const text = h("span", { "data-rs-count": group.id });
      this.counts.append(h("li", {}, h("strong", {}, group.title), ": ", text));
      return text;
    });
    this.allDone.replaceChildren(cloneContent(root.querySelector("[data-rs-all-done-source]")));
  }

  /** @param {ReturnType<typeof summarise>} summary */
  show(summary) {
    summary.groups.forEach((group, index) => {
      setText(this.countSpans[index], countText(group, summary.tick, this.config.labels));
    });
    this.total.hidden = !summary.tick;
    if (summary.tick) setText(this.total, t("checklist_total_ticked", { answered: summary.answered, total: summary.items }));
    this.allDone.hidden = !summary.allDone;
    this.waiting.hidden = summary.answered > 0;
    this.tipsBlock.hidden = summary.tips.length === 0;
    const key = summary.tips.join(" ");
    if (key !== this.shownTips) {
      this.shownTips = key;
      this.tipList.replaceChildren(...summary.tips.map((item) => this.tip(item)));
    }
  }

  tip(item) {
    const selector = CSS.escape(item);
    return h("li", { class: "rs-checklist__tip", "data-rs-tip-for": item },
      h("p", { class: "rs-checklist__tip-item" },
        h("strong", {}, cloneContent(this.root.querySelector(`[data-rs-tip-item="${selector}"]`)))),
      cloneContent(this.root.querySelector(`[data-rs-tip="${selector}"]`)));
  }
}

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
