/**
 * Supervision agreement builder: save the answers, count filled fields, list the essential fields
 * still empty (each a link that moves focus to its field), and print the agreement on its own.
 */

import { h } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { t } from "../lib/strings.js";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  const count = root.querySelector("[data-rs-count]");
  const missingBox = root.querySelector("[data-rs-missing]");
  let shownMissing = null;

  missingBox.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  });

  root.querySelector('[data-rs-action="print"]').addEventListener("click", () => {
    const restore = isolateForPrint(root);
    window.addEventListener("afterprint", restore, { once: true });
    window.print();
  });

  return mountExercise(root, {
    update: (form, values) => {
      const result = completion(config, values);
      const text = t("agreement_count", { filled: result.filled, total: result.total });
      if (count.textContent !== text) count.textContent = text;
      const key = result.missing.map((field) => field.id).join(" ");
      if (key !== shownMissing) {
        shownMissing = key;
        showMissing(missingBox, result);
      }
      markFilled(form, config, values);
    },
  });
}

/**
 * How complete the agreement is: fields filled, and the essential fields still empty (in form order).
 * @param {{fields: {id: string, label: string, essential: boolean, target: string}[]}} config
 * @param {Record<string, string>} values
 */
export function completion(config, values) {
  const isFilled = (field) => typeof values[field.id] === "string" && values[field.id].trim() !== "";
  const essentials = config.fields.filter((field) => field.essential);
  return {
    filled: config.fields.filter(isFilled).length,
    total: config.fields.length,
    essentials: essentials.length,
    missing: essentials.filter((field) => !isFilled(field)),
  };
}

/**
 * Hide everything on the page except this form, for print only, by marking the siblings of the form
 * and of each of its ancestors. Returns a function that takes the marks away again.
 * @param {HTMLElement} root
 */
export function isolateForPrint(root) {
  const marked = [];
  for (let node = root; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling === node || sibling.hasAttribute("data-rs-print-hide")) continue;
      sibling.setAttribute("data-rs-print-hide", "");
      marked.push(sibling);
    }
  }
  return () => {
    for (const element of marked) element.removeAttribute("data-rs-print-hide");
  };
}

function showMissing(box, result) {
  if (result.essentials === 0) {
    box.replaceChildren();
  } else if (result.missing.length === 0) {
    box.replaceChildren(h("p", { class: "rs-agreement__done" }, t("agreement_all_essential_filled")));
  } else {
    box.replaceChildren(
      h("p", {}, t("agreement_essential_missing", { missing: result.missing.length, essentials: result.essentials })),
      h("ul", { class: "rs-agreement__missing-list" }, result.missing.map((field) => h("li", {},
        h("a", { href: `#${field.target}` }, field.label)))),
    );
  }
}

/** Mark each field's wrapper when it has an answer, so print can drop the hint under it. */
function markFilled(root, config, values) {
  for (const field of config.fields) {
    const control = root.querySelector(`[data-rs-field="${CSS.escape(field.id)}"]`);
    const wrapper = control && control.closest(".rs-field, .rs-choice");
    if (wrapper) wrapper.toggleAttribute("data-rs-filled", typeof values[field.id] === "string" && values[field.id].trim() !== "");
  }
}
