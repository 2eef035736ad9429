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
  root.querySelector('[data-rs-action="print"]').addEventListener("click", () => window.print());
}
