/**
 * SMART goal worksheet: several goals, each saved by a stable goal id, with advice checks
 * (review date window, a named evidence source, vague verbs). Advice is words only; it never blocks saving.
 * "Add to calendar" checks the review date first and says beside the button what to fix.
 */

import { bdi, h, textWith } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { mirrorForPrint, readFields, writeFields } from "../lib/fields.js";
import { download } from "../lib/download.js";
import { goalReviewEvent, reviewDateProblem } from "../lib/ics.js";
import { formatDate, t, tn } from "../lib/strings.js";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  const list = root.querySelector("[data-rs-goals]");
  const template = root.querySelector("template[data-rs-goal-template]");
  const addButton = root.querySelector('[data-rs-action="add-goal"]');
  const blankCount = list.querySelectorAll("[data-rs-goal]").length;

  const goals = () => [...list.querySelectorAll("[data-rs-goal]")];

  const renumber = () => {
    goals().forEach((goal, index) => {
      for (const span of goal.querySelectorAll("[data-rs-goal-number]")) span.textContent = String(index + 1);
      goal.querySelector('[data-rs-action="remove-goal"]').hidden = goals().length === 1;
    });
    addButton.hidden = goals().length >= config.maxGoals;
  };

  const addGoal = (key) => {
    const used = new Set(goals().map((goal) => goal.dataset.rsGoal));
    let id = key;
    for (let n = 1; !id; n += 1) if (!used.has(`g${n}`)) id = `g${n}`;
    const goal = template.content.firstElementChild.cloneNode(true);
    for (const element of [goal, ...goal.querySelectorAll("*")]) {
      for (const attr of [...element.attributes]) {
        if (attr.value.includes("__GOAL__")) element.setAttribute(attr.name, attr.value.replaceAll("__GOAL__", id));
      }
    }
    list.append(goal);
    wireGoal(goal);
    return goal;
  };

  const wireGoal = (goal) => {
    const calendar = goal.querySelector('[data-rs-action="calendar"]');
    calendar.hidden = false;
    // What stops a calendar file, said beside the button (and read out), until the next try.
    const note = h("p", { class: "rs-goal__calendar-note", role: "alert", "data-rs-calendar-note": "" });
    note.hidden = true;
    calendar.after(note);
    calendar.addEventListener("click", () => {
      const values = readFields(goal);
      const dateField = goal.querySelector('[data-rs-field="time_bound"]');
      const problem = reviewDateProblem(values.time_bound);
      note.hidden = !problem;
      if (problem) {
        note.replaceChildren(problem === "missing"
          ? t("smart_goal_calendar_needs_date")
          : textWith("smart_goal_calendar_bad_date", { date: bdi(String(values.time_bound).slice(0, 40)) }));
        dateField.focus();
        return;
      }
      note.replaceChildren();
      const text = goalReviewEvent({
        uid: `${root.dataset.rsExercise}-${goal.dataset.rsGoal}@reflective-supervision`,
        date: values.time_bound,
        goal: values.goal,
        evidence: values.measurable,
        words: {
          summary: (words) => t("smart_goal_calendar_summary", { goal: words }),
          checkIn: (words) => t("smart_goal_calendar_check_in", { goal: words }),
          defaultGoal: t("smart_goal_calendar_default_goal"),
          evidence: (evidence) => t("smart_goal_calendar_evidence", { evidence }),
        },
      });
      download(`goal-review-${values.time_bound}.ics`, text, "text/calendar");
    });
    goal.querySelector('[data-rs-action="remove-goal"]').addEventListener("click", () => {
      const number = goals().indexOf(goal) + 1;
      const hasText = Object.keys(readFields(goal)).length > 0;
      if (hasText && !window.confirm(t("smart_goal_remove_confirm", { number }))) return;
      goal.remove();
      renumber();
      root.querySelector("[data-rs-saved]").textContent = t("smart_goal_removed", { number });
      addButton.focus();
      root.dispatchEvent(new Event("rs-change"));
    });
  };

  goals().forEach(wireGoal);
  addButton.addEventListener("click", () => {
    const goal = addGoal();
    renumber();
    goal.querySelector("textarea, input").focus();
    root.dispatchEvent(new Event("rs-change"));
  });

  const behaviour = {
    collect: () => ({
      goals: goals()
        .map((goal) => ({ id: goal.dataset.rsGoal, ...readFields(goal) }))
        .filter((goal) => Object.keys(goal).length > 1),
    }),
    apply: (form, values) => {
      const saved = Array.isArray(values.goals) ? values.goals : [];
      for (const goal of goals()) goal.remove();
      if (saved.length === 0) for (let n = 1; n <= blankCount; n += 1) addGoal(`g${n}`);
      for (const entry of saved) {
        if (entry && typeof entry.id === "string" && /^[a-z0-9-]+$/.test(entry.id)) writeFields(addGoal(entry.id), entry);
      }
      renumber();
      mirrorForPrint(form);
    },
    update: () => {
      renumber();
      for (const goal of goals()) showChecks(goal, config, readFields(goal), new Date());
    },
  };
  renumber();
  return mountExercise(root, behaviour);
}

/**
 * Advice for one goal, as a list of {ok, text}. Empty goals get no advice.
 * @param {{review: {min: number, max: number}, evidence: string[], vague: string[]}} config
 * @param {Record<string, string>} goal
 * @param {Date} today
 */
export function adviseGoal(config, goal, today) {
  const advice = [];
  if (Object.keys(goal).length === 0) return advice;
  const earliest = addMonths(today, config.review.min);
  const latest = addMonths(today, config.review.max);
  const window = { earliest: formatDate(earliest), latest: formatDate(latest), min: config.review.min, max: config.review.max };
  if (!goal.time_bound) {
    advice.push({ ok: false, text: t("smart_goal_review_missing", window) });
  } else {
    const review = new Date(`${goal.time_bound}T12:00:00`);
    if (Number.isNaN(review.getTime())) advice.push({ ok: false, text: t("smart_goal_review_unreadable") });
    else if (review < startOfDay(today)) advice.push({ ok: false, text: t("smart_goal_review_past", window) });
    else if (review < startOfDay(earliest)) advice.push({ ok: false, text: t("smart_goal_review_too_soon", window) });
    else if (review > endOfDay(latest)) advice.push({ ok: false, text: t("smart_goal_review_too_late", window) });
    else advice.push({ ok: true, text: t("smart_goal_review_ok", window) });
  }
  const measurable = (goal.measurable || "").trim().toLowerCase();
  if (!measurable) advice.push({ ok: false, text: t("smart_goal_measurable_empty") });
  else if (!config.evidence.some((source) => wordPattern(source).test(measurable))) {
    advice.push({ ok: false, text: t("smart_goal_measurable_no_source", { examples: config.evidence.slice(0, 3).join(", ") }) });
  } else advice.push({ ok: true, text: t("smart_goal_measurable_ok") });
  const wording = `${goal.goal || ""} ${goal.specific || ""}`.toLowerCase();
  const vague = config.vague.filter((phrase) => wordPattern(phrase).test(wording));
  if (vague.length) {
    const phrases = vague.map((phrase) => t("smart_goal_quoted_phrase", { phrase })).join(", ");
    advice.push({ ok: false, text: tn("smart_goal_vague", vague.length, { phrases }) });
  }
  return advice;
}

function showChecks(goal, config, values, today) {
  const box = goal.querySelector("[data-rs-checks]");
  const advice = adviseGoal(config, values, today);
  box.replaceChildren();
  if (!advice.length) return;
  box.append(
    h("p", { class: "rs-goal__checks-title" }, h("strong", {}, t("smart_goal_checks_title"))),
    h("ul", {}, advice.map((item) => h("li", { class: item.ok ? "rs-check rs-check--ok" : "rs-check rs-check--warn" },
      h("span", { class: "rs-check__mark" }, item.ok ? t("smart_goal_mark_done") : t("smart_goal_mark_consider")), " ", item.text))),
  );
}

function addMonths(date, months) {
  const result = new Date(date.getTime());
  const day = result.getDate();
  result.setDate(1);
  result.setMonth(result.getMonth() + months);
  const lastDay = new Date(result.getFullYear(), result.getMonth() + 1, 0).getDate();
  result.setDate(Math.min(day, lastDay));
  return result;
}

function startOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function endOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), 23, 59, 59);
}

/**
 * A pattern for a word or phrase as whole words, its last word in any common form: "improve" also finds
 * "improves", "improved", "improving" and "improvement"; "audit" finds "audits" but not "auditory".
 */
export function wordPattern(phrase) {
  const words = phrase.toLowerCase().trim().split(/\s+/).map(escapeRegExp);
  const last = words.pop().replace(/e$/, "");
  const forms = "(?:e|es|s|d|ed|ing|ement|ements|ment|ments)?";
  return new RegExp(`\\b${[...words, last + forms].join("\\s+")}\\b`);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
