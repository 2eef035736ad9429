/**
 * Professional learning record: the learner picks saved entries and, for each, says what they did,
 * what they learned, and the difference to their practice and to the people they work with.
 * Printable, and downloadable as Markdown. Saved on this device like everything else.
 */

import { h } from "../lib/dom.js";
import { download } from "../lib/download.js";
import { formatDate, readableList } from "../lib/entries.js";
import { siteStore } from "../lib/storage.js";
import { formatDate as dateInWords, t } from "../lib/strings.js";

const FIELDS = [
  ["did", t("record_field_did")],
  ["learned", t("record_field_learned")],
  ["difference", t("record_field_difference")],
];

/**
 * The record as Markdown. User text is escaped so it cannot break the document's structure.
 * @param {{exercise: string, title: string, updated: string, did?: string, learned?: string, difference?: string}[]} items
 */
export function recordMarkdown(items, today = new Date()) {
  const escape = (text) => String(text || "").replace(/([\\`*_[\]#<>|])/g, "\\$1");
  const made = dateInWords(today, { day: "numeric", month: "numeric", year: "numeric" });
  const parts = [`# ${t("record_title")}`, "", t("record_made_on", { date: made })];
  for (const item of items) {
    parts.push("", `## ${escape(item.title)}`, "", t("record_last_changed", { date: formatDate(item.updated) }));
    for (const [key, label] of FIELDS) parts.push("", `### ${label}`, "", escape(item[key]) || t("record_not_written"));
  }
  return `${parts.join("\n")}\n`;
}

/** @param {HTMLElement} root */
export function mount(root) {
  const store = siteStore();
  const status = h("p", { class: "rs-app__status", role: "status" });
  const body = h("div", {});
  root.replaceChildren(status, body);
  root.hidden = false;

  const saveRecord = (record) => {
    const result = store.setData("record", record);
    status.textContent = result.ok ? t("record_saved") : t("record_not_saved");
  };

  const render = () => {
    const entries = store.list().entries;
    const record = store.getData("record", { items: [] });
    const chosen = new Map((Array.isArray(record.items) ? record.items : []).map((item) => [item.exercise, item]));
    const picker = h("fieldset", { class: "rs-choice" }, h("legend", { class: "rs-choice__legend" }, t("record_choose")));
    if (entries.length === 0) picker.append(h("p", {}, t("record_nothing_saved")));
    for (const entry of entries) {
      const id = `rs-record-${entry.exercise}`;
      const box = h("input", { type: "checkbox", id, "data-rs-record-pick": entry.exercise });
      box.checked = chosen.has(entry.exercise);
      box.addEventListener("change", () => {
        const items = (store.getData("record", { items: [] }).items || []).filter((item) => item.exercise !== entry.exercise);
        if (box.checked) items.push({ exercise: entry.exercise, title: entry.title, updated: entry.updated, did: "", learned: "", difference: "" });
        saveRecord({ items });
        render();
      });
      picker.append(h("div", { class: "rs-choice__option" }, box, h("label", { for: id, class: "rs-choice__label" }, String(entry.title))));
    }
    const items = [...chosen.values()];
    const sections = items.map((item) => {
      const entry = entries.find((candidate) => candidate.exercise === item.exercise);
      return h("section", { class: "rs-record-item", "data-rs-record-item": item.exercise },
        h("h2", {}, String(item.title)),
        h("details", {}, h("summary", {}, t("record_my_answers")), entry ? readableList(entry) : h("p", {}, t("record_answers_gone"))),
        ...FIELDS.map(([key, label]) => {
          const fieldId = `rs-record-${item.exercise}-${key}`;
          const area = h("textarea", { id: fieldId, class: "rs-textarea", rows: 4, "data-rs-record-field": key });
          area.value = String(item[key] || "");
          const twin = h("div", { class: "rs-print-answer rs-record-print", "aria-hidden": "true" }, area.value);
          area.addEventListener("input", () => {
            twin.textContent = area.value;
            const current = store.getData("record", { items: [] });
            const next = (current.items || []).map((stored) => (stored.exercise === item.exercise ? { ...stored, [key]: area.value } : stored));
            saveRecord({ items: next });
          });
          return h("div", { class: "rs-field" }, h("label", { for: fieldId, class: "rs-field__label" }, label), area, twin);
        }));
    });
    const print = h("button", { type: "button", class: "rs-button", "data-rs-action": "print" }, t("record_print"));
    print.addEventListener("click", () => window.print());
    const markdown = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "markdown" }, t("record_download"));
    markdown.addEventListener("click", () => download(`${t("record_file_name", { date: new Date().toISOString().slice(0, 10) })}.md`,
      recordMarkdown(store.getData("record", { items: [] }).items || []), "text/markdown"));
    body.replaceChildren(picker, ...(items.length ? [h("div", { class: "rs-app__buttons" }, print, markdown), ...sections] : []));
  };
  render();
}
