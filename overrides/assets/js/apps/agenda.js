/**
 * Supervision agenda: every entry flagged "bring to my next supervision", ready to print or copy,
 * with a way to clear the flags after the session. User text is only ever set as text, isolated from the
 * site's words (<bdi> on the page, U+2068 … U+2069 in the copied text).
 */

import { h } from "../lib/dom.js";
import { entryTitle, formatDate, groupByModule, readableList, writtenAs, writtenAsText } from "../lib/entries.js";
import { readManifest } from "../lib/progress.js";
import { FAILURE_MESSAGES, siteStore } from "../lib/storage.js";
import { formatDate as dateInWords, t, tn } from "../lib/strings.js";
import { isolate } from "../lib/text.js";

/** Plain text of the agenda, for copying into an email or a supervision record. */
export function agendaText(entries) {
  const blocks = entries.map((entry) => [
    `## ${isolate(entry.title)}`,
    ...(writtenAsText(entry) ? [writtenAsText(entry)] : []),
    ...(entry.readable || []).map((line) => `${isolate(line.label)}\n${isolate(line.text)}`),
  ].join("\n\n"));
  const date = dateInWords(new Date(), { day: "numeric", month: "numeric", year: "numeric" });
  return [`# ${t("agenda_text_title", { date })}`, ...blocks].join("\n\n");
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

  const render = () => {
    const { entries, corrupt } = store.list();
    const flagged = entries.filter((entry) => entry.flagged);
    // Entries that cannot be read are never shown, but the agenda says they exist (My learning lists them).
    const damaged = corrupt.length ? [h("p", { class: "rs-app__note", "data-rs-damaged": "" }, tn("agenda_damaged", corrupt.length))] : [];
    if (flagged.length === 0) {
      body.replaceChildren(h("p", {}, t("agenda_empty")), ...damaged);
      return;
    }
    const print = h("button", { type: "button", class: "rs-button", "data-rs-action": "print" }, t("agenda_print"));
    print.addEventListener("click", () => window.print());
    const copy = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "copy" }, t("agenda_copy"));
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(agendaText(flagged));
        status.textContent = t("agenda_copied");
      } catch {
        status.textContent = t("agenda_copy_failed");
      }
    });
    const clear = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "clear-flags" }, t("agenda_clear"));
    clear.addEventListener("click", () => {
      if (!window.confirm(tn("agenda_clear_confirm", flagged.length))) return;
      // Clearing a flag rewrites the entry; a full or blocked store says so instead of claiming success.
      const failed = flagged
        .map((entry) => store.save(entry.exercise, { ...entry, flagged: false }))
        .find((result) => !result.ok);
      render();
      status.textContent = failed ? FAILURE_MESSAGES[failed.reason] : t("agenda_cleared");
    });
    body.replaceChildren(
      h("p", {}, tn("agenda_count", flagged.length, { date: formatDate(new Date().toISOString()) })),
      h("div", { class: "rs-app__buttons" }, print, copy, clear),
      ...groupByModule(readManifest(), flagged).flatMap((group) => [
        h("h2", {}, group.title),
        ...group.entries.map((entry) => h("article", { class: "rs-saved", "data-rs-agenda-item": entry.exercise },
          h("h3", {}, entryTitle(entry, String(entry.title || entry.exercise))),
          writtenAs(entry),
          readableList(entry))),
      ]),
      ...damaged,
    );
  };
  render();
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.storageArea === store.area) render();
  });
}
