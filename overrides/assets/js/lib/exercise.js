/**
 * What every exercise does the same way: reveal its JavaScript-only parts, restore saved answers,
 * autosave (debounced), follow changes from other tabs, clear on request, flag for supervision,
 * and report storage problems. A kind's script supplies how to read, write and summarise its answers.
 *
 * Two windows, one exercise: each window saves only the fields it changed since it last saved or restored
 * (its "base"), over the entry as stored now, and takes another window's changes to the other fields at once,
 * even with a save of its own waiting. When both changed one field, the later save wins and the other text
 * is kept in the entry's copies, which the exercise lists (field-merge.js).
 * A saved answer that could not be read is never written over: the form stops saving and says so, until a
 * read succeeds or the learner chooses to save anyway.
 */

import { FAILURE_MESSAGES, siteStore } from "./storage.js";
import { h } from "./dom.js";
import { addCopy, answerText, changedFields, lostFields, makeCopy, mergeValues, sameValues } from "./field-merge.js";
import { mirrorForPrint, readFields, writeFields } from "./fields.js";
import { describeAnswers } from "./readable.js";
import { pageRole, resolveRoles } from "./role.js";
import { formatDate, formatTime, t, tn } from "./strings.js";

const SAVE_DELAY_MS = 400;

/**
 * @typedef {object} KindBehaviour
 * @property {(root: HTMLFormElement) => object} [collect]  read the answers (default: every data-rs-field)
 * @property {(root: HTMLFormElement, values: object) => void} [apply]  put answers back
 * @property {(root: HTMLFormElement, values: object) => void} [update]  refresh results after any change
 * @property {(root: HTMLFormElement) => {label: string, text: string}[]} [readable]  plain-text copy of the answers
 */

/**
 * May a form write its entry after this read? Not when the read threw ("unavailable": what is stored is
 * unknown), nor when a damaged value could not be moved aside (it is still under the entry's key). A damaged
 * value kept under "corrupt:" is safe, and so is a missing one.
 * @param {{status: string, kept?: boolean}} loaded  a Store.load() result
 */
export function readAllowsWriting(loaded) {
  if (loaded.status === "unavailable") return false;
  return !(loaded.status === "corrupt" && loaded.kept === false);
}

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
  // The stored entry, kept whole so saving answers never drops its flag, snapshots or copies.
  let entry = { flagged: false, snapshots: [] };
  // What this window last saved or restored: the fields (and flag) it changed since are its own to save.
  let base = {};
  let baseFlag = false;
  // Changes to the entry (a snapshot) waiting to be saved: applied to the stored entry at the next save.
  let pending = [];
  // The saved answer could not be read: saving waits until a read succeeds or the learner says save anyway.
  let unread = false;
  let saveAnyway = false;

  for (const element of root.querySelectorAll(".rs-js-only, [data-rs-actions], [data-rs-action]")) element.hidden = false;

  const saveAnywayButton = h("button", { type: "button", class: "rs-button rs-button--secondary" },
    t("exercise_save_anyway"));
  const heldBox = h("p", { class: "rs-exercise__held", hidden: true }, saveAnywayButton);
  alertBox.after(heldBox);
  const copiesBox = h("details", { class: "rs-exercise__copies", hidden: true });
  root.querySelector("[data-rs-actions]").after(copiesBox);

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

  const showCopies = () => {
    const copies = Array.isArray(entry.copies) ? entry.copies : [];
    copiesBox.hidden = copies.length === 0;
    const open = copiesBox.open;
    copiesBox.replaceChildren(
      h("summary", {}, tn("exercise_copies_summary", copies.length)),
      h("p", {}, t("exercise_copies_intro")),
      h("ul", { class: "rs-exercise__copies-list" }, [...copies].reverse().map((copy) => copyItem(root, copy))),
    );
    copiesBox.open = open;
  };

  /** Stop saving because the saved answer could not be read (the learner can choose to save anyway). */
  const holdSaving = () => {
    unread = true;
    showAlert(t("exercise_read_failed"));
    heldBox.hidden = false;
    savedNote.textContent = t("exercise_not_saved");
  };

  const readSucceeded = () => {
    if (!unread) return;
    unread = false;
    heldBox.hidden = true;
    showAlert("");
  };

  /** Put this window's own unsaved changes over another set of values, and show the result. */
  const takeOver = (stored) => {
    const values = collect(root);
    const merged = mergeValues({ stored, base, mine: values, changed: changedFields(base, values) });
    base = merged.base;
    if (!sameValues(merged.values, values)) apply(root, merged.values);
    return { values: refresh(), overwritten: merged.overwritten };
  };

  /** Save now; true when the answers are stored (or, with nothing to keep, removed). */
  const save = () => {
    clearTimeout(timer); // a save now replaces any still waiting
    timer = null;
    delete root.dataset.rsSaving;
    refresh();
    if (readOnly) {
      savedNote.textContent = t("exercise_not_saved");
      return false;
    }
    // Read the entry as stored now: another window may have saved since.
    const loaded = store.load(id);
    if (loaded.status === "newer") {
      readOnly = true;
      showAlert(FAILURE_MESSAGES.newer);
      savedNote.textContent = t("exercise_not_saved");
      return false;
    }
    // Storage the browser blocks outright holds nothing to write over (and takes no writes: the alert says so).
    const writable = readAllowsWriting(loaded) || !store.available();
    if (!writable && !saveAnyway) {
      holdSaving();
      return false;
    }
    if (writable) readSucceeded();
    // With the read failing and the learner's say-so, this window's own view of the entry is written.
    const current = loaded.status === "ok" ? loaded.entry : writable ? { flagged: false, snapshots: [] } : entry;
    const { values, overwritten } = takeOver(current.values || {});
    const ownFlag = flagBox && flagBox.checked !== baseFlag;
    let next = {
      ...current,
      kind: root.dataset.rsWidget,
      exercise: id,
      title: root.querySelector(".rs-exercise__title").textContent,
      // The page the exercise belongs to: its module, even when answered on a handouts page.
      page: root.dataset.rsHome ? new URL(root.dataset.rsHome, location.href).pathname : location.pathname,
      updated: new Date().toISOString(),
      values,
      readable: readable(root),
      flagged: ownFlag ? flagBox.checked : Boolean(current.flagged),
      // The role whose wording the answers were written in (lib/role.js), when the learner has chosen one.
      role: pageRole() ?? undefined,
    };
    if (next.role === undefined) delete next.role;
    if (Object.keys(overwritten).length) next.copies = addCopy(current.copies, makeCopy(overwritten, "other-window"));
    for (const change of pending) next = change(next);
    const keep = !isEmpty(values) || next.flagged || (next.snapshots || []).length || (next.copies || []).length;
    const result = keep ? store.save(id, next) : (store.remove(id), { ok: true });
    entry = next;
    if (flagBox) flagBox.checked = Boolean(next.flagged);
    showCopies();
    if (!result.ok) {
      showAlert(FAILURE_MESSAGES[result.reason]);
      savedNote.textContent = t("exercise_not_saved");
      return false;
    }
    base = values;
    baseFlag = Boolean(next.flagged);
    pending = [];
    unread = false; // what is stored is now known: this window's own save
    showAlert("");
    const time = formatTime(new Date());
    if (!keep) savedNote.textContent = "";
    else if (Object.keys(overwritten).length) savedNote.textContent = t("exercise_saved_kept_copy", { time });
    else savedNote.textContent = store.shared ? t("exercise_saved_at_shared", { time }) : t("exercise_saved_at", { time });
    return true;
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
    base = refresh();
    baseFlag = Boolean(entry.flagged);
    pending = [];
    showCopies();
  };

  const loaded = store.load(id);
  if (loaded.status === "ok") restore(loaded.entry);
  else {
    if (loaded.status === "newer") {
      showAlert(FAILURE_MESSAGES.newer);
      readOnly = true;
      restore(loaded.entry);
    } else if (!readAllowsWriting(loaded) && store.available()) holdSaving();
    else {
      if (loaded.status !== "missing") showAlert(FAILURE_MESSAGES[loaded.status]);
      refresh();
    }
    savedNote.textContent = readOnly || unread ? t("exercise_not_saved") : "";
  }

  saveAnywayButton.addEventListener("click", () => {
    saveAnyway = true;
    heldBox.hidden = true;
    showAlert("");
    save();
  });

  root.addEventListener("input", schedule);
  root.addEventListener("change", (event) => {
    if (event.target === flagBox) {
      // The agenda message follows only a save that worked; otherwise the alert and "Not saved." stay.
      if (save()) {
        savedNote.textContent = flagBox.checked ? t("exercise_added_to_agenda") : t("exercise_removed_from_agenda");
      }
      return;
    }
    schedule();
  });
  root.addEventListener("rs-change", schedule);
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());
  window.addEventListener("beforeprint", refresh);

  store.subscribe((changedId, changed) => {
    if (changedId !== id) return;
    readSucceeded(); // another window's value is what is stored now
    const values = collect(root);
    const own = changedFields(base, values);
    const ownFlag = flagBox && flagBox.checked !== baseFlag;
    const lost = changed ? lostFields({ base, before: entry.copies, after: changed.copies, keep: own }) : new Set();
    if (own.size === 0 && !ownFlag && pending.length === 0) {
      restore(changed);
    } else {
      // This window has changes of its own waiting: keep them, take the other window's for the rest.
      entry = changed ? { ...changed } : { flagged: false, snapshots: [] };
      takeOver(changed ? changed.values : {});
      if (flagBox && !ownFlag) flagBox.checked = Boolean(entry.flagged);
      baseFlag = Boolean(entry.flagged);
      showCopies();
    }
    if (lost.size > 0) showAlert(t("exercise_conflict_lost"));
    savedNote.textContent = changed ? t("exercise_updated_in_other_tab") : t("exercise_cleared_in_other_tab");
  });

  root.querySelector('[data-rs-action="clear"]').addEventListener("click", () => {
    if (!window.confirm(t("exercise_clear_confirm"))) return;
    clearTimeout(timer);
    timer = null;
    delete root.dataset.rsSaving;
    if (readOnly || (unread && !saveAnyway)) {
      restore(null); // the unread or newer answers stay stored, untouched
      return;
    }
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
      pending.push(mutate);
      save();
    },
  };
}

/**
 * One kept copy, as text: when and why it was kept, then each replaced answer under its field's label.
 * @param {HTMLFormElement} root
 * @param {{taken: string, reason: string, values: object}} copy
 */
function copyItem(root, copy) {
  const taken = new Date(copy.taken);
  const when = Number.isNaN(taken.getTime()) ? { date: copy.taken, time: "" }
    : { date: formatDate(taken), time: formatTime(taken) };
  const reasons = {
    "other-window": () => t("exercise_copy_other_window", when),
    import: () => t("exercise_copy_import", when),
  };
  const heading = Object.hasOwn(reasons, copy.reason) ? reasons[copy.reason]() : t("exercise_copy_replaced", when);
  return h("li", {}, h("p", {}, heading), h("dl", {}, Object.entries(copy.values || {}).flatMap(([field, answer]) => [
    h("dt", {}, h("bdi", {}, fieldLabel(root, field))),
    h("dd", { class: "rs-exercise__copy-text", dir: "auto" }, answerText(optionLabel(root, field, answer))),
  ])));
}

/** The words that label a field on the form (its legend for a choice, else its label), or its id. */
function fieldLabel(root, field) {
  const control = root.querySelector(`[data-rs-field="${CSS.escape(field)}"]`);
  if (!control) return field;
  const legend = (control.type === "radio" || control.type === "checkbox") && control.closest("fieldset")
    && control.closest("fieldset").querySelector("legend");
  const label = legend || (control.labels && control.labels[0]);
  return label ? label.textContent.replace(/\s+/g, " ").trim() : field;
}

/** A choice's answer as the words of its option, not its code. */
function optionLabel(root, field, answer) {
  if (typeof answer !== "string") return answer;
  const option = root.querySelector(`[data-rs-field="${CSS.escape(field)}"][value="${CSS.escape(answer)}"]`);
  const label = option && option.labels && option.labels[0];
  return label ? label.textContent.replace(/\s+/g, " ").trim() : answer;
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
