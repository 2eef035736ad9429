/**
 * What every exercise does the same way: reveal its JavaScript-only parts, restore saved answers,
 * autosave (debounced), follow changes from other tabs, clear on request, flag for supervision,
 * and report storage problems. A kind's script supplies how to read, write and summarise its answers.
 */

import { FAILURE_MESSAGES, siteStore } from "./storage.js";
import { mirrorForPrint, readFields, writeFields } from "./fields.js";
import { describeAnswers } from "./readable.js";
import { pageRole, resolveRoles } from "./role.js";
import { formatTime, t } from "./strings.js";

const SAVE_DELAY_MS = 400;

/**
 * @typedef {object} KindBehaviour
 * @property {(root: HTMLFormElement) => object} [collect]  read the answers (default: every data-rs-field)
 * @property {(root: HTMLFormElement, values: object) => void} [apply]  put answers back
 * @property {(root: HTMLFormElement, values: object) => void} [update]  refresh results after any change
 * @property {(root: HTMLFormElement) => {label: string, text: string}[]} [readable]  plain-text copy of the answers
 */

/**
 * Enhance one exercise form.
 * @param {HTMLFormElement} root
 * @param {KindBehaviour} behaviour
 * @param {{store?: import("./storage.js").Store}} [options]
 */
export function mountExercise(root, behaviour, options = {}) {
  const store = options.store || siteStore();
  const id = root.dataset.rsExercise;
  const collect = behaviour.collect || ((form) => readFields(form));
  const apply = behaviour.apply || ((form, values) => writeFields(form, values));
  const update = behaviour.update || (() => {});
  const readable = behaviour.readable || describeAnswers;
  const alertBox = root.querySelector("[data-rs-alert]");
  const savedNote = root.querySelector("[data-rs-saved]");
  const flagBox = root.querySelector("[data-rs-flag]");
  let timer = null;
  let readOnly = false;
  // The stored entry, kept whole so saving answers never drops its flag or snapshots.
  let entry = { flagged: false, snapshots: [] };

  for (const element of root.querySelectorAll(".rs-js-only, [data-rs-actions], [data-rs-action]")) element.hidden = false;

  const refresh = () => {
    const values = collect(root);
    update(root, values);
    mirrorForPrint(root);
    return values;
  };

  const showAlert = (message) => {
    alertBox.textContent = message || "";
    alertBox.classList.toggle("rs-exercise__alert--shown", Boolean(message));
  };

  const save = () => {
    clearTimeout(timer); // a save now replaces any still waiting
    timer = null;
    delete root.dataset.rsSaving;
    const values = refresh();
    if (readOnly) return;
    if (isEmpty(values) && !entry.flagged && !(entry.snapshots || []).length) {
      store.remove(id);
      savedNote.textContent = "";
      return;
    }
    entry = {
      ...entry,
      kind: root.dataset.rsWidget,
      exercise: id,
      title: root.querySelector(".rs-exercise__title").textContent,
      // The page the exercise belongs to: its module, even when answered on a handouts page.
      page: root.dataset.rsHome ? new URL(root.dataset.rsHome, location.href).pathname : location.pathname,
      updated: new Date().toISOString(),
      values,
      readable: readable(root),
      // The role whose wording the answers were written in (lib/role.js), when the learner has chosen one.
      role: pageRole() ?? undefined,
    };
    const result = store.save(id, entry);
    if (result.ok) {
      showAlert("");
      savedNote.textContent = t("exercise_saved_at", { time: formatTime(new Date()) });
    } else {
      showAlert(FAILURE_MESSAGES[result.reason]);
      savedNote.textContent = t("exercise_not_saved");
    }
  };

  const schedule = () => {
    refresh();
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
    // Marks a change waiting to be saved (the debounce), so tests and styles can tell a settled form.
    root.dataset.rsSaving = "true";
  };

  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      save();
    }
  };

  const restore = (saved) => {
    entry = saved ? { ...saved } : { flagged: false, snapshots: [] };
    apply(root, saved ? saved.values : {});
    if (flagBox) flagBox.checked = Boolean(entry.flagged);
    refresh();
  };

  const loaded = store.load(id);
  if (loaded.status === "ok") restore(loaded.entry);
  else {
    if (loaded.status !== "missing") showAlert(FAILURE_MESSAGES[loaded.status]);
    if (loaded.status === "newer") {
      readOnly = true;
      restore(loaded.entry);
    } else refresh();
  }

  root.addEventListener("input", schedule);
  root.addEventListener("change", (event) => {
    if (event.target === flagBox) {
      entry.flagged = flagBox.checked;
      save();
      savedNote.textContent = flagBox.checked ? t("exercise_added_to_agenda") : t("exercise_removed_from_agenda");
      return;
    }
    schedule();
  });
  root.addEventListener("rs-change", schedule);
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());
  window.addEventListener("beforeprint", refresh);

  store.subscribe((changedId, changed) => {
    if (changedId !== id || timer !== null) return;
    restore(changed);
    savedNote.textContent = changed ? t("exercise_updated_in_other_tab") : t("exercise_cleared_in_other_tab");
  });

  root.querySelector('[data-rs-action="clear"]').addEventListener("click", () => {
    if (!window.confirm(t("exercise_clear_confirm"))) return;
    clearTimeout(timer);
    timer = null;
    store.remove(id);
    restore(null);
    savedNote.textContent = t("exercise_cleared");
  });

  return {
    save,
    flush,
    refresh,
    /** The stored entry as it stands. */
    entry: () => entry,
    /** Change the stored entry (for example to add a snapshot) and save at once. */
    change: (mutate) => {
      entry = mutate({ ...entry });
      save();
    },
  };
}

/** True when an answers object holds nothing worth keeping. */
export function isEmpty(values) {
  return Object.values(values).every((value) => (Array.isArray(value) ? value.length === 0 : value === "" || value === undefined));
}

/**
 * Read the JSON configuration a template embedded in the exercise, in the wording of the page's role.
 * @param {HTMLElement} root
 */
export function readConfig(root) {
  return resolveRoles(JSON.parse(root.querySelector("[data-rs-config]").textContent), pageRole());
}
