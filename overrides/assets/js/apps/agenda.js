/**
 * Supervision agenda: every entry flagged "bring to my next supervision", ready to print or copy,
 * with a way to clear the flags after the session. User text is only ever set as text.
 */

import { h } from "../lib/dom.js";
import { entryLink, formatDate, groupByModule, readableList } from "../lib/entries.js";
import { readManifest } from "../lib/progress.js";
import { siteStore } from "../lib/storage.js";

/** Plain text of the agenda, for copying into an email or a supervision record. */
export function agendaText(entries) {
  const blocks = entries.map((entry) => [
    `## ${entry.title}`,
    ...(entry.readable || []).map((line) => `${line.label}\n${line.text}`),
  ].join("\n\n"));
  return [`# Things to bring to supervision (${new Date().toLocaleDateString("en-GB")})`, ...blocks].join("\n\n");
}

/** @param {HTMLElement} root */
export function mount(root) {
  const store = siteStore();
  const status = h("p", { class: "rs-app__status", role: "status" });
  const body = h("div", {});
  root.replaceChildren(status, body);
  root.hidden = false;

  const render = () => {
    const flagged = store.list().entries.filter((entry) => entry.flagged);
    if (flagged.length === 0) {
      body.replaceChildren(h("p", {}, "Nothing on your agenda yet. In any exercise, tick \"Bring this to my next supervision\" and it appears here."));
      return;
    }
    const print = h("button", { type: "button", class: "rs-button", "data-rs-action": "print" }, "Print the agenda");
    print.addEventListener("click", () => window.print());
    const copy = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "copy" }, "Copy as text");
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(agendaText(flagged));
        status.textContent = "Agenda copied. Paste it wherever you need it.";
      } catch {
        status.textContent = "Your browser did not allow copying. Select the text on the page and copy it instead.";
      }
    });
    const clear = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "clear-flags" }, "Clear the agenda after the session");
    clear.addEventListener("click", () => {
      if (!window.confirm(`Take all ${flagged.length} item(s) off the agenda? Your answers stay saved.`)) return;
      for (const entry of flagged) store.save(entry.exercise, { ...entry, flagged: false });
      status.textContent = "The agenda is clear. Your answers are still saved in My learning.";
      render();
    });
    body.replaceChildren(
      h("p", {}, `${flagged.length} item(s) to bring, as of ${formatDate(new Date().toISOString())}.`),
      h("div", { class: "rs-app__buttons" }, print, copy, clear),
      ...groupByModule(readManifest(), flagged).flatMap((group) => [
        h("h2", {}, group.title),
        ...group.entries.map((entry) => h("article", { class: "rs-saved", "data-rs-agenda-item": entry.exercise },
          h("h3", {}, h("a", { href: entryLink(entry) }, String(entry.title))),
          readableList(entry))),
      ]),
    );
  };
  render();
  window.addEventListener("storage", render);
}
