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
import { answerText, changedFields, lostFields, mergeValues, sameValues } from "./field-merge.js";
import { mirrorForPrint, readFields, writeFields } from "./fields.js";
import { describeAnswers } from "./readable.js";
import { pageRole, resolveRoles } from "./role.js";
import { formatDate, formatTime, t, tn } from "./strings.js";
import {
  clearingLeavesStore, emptyEntry, entryToWriteOver, exercisePage, hasOwnChanges, nextEntry, openingStep, saveStep,
  savedNote, worthKeeping,
} from "./exercise-state.js";

export { isEmpty, readAllowsWriting } from "./exercise-state.js";

const SAVE_DELAY_MS = 400;

/**
 * @typedef {object} KindBehaviour
 * @property {(root: HTMLFormElement) => object} [collect]  read the answers (default: every data-rs-field)
 * @property {(root: HTMLFormElement, values: object) => void} [apply]  put answers back
 * @property {(root: HTMLFormElement, values: object) => void} [update]  refresh results after any change
 * @property {(root: HTMLFormElement) => {label: string, text: string}[]} [readable]  plain-text copy of the answers
 */

/**
 * One mounted exercise, as the functions below share it: its form, entry id, store, the kind's behaviour, the
 * parts of the page it writes to and the state that changes as the learner works.
 * @typedef {object} Exercise
 * @property {HTMLFormElement} root
 * @property {string} id
 * @property {import("./storage.js").Store} store
 * @property {Required<KindBehaviour>} kind
 * @property {ReturnType<typeof exerciseView>} view
 * @property {ReturnType<typeof freshState>} state
 */

/**
 * Enhance one exercise form.
 * @param {HTMLFormElement} root
 * @param {KindBehaviour} behaviour
 * @param {{store?: import("./storage.js").Store}} [options]
 */
export function mountExercise(root, behaviour, options = {}) {
  const store = options.store || siteStore();
  const kind = withDefaults(behaviour);
  revealScriptParts(root);
  /** @type {Exercise} */
  const exercise = { root, id: root.dataset.rsExercise, store, kind, view: exerciseView(root), state: freshState() };
  openSaved(exercise);
  listen(exercise);
  followOtherWindows(exercise);
  listenForClear(exercise);
  return {
    save: () => save(exercise),
    flush: () => flush(exercise),
    refresh: () => refresh(exercise),
    /** The stored entry as it stands. */
    entry: () => exercise.state.entry,
    /** Change the stored entry (for example to add a snapshot) and save at once. */
    change: (mutate) => {
      exercise.state.pending.push(mutate);
      save(exercise);
    },
  };
}

/** The kind's behaviour, with the defaults for what it leaves out. */
function withDefaults(behaviour) {
  return {
    collect: behaviour.collect || ((form) => readFields(form)),
    apply: behaviour.apply || ((form, values) => writeFields(form, values)),
    update: behaviour.update || (() => {}),
    readable: behaviour.readable || describeAnswers,
  };
}

/** What an exercise remembers between events. */
function freshState() {
  return {
    timer: null,
    readOnly: false,
    // The stored entry, kept whole so saving answers never drops its flag, snapshots or copies.
    entry: emptyEntry(),
    // What this window last saved or restored: the fields (and flag) it changed since are its own to save.
    base: {},
    baseFlag: false,
    // Changes to the entry (a snapshot) waiting to be saved: applied to the stored entry at the next save.
    pending: [],
    // The saved answer could not be read: saving waits until a read succeeds or the learner says save anyway.
    unread: false,
    saveAnyway: false,
  };
}

/** Show the parts of the form that only work with JavaScript. */
function revealScriptParts(root) {
  for (const element of root.querySelectorAll(".rs-js-only, [data-rs-actions], [data-rs-action]")) element.hidden = false;
}

/** The parts of the form the exercise writes to, with the two it adds: "save anyway" and the kept copies. */
function exerciseView(root) {
  const alertBox = root.querySelector("[data-rs-alert]");
  const saveAnywayButton = h("button", { type: "button", class: "rs-button rs-button--secondary" },
    t("exercise_save_anyway"));
  const heldBox = h("p", { class: "rs-exercise__held", hidden: true }, saveAnywayButton);
  alertBox.after(heldBox);
  const copiesBox = h("details", { class: "rs-exercise__copies", hidden: true });
  root.querySelector("[data-rs-actions]").after(copiesBox);
  return {
    alertBox,
    savedNote: root.querySelector("[data-rs-saved]"),
    flagBox: root.querySelector("[data-rs-flag]"),
    saveAnywayButton,
    heldBox,
    copiesBox,
  };
}

/** Read the answers, refresh the kind's results and the printed copy; returns the answers. */
function refresh({ root, kind }) {
  const values = kind.collect(root);
  kind.update(root, values);
  mirrorForPrint(root);
  return values;
}

function showAlert(view, message) {
  view.alertBox.textContent = message || "";
  view.alertBox.classList.toggle("rs-exercise__alert--shown", Boolean(message));
}

function showNote(view, text) {
  view.savedNote.textContent = text;
}

/** Say that the answer was not saved; returns false, the result of a save that did not store. */
function notSaved(view) {
  showNote(view, t("exercise_not_saved"));
  return false;
}

/** List the entry's kept copies (other versions of answers that a save replaced), keeping the list open or shut. */
function showCopies({ root, view, state }) {
  const { copiesBox } = view;
  const copies = Array.isArray(state.entry.copies) ? state.entry.copies : [];
  copiesBox.hidden = copies.length === 0;
  const open = copiesBox.open;
  copiesBox.replaceChildren(
    h("summary", {}, tn("exercise_copies_summary", copies.length)),
    h("p", {}, t("exercise_copies_intro")),
    h("ul", { class: "rs-exercise__copies-list" }, [...copies].reverse().map((copy) => copyItem(root, copy))),
  );
  copiesBox.open = open;
}

/** Stop saving because the saved answer could not be read (the learner can choose to save anyway). */
function holdSaving({ view, state }) {
  state.unread = true;
  showAlert(view, t("exercise_read_failed"));
  view.heldBox.hidden = false;
  showNote(view, t("exercise_not_saved"));
}

function readSucceeded({ view, state }) {
  if (!state.unread) return;
  state.unread = false;
  view.heldBox.hidden = true;
  showAlert(view, "");
}

/** Has the learner changed the supervision flag in this window since it last saved or restored? */
function ownFlagChanged({ view, state }) {
  return Boolean(view.flagBox) && view.flagBox.checked !== state.baseFlag;
}

/** Put this window's own unsaved changes over another set of values, and show the result. */
function takeOver(exercise, stored) {
  const { root, kind, state } = exercise;
  const values = kind.collect(root);
  const merged = mergeValues({ stored, base: state.base, mine: values, changed: changedFields(state.base, values) });
  state.base = merged.base;
  if (!sameValues(merged.values, values)) kind.apply(root, merged.values);
  return { values: refresh(exercise), overwritten: merged.overwritten };
}

/** A save waiting for the debounce no longer waits. */
function cancelWaitingSave({ root, state }) {
  clearTimeout(state.timer);
  state.timer = null;
  delete root.dataset.rsSaving;
}

/** Save now; true when the answers are stored (or, with nothing to keep, removed). */
function save(exercise) {
  const { store, view, state } = exercise;
  cancelWaitingSave(exercise); // a save now replaces any still waiting
  refresh(exercise);
  if (state.readOnly) return notSaved(view);
  // Read the entry as stored now: another window may have saved since.
  const loaded = store.load(exercise.id);
  const decided = saveStep(loaded, { available: store.available(), saveAnyway: state.saveAnyway });
  if (decided.step === "newer") {
    state.readOnly = true;
    showAlert(view, FAILURE_MESSAGES.newer);
    return notSaved(view);
  }
  if (decided.step === "hold") {
    holdSaving(exercise);
    return false;
  }
  if (decided.writable) readSucceeded(exercise);
  // With the read failing and the learner's say-so, this window's own view of the entry is written.
  return writeEntry(exercise, entryToWriteOver(loaded, decided.writable, state.entry));
}

/** Store this window's answers over the entry `current` and show how it went; true when stored. */
function writeEntry(exercise, current) {
  const { root, store, id, view, state } = exercise;
  const { values, overwritten } = takeOver(exercise, current.values || {});
  const next = nextEntry(current, {
    kind: root.dataset.rsWidget,
    exercise: id,
    title: root.querySelector(".rs-exercise__title").textContent,
    page: exercisePage(root.dataset.rsHome, location),
    updated: new Date().toISOString(),
    values,
    readable: exercise.kind.readable(root),
    flagged: ownFlagChanged(exercise) ? view.flagBox.checked : Boolean(current.flagged),
    // The role whose wording the answers were written in (lib/role.js), when the learner has chosen one.
    role: pageRole() ?? undefined,
  }, { overwritten, pending: state.pending });
  const keep = worthKeeping(values, next);
  const result = keep ? store.save(id, next) : (store.remove(id), { ok: true });
  state.entry = next;
  if (view.flagBox) view.flagBox.checked = Boolean(next.flagged);
  showCopies(exercise);
  if (!result.ok) {
    showAlert(view, FAILURE_MESSAGES[result.reason]);
    return notSaved(view);
  }
  Object.assign(state, { base: values, baseFlag: Boolean(next.flagged), pending: [] });
  state.unread = false; // what is stored is now known: this window's own save
  showAlert(view, "");
  const note = savedNote({ kept: keep, keptCopy: Object.keys(overwritten).length > 0, shared: store.shared });
  showNote(view, note ? SAVED_NOTES[note](formatTime(new Date())) : "");
  return true;
}

/** The note after a save that worked, by savedNote's answer. */
const SAVED_NOTES = {
  "kept-copy": (time) => t("exercise_saved_kept_copy", { time }),
  shared: (time) => t("exercise_saved_at_shared", { time }),
  saved: (time) => t("exercise_saved_at", { time }),
};

/** Save after a pause in typing (the debounce). */
function schedule(exercise) {
  refresh(exercise);
  clearTimeout(exercise.state.timer);
  exercise.state.timer = setTimeout(() => save(exercise), SAVE_DELAY_MS);
  // Marks a change waiting to be saved (the debounce), so tests and styles can tell a settled form.
  exercise.root.dataset.rsSaving = "true";
}

/** Save at once what is waiting for the debounce, if anything. */
function flush(exercise) {
  if (exercise.state.timer !== null) {
    clearTimeout(exercise.state.timer);
    save(exercise);
  }
}

/** Show a saved entry (or, with none, an empty form) as this window's starting point. */
function restore(exercise, saved) {
  const { root, kind, view, state } = exercise;
  state.entry = saved ? { ...saved } : emptyEntry();
  kind.apply(root, saved ? saved.values : {});
  if (view.flagBox) view.flagBox.checked = Boolean(state.entry.flagged);
  state.base = refresh(exercise);
  state.baseFlag = Boolean(state.entry.flagged);
  state.pending = [];
  showCopies(exercise);
}

/** Read the saved entry as the page opens, and show it or say why it cannot be. */
function openSaved(exercise) {
  const { store, view, state } = exercise;
  const loaded = store.load(exercise.id);
  const step = openingStep(loaded, store.available());
  if (step === "restore") {
    restore(exercise, loaded.entry);
    return;
  }
  if (step === "newer") {
    showAlert(view, FAILURE_MESSAGES.newer);
    state.readOnly = true;
    restore(exercise, loaded.entry);
  } else if (step === "hold") holdSaving(exercise);
  else {
    if (loaded.status !== "missing") showAlert(view, FAILURE_MESSAGES[loaded.status]);
    refresh(exercise);
  }
  showNote(view, state.readOnly || state.unread ? t("exercise_not_saved") : "");
}

/** Save as the learner works, when the page is left or hidden, and refresh before printing. */
function listen(exercise) {
  const { root, view, state } = exercise;
  view.saveAnywayButton.addEventListener("click", () => {
    state.saveAnyway = true;
    view.heldBox.hidden = true;
    showAlert(view, "");
    save(exercise);
  });
  const later = () => schedule(exercise);
  root.addEventListener("input", later);
  root.addEventListener("change", (event) => (event.target === view.flagBox ? saveFlag(exercise) : later()));
  root.addEventListener("rs-change", later);
  window.addEventListener("pagehide", () => flush(exercise));
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush(exercise));
  window.addEventListener("beforeprint", () => refresh(exercise));
}

/**
 * Save the supervision flag at once. The agenda message follows only a save that worked; otherwise the alert
 * and "Not saved." stay.
 */
function saveFlag(exercise) {
  const { view } = exercise;
  if (save(exercise)) {
    showNote(view, view.flagBox.checked ? t("exercise_added_to_agenda") : t("exercise_removed_from_agenda"));
  }
}

/** Follow saves of this exercise in other windows (tabs) of the site. */
function followOtherWindows(exercise) {
  exercise.store.subscribe((changedId, changed) => {
    if (changedId === exercise.id) takeOtherWindowsSave(exercise, changed);
  });
}

/** Another window saved (or cleared) this exercise: show its answers, keeping this window's own changes. */
function takeOtherWindowsSave(exercise, changed) {
  const { root, kind, view, state } = exercise;
  readSucceeded(exercise); // another window's value is what is stored now
  const own = changedFields(state.base, kind.collect(root));
  const ownFlag = ownFlagChanged(exercise);
  const lost = changed ? lostFields({ base: state.base, before: state.entry.copies, after: changed.copies, keep: own })
    : new Set();
  if (hasOwnChanges({ own, ownFlag, pending: state.pending })) keepOwnChanges(exercise, changed, ownFlag);
  else restore(exercise, changed);
  if (lost.size > 0) showAlert(view, t("exercise_conflict_lost"));
  showNote(view, changed ? t("exercise_updated_in_other_tab") : t("exercise_cleared_in_other_tab"));
}

/** This window has changes of its own waiting: keep them, take the other window's for the rest. */
function keepOwnChanges(exercise, changed, ownFlag) {
  const { view, state } = exercise;
  state.entry = changed ? { ...changed } : emptyEntry();
  takeOver(exercise, changed ? changed.values : {});
  if (view.flagBox && !ownFlag) view.flagBox.checked = Boolean(state.entry.flagged);
  state.baseFlag = Boolean(state.entry.flagged);
  showCopies(exercise);
}

/** The "Clear" action: after the learner confirms, remove the saved answers and empty the form. */
function listenForClear(exercise) {
  const { root, store, view, state } = exercise;
  root.querySelector('[data-rs-action="clear"]').addEventListener("click", () => {
    if (!window.confirm(t("exercise_clear_confirm"))) return;
    cancelWaitingSave(exercise);
    if (clearingLeavesStore(state)) {
      restore(exercise, null); // the unread or newer answers stay stored, untouched
      return;
    }
    store.remove(exercise.id);
    restore(exercise, null);
    showNote(view, t("exercise_cleared"));
  });
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

/**
 * Read the JSON configuration a template embedded in the exercise, in the wording of the page's role.
 * @param {HTMLElement} root
 */
export function readConfig(root) {
  return resolveRoles(JSON.parse(root.querySelector("[data-rs-config]").textContent), pageRole());
}
