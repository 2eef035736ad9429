/**
 * A module's handouts page: say which copies are on screen (blank, or with saved answers), link to the
 * other kind, offer the wording to print (for NQSWs, the default, or for supervisors: ?role=, read before the
 * first paint by assets/js/head.js) and a Print button. Blank copies are never enhanced (see app.js), so
 * they cannot show saved answers.
 */

import { t } from "../lib/strings.js";

/** @param {HTMLElement} root */
export function mount(root) {
  const params = new URLSearchParams(location.search);
  const withAnswers = params.get("copy") === "answers";
  const mode = withAnswers ? "answers" : "blank";
  const role = params.get("role") === "supervisor" ? "supervisor" : "nqsw";
  root.hidden = false;
  root.querySelector("[data-rs-handouts-mode]").textContent = withAnswers ? t("handouts_with_answers") : t("handouts_blank");
  // Each link keeps the other choice: blank or with answers, and the wording.
  const address = (copy, wording) => `./?${new URLSearchParams({
    ...(copy === "answers" ? { copy } : {}), ...(wording === "supervisor" ? { role: wording } : {}) })}`.replace(/\?$/, "");
  for (const link of root.querySelectorAll("[data-rs-copy]")) {
    link.href = address(link.dataset.rsCopy, role);
    if (link.dataset.rsCopy === mode) link.setAttribute("aria-current", "page");
  }
  for (const link of root.querySelectorAll("[data-rs-role-link]")) {
    link.href = address(mode, link.dataset.rsRoleLink);
    if (link.dataset.rsRoleLink === role) link.setAttribute("aria-current", "page");
  }
  root.querySelector('[data-rs-action="print"]').addEventListener("click", () => printSheets(null));
  for (const button of document.querySelectorAll("[data-rs-print-one]")) {
    button.hidden = false;
    button.addEventListener("click", () => printSheets(button.dataset.rsPrintOne));
  }
}

/**
 * Print every sheet, or one exercise alone: the others carry data-rs-not-printed (hidden in print by
 * handouts.css) until the print dialog closes.
 * @param {string | null} only the exercise id of the one sheet to print, or null for all
 */
export function printSheets(only) {
  const sheets = [...document.querySelectorAll("[data-rs-sheet]")];
  const handouts = document.querySelector("[data-rs-blank]");
  for (const sheet of sheets) sheet.toggleAttribute("data-rs-not-printed", only !== null && sheet.dataset.rsSheet !== only);
  handouts.toggleAttribute("data-rs-printing-one", only !== null);
  window.addEventListener("afterprint", () => {
    for (const sheet of sheets) sheet.removeAttribute("data-rs-not-printed");
    handouts.removeAttribute("data-rs-printing-one");
  }, { once: true });
  window.print();
}
