/**
 * A module's handouts page: say which copies are on screen (blank, or with saved answers), link to the
 * other kind, and offer a Print button. Blank copies are never enhanced (see app.js), so they cannot
 * show saved answers.
 */

import { t } from "../lib/strings.js";

/** @param {HTMLElement} root */
export function mount(root) {
  const withAnswers = new URLSearchParams(location.search).get("copy") === "answers";
  const mode = withAnswers ? "answers" : "blank";
  root.hidden = false;
  root.querySelector("[data-rs-handouts-mode]").textContent = withAnswers ? t("handouts_with_answers") : t("handouts_blank");
  for (const link of root.querySelectorAll("[data-rs-copy]")) {
    if (link.dataset.rsCopy === mode) link.setAttribute("aria-current", "page");
  }
  root.querySelector('[data-rs-action="print"]').addEventListener("click", () => window.print());
}
