/**
 * Professional learning record: the learner picks saved entries and, for each, says what they did,
 * what they learned, and the difference to their practice and to the people they work with.
 * Printable, and downloadable as Markdown. Saved on this device like everything else.
 * Above the text boxes stands the same privacy reminder as in every exercise, and every box points to it
 * with aria-describedby.
 * A damaged saved record is never written over: reading it moves it aside (Store.getData), and the page says
 * so; if it could not be moved aside, nothing is saved until it can be.
 * Saved and imported text (titles, answers) is isolated on the page (<bdi>) and in the Markdown (lib/text.js).
 */

import { answerInWords, formatDate, isoDay } from "../lib/dates.js";
import { startApp } from "../lib/app.js";
import { bdi, h, redrawKeepingPlace } from "../lib/dom.js";
import { download } from "../lib/download.js";
import { readableList, writtenAs, writtenAsText } from "../lib/entries.js";
import { escapeMarkdown, escapeMarkdownInline } from "../lib/markdown.js";
import { pickEntry, setItemField, setRecordSetting } from "../lib/record.js";
import { t } from "../lib/strings.js";
import { isolate } from "../lib/text.js";
import { downloadWord, wordFileName } from "../lib/word.js";

/** The id of the privacy reminder every text box of the record is described by. */
export const REMINDER_ID = "rs-record-reminder";

const FIELDS = [
  ["did", t("record_field_did")],
  ["learned", t("record_field_learned")],
  ["difference", t("record_field_difference")],
];

/** The CPD details a learner may add to each item (record.cpd): when, and how long it took. */
const CPD_FIELDS = [
  ["date", t("record_field_date")],
  ["time_spent", t("record_field_time_spent")],
];

/**
 * A CPD detail as people read it: the date in words, the time spent as typed; "" when not given.
 * @param {string} key
 * @param {unknown} value
 */
export function cpdText(key, value) {
  if (typeof value !== "string" || value.trim() === "") return "";
  return key === "date" ? formatDate(value) || value : value;
}

/**
 * The record as the blocks of a Word document (lib/word.js): a heading per item, its CPD details and the
 * learner's three answers as a table, then the exercise's answers as a table.
 * @param {{items: object[], name?: string, cpd?: boolean}} record
 * @param {Date} [today]
 * @param {{exercise: string, role?: string, readable?: object[]}[]} [entries]
 */
export function recordBlocks(record, today = new Date(), entries = []) {
  const blocks = [{ heading: t("record_title"), level: 1 }];
  if (record.name) blocks.push({ paragraph: t("record_name_line", { name: record.name }) });
  blocks.push({ paragraph: t("record_made_on", { date: formatDate(today) }) });
  for (const item of record.items) {
    const entry = entries.find((candidate) => candidate.exercise === item.exercise) || {};
    blocks.push({ heading: item.title ?? item.exercise, level: 2 });
    blocks.push({ paragraph: t("record_last_changed", { date: formatDate(item.updated) }) });
    if (writtenAsText(entry)) blocks.push({ paragraph: writtenAsText(entry) });
    const cpd = record.cpd ? CPD_FIELDS.map(([key, label]) => [label, cpdText(key, item[key]) || t("record_not_written")]) : [];
    const own = FIELDS.map(([key, label]) => [label, String(item[key] || "").trim() ? item[key] : t("record_not_written")]);
    blocks.push({ table: [[t("record_word_heading"), t("record_word_entry")], ...cpd, ...own] });
    const lines = Array.isArray(entry.readable) ? entry.readable : [];
    if (lines.length) {
      blocks.push({ heading: t("record_my_answers"), level: 3 });
      blocks.push({ table: [[t("agenda_word_question"), t("agenda_word_answer")], ...lines.map((line) => [line.label, answerInWords(line.text)])] });
    }
  }
  return blocks;
}

/**
 * The record as Markdown. User text is escaped (lib/markdown.js) so every line reads back as the same text.
 * @param {{exercise: string, title: string, updated: string, did?: string, learned?: string, difference?: string}[]} items
 * @param {Date} [today]
 * @param {{exercise: string, role?: string}[]} [entries] the saved answers, for the role each was written in
 */
export function recordMarkdown(items, today = new Date(), entries = [], { name = "", cpd = false } = {}) {
  const parts = [`# ${t("record_title")}`, ""];
  if (name) parts.push(t("record_name_line", { name: isolate(escapeMarkdownInline(name)) }), "");
  parts.push(t("record_made_on", { date: formatDate(today) }));
  for (const item of items) parts.push(...itemMarkdown(item, entries, cpd));
  return `${parts.join("\n")}\n`;
}

/** One item's lines of the record's Markdown: its heading, when it changed, its role, CPD details, answers. */
function itemMarkdown(item, entries, cpd) {
  const lines = ["", `## ${isolate(escapeMarkdownInline(item.title ?? item.exercise))}`, "", t("record_last_changed", { date: formatDate(item.updated) })];
  const role = writtenAsText(entries.find((entry) => entry.exercise === item.exercise) || {});
  if (role) lines.push("", role);
  if (cpd) {
    for (const [key, label] of CPD_FIELDS) {
      lines.push("", `${label}: ${isolate(escapeMarkdownInline(cpdText(key, item[key]))) || t("record_not_written")}`);
    }
  }
  for (const [key, label] of FIELDS) lines.push("", `### ${label}`, "", isolate(escapeMarkdown(item[key])) || t("record_not_written"));
  return lines;
}

/**
 * The saved record's items, and what became of a damaged one: "kept" when it has been moved aside (under
 * "corrupt:data:record", exported in backups), "stuck" when it is still in place because it could not be
 * moved (a full or blocked store): then nothing may be saved over it.
 * @param {import("../lib/storage.js").Store} store
 * @returns {{items: object[], record: object, damaged: null|"kept"|"stuck"}}
 */
export function readRecord(store) {
  const record = store.getData("record", null);
  const stuck = record === null && store.readRaw(store.dataKey("record")).status === "ok";
  const kept = store.keptAside(store.dataKey("record"));
  return { items: record ? record.items : [], record: record ?? { items: [] }, damaged: stuck ? "stuck" : kept ? "kept" : null };
}

/**
 * A text box of the record with what prints instead of it: the text, or "not written yet" rather than an
 * empty box. `shown` turns the box's value into the printed words ("" when blank).
 */
function printedTwin(control, shown) {
  const twin = h("div", { class: "rs-print-answer rs-record-print", "aria-hidden": "true" });
  const mirror = () => {
    const words = shown(control.value);
    twin.replaceChildren(words ? bdi(words) : t("record_not_written"));
    twin.classList.toggle("rs-record-print--blank", !words);
  };
  mirror();
  control.addEventListener("input", mirror);
  return twin;
}

/** A CPD detail's field (a date, or the time spent in words) and what prints instead of it. */
function cpdField(app, item, key, label) {
  const fieldId = `rs-record-${item.exercise}-${key}`;
  const input = h("input", { id: fieldId, class: "rs-input", type: key === "date" ? "date" : "text", "data-rs-record-field": key,
    ...(key === "time_spent" ? { "aria-describedby": `${fieldId}-hint` } : {}) });
  input.value = String(item[key] || "");
  const twin = printedTwin(input, (value) => cpdText(key, value));
  input.addEventListener("input", () => app.update((record) => setItemField(record, item.exercise, key, input.value)));
  const hint = key === "time_spent" ? h("p", { class: "rs-field__hint", id: `${fieldId}-hint` }, t("record_time_spent_hint")) : null;
  return h("div", { class: "rs-field rs-field--short" }, h("label", { for: fieldId, class: "rs-field__label" }, label), hint, input, twin);
}

/** One of the learner's three answers for an item. */
function answerField(app, item, key, label) {
  const fieldId = `rs-record-${item.exercise}-${key}`;
  const area = h("textarea", { id: fieldId, class: "rs-textarea", rows: 4, "data-rs-record-field": key, "aria-describedby": REMINDER_ID });
  area.value = String(item[key] || "");
  const twin = printedTwin(area, (value) => (value.trim() === "" ? "" : value));
  area.addEventListener("input", () => app.update((record) => setItemField(record, item.exercise, key, area.value)));
  return h("div", { class: "rs-field" }, h("label", { for: fieldId, class: "rs-field__label" }, label), area, twin);
}

/** The learner's name for the print and documents (optional), the CPD choice, and the print's heading. */
function header(app, stored) {
  const name = h("input", { id: "rs-record-name", class: "rs-input", type: "text", autocomplete: "name", "data-rs-record-name": "",
    "aria-describedby": "rs-record-name-hint" });
  name.value = String(stored.name || "");
  const printed = h("p", { class: "rs-record-made rs-print-only", "data-rs-record-made": "" });
  const showMade = () => printed.replaceChildren(...(name.value.trim() ? [t("record_name_line_print"), " ", bdi(name.value), h("br"), ""] : []),
    t("record_made_on", { date: formatDate(new Date()) }));
  showMade();
  name.addEventListener("input", () => {
    showMade();
    app.update((record) => setRecordSetting(record, "name", name.value));
  });
  const cpd = h("input", { type: "checkbox", id: "rs-record-cpd", "data-rs-record-cpd": "" });
  cpd.checked = Boolean(stored.cpd);
  cpd.addEventListener("change", () => {
    app.update((record) => setRecordSetting(record, "cpd", cpd.checked));
    app.render();
    app.root.querySelector("#rs-record-cpd")?.focus();
  });
  return [
    h("div", { class: "rs-record-settings" },
      h("div", { class: "rs-field rs-field--short" },
        h("label", { for: "rs-record-name", class: "rs-field__label" }, t("record_name_label")),
        h("p", { class: "rs-field__hint", id: "rs-record-name-hint" }, t("record_name_hint")),
        name),
      h("div", { class: "rs-choice__option" }, cpd, h("label", { for: "rs-record-cpd", class: "rs-choice__label" }, t("record_cpd_label")))),
    printed,
  ];
}

/** The saved entries to choose from, each ticked when the record has it. */
function picker(app, entries, chosen) {
  const fieldset = h("fieldset", { class: "rs-choice rs-record-picker" }, h("legend", { class: "rs-choice__legend" }, t("record_choose")));
  if (entries.length === 0) fieldset.append(h("p", {}, t("record_nothing_saved")));
  for (const entry of entries) {
    const id = `rs-record-${entry.exercise}`;
    const box = h("input", { type: "checkbox", id, "data-rs-record-pick": entry.exercise });
    box.checked = chosen.has(entry.exercise);
    box.addEventListener("change", () => {
      app.update((record) => pickEntry(record, entry, box.checked));
      app.render();
    });
    fieldset.append(h("div", { class: "rs-choice__option" }, box, h("label", { for: id, class: "rs-choice__label" }, bdi(entry.title))));
  }
  return fieldset;
}

/** One item of the record: its entry's answers (printed opened out) and the learner's own words. */
function itemSection(app, item, entry, cpd) {
  return h("section", { class: "rs-record-item", "data-rs-record-item": item.exercise },
    h("h2", {}, bdi(item.title ?? item.exercise)),
    entry ? writtenAs(entry) : null,
    // Printed opened out (rs-print-open), so the answers are part of the printed record.
    h("details", { class: "rs-print-open" }, h("summary", {}, t("record_my_answers")), entry ? readableList(entry) : h("p", {}, t("record_answers_gone"))),
    ...(cpd ? CPD_FIELDS.map(([key, label]) => cpdField(app, item, key, label)) : []),
    ...FIELDS.map(([key, label]) => answerField(app, item, key, label)));
}

/** Print, Markdown and Word, each made from the record as stored when clicked. */
function recordButtons({ store, status }) {
  const print = h("button", { type: "button", class: "rs-button", "data-rs-action": "print" }, t("record_print"));
  print.addEventListener("click", () => window.print());
  const markdown = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "markdown" }, t("record_download"));
  markdown.addEventListener("click", () => {
    const stored = readRecord(store).record;
    download(`${t("record_file_name", { date: isoDay() })}.md`,
      recordMarkdown(stored.items, new Date(), store.list().entries, { name: stored.name, cpd: stored.cpd }), "text/markdown");
  });
  const word = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "word" }, t("record_word"));
  word.addEventListener("click", () => downloadWord(wordFileName(t("record_word_file")),
    () => recordBlocks(readRecord(store).record, new Date(), store.list().entries), status));
  return h("div", { class: "rs-app__buttons" }, print, markdown, word);
}

/** @param {HTMLElement} root */
export function mount(root) {
  const started = startApp(root);
  if (!started) return;
  const { store, status, body } = started;
  const app = {
    root, store, status,
    /** Save a change made over the record as stored now (another tab's changes kept), unless it is stuck. */
    update(change) {
      const current = readRecord(store);
      if (current.damaged === "stuck") {
        status.textContent = t("record_not_saved_damaged");
        return;
      }
      const result = store.setData("record", change(current.record));
      const saved = store.shared ? t("record_saved_shared") : t("record_saved");
      status.textContent = result.ok ? saved : t("record_not_saved");
    },
    render() {
      const entries = store.list().entries;
      const record = readRecord(store);
      const chosen = new Map(record.items.map((item) => [item.exercise, item]));
      const damaged = record.damaged
        ? [h("p", { class: "rs-app__note", "data-rs-record-damaged": record.damaged },
          record.damaged === "kept" ? t("record_damaged_kept") : t("record_damaged_stuck"))]
        : [];
      const items = [...chosen.values()];
      const sections = items.map((item) => itemSection(app, item,
        entries.find((candidate) => candidate.exercise === item.exercise), record.record.cpd));
      const reminder = h("p", { class: "rs-reminder", id: REMINDER_ID }, h("strong", {}, t("reminder_title")), " ", t("reminder"));
      body.replaceChildren(...damaged, picker(app, entries, chosen), ...(items.length
        ? [...header(app, record.record), recordButtons(app), reminder, ...sections] : []));
    },
  };
  app.render();

  // Another tab changed the record or a saved exercise: show the newer text, so a stale box here can never
  // write over it, and keep the place of whoever is typing here (lib/dom.js).
  window.addEventListener("storage", (event) => {
    if (event.storageArea !== store.area || (event.key !== null && !event.key.startsWith(store.prefix))) return;
    redrawKeepingPlace(root, () => app.render(), "data-rs-record-item");
  });
}
