/**
 * Supervision agenda: the learner's own items and every entry flagged "bring to my next supervision", in the
 * learner's order (Move up / Move down buttons), with a choice of which answers of each exercise go in. Ready to
 * print (on one page when short), copy as text or download as a Word document; cleared after the session.
 * The order, own items and choices are saved state (`data:agenda`, lib/agenda.js). User text is only ever set
 * as text, isolated from the site's words (<bdi> on the page, U+2068 … U+2069 in the copied text).
 */

import { failureText, startApp } from "../lib/app.js";
import {
  EMPTY_AGENDA, addOwnItem, agendaView, clearedAgenda, includeAnswer, includedLines, moveItem, removeOwnItem,
} from "../lib/agenda.js";
import { answerInWords, formatDate } from "../lib/dates.js";
import { bdi, h } from "../lib/dom.js";
import { entryTitle, writtenAs, writtenAsText } from "../lib/entries.js";
import { t, tn } from "../lib/strings.js";
import { isolate } from "../lib/text.js";
import { downloadWord, wordFileName } from "../lib/word.js";

/**
 * Plain text of the agenda, for copying into an email or a supervision record.
 * @param {ReturnType<typeof agendaView>} shown
 * @param {Date} [today]
 */
export function agendaText(shown, today = new Date()) {
  const blocks = shown.map((item) => {
    if (item.text !== undefined) return `## ${isolate(item.text)}`;
    return [
      `## ${isolate(item.entry.title || item.entry.exercise)}`,
      ...(writtenAsText(item.entry) ? [writtenAsText(item.entry)] : []),
      ...includedLines(item.entry, item.omit).map((line) => `${isolate(line.label)}\n${isolate(line.text)}`),
    ].join("\n\n");
  });
  return [`# ${t("agenda_text_title", { date: formatDate(today) })}`, ...blocks].join("\n\n");
}

/**
 * The agenda as the blocks of a Word document (lib/word.js).
 * @param {ReturnType<typeof agendaView>} shown
 * @param {Date} [today]
 */
export function agendaBlocks(shown, today = new Date()) {
  const blocks = [
    { heading: t("agenda_word_title"), level: 1 },
    { paragraph: t("agenda_word_made", { date: formatDate(today) }) },
  ];
  shown.forEach((item, index) => {
    const number = `${index + 1}. `;
    if (item.text !== undefined) {
      blocks.push({ heading: `${number}${item.text}`, level: 2 });
      return;
    }
    blocks.push({ heading: `${number}${item.entry.title || item.entry.exercise}`, level: 2 });
    if (writtenAsText(item.entry)) blocks.push({ paragraph: writtenAsText(item.entry) });
    const lines = includedLines(item.entry, item.omit);
    const header = [t("agenda_word_question"), t("agenda_word_answer")];
    if (lines.length) blocks.push({ table: [header, ...lines.map((line) => [line.label, line.text])] });
  });
  return blocks;
}

/** A button of the agenda, named by its data-rs-action. */
function actionButton(action, words, { primary = false, type = "button", ...attrs } = {}) {
  const style = primary ? "rs-button" : "rs-button rs-button--secondary";
  return h("button", { type, class: style, "data-rs-action": action, ...attrs }, words);
}

/** The form that adds an item of the learner's own. */
function addForm(app) {
  const input = h("textarea", { id: "rs-agenda-new", class: "rs-textarea", rows: 2, "data-rs-agenda-new": "" });
  const form = h("form", { class: "rs-agenda__add" },
    h("label", { for: "rs-agenda-new", class: "rs-field__label" }, t("agenda_add_label")),
    input,
    actionButton("add-item", t("agenda_add"), { type: "submit" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim() === "") {
      app.status.textContent = t("agenda_add_empty");
      return;
    }
    const text = input.value;
    const added = app.save((agenda, flagged) => addOwnItem(agenda, flagged, text), "rs-agenda-new");
    if (added) app.status.textContent = t("agenda_added");
  });
  return form;
}

/** Move up and Move down for an item, each named by the item's title; at either end, disabled (aria). */
function moveButtons(app, item, title, index, count) {
  const button = (step, key, words, named) => {
    const focus = `${key}:${item.id}`;
    const control = actionButton(key, words, { class: "rs-button rs-button--secondary rs-agenda__move", "data-rs-focus": focus,
      "aria-label": named });
    const atEnd = step < 0 ? index === 0 : index === count - 1;
    if (atEnd) control.setAttribute("aria-disabled", "true");
    control.addEventListener("click", () => {
      if (atEnd) return;
      app.save((agenda, flagged) => moveItem(agenda, flagged, item.id, step), focus);
      app.status.textContent = t("agenda_moved", { title, position: index + 1 + step, count });
    });
    return control;
  };
  return [
    button(-1, "move-up", t("agenda_move_up"), t("agenda_move_up_named", { title })),
    button(1, "move-down", t("agenda_move_down"), t("agenda_move_down_named", { title })),
  ];
}

/** Which of a flagged entry's answers go on the agenda, a tick box each. */
function answersChoice(app, item) {
  const lines = Array.isArray(item.entry.readable) ? item.entry.readable : [];
  if (lines.length === 0) return h("p", {}, t("entries_no_answers_copy"));
  return h("fieldset", { class: "rs-agenda__answers" },
    h("legend", { class: "rs-agenda__legend" }, t("agenda_answers_legend")),
    ...lines.map((line, index) => {
      const id = `rs-agenda-${item.entry.exercise}-${index}`;
      const box = h("input", { type: "checkbox", id, "data-rs-agenda-answer": line.label, "data-rs-focus": id });
      box.checked = !item.omit.includes(line.label);
      box.addEventListener("change", () => {
        app.save((agenda, flagged) => includeAnswer(agenda, flagged, item.entry.exercise, line.label, box.checked), id);
      });
      return h("div", { class: `rs-agenda__answer${box.checked ? "" : " rs-agenda__answer--out"}` },
        box,
        h("label", { for: id }, h("strong", {}, bdi(line.label))),
        h("p", { class: "rs-agenda__text" }, bdi(answerInWords(line.text))));
    }));
}

/** One item of the agenda: the learner's own (with Remove) or a flagged entry (with its answers). */
function itemView(app, item, index, count) {
  if (item.text !== undefined) {
    const remove = actionButton("remove-item", t("agenda_remove"), { "aria-label": t("agenda_remove_named", { title: item.text }) });
    remove.addEventListener("click", () => {
      if (app.save((agenda) => removeOwnItem(agenda, item.id), "rs-agenda-new")) app.status.textContent = t("agenda_removed");
    });
    return h("li", { class: "rs-agenda__item", "data-rs-agenda-item": item.id },
      h("h2", { class: "rs-agenda__title" }, bdi(item.text)),
      h("p", { class: "rs-agenda__meta" }, t("agenda_own_item")),
      h("div", { class: "rs-agenda__controls" }, ...moveButtons(app, item, item.text, index, count), remove));
  }
  const title = String(item.entry.title || item.entry.exercise);
  return h("li", { class: "rs-agenda__item", "data-rs-agenda-item": item.entry.exercise },
    h("h2", { class: "rs-agenda__title" }, entryTitle(item.entry, title)),
    writtenAs(item.entry),
    answersChoice(app, item),
    h("div", { class: "rs-agenda__controls" }, ...moveButtons(app, item, title, index, count)));
}

/** Print, Copy, Word and Clear flags, each working from the agenda as stored when clicked. */
function agendaButtons(app, count) {
  const { store, status } = app;
  const print = actionButton("print", t("agenda_print"), { primary: true });
  print.addEventListener("click", () => window.print());
  const copy = actionButton("copy", t("agenda_copy"));
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(agendaText(agendaView(app.readAgenda(), app.flaggedEntries())));
      status.textContent = t("agenda_copied");
    } catch {
      status.textContent = t("agenda_copy_failed");
    }
  });
  const word = actionButton("word", t("agenda_word"));
  word.addEventListener("click", () => downloadWord(wordFileName(t("agenda_word_file")),
    () => agendaBlocks(agendaView(app.readAgenda(), app.flaggedEntries())), status));
  const clear = actionButton("clear-flags", t("agenda_clear"));
  clear.addEventListener("click", () => {
    const flagged = app.flaggedEntries();
    if (!window.confirm(tn("agenda_clear_confirm", count))) return;
    // Clearing a flag rewrites the entry; a full or blocked store says so instead of claiming success.
    const failed = [...flagged.map((entry) => store.save(entry.exercise, { ...entry, flagged: false })),
      store.setData("agenda", clearedAgenda(app.readAgenda()))].find((result) => !result.ok);
    app.render();
    status.textContent = failed ? failureText(failed, "") : t("agenda_cleared");
  });
  return h("div", { class: "rs-app__buttons" }, print, copy, word, clear);
}

/** @param {HTMLElement} root */
export function mount(root) {
  const started = startApp(root);
  if (!started) return;
  const { store, status, body } = started;
  const app = {
    store, status,
    readAgenda: () => store.getData("agenda", null) ?? EMPTY_AGENDA,
    flaggedEntries: () => store.list().entries.filter((entry) => entry.flagged)
      .sort((a, b) => String(a.updated || "").localeCompare(String(b.updated || ""))),
    /** Save a change and show the agenda again, keeping focus on the control that made it (by its data-rs-focus). */
    save(change, focusKey) {
      const result = store.setData("agenda", change(app.readAgenda(), app.flaggedEntries()));
      app.render();
      status.textContent = result.ok ? "" : failureText(result, t("agenda_not_saved"));
      if (focusKey) root.querySelector(`[data-rs-focus="${CSS.escape(focusKey)}"]`)?.focus();
      return result.ok;
    },
    render() {
      const { corrupt } = store.list();
      const shown = agendaView(app.readAgenda(), app.flaggedEntries());
      // Entries that cannot be read are never shown, but the agenda says they exist (My learning lists them).
      const damaged = corrupt.length
        ? [h("p", { class: "rs-app__note", "data-rs-damaged": "" }, tn("agenda_damaged", corrupt.length))] : [];
      if (shown.length === 0) {
        body.replaceChildren(h("p", { class: "rs-agenda__empty" }, t("agenda_empty")), addForm(app), ...damaged);
        return;
      }
      body.replaceChildren(
        h("p", {}, tn("agenda_count", shown.length, { date: formatDate(new Date()) })),
        agendaButtons(app, shown.length),
        h("ol", { class: "rs-agenda" }, ...shown.map((item, index) => itemView(app, item, index, shown.length))),
        addForm(app),
        ...damaged,
      );
    },
  };
  app.render();
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.storageArea === store.area) app.render();
  });
}
