/**
 * A section of My learning (apps/my-learning.js), "Back up to a file of your choice" (lib/file-backup.js): pick a
 * file once; the page rewrites it after changes (WRITE_AFTER_MS after the last one, at once when the page is
 * hidden) while the browser lets it; after a reload the browser may ask again, which only a click can do, so the
 * button says "Carry on saving to <file>". The section says when the file was last written and any failure.
 * Absent where fileBackupAvailable() is false: nothing is shown.
 */

import { h, textWith, bdi } from "./dom.js";
import {
  WRITE_AFTER_MS, changeNeedsWrite, changedSince, debounce, deleteFileBackup, failureReason, fileBackupAvailable,
  fileBackupStep, forgetChoice, loadChoice, saveChoice, writeFile,
} from "./file-backup.js";
import { t } from "./strings.js";

/** Why a write failed, in words that say what to do (lib/file-backup.js failureReason). */
const FAILURES = {
  permission: () => t("file_backup_failed_permission"),
  missing: () => t("file_backup_failed_missing"),
  full: () => t("file_backup_failed_full"),
  other: () => t("file_backup_failed_other"),
};
const TIME = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" };

/**
 * @param {import("./storage.js").Store} store
 * @param {{name: string, scope: string}} namespace
 * @param {{backupText: () => string, entries: () => object[], written: () => void}} hooks
 *   backupText: the backup as the file holds it; entries: the saved entries; written: a write succeeded
 * @returns {{section: HTMLElement, forget: () => Promise<unknown>}}  forget: for "delete everything"
 */
export function fileBackupSection(store, namespace, hooks) {
  const forgetAll = () => deleteFileBackup(namespace);
  if (!fileBackupAvailable(window, store.shared)) return { section: h("div", {}), forget: forgetAll };
  const note = h("p", { "data-rs-file-backup-note": "", role: "status" });
  const problem = h("div", { "data-rs-file-backup-problem": "" });
  const buttons = h("div", { class: "rs-file-backup__actions" });
  let choice = null;
  let step = "choose";
  let writing = Promise.resolve();

  const button = (action, words, secondary, onClick) => {
    const element = h("button", { type: "button", class: `rs-button${secondary ? " rs-button--secondary" : ""}`,
      "data-rs-action": action }, words);
    element.addEventListener("click", onClick);
    return element;
  };
  const fail = (message) => problem.replaceChildren(h("p", { class: "rs-app__error", role: "alert" }, message));

  const show = () => {
    // A fresh element for each sentence: one node cannot be in two places.
    const name = () => bdi(choice.handle.name);
    const when = choice && choice.written ? new Date(choice.written).toLocaleString(undefined, TIME) : "";
    if (step === "choose") note.replaceChildren(t("file_backup_none"));
    else if (step === "write") {
      note.replaceChildren(when ? textWith("file_backup_written", { name: name(), date: when })
        : textWith("file_backup_not_written", { name: name() }));
    } else if (step === "ask") note.replaceChildren(textWith("file_backup_ask", { name: name() }));
    else note.replaceChildren(textWith("file_backup_denied", { name: name() }));
    const pickWords = step === "choose" ? t("file_backup_choose") : t("file_backup_choose_another");
    const pick = button("file-backup-choose", pickWords, step !== "choose" && step !== "denied", choose);
    buttons.replaceChildren(
      ...(step === "ask"
        ? [button("file-backup-carry-on", textWith("file_backup_carry_on", { name: name() }), false, carryOn)] : []),
      pick,
      ...(choice ? [button("file-backup-stop", t("file_backup_stop"), true, stop)] : []));
  };

  const write = () => {
    writing = writing.then(async () => {
      if (!choice || step !== "write") return;
      const current = choice;
      try {
        await writeFile(current.handle, hooks.backupText());
      } catch (error) {
        if (choice !== current) return;
        fail(FAILURES[failureReason(error)]());
        step = await permission(choice.handle).then((state) => fileBackupStep(choice, state));
        show();
        return;
      }
      // Stopped or deleted meanwhile: nothing is remembered again.
      if (choice !== current) return;
      problem.replaceChildren();
      choice = { ...choice, written: new Date().toISOString() };
      hooks.written();
      await saveChoice(namespace, choice).catch(() => fail(t("file_backup_not_remembered")));
      show();
    });
    return writing;
  };
  const later = debounce(write, WRITE_AFTER_MS);

  async function choose() {
    problem.replaceChildren();
    let handle;
    try {
      handle = await window.showSaveFilePicker({
        suggestedName: `${t("file_backup_file_name")}.json`,
        types: [{ description: t("file_backup_file_type"), accept: { "application/json": [".json"] } }],
      });
    } catch (error) {
      if (!error || error.name !== "AbortError") fail(FAILURES.other());
      return;
    }
    choice = { handle };
    step = "write";
    await saveChoice(namespace, choice).catch(() => fail(t("file_backup_not_remembered")));
    await write();
  }

  async function carryOn() {
    problem.replaceChildren();
    const state = await choice.handle.requestPermission({ mode: "readwrite" }).catch(() => "denied");
    step = fileBackupStep(choice, state);
    show();
    if (step === "write") await write();
  }

  async function stop() {
    choice = null;
    step = "choose";
    problem.replaceChildren();
    await forgetChoice(namespace).catch(() => {});
    show();
    note.replaceChildren(t("file_backup_stopped"));
  }

  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-file-backup-title",
    "data-rs-file-backup": "" },
  h("h2", { id: "rs-file-backup-title" }, t("file_backup_title")),
  h("p", {}, t("file_backup_intro")),
  note, problem, buttons);
  show();

  // Changes made on this page (answers imported, deleted, choices) and in other tabs (module pages).
  section.ownerDocument.addEventListener("change", () => later.schedule());
  section.ownerDocument.addEventListener("click", (event) => {
    if (!section.contains(event.target)) later.schedule();
  });
  window.addEventListener("storage", (event) => {
    if (event.storageArea === store.area && changeNeedsWrite(event.key, store.prefix)) later.schedule();
  });
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && later.flush());
  window.addEventListener("pagehide", () => later.flush());

  loadChoice(namespace).then(async (saved) => {
    if (!saved || choice) return;
    choice = saved;
    step = fileBackupStep(choice, await permission(choice.handle));
    show();
    if (step === "write" && changedSince(hooks.entries(), choice.written)) await write();
  });
  const forget = () => {
    choice = null;
    step = "choose";
    problem.replaceChildren();
    show();
    return writing.then(forgetAll);
  };
  return { section, forget };
}

/** The browser's permission to write the file ("granted", "prompt" or "denied"). */
function permission(handle) {
  return Promise.resolve(handle.queryPermission({ mode: "readwrite" })).catch(() => "denied");
}
