/**
 * My learning: everything saved on this device, grouped by module; goals; self-assessment profiles over
 * time; backup and restore; shared-computer mode; delete everything; in an offline copy, answers saved under
 * another folder. User text is only ever set as text, each piece isolated (<bdi>, or lib/text.js isolate()
 * where no element fits) from the site's words.
 * Saved entries are untrusted: each is checked when read (lib/storage.js) and drawn on its own, so one that
 * cannot be shown is listed as damaged and never stops the rest of the page.
 */

import { startApp } from "../lib/app.js";
import { drawChart, drawTable } from "../lib/bar-chart.js";
import { bdi, h, textWith } from "../lib/dom.js";
import { download } from "../lib/download.js";
import { formatDate, entryTitle, goalsFrom, groupByModule, readableList, writtenAs, GOAL_STATUS } from "../lib/entries.js";
import { goalReviewEvent, reviewDateProblem } from "../lib/ics.js";
import { readManifest } from "../lib/progress.js";
import {
  BackupError, MAX_BYTES, applyImport, backupOf, buildBackup, describeItem, moveState, parseBackup, planImport,
} from "../lib/backup.js";
import { LOCKED_MAX_BYTES, canLock, checkLockedBackup, lockBackup, readBackupFile, unlockBackup } from "../lib/backup-lock.js";
import { folderName, otherScopes, rebaseBackup } from "../lib/scopes.js";
import { runsGroups, saveWhoIAm, savedRole, showRole } from "../lib/role.js";
import { Store, setSharedComputerMode } from "../lib/storage.js";
import { t, tn } from "../lib/strings.js";
import { cutText, isolate } from "../lib/text.js";
import { goalsBlocks } from "../lib/goals-word.js";
import { downloadWord, wordFileName } from "../lib/word.js";
import { BACKUP_MADE, keepSafeSection } from "../lib/keep-safe.js";
import { noteBackup } from "../lib/backup-reminder.js";
import { removeOffline } from "../lib/offline-install.js";
import { fileBackupSection } from "../lib/file-backup-section.js";

/** @param {HTMLElement} root */
export function mount(root) {
  const app = startApp(root, { statusTag: "div" });
  if (!app) return;
  const { store, status, body: content } = app;
  const fileBackup = fileBackupSection(store, { name: store.name, scope: store.scope }, {
    backupText: () => backupText(buildBackup(store)),
    entries: () => store.list().entries,
    written: () => backupMade(store),
  });
  const settings = settingsSection(store, status, () => render(), fileBackup.forget);
  root.replaceChildren(status, aboutYouSection(store, status), keepSafeSection(store), backupSection(store, status, () => render()),
    fileBackup.section, settings.section, content);

  const render = () => {
    const { entries, corrupt, newer } = store.list();
    const failed = new Set();
    content.replaceChildren(
      otherFoldersSection(store, entries, status, () => render()),
      goalsSection(goalsFrom(entries), failed),
      profilesSection(entries.filter((entry) => Array.isArray(entry.snapshots) && entry.snapshots.length > 0), failed),
      savedSection(readManifest(), entries, failed),
      damagedSection(store, corrupt, newer, failed),
    );
    settings.refresh();
  };
  render();
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.storageArea === store.area) render();
  });
}

/**
 * About you: the learner's role (NQSW, supervisor or not said) and whether they run group sessions. Optional;
 * saved with the other display choices and applied to this page at once (lib/role.js).
 */
function aboutYouSection(store, status) {
  const role = savedRole(store) || "none";
  const words = { nqsw: t("about_you_role_nqsw"), supervisor: t("about_you_role_supervisor"), none: t("about_you_role_none") };
  const radios = Object.keys(words).map((value) => {
    const id = `rs-about-role-${value}`;
    const input = h("input", { type: "radio", class: "rs-choice__input", name: "rs-about-role", id, value, "data-rs-about-role": value });
    input.checked = value === role;
    input.addEventListener("change", () => {
      const chosen = value === "none" ? null : value;
      showRole(chosen);
      const result = saveWhoIAm(store, { role: chosen });
      say(status, result.ok ? t("about_you_saved") : t("about_you_not_saved"));
    });
    return h("div", { class: "rs-choice__option" }, input, h("label", { class: "rs-choice__label", for: id }, words[value]));
  });
  const groups = h("input", { type: "checkbox", id: "rs-about-groups", "data-rs-about-groups": "", "aria-describedby": "rs-about-groups-hint" });
  groups.checked = runsGroups(store);
  groups.addEventListener("change", () => {
    const result = saveWhoIAm(store, { groups: groups.checked });
    say(status, result.ok ? t("about_you_saved") : t("about_you_not_saved"));
  });
  return h("section", { class: "rs-app__section", "aria-labelledby": "rs-about-title", "data-rs-about-you": "" },
    h("h2", { id: "rs-about-title" }, t("about_you_title")),
    h("p", {}, t("about_you_intro")),
    h("fieldset", { class: "rs-choice" }, h("legend", { class: "rs-choice__legend" }, t("about_you_role_legend")),
      h("div", { class: "rs-choice__options" }, radios)),
    h("div", { class: "rs-about-groups" },
      h("div", { class: "rs-exercise__flag" }, groups, h("label", { for: "rs-about-groups" }, t("about_you_groups"))),
      h("p", { class: "rs-field__hint", id: "rs-about-groups-hint" }, t("about_you_groups_hint"))));
}

function say(status, message) {
  status.textContent = message;
}

/**
 * Draw one entry's part of the page; if its saved data makes that fail, note the entry as damaged instead.
 * @param {object} entry
 * @param {Set<object>} failed
 * @param {() => Node} build
 */
function drawn(entry, failed, build) {
  try {
    return build();
  } catch {
    failed.add(entry);
    return null;
  }
}

function backupSection(store, status, rerender) {
  const fileId = "rs-import-file";
  const preview = h("div", { class: "rs-import-preview", "aria-live": "polite" });
  const lock = lockFields();
  const exportButton = h("button", { type: "button", class: "rs-button", "data-rs-action": "export" }, t("my_learning_export_button"));
  exportButton.addEventListener("click", async () => {
    const passphrase = lock.passphrase();
    if (passphrase.problem) {
      say(status, passphrase.problem);
      return;
    }
    const backup = buildBackup(store);
    const count = Object.keys(backup.entries).length;
    if (!passphrase.value) {
      saveBackup(backup);
      backupMade(store);
      say(status, `${tn("my_learning_backup_downloaded", count)} ${t("my_learning_backup_plain_warning")}`);
      return;
    }
    say(status, t("my_learning_locking"));
    exportButton.disabled = true;
    try {
      saveLockedBackup(await lockBackup(backupText(backup), passphrase.value));
      backupMade(store);
      lock.clear();
      say(status, tn("my_learning_backup_locked", count));
    } catch {
      say(status, t("my_learning_lock_failed"));
    } finally {
      exportButton.disabled = false;
    }
  });
  const input = h("input", { type: "file", id: fileId, accept: ".json,application/json", "data-rs-import": "", "aria-describedby": `${fileId}-hint` });
  const showError = (error) => {
    const message = error instanceof BackupError ? error.message : t("backup_unreadable");
    preview.append(h("p", { class: "rs-app__error", role: "alert" }, message));
  };
  const previewOf = (backup) => showPreview(store, backup, preview, status, () => {
    input.value = "";
    rerender();
  });
  input.addEventListener("change", async () => {
    preview.replaceChildren();
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      if (file.size > LOCKED_MAX_BYTES) throw new BackupError(t("backup_too_large", { size: MAX_BYTES / 1024 / 1024 }));
      // Strict UTF-8: a file with bytes that are not text is refused, never read with U+FFFD in the answers.
      const { locked, text } = readBackupFile(await file.arrayBuffer());
      if (!locked) {
        previewOf(parseBackup(text));
        return;
      }
      if (!canLock()) throw new BackupError(t("backup_locked_unsupported"));
      // Damage is found before the passphrase is asked for; nothing changes until the learner imports.
      unlockForm(await checkLockedBackup(text), preview, status, previewOf, showError);
    } catch (error) {
      showError(error);
    }
  });
  return h("section", { class: "rs-app__section", "aria-labelledby": "rs-backup-title" },
    h("h2", { id: "rs-backup-title" }, t("my_learning_backup_title")),
    h("p", {}, t("my_learning_backup_intro")),
    lock.element,
    exportButton,
    h("div", { class: "rs-field" },
      h("label", { for: fileId, class: "rs-field__label" }, t("my_learning_import_label")),
      h("p", { class: "rs-field__hint", id: `${fileId}-hint` }, t("my_learning_import_hint")),
      input),
    preview);
}

/** Remember that a backup file was made (for My learning and the reminder on module pages), and say so. */
function backupMade(store) {
  noteBackup(store, "last");
  document.dispatchEvent(new CustomEvent(BACKUP_MADE));
}

/** The shortest passphrase a locked backup takes. */
const MIN_PASSPHRASE = 8;

/**
 * The optional passphrase for a backup, typed twice. Where this page cannot encrypt (no Web Crypto: an http
 * address other than localhost), a note says backups made here are not locked.
 * @returns {{element: HTMLElement, passphrase: () => {value: string, problem?: string}, clear: () => void}}
 */
function lockFields() {
  if (!canLock()) {
    return {
      element: h("p", { class: "rs-app__note", "data-rs-lock-unsupported": "" }, t("my_learning_lock_unsupported")),
      passphrase: () => ({ value: "" }),
      clear: () => {},
    };
  }
  const field = (id, words) => {
    const input = h("input", { type: "password", id, class: "rs-input rs-input--text", autocomplete: "new-password", "data-rs-lock": id });
    return { input, element: h("div", { class: "rs-field" }, h("label", { for: id, class: "rs-field__label" }, words), input) };
  };
  const first = field("rs-lock-passphrase", t("my_learning_lock_passphrase"));
  const again = field("rs-lock-again", t("my_learning_lock_again"));
  const element = h("fieldset", { class: "rs-lock", "aria-describedby": "rs-lock-hint" },
    h("legend", {}, t("my_learning_lock_legend")),
    h("p", { class: "rs-field__hint", id: "rs-lock-hint" }, t("my_learning_lock_hint")),
    first.element, again.element);
  const passphrase = () => {
    const value = first.input.value;
    if (!value && !again.input.value) return { value: "" };
    if (value.length < MIN_PASSPHRASE) return { value, problem: t("my_learning_lock_too_short") };
    if (value !== again.input.value) return { value, problem: t("my_learning_lock_mismatch") };
    return { value };
  };
  const clear = () => {
    first.input.value = "";
    again.input.value = "";
  };
  return { element, passphrase, clear };
}

/** Ask for a locked backup's passphrase; on the right one, show what importing it would change. */
function unlockForm(file, preview, status, previewOf, showError) {
  const id = "rs-unlock-passphrase";
  const input = h("input", { type: "password", id, class: "rs-input rs-input--text", autocomplete: "current-password", "data-rs-unlock": "" });
  const button = h("button", { type: "submit", class: "rs-button", "data-rs-action": "unlock" }, t("my_learning_unlock_button"));
  const problem = h("div", {});
  const form = h("form", { class: "rs-unlock", "data-rs-unlock-form": "" },
    h("h3", {}, t("my_learning_unlock_title")),
    h("div", { class: "rs-field" }, h("label", { for: id, class: "rs-field__label" }, t("my_learning_unlock_label")), input),
    button, problem);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.replaceChildren();
    button.disabled = true;
    say(status, t("my_learning_unlocking"));
    try {
      const backup = parseBackup(await unlockBackup(file, input.value));
      say(status, "");
      preview.replaceChildren();
      previewOf(backup);
    } catch (error) {
      say(status, "");
      preview.replaceChildren(form);
      showError(error);
      button.disabled = false;
      input.select();
    }
  });
  preview.replaceChildren(form);
  input.focus();
}

function backupText(backup) {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

function saveLockedBackup(file) {
  const stamp = new Date().toISOString().slice(0, 10);
  download(`${t("my_learning_backup_locked_file_name", { date: stamp })}.json`, `${JSON.stringify(file, null, 2)}\n`, "application/json");
}

function saveBackup(backup) {
  const stamp = new Date().toISOString().slice(0, 10);
  download(`${t("my_learning_backup_file_name", { date: stamp })}.json`, backupText(backup), "application/json");
}

/** Why the preview says an item is kept aside (lib/backup.js planImport). */
const KEPT_ASIDE = {
  damaged: (name) => textWith("my_learning_kept_damaged", { name: bdi(name) }),
  newer: (name) => textWith("my_learning_kept_newer", { name: bdi(name) }),
  unknown: (name) => textWith("my_learning_kept_unknown", { name: bdi(name) }),
  yours: (name) => textWith("my_learning_kept_yours", { name: bdi(name) }),
};

/** How the preview says which version of an exercise in both is used, and whether the older is kept as a copy. */
function conflictWords(item) {
  const name = { name: bdi(item.name) };
  if (item.keep === "backup") {
    return item.copy ? textWith("my_learning_conflict_backup_newer_copy", name) : textWith("my_learning_conflict_keeps_backup", name);
  }
  return item.copy ? textWith("my_learning_conflict_yours_newer_copy", name) : textWith("my_learning_conflict_keeps_yours", name);
}

function showPreview(store, backup, preview, status, done) {
  const plan = planImport(store, backup);
  const list = (title, items) => (items.length ? [h("p", {}, h("strong", {}, title)), h("ul", {}, items.map((item) => h("li", {}, item instanceof Node ? item : bdi(item))))] : []);
  const merge = h("button", { type: "button", class: "rs-button", "data-rs-action": "import-merge" }, t("my_learning_import_merge"));
  const replace = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "import-replace" }, t("my_learning_import_replace"));
  const cancel = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "import-cancel" }, t("my_learning_import_cancel"));
  const finish = (result, words) => {
    preview.replaceChildren();
    if (result.ok) {
      say(status, words);
    } else {
      // Nothing half-imported: say so, and if the earlier state could not all be put back, offer it as a file.
      say(status, "");
      preview.append(h("p", { class: "rs-app__error", role: "alert", "data-rs-import-failed": "" },
        result.reason === "full" ? t("my_learning_import_failed_full") : t("my_learning_import_failed_unavailable")));
      if (!result.restored) {
        const rescue = h("button", { type: "button", class: "rs-button", "data-rs-action": "download-previous" }, t("my_learning_download_previous"));
        rescue.addEventListener("click", () => saveBackup(backupOf(store, result.previous)));
        preview.append(h("p", {}, t("my_learning_import_not_restored")), rescue);
      }
    }
    done();
  };
  merge.addEventListener("click", () => {
    const result = applyImport(store, backup, "merge");
    const differed = result.ok ? result.differed : [];
    finish(result, differed.length
      ? tn("my_learning_import_merged_differed", differed.length, { names: differed.map(isolate).join("; ") })
      : t("my_learning_import_merged"));
  });
  replace.addEventListener("click", () => {
    const warning = plan.removedOnReplace.length
      ? tn("my_learning_replace_confirm_removing", plan.removedOnReplace.length)
      : t("my_learning_replace_confirm");
    if (window.confirm(warning)) finish(applyImport(store, backup, "replace"), t("my_learning_import_replaced"));
  });
  cancel.addEventListener("click", () => {
    preview.replaceChildren();
    say(status, t("my_learning_import_cancelled"));
    done();
  });
  preview.replaceChildren(
    h("h3", {}, t("my_learning_preview_title", { date: formatDate(backup.exported) })),
    ...(plan.otherSite ? [h("p", {}, t("my_learning_preview_other_site"))] : []),
    ...(store.shared ? [h("p", {}, t("my_learning_preview_shared"))] : []),
    ...list(t("my_learning_preview_added"), plan.added),
    ...list(t("my_learning_preview_conflicts"),
      plan.conflicts.map(conflictWords)),
    ...list(t("my_learning_preview_kept_aside"), plan.keptAside.map((item) => KEPT_ASIDE[item.why](item.name))),
    ...list(t("my_learning_preview_same"), plan.same),
    ...list(t("my_learning_preview_removed"), plan.removedOnReplace),
    h("div", { class: "rs-app__buttons" }, merge, replace, cancel),
  );
}

/**
 * The saved state switching shared-computer mode off would change: this tab's values that differ from the
 * browser's lasting ones under the same key (visits aside: they merge).
 * @param {Record<string, string>} kept  this tab's saved state (session store's snapshot)
 * @param {Record<string, string>} earlier  the lasting store's snapshot
 * @param {string} visitsKey
 * @returns {[string, string][]}  [key, raw] pairs
 */
function replacedOnSwitchOff(kept, earlier, visitsKey) {
  return Object.entries(kept).filter(([key, raw]) => key in earlier && earlier[key] !== raw && key !== visitsKey);
}

/** The setting's controls: the box, the area where a switch asks first, and how to ask and switch. */
function sharedChoice(store, status) {
  const namespace = { name: store.name, scope: store.scope };
  const lasting = store.shared ? new Store({ ...namespace, shared: false }) : store;
  const session = store.shared ? store : new Store({ ...namespace, shared: true });
  const box = h("input", { type: "checkbox", id: "rs-shared-computer", "data-rs-shared": "", "aria-describedby": "rs-shared-hint" });
  box.checked = store.shared;
  const choice = h("div", { class: "rs-shared-choice", "data-rs-shared-choice": "" });
  const ui = { store, status, namespace, lasting, session, box, choice };
  ui.switchTo = (on, message) => {
    choice.replaceChildren();
    if (!setSharedComputerMode(on, namespace)) {
      box.checked = store.shared;
      choice.append(h("p", { class: "rs-app__error", role: "alert" }, t("my_learning_shared_not_switched")));
      return;
    }
    box.disabled = true;
    say(status, message);
    setTimeout(() => location.reload(), 600);
  };
  ui.ask = (paragraphs, buttons) => {
    choice.replaceChildren(...paragraphs.map((text) => h("p", {}, text)), h("div", { class: "rs-app__buttons" }, buttons));
    buttons[0].focus();
  };
  ui.cancel = () => choiceButton("shared-cancel", t("my_learning_shared_cancel"), true, () => {
    box.checked = store.shared;
    choice.replaceChildren();
    box.focus();
  });
  return ui;
}

function choiceButton(action, words, secondary, onClick) {
  const element = h("button", { type: "button", class: secondary ? "rs-button rs-button--secondary" : "rs-button", "data-rs-action": action }, words);
  element.addEventListener("click", onClick);
  return element;
}

/** Switching on leaves answers already saved in the browser (hidden while on), and says so first. */
function askSwitchOn(ui) {
  const saved = Object.keys(ui.lasting.snapshot()).length;
  if (saved === 0) {
    ui.switchTo(true, t("my_learning_shared_turned_on"));
    return;
  }
  ui.ask([tn("my_learning_shared_on_saved", saved), t("my_learning_shared_on_explain")], [
    choiceButton("shared-confirm-on", t("my_learning_shared_switch_on"), false, () => ui.switchTo(true, t("my_learning_shared_turned_on"))),
    ui.cancel(),
  ]);
}

/** Switching off asks whether to keep this tab's answers (moved into lasting storage) or discard them. */
function askSwitchOff(ui) {
  const { session, lasting, box, choice } = ui;
  const kept = session.snapshot();
  const count = Object.keys(kept).length;
  if (count === 0) {
    ui.switchTo(false, t("my_learning_shared_turned_off"));
    return;
  }
  const replaced = replacedOnSwitchOff(kept, lasting.snapshot(), session.dataKey("visits"))
    .map(([key, raw]) => describeItem(session, key, raw));
  ui.ask([
    tn("my_learning_shared_off_saved", count),
    t("my_learning_shared_off_explain"),
    ...(replaced.length ? [textWith("my_learning_shared_off_replaces", {
      names: h("span", {}, replaced.flatMap((name, index) => (index ? ["; ", bdi(name)] : [bdi(name)]))) })] : []),
  ], [
    choiceButton("shared-keep", t("my_learning_shared_keep"), false, () => {
      const result = moveState(session, lasting);
      if (!result.ok) {
        box.checked = true;
        choice.replaceChildren(h("p", { class: "rs-app__error", role: "alert" }, t("my_learning_shared_move_failed")));
        return;
      }
      session.clearAll();
      ui.switchTo(false, t("my_learning_shared_kept"));
    }),
    choiceButton("shared-discard", t("my_learning_shared_discard"), true, () => {
      session.clearAll();
      ui.switchTo(false, t("my_learning_shared_discarded"));
    }),
    ui.cancel(),
  ]);
}

/**
 * The button that deletes everything: both areas (this tab's answers and the browser's), the backup file's
 * record and the offline copy.
 */
function deleteEverythingButton(ui, rerender, forgetFileBackup) {
  const { store, status, lasting, session } = ui;
  const wipe = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "delete-everything" }, t("my_learning_delete_button"));
  wipe.addEventListener("click", async () => {
    if (!window.confirm(t("my_learning_delete_confirm"))) return;
    // Both areas: this tab's answers and the browser's. The setting itself is not saved state and stays.
    lasting.clearAll();
    session.clearAll();
    // This copy's service worker and its caches too (never the data lab's).
    // The file chosen for backups (lib/file-backup.js): its IndexedDB database; the file itself stays.
    forgetFileBackup().catch((error) => console.warn("Could not forget the backup file", error));
    // Redrawn once the offline copy is gone, so the redrawn page does not see (or keep) a cache being deleted.
    await removeOffline().catch((error) => console.warn("Could not remove the offline copy", error));
    say(status, store.shared ? t("my_learning_deleted_shared") : t("my_learning_deleted"));
    rerender();
  });
  return wipe;
}

/**
 * The shared-computer setting and "delete everything". Switching the setting asks first whenever saved
 * answers are affected: switching on leaves answers already saved in the browser (and says so); switching
 * off asks whether to keep this tab's answers (moved into the browser's lasting storage) or discard them.
 */
function settingsSection(store, status, rerender, forgetFileBackup) {
  const ui = sharedChoice(store, status);
  const hint = h("div", { class: "rs-field__hint", id: "rs-shared-hint" });
  ui.box.addEventListener("change", () => {
    ui.choice.replaceChildren();
    if (ui.box.checked) askSwitchOn(ui);
    else askSwitchOff(ui);
  });
  const refresh = () => {
    const hidden = store.shared ? Object.keys(ui.lasting.snapshot()).length : 0;
    hint.replaceChildren(
      h("p", {}, store.shared ? t("my_learning_shared_hint_on") : t("my_learning_shared_hint_off")),
      ...(hidden ? [h("p", { "data-rs-shared-hidden": "" }, tn("my_learning_shared_hidden", hidden))] : []),
    );
  };
  refresh();
  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-settings-title" },
    h("h2", { id: "rs-settings-title" }, t("my_learning_shared_title")),
    h("div", { class: "rs-exercise__flag" }, ui.box,
      h("label", { for: "rs-shared-computer" }, t("my_learning_shared_label"))),
    hint,
    ui.choice,
    deleteEverythingButton(ui, rerender, forgetFileBackup));
  return { section, refresh };
}

/**
 * An offline copy (file://) opened from another folder than before: offer to bring over the answers saved
 * under other folders where the browser shows them (Chromium keeps all file:// pages in one storage), as a
 * merge (the more recent of two answers is kept; all or nothing; the other folder is not changed). Where none
 * is found and nothing is saved, say why and how to move answers with a backup. Never in shared-computer mode:
 * lasting answers are not shown there.
 */
function otherFoldersSection(store, entries, status, rerender) {
  if (location.protocol !== "file:" || store.shared) return h("div", {});
  const others = otherScopes(store.areaKeys(), store);
  if (others.length === 0) {
    if (entries.length) return h("div", {});
    return h("p", { class: "rs-app__note", "data-rs-offline-why": "" }, t("my_learning_offline_nothing_why"));
  }
  const items = others.map(({ scope, entries: count }) => {
    const other = new Store({ name: store.name, scope, area: store.area });
    const newest = other.list().entries.map((entry) => entry.updated).sort().pop();
    const folder = folderName(scope);
    const backup = rebaseBackup(backupOf(other, other.snapshot()), scope, store.scope);
    const plan = planImport(store, backup);
    const words = tn("my_learning_other_folder", count, { folder, date: formatDate(newest) });
    const item = h("li", { "data-rs-other-folder": scope }, words);
    if (plan.added.length === 0 && !plan.conflicts.some((conflict) => conflict.keep === "backup")) {
      item.append(" ", t("my_learning_other_folder_up_to_date"));
      return item;
    }
    const bring = h("button", { type: "button", class: "rs-button", "data-rs-action": "bring-folder" },
      t("my_learning_other_folder_bring"));
    bring.addEventListener("click", () => {
      const result = applyImport(store, backup, "merge");
      say(status, result.ok
        ? tn("my_learning_other_folder_brought", result.written, { folder })
        : t("my_learning_other_folder_failed"));
      rerender();
    });
    item.append(" ", bring);
    return item;
  });
  const labels = { class: "rs-app__section", "aria-labelledby": "rs-other-folders-title", "data-rs-other-folders": "" };
  return h("section", labels,
    h("h2", { id: "rs-other-folders-title" }, t("my_learning_other_folders_title")),
    h("p", {}, t("my_learning_other_folders_intro")),
    h("ul", {}, items));
}

function goalsSection(goals, failed) {
  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-goals-title" }, h("h2", { id: "rs-goals-title" }, t("my_learning_goals_title")));
  if (goals.length === 0) {
    section.append(h("p", {}, t("my_learning_no_goals")));
    return section;
  }
  const rows = goals.map((goal) => drawn(goal.entry, failed, () => {
    // The review date, with its calendar button under it (three columns fit a phone).
    const date = h("td", {});
    const badDate = () => h("span", { class: "rs-app__note", "data-rs-bad-date": "" },
      textWith("my_learning_bad_date", { date: bdi(cutText(goal.time_bound, 40)) }));
    if (!goal.time_bound) date.append(t("my_learning_no_date"));
    else if (reviewDateProblem(goal.time_bound)) date.append(badDate());
    else {
      date.append(h("span", { class: "rs-goals-table__date" }, formatDate(`${goal.time_bound}T12:00:00`)));
      const button = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "goal-calendar" }, t("my_learning_add_to_calendar"));
      button.addEventListener("click", () => {
        try {
          download(`${t("my_learning_goal_file_name", { date: goal.time_bound })}.ics`, goalReviewEvent({
            uid: `${goal.entry.exercise}-${goal.id}@reflective-supervision`, date: goal.time_bound, goal: goal.goal,
            words: {
              summary: (words) => t("my_learning_goal_review_summary", { goal: words }),
              checkIn: (words) => t("my_learning_goal_check_in_summary", { goal: words }),
              defaultGoal: t("my_learning_goal_review_default"),
            },
          }), "text/calendar");
        } catch {
          // Said beside the button, not only at the top of the page.
          button.replaceWith(badDate());
        }
      });
      date.append(button);
    }
    return h("tr", {},
      h("td", {}, entryTitle(goal.entry, String(goal.goal || t("my_learning_no_goal_text")))),
      date,
      h("td", {}, GOAL_STATUS[goal.status] || GOAL_STATUS["not-started"]));
  }));
  section.append(h("div", { class: "rs-app__scroll", tabindex: "0", role: "region", "aria-labelledby": "rs-goals-title" },
    h("table", { class: "rs-app__table rs-goals-table" },
      h("thead", {}, h("tr", {}, [t("my_learning_goal_column"), t("my_learning_review_date_column"), t("my_learning_status_column")].map((title) => h("th", { scope: "col" }, title)))),
      h("tbody", {}, rows))));
  section.append(...goalsWordButton(goals));
  return section;
}

/** The button that downloads the goals as a Word document, with a status line of its own beside it. */
function goalsWordButton(goals) {
  const status = h("p", { class: "rs-app__status", role: "status" });
  const button = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "goals-word" }, t("goals_word"));
  button.addEventListener("click", () => downloadWord(wordFileName(t("goals_word_file")), () => goalsBlocks(goals), status));
  return [h("div", { class: "rs-app__buttons" }, button), status];
}

function profilesSection(entries, failed) {
  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-profiles-title" },
    h("h2", { id: "rs-profiles-title" }, t("my_learning_profiles_title")));
  const charts = entries.map((entry) => drawn(entry, failed, () => compareChart(entry))).filter(Boolean);
  if (charts.length === 0) section.append(h("p", {}, t("my_learning_no_profiles")));
  else section.append(...charts);
  return section;
}

/** Shorten text to fit a line of the chart, by whole characters; the table under the chart always has it in full. */
function fit(text, length) {
  const words = String(text);
  return cutText(words, length) === words ? words : `${cutText(words, length - 1).trimEnd()}…`;
}

/**
 * Every dated copy of a self-assessment side by side: for each group, one labelled bar per copy, each copy
 * filled its own way (solid, striped, dotted), so copies differ by more than colour; the table below gives the
 * same figures.
 */
function compareChart(entry) {
  const description = compareDescription(entry);
  return h("div", { class: "rs-compare" },
    h("h3", {}, entryTitle(entry, String(entry.title || entry.exercise))),
    drawChart(description),
    h("div", { class: "rs-app__scroll", tabindex: "0", role: "region", "aria-label": t("my_learning_chart_caption", { title: isolate(entry.title) }) },
      drawTable(description, { class: "rs-app__table" })));
}

function compareDescription(entry) {
  const snapshots = entry.snapshots.filter((snap) => Array.isArray(snap.profile));
  const dimensions = snapshots[0] ? snapshots[0].profile.map((item) => ({ id: item.id, title: item.title })) : [];
  const max = Math.max(1, ...snapshots.flatMap((snap) => snap.profile.map((item) => Number(item.max) || 0)));
  const average = (snap, dimension) => {
    const item = snap.profile.find((candidate) => candidate.id === dimension.id);
    return item && item.average !== null ? Number(item.average) : null;
  };
  const titleId = `rs-compare-${entry.exercise}`;
  return {
    layout: "grouped", prefix: "rs-compare__", svgClass: "rs-chart", figureClass: "rs-chart-figure",
    titleId, title: t("my_learning_chart_title", { title: isolate(entry.title) }),
    table: {
      caption: textWith("my_learning_chart_caption", { title: bdi(entry.title) }),
      columns: [t("my_learning_group_column"), ...snapshots.map((snap) =>
        textWith("my_learning_snapshot_column", { label: bdi(snap.label), date: formatDate(snap.taken) }))],
    },
    rows: dimensions.map((dimension) => ({
      title: bdi(dimension.title),
      label: isolate(fit(dimension.title, 38)),
      bars: snapshots.map((snap) => {
        const value = average(snap, dimension);
        return { label: isolate(fit(snap.label, 42)), share: value === null ? null : value / max, value: value === null ? "–" : value.toFixed(1) };
      }),
      cells: snapshots.map((snap) => (average(snap, dimension) === null ? "–" : average(snap, dimension).toFixed(1))),
    })),
  };
}

function savedSection(modules, entries, failed) {
  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-saved-title" }, h("h2", { id: "rs-saved-title" }, t("my_learning_saved_title")));
  const groups = groupByModule(modules, entries);
  if (groups.length === 0) {
    section.append(h("p", {}, t("my_learning_nothing_saved")));
    return section;
  }
  for (const group of groups) {
    section.append(h("h3", {}, group.url ? h("a", { href: group.url }, group.title) : group.title));
    for (const entry of group.entries) {
      section.append(drawn(entry, failed, () => h("article", { class: "rs-saved", "data-rs-saved-entry": entry.exercise },
        h("h4", {}, entryTitle(entry, String(entry.title || entry.exercise))),
        writtenAs(entry),
        h("p", { class: "rs-saved__meta" }, entry.flagged
          ? t("my_learning_last_changed_flagged", { date: formatDate(entry.updated) })
          : t("my_learning_last_changed", { date: formatDate(entry.updated) })),
        readableList(entry))) || "");
    }
  }
  return section;
}

function damagedSection(store, corrupt, newer, failed) {
  const damaged = corrupt.length + failed.size;
  if (damaged === 0 && newer.length === 0) return h("div", {});
  // Name each one (its exercise's title where it can be read), so the learner knows what is missing.
  const names = [
    ...corrupt.map(({ key, raw }) => describeItem(store, key, raw)),
    ...[...failed].map((entry) => String(entry.title || entry.exercise)),
    ...newer.map((entry) => String(entry.title || entry.exercise || "")),
  ].filter(Boolean);
  return h("section", { class: "rs-app__section", "aria-labelledby": "rs-damaged-title", "data-rs-damaged": "" },
    h("h2", { id: "rs-damaged-title" }, t("my_learning_damaged_title")),
    h("p", {}, t("my_learning_damaged", { damaged, newer: newer.length })),
    h("ul", { "data-rs-damaged-list": "" }, names.map((name) => h("li", {}, bdi(name)))));
}
