/**
 * My learning: everything saved on this device, grouped by module; goals; self-assessment profiles over
 * time; backup and restore; shared-computer mode; delete everything. User text is only ever set as text.
 */

import { h, svg } from "../lib/dom.js";
import { download } from "../lib/download.js";
import { formatDate, entryLink, goalsFrom, groupByModule, readableList, GOAL_STATUS } from "../lib/entries.js";
import { reviewEvent } from "../lib/ics.js";
import { readManifest } from "../lib/progress.js";
import { BackupError, MAX_BYTES, applyImport, buildBackup, parseBackup, planImport } from "../lib/backup.js";
import { FAILURE_MESSAGES, Store, setSharedComputerMode, siteNamespace, siteStore } from "../lib/storage.js";
import { t, tn } from "../lib/strings.js";

/** @param {HTMLElement} root */
export function mount(root) {
  const store = siteStore();
  const status = h("div", { class: "rs-app__status", role: "status" });
  const content = h("div", {});
  root.replaceChildren(status, backupSection(store, status, () => render()), settingsSection(store, status, () => render()), content);
  root.hidden = false;

  const render = () => {
    const { entries, corrupt, newer } = store.list();
    content.replaceChildren(
      goalsSection(goalsFrom(entries)),
      profilesSection(entries.filter((entry) => Array.isArray(entry.snapshots) && entry.snapshots.length > 0)),
      savedSection(readManifest(), entries),
      damagedSection(corrupt, newer),
    );
  };
  render();
  window.addEventListener("storage", render);
}

function say(status, message) {
  status.textContent = message;
}

function backupSection(store, status, rerender) {
  const fileId = "rs-import-file";
  const preview = h("div", { class: "rs-import-preview", "aria-live": "polite" });
  const exportButton = h("button", { type: "button", class: "rs-button", "data-rs-action": "export" }, t("my_learning_export_button"));
  exportButton.addEventListener("click", () => {
    const backup = buildBackup(store);
    const stamp = new Date().toISOString().slice(0, 10);
    download(`${t("my_learning_backup_file_name", { date: stamp })}.json`, `${JSON.stringify(backup, null, 2)}\n`, "application/json");
    say(status, tn("my_learning_backup_downloaded", Object.keys(backup.entries).length));
  });
  const input = h("input", { type: "file", id: fileId, accept: ".json,application/json", "data-rs-import": "" });
  input.addEventListener("change", async () => {
    preview.replaceChildren();
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      if (file.size > MAX_BYTES) throw new BackupError(t("backup_too_large", { size: MAX_BYTES / 1024 / 1024 }));
      const backup = parseBackup(await file.text());
      showPreview(store, backup, preview, status, () => {
        input.value = "";
        rerender();
      });
    } catch (error) {
      const message = error instanceof BackupError ? error.message : t("backup_unreadable");
      preview.append(h("p", { class: "rs-app__error", role: "alert" }, message));
    }
  });
  return h("section", { class: "rs-app__section", "aria-labelledby": "rs-backup-title" },
    h("h2", { id: "rs-backup-title" }, t("my_learning_backup_title")),
    h("p", {}, t("my_learning_backup_intro")),
    exportButton,
    h("div", { class: "rs-field" },
      h("label", { for: fileId, class: "rs-field__label" }, t("my_learning_import_label")),
      h("p", { class: "rs-field__hint", id: `${fileId}-hint` }, t("my_learning_import_hint")),
      input),
    preview);
}

function showPreview(store, backup, preview, status, done) {
  const plan = planImport(store, backup);
  const list = (title, items) => (items.length ? [h("p", {}, h("strong", {}, title)), h("ul", {}, items.map((item) => h("li", {}, item)))] : []);
  const merge = h("button", { type: "button", class: "rs-button", "data-rs-action": "import-merge" }, t("my_learning_import_merge"));
  const replace = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "import-replace" }, t("my_learning_import_replace"));
  const cancel = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "import-cancel" }, t("my_learning_import_cancel"));
  const finish = (result, words) => {
    preview.replaceChildren();
    say(status, result.ok ? words : FAILURE_MESSAGES[result.reason]);
    done();
  };
  merge.addEventListener("click", () => finish(applyImport(store, backup, "merge"), t("my_learning_import_merged")));
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
    ...list(t("my_learning_preview_added"), plan.added),
    ...list(t("my_learning_preview_conflicts"),
      plan.conflicts.map((item) => (item.keep === "backup"
        ? t("my_learning_conflict_keeps_backup", { name: item.name })
        : t("my_learning_conflict_keeps_yours", { name: item.name })))),
    ...list(t("my_learning_preview_same"), plan.same),
    ...list(t("my_learning_preview_removed"), plan.removedOnReplace),
    h("div", { class: "rs-app__buttons" }, merge, replace, cancel),
  );
}

function settingsSection(store, status, rerender) {
  const box = h("input", { type: "checkbox", id: "rs-shared-computer", "data-rs-shared": "" });
  box.checked = store.shared;
  box.addEventListener("change", () => {
    setSharedComputerMode(box.checked);
    say(status, box.checked
      ? t("my_learning_shared_turned_on")
      : t("my_learning_shared_turned_off"));
    setTimeout(() => location.reload(), 600);
  });
  const wipe = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "delete-everything" }, t("my_learning_delete_button"));
  wipe.addEventListener("click", () => {
    if (!window.confirm(t("my_learning_delete_confirm"))) return;
    const namespace = siteNamespace();
    new Store({ ...namespace, shared: false }).clearAll();
    new Store({ ...namespace, shared: true }).clearAll();
    say(status, t("my_learning_deleted"));
    rerender();
  });
  return h("section", { class: "rs-app__section", "aria-labelledby": "rs-settings-title" },
    h("h2", { id: "rs-settings-title" }, t("my_learning_shared_title")),
    h("div", { class: "rs-exercise__flag" }, box,
      h("label", { for: "rs-shared-computer" }, t("my_learning_shared_label"))),
    h("p", { class: "rs-field__hint" }, store.shared
      ? t("my_learning_shared_hint_on")
      : t("my_learning_shared_hint_off")),
    wipe);
}

function goalsSection(goals) {
  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-goals-title" }, h("h2", { id: "rs-goals-title" }, t("my_learning_goals_title")));
  if (goals.length === 0) {
    section.append(h("p", {}, t("my_learning_no_goals")));
    return section;
  }
  const rows = goals.map((goal) => {
    const cell = h("td", {});
    if (goal.time_bound && /^\d{4}-\d{2}-\d{2}$/.test(goal.time_bound)) {
      const button = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "goal-calendar" }, t("my_learning_add_to_calendar"));
      button.addEventListener("click", () => download(`${t("my_learning_goal_file_name", { date: goal.time_bound })}.ics`, reviewEvent({
        uid: `${goal.entry.exercise}-${goal.id}@reflective-supervision`, date: goal.time_bound,
        summary: t("my_learning_goal_review_summary", { goal: String(goal.goal || t("my_learning_goal_review_default")).slice(0, 80) }),
        description: String(goal.goal || ""),
      }), "text/calendar"));
      cell.append(button);
    }
    return h("tr", {},
      h("td", {}, h("a", { href: entryLink(goal.entry) }, String(goal.goal || t("my_learning_no_goal_text")))),
      h("td", {}, goal.time_bound ? formatDate(`${goal.time_bound}T12:00:00`) : t("my_learning_no_date")),
      h("td", {}, GOAL_STATUS[goal.status] || GOAL_STATUS["not-started"]),
      cell);
  });
  section.append(h("table", { class: "rs-app__table" },
    h("thead", {}, h("tr", {}, [t("my_learning_goal_column"), t("my_learning_review_date_column"), t("my_learning_status_column"), t("my_learning_calendar_column")].map((title) => h("th", { scope: "col" }, title)))),
    h("tbody", {}, rows)));
  return section;
}

function profilesSection(entries) {
  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-profiles-title" },
    h("h2", { id: "rs-profiles-title" }, t("my_learning_profiles_title")));
  if (entries.length === 0) {
    section.append(h("p", {}, t("my_learning_no_profiles")));
    return section;
  }
  for (const entry of entries) section.append(compareChart(entry));
  return section;
}

function compareChart(entry) {
  const snapshots = entry.snapshots.filter((snap) => Array.isArray(snap.profile));
  const dimensions = snapshots[0] ? snapshots[0].profile.map((item) => ({ id: item.id, title: item.title })) : [];
  const max = Math.max(1, ...snapshots.flatMap((snap) => snap.profile.map((item) => Number(item.max) || 0)));
  const barHeight = 16;
  const groupHeight = snapshots.length * (barHeight + 4) + 26;
  const width = 600;
  const titleId = `rs-compare-${entry.exercise}`;
  const graphic = svg("svg", { class: "rs-chart", viewBox: `0 0 ${width} ${dimensions.length * groupHeight + 8}`, role: "img", "aria-labelledby": titleId },
    svg("title", { id: titleId }, t("my_learning_chart_title", { title: entry.title })));
  dimensions.forEach((dimension, d) => {
    const top = d * groupHeight + 4;
    graphic.append(svg("text", { x: 0, y: top + 14, class: "rs-chart__label" }, String(dimension.title)));
    snapshots.forEach((snap, s) => {
      const item = snap.profile.find((row) => row.id === dimension.id);
      const value = item && item.average !== null ? Number(item.average) : 0;
      const y = top + 20 + s * (barHeight + 4);
      graphic.append(
        svg("rect", { x: 150, y, width: Math.max(2, (value / max) * (width - 230)), height: barHeight, class: `rs-chart__bar rs-chart__bar--${s % 3}` }),
        svg("text", { x: 0, y: y + 12, class: "rs-chart__value" }, String(snap.label).slice(0, 20)),
        svg("text", { x: width - 4, y: y + 12, class: "rs-chart__value", "text-anchor": "end" }, item && item.average !== null ? value.toFixed(1) : "–"));
    });
  });
  const table = h("table", { class: "rs-app__table" },
    h("caption", {}, t("my_learning_chart_caption", { title: entry.title })),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("my_learning_group_column")),
      snapshots.map((snap) => h("th", { scope: "col" }, t("my_learning_snapshot_column", { label: snap.label, date: formatDate(snap.taken) }))))),
    h("tbody", {}, dimensions.map((dimension) => h("tr", {}, h("th", { scope: "row" }, String(dimension.title)),
      snapshots.map((snap) => {
        const item = snap.profile.find((row) => row.id === dimension.id);
        return h("td", {}, item && item.average !== null ? Number(item.average).toFixed(1) : "–");
      })))));
  return h("div", { class: "rs-compare" }, h("h3", {}, h("a", { href: entryLink(entry) }, String(entry.title))), h("figure", { class: "rs-chart-figure" }, graphic), table);
}

function savedSection(modules, entries) {
  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-saved-title" }, h("h2", { id: "rs-saved-title" }, t("my_learning_saved_title")));
  const groups = groupByModule(modules, entries);
  if (groups.length === 0) {
    section.append(h("p", {}, t("my_learning_nothing_saved")));
    return section;
  }
  for (const group of groups) {
    section.append(h("h3", {}, group.url ? h("a", { href: group.url }, group.title) : group.title));
    for (const entry of group.entries) {
      section.append(h("article", { class: "rs-saved", "data-rs-saved-entry": entry.exercise },
        h("h4", {}, h("a", { href: entryLink(entry) }, String(entry.title || entry.exercise))),
        h("p", { class: "rs-saved__meta" }, entry.flagged
          ? t("my_learning_last_changed_flagged", { date: formatDate(entry.updated) })
          : t("my_learning_last_changed", { date: formatDate(entry.updated) })),
        readableList(entry)));
    }
  }
  return section;
}

function damagedSection(corrupt, newer) {
  if (corrupt.length === 0 && newer.length === 0) return h("div", {});
  return h("section", { class: "rs-app__section", "aria-labelledby": "rs-damaged-title" },
    h("h2", { id: "rs-damaged-title" }, t("my_learning_damaged_title")),
    h("p", {}, t("my_learning_damaged", { damaged: corrupt.length, newer: newer.length })));
}
