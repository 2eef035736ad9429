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

import { bdi, h } from "../lib/dom.js";
import { download } from "../lib/download.js";
import { formatDate, readableList, writtenAs, writtenAsText } from "../lib/entries.js";
import { escapeMarkdown, escapeMarkdownInline } from "../lib/markdown.js";
import { FAILURE_MESSAGES, siteStore } from "../lib/storage.js";
import { formatDate as dateInWords, t } from "../lib/strings.js";
import { isolate } from "../lib/text.js";

/** The id of the privacy reminder every text box of the record is described by. */
export const REMINDER_ID = "rs-record-reminder";

const FIELDS = [
  ["did", t("record_field_did")],
  ["learned", t("record_field_learned")],
  ["difference", t("record_field_difference")],
];

/**
 * The record as Markdown. User text is escaped (lib/markdown.js) so every line reads back as the same text.
 * @param {{exercise: string, title: string, updated: string, did?: string, learned?: string, difference?: string}[]} items
 * @param {Date} [today]
 * @param {{exercise: string, role?: string}[]} [entries] the saved answers, for the role each was written in
 */
export function recordMarkdown(items, today = new Date(), entries = []) {
  const made = dateInWords(today, { day: "numeric", month: "numeric", year: "numeric" });
  const parts = [`# ${t("record_title")}`, "", t("record_made_on", { date: made })];
  for (const item of items) {
    parts.push("", `## ${isolate(escapeMarkdownInline(item.title ?? item.exercise))}`, "", t("record_last_changed", { date: formatDate(item.updated) }));
    const role = writtenAsText(entries.find((entry) => entry.exercise === item.exercise) || {});
    if (role) parts.push("", role);
    for (const [key, label] of FIELDS) parts.push("", `### ${label}`, "", isolate(escapeMarkdown(item[key])) || t("record_not_written"));
  }
  return `${parts.join("\n")}\n`;
}

/**
 * The saved record's items, and what became of a damaged one: "kept" when it has been moved aside (under
 * "corrupt:data:record", exported in backups), "stuck" when it is still in place because it could not be
 * moved (a full or blocked store): then nothing may be saved over it.
 * @param {import("../lib/storage.js").Store} store
 * @returns {{items: object[], damaged: null|"kept"|"stuck"}}
 */
export function readRecord(store) {
  const record = store.getData("record", null);
  const stuck = record === null && store.readRaw(`${store.prefix}data:record`).status === "ok";
  const aside = `${store.prefix}corrupt:data:record`;
  const kept = Object.keys(store.snapshot()).some((key) => key === aside || key.startsWith(`${aside}:`));
  return { items: record ? record.items : [], damaged: stuck ? "stuck" : kept ? "kept" : null };
}

/** @param {HTMLElement} root */
export function mount(root) {
  const store = siteStore();
  const status = h("p", { class: "rs-app__status", role: "status" });
  const body = h("div", {});
  root.replaceChildren(status, body);
  root.hidden = false;
  if (!store.available()) {
    body.replaceChildren(h("p", { class: "rs-app__error", role: "alert" }, FAILURE_MESSAGES.unavailable));
    return;
  }

  const saveRecord = (record) => {
    if (readRecord(store).damaged === "stuck") {
      status.textContent = t("record_not_saved_damaged");
      return;
    }
    const result = store.setData("record", record);
    const saved = store.shared ? t("record_saved_shared") : t("record_saved");
    status.textContent = result.ok ? saved : t("record_not_saved");
  };

  const render = () => {
    const entries = store.list().entries;
    const record = readRecord(store);
    const chosen = new Map(record.items.map((item) => [item.exercise, item]));
    const damaged = record.damaged
      ? [h("p", { class: "rs-app__note", "data-rs-record-damaged": record.damaged },
        record.damaged === "kept" ? t("record_damaged_kept") : t("record_damaged_stuck"))]
      : [];
    const picker = h("fieldset", { class: "rs-choice rs-record-picker" }, h("legend", { class: "rs-choice__legend" }, t("record_choose")));
    if (entries.length === 0) picker.append(h("p", {}, t("record_nothing_saved")));
    for (const entry of entries) {
      const id = `rs-record-${entry.exercise}`;
      const box = h("input", { type: "checkbox", id, "data-rs-record-pick": entry.exercise });
      box.checked = chosen.has(entry.exercise);
      box.addEventListener("change", () => {
        const items = readRecord(store).items.filter((item) => item.exercise !== entry.exercise);
        if (box.checked) items.push({ exercise: entry.exercise, title: entry.title, updated: entry.updated, did: "", learned: "", difference: "" });
        saveRecord({ items });
        render();
      });
      picker.append(h("div", { class: "rs-choice__option" }, box, h("label", { for: id, class: "rs-choice__label" }, bdi(entry.title))));
    }
    const items = [...chosen.values()];
    const sections = items.map((item) => {
      const entry = entries.find((candidate) => candidate.exercise === item.exercise);
      return h("section", { class: "rs-record-item", "data-rs-record-item": item.exercise },
        h("h2", {}, bdi(item.title ?? item.exercise)),
        entry ? writtenAs(entry) : null,
        // Printed opened out (rs-print-open), so the answers are part of the printed record.
        h("details", { class: "rs-print-open" }, h("summary", {}, t("record_my_answers")), entry ? readableList(entry) : h("p", {}, t("record_answers_gone"))),
        ...FIELDS.map(([key, label]) => {
          const fieldId = `rs-record-${item.exercise}-${key}`;
          const area = h("textarea", { id: fieldId, class: "rs-textarea", rows: 4, "data-rs-record-field": key, "aria-describedby": REMINDER_ID });
          area.value = String(item[key] || "");
          // What prints instead of the box: the text, or "not written yet" rather than an empty box.
          const twin = h("div", { class: "rs-print-answer rs-record-print", "aria-hidden": "true" });
          const mirror = () => {
            const blank = area.value.trim() === "";
            twin.replaceChildren(blank ? t("record_not_written") : bdi(area.value));
            twin.classList.toggle("rs-record-print--blank", blank);
          };
          mirror();
          area.addEventListener("input", () => {
            mirror();
            const next = readRecord(store).items.map((stored) => (stored.exercise === item.exercise ? { ...stored, [key]: area.value } : stored));
            saveRecord({ items: next });
          });
          return h("div", { class: "rs-field" }, h("label", { for: fieldId, class: "rs-field__label" }, label), area, twin);
        }));
    });
    const print = h("button", { type: "button", class: "rs-button", "data-rs-action": "print" }, t("record_print"));
    print.addEventListener("click", () => window.print());
    const markdown = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "markdown" }, t("record_download"));
    markdown.addEventListener("click", () => download(`${t("record_file_name", { date: new Date().toISOString().slice(0, 10) })}.md`,
      recordMarkdown(readRecord(store).items, new Date(), store.list().entries), "text/markdown"));
    const reminder = h("p", { class: "rs-reminder", id: REMINDER_ID }, h("strong", {}, t("reminder_title")), " ", t("reminder"));
    body.replaceChildren(...damaged, picker, ...(items.length ? [h("div", { class: "rs-app__buttons" }, print, markdown), reminder, ...sections] : []));
  };
  render();

  // Another tab changed the record or a saved exercise: show the newer text, so a stale box here can never
  // write over it, and keep the place of whoever is typing here.
  window.addEventListener("storage", (event) => {
    if (event.storageArea !== store.area || (event.key !== null && !event.key.startsWith(store.prefix))) return;
    const focused = document.activeElement && root.contains(document.activeElement) ? document.activeElement.id : null;
    const [start, end] = focused ? [document.activeElement.selectionStart, document.activeElement.selectionEnd] : [];
    const opened = [...root.querySelectorAll("[data-rs-record-item] details[open]")].map((details) => details.parentElement.dataset.rsRecordItem);
    render();
    for (const id of opened) root.querySelector(`[data-rs-record-item="${CSS.escape(id)}"] details`)?.setAttribute("open", "");
    const again = focused && document.getElementById(focused);
    if (again) {
      again.focus();
      if (typeof start === "number" && again.setSelectionRange) again.setSelectionRange(start, end);
    }
  });
}
