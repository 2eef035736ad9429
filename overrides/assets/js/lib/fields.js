/**
 * Read and write the answers of form controls marked with data-rs-field.
 * Values are keyed by field id (an item or prompt id from the exercise file), never by position.
 */

/**
 * Collect non-empty answers inside a container.
 * @param {ParentNode} container
 * @returns {Record<string, string>}
 */
export function readFields(container) {
  const values = {};
  for (const control of container.querySelectorAll("[data-rs-field]")) {
    const field = control.dataset.rsField;
    if (control.type === "radio") {
      if (control.checked) values[field] = control.value;
    } else if (control.type === "checkbox") {
      if (control.checked) values[field] = "yes";
    } else if (control.value.trim() !== "") {
      values[field] = control.value;
    }
  }
  return values;
}

/**
 * Put saved answers back into the controls; fields with no saved value are emptied.
 * @param {ParentNode} container
 * @param {Record<string, unknown>} values
 */
export function writeFields(container, values) {
  for (const control of container.querySelectorAll("[data-rs-field]")) {
    const saved = values[control.dataset.rsField];
    if (control.type === "radio") control.checked = saved !== undefined && String(saved) === control.value;
    else if (control.type === "checkbox") control.checked = saved === "yes";
    else control.value = typeof saved === "string" ? saved : "";
  }
}

/**
 * Copy each text box's value into its print-only twin, so printing shows the whole answer.
 * @param {ParentNode} container
 */
export function mirrorForPrint(container) {
  for (const twin of container.querySelectorAll("[data-rs-print-for]")) {
    const control = twin.parentElement.querySelector(`[data-rs-field="${CSS.escape(twin.dataset.rsPrintFor)}"]`);
    twin.textContent = control ? control.value : "";
  }
}
