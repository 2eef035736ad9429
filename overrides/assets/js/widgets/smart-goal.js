/**
 * SMART goal worksheet: several goals, each saved by a stable goal id, with advice checks
 * (review date window, a named evidence source, vague verbs). Advice is words only; it never blocks saving.
 * Each check shows beside the field it concerns, linked to it (aria-describedby) and read out when it changes.
 * "Add to calendar" checks the review date first and says beside the button what to fix, or that the file
 * was made; it can add a reminder on the review day. The goals print on their own or download as text.
 */

import { bdi, h, textWith } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { mirrorForPrint, readFields, writeFields } from "../lib/fields.js";
import { download } from "../lib/download.js";
import { reviewDateProblem } from "../lib/review-date.js";
import { printPart } from "../lib/print-part.js";
import { isolate } from "../lib/text.js";
import { formatDate, t, tn } from "../lib/strings.js";
import { sayNotLoaded } from "../lib/first-use.js";

/**
 * A goal's calendar button: a file (.ics) for its review date, with an optional reminder on the day, and
 * what stops it (no date, a date that is not one) said beside the button.
 */
function wireCalendar(root, goal) {
  const calendar = goal.querySelector('[data-rs-action="calendar"]');
  calendar.hidden = false;
  // What stops a calendar file, said beside the button (and read out), until the next try.
  const note = h("p", { class: "rs-goal__calendar-note", role: "alert", "data-rs-calendar-note": "" });
  note.hidden = true;
  // That the file was made, said politely beside the button.
  const done = h("p", { class: "rs-goal__calendar-done", role: "status", "data-rs-calendar-done": "" });
  // An optional reminder on the review day (not saved: asked each time a file is made).
  const reminderId = `${goal.querySelector("[data-rs-field]").id}-reminder-alarm`;
  const reminder = h("input", { type: "checkbox", id: reminderId, "data-rs-calendar-reminder": "" });
  calendar.before(h("div", { class: "rs-goal__reminder" }, reminder,
    h("label", { for: reminderId }, t("smart_goal_calendar_reminder"))));
  calendar.after(note, done);
  calendar.addEventListener("click", () => {
    const values = readFields(goal);
    const dateField = goal.querySelector('[data-rs-field="time_bound"]');
    const problem = reviewDateProblem(values.time_bound);
    note.hidden = !problem;
    done.textContent = "";
    if (problem) {
      note.replaceChildren(problem === "missing"
        ? t("smart_goal_calendar_needs_date")
        : textWith("smart_goal_calendar_bad_date", { date: bdi(String(values.time_bound).slice(0, 40)) }));
      dateField.focus();
      return;
    }
    note.replaceChildren();
    // The calendar file writer loads on first use: most learners never add a goal to a calendar.
    import("../lib/ics.js").then(({ goalReviewEvent }) => calendarFile(goalReviewEvent, root, goal, values,
      reminder.checked, done)).catch((error) => sayNotLoaded(note, error));
  });
}

/** Write a goal's calendar file (with goalReviewEvent, lib/ics.js) and say beside the button that it was made. */
function calendarFile(goalReviewEvent, root, goal, values, withReminder, done) {
  const text = goalReviewEvent({
    uid: `${root.dataset.rsExercise}-${goal.dataset.rsGoal}@reflective-supervision`,
    date: values.time_bound,
    reminder: withReminder,
    goal: values.goal,
    evidence: values.measurable,
    words: {
      summary: (words) => t("smart_goal_calendar_summary", { goal: words }),
      checkIn: (words) => t("smart_goal_calendar_check_in", { goal: words }),
      defaultGoal: t("smart_goal_calendar_default_goal"),
      evidence: (evidence) => t("smart_goal_calendar_evidence", { evidence }),
    },
  });
  const name = `goal-review-${values.time_bound}.ics`;
  download(name, text, "text/calendar");
  const date = formatDate(new Date(`${values.time_bound}T12:00:00`));
  done.textContent = withReminder
    ? t("smart_goal_calendar_done_reminder", { name, date }) : t("smart_goal_calendar_done", { name, date });
}

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
    wireCalendar(root, goal);
    for (const field of CHECKED_FIELDS) checkBeside(goal, field);
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
  wireExport(root, goals);
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
 * Advice for one goal, as a list of {field, ok, text}: field names the field the advice concerns (time_bound,
 * measurable, and goal or specific for vague wording), so it can show beside it. Empty goals get no advice.
 * @param {{review: {min: number, max: number}, evidence: string[], vague: string[]}} config
 * @param {Record<string, string>} goal
 * @param {Date} today
 * @returns {{field: string, ok: boolean, text: string}[]}
 */
export function adviseGoal(config, goal, today) {
  const advice = [];
  if (Object.keys(goal).length === 0) return advice;
  const earliest = addMonths(today, config.review.min);
  const latest = addMonths(today, config.review.max);
  const window = { earliest: formatDate(earliest), latest: formatDate(latest), min: config.review.min, max: config.review.max };
  const review = (ok, text) => advice.push({ field: "time_bound", ok, text });
  if (!goal.time_bound) {
    review(false, t("smart_goal_review_missing", window));
  } else {
    const date = new Date(`${goal.time_bound}T12:00:00`);
    if (Number.isNaN(date.getTime())) review(false, t("smart_goal_review_unreadable", window));
    else if (date < startOfDay(today)) review(false, t("smart_goal_review_past", window));
    else if (date < startOfDay(earliest)) review(false, t("smart_goal_review_too_soon", window));
    else if (date > endOfDay(latest)) review(false, t("smart_goal_review_too_late", window));
    else review(true, t("smart_goal_review_ok", window));
  }
  const measurable = (goal.measurable || "").trim().toLowerCase();
  if (!measurable) advice.push({ field: "measurable", ok: false, text: t("smart_goal_measurable_empty") });
  else if (!config.evidence.some((source) => wordPattern(source).test(measurable))) {
    advice.push({ field: "measurable", ok: false,
      text: t("smart_goal_measurable_no_source", { examples: config.evidence.slice(0, 3).join(", ") }) });
  } else advice.push({ field: "measurable", ok: true, text: t("smart_goal_measurable_ok") });
  for (const field of ["goal", "specific"]) {
    const wording = (goal[field] || "").toLowerCase();
    const vague = config.vague.filter((phrase) => wordPattern(phrase).test(wording));
    if (vague.length) {
      const phrases = vague.map((phrase) => t("smart_goal_quoted_phrase", { phrase })).join(", ");
      advice.push({ field, ok: false, text: tn("smart_goal_vague", vague.length, { phrases }) });
    }
  }
  return advice;
}

/** The fields a check can concern, each shown with its own checks. */
const CHECKED_FIELDS = ["goal", "specific", "measurable", "time_bound"];

/**
 * Make the place for a field's checks, right after the field, described by it and read out when it changes.
 * @param {HTMLElement} goal
 * @param {string} field
 */
function checkBeside(goal, field) {
  const control = goal.querySelector(`[data-rs-field="${field}"]`);
  if (!control || goal.querySelector(`[data-rs-check-for="${field}"]`)) return;
  const id = `${control.id}-check`;
  const place = h("div", { class: "rs-goal__check", id, "data-rs-check-for": field, "aria-live": "polite" });
  control.after(place);
  control.setAttribute("aria-describedby", `${control.getAttribute("aria-describedby") || ""} ${id}`.trim());
}

function showChecks(goal, config, values, today) {
  const advice = adviseGoal(config, values, today);
  for (const field of CHECKED_FIELDS) {
    const place = goal.querySelector(`[data-rs-check-for="${field}"]`);
    if (!place) continue;
    const items = advice.filter((item) => item.field === field);
    const signature = items.map((item) => `${item.ok}${item.text}`).join("|");
    // Rewritten only when the advice changes, so a screen reader hears each change once, not every keystroke.
    if (place.dataset.rsShown === signature) continue;
    place.dataset.rsShown = signature;
    place.replaceChildren(...items.map((item) => h("p", { class: item.ok ? "rs-check rs-check--ok" : "rs-check rs-check--warn" },
      h("span", { class: "rs-check__mark" }, item.ok ? t("smart_goal_mark_done") : t("smart_goal_mark_consider")), " ", item.text)));
  }
}

/**
 * "Print my goals" (this worksheet alone) and "Download my goals" (a text file), as the intro promises.
 * @param {HTMLFormElement} root
 * @param {() => HTMLElement[]} goals
 */
function wireExport(root, goals) {
  const tools = root.querySelector("[data-rs-goal-export]");
  if (!tools) return;
  tools.hidden = false;
  const status = tools.querySelector("[data-rs-export-done]");
  tools.querySelector('[data-rs-action="print-goals"]').addEventListener("click", () => printPart(root));
  tools.querySelector('[data-rs-action="export-goals"]').addEventListener("click", () => {
    const title = root.querySelector(".rs-exercise__title").textContent.trim();
    const entries = goals().map((goal) => ({ fields: readFields(goal), labels: fieldLabels(goal) }));
    const name = `${root.dataset.rsExercise}.txt`;
    download(name, goalsText(title, entries, (iso) => formatDate(new Date(`${iso}T12:00:00`))), "text/plain;charset=utf-8");
    status.textContent = t("smart_goal_export_done", { name });
  });
}

/** Each field's label as the page shows it, and each status option's. */
function fieldLabels(goal) {
  const labels = {};
  for (const control of goal.querySelectorAll("[data-rs-field]")) {
    const label = goal.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    const text = (label ? label.textContent : "").replace(/\s+/g, " ").trim();
    if (control.type === "radio") labels[`status:${control.value}`] = text;
    else labels[control.dataset.rsField] = text;
  }
  labels.status = (goal.querySelector(".rs-choice legend")?.textContent || "").trim();
  return labels;
}

/**
 * The goals as plain text: the worksheet's title, then each goal that has an answer, numbered, with its
 * answered fields in order, each labelled as on the page. Learner text is isolated (U+2068 … U+2069); the
 * review date is written as people read dates (formatDay), not as the form stores it.
 * @param {string} title
 * @param {{fields: Record<string, string>, labels: Record<string, string>}[]} goals
 * @param {(isoDate: string) => string} formatDay
 */
export function goalsText(title, goals, formatDay) {
  const blocks = [title];
  let number = 0;
  for (const { fields, labels } of goals) {
    const answered = Object.entries(fields).filter(([, value]) => String(value ?? "").trim() !== "");
    if (!answered.length) continue;
    number += 1;
    const lines = [t("smart_goal_form_goal", { number })];
    for (const [field, value] of answered) {
      if (field === "status") lines.push(`${labels.status}: ${labels[`status:${value}`] || value}`);
      else if (field === "time_bound" && reviewDateProblem(value) === null) lines.push(`${labels[field]}: ${formatDay(value)}`);
      else lines.push(`${labels[field] || field}: ${isolate(String(value).trim())}`);
    }
    blocks.push(lines.join("\n"));
  }
  if (number === 0) blocks.push(t("smart_goal_export_empty"));
  return `${blocks.join("\n\n")}\n`;
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
