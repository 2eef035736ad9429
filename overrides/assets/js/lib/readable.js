/**
 * A plain-text copy of an exercise's answers, in page order, for My learning, the agenda and the record.
 * Labels come from the form itself (legends and labels), so the copy reads the way the exercise does.
 */

import { pageRole, visibleText } from "./role.js";
import { t } from "./strings.js";

function clean(text) {
  return (text || "").replace(/\s+/g, " ").trim();
}

function labelFor(control) {
  const label = control.id ? control.ownerDocument.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  return clean(label ? visibleText(label, pageRole()) : control.getAttribute("aria-label"));
}

/** A control's label, led by the name of the goal it belongs to (if any), such as "Goal 1: Specific". */
function inGroup(control, label) {
  const goal = control.closest("[data-rs-goal]");
  const legend = goal && goal.querySelector("legend");
  return legend ? t("readable_group_label", { group: clean(visibleText(legend, pageRole())), label }) : label;
}

/**
 * Describe every answered control inside a form as {label, text}.
 * @param {ParentNode} root
 * @returns {{label: string, text: string}[]}
 */
export function describeAnswers(root) {
  const lines = [];
  for (const control of root.querySelectorAll("[data-rs-field]")) {
    if (control.type === "radio") {
      if (!control.checked) continue;
      const legend = control.closest("fieldset")?.querySelector("legend");
      lines.push({ label: inGroup(control, clean(legend ? visibleText(legend, pageRole()) : control.name)), text: labelFor(control) });
    } else if (control.type === "checkbox") {
      if (control.checked) lines.push({ label: inGroup(control, labelFor(control)), text: t("readable_yes") });
    } else if (control.value.trim() !== "") {
      lines.push({ label: inGroup(control, labelFor(control)), text: control.value });
    }
  }
  return lines;
}
