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
  const exportButton = h("button", { type: "button", class: "rs-button", "data-rs-action": "export" }, "Download a backup file");
  exportButton.addEventListener("click", () => {
    const backup = buildBackup(store);
    const stamp = new Date().toISOString().slice(0, 10);
    download(`reflective-supervision-backup-${stamp}.json`, `${JSON.stringify(backup, null, 2)}\n`, "application/json");
    say(status, `Backup downloaded: ${Object.keys(backup.entries).length} saved exercises.`);
  });
  const input = h("input", { type: "file", id: fileId, accept: ".json,application/json", "data-rs-import": "" });
  input.addEventListener("change", async () => {
    preview.replaceChildren();
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      if (file.size > MAX_BYTES) throw new BackupError(`This file is too large to be a backup (over ${MAX_BYTES / 1024 / 1024} MB). Nothing was imported.`);
      const backup = parseBackup(await file.text());
      showPreview(store, backup, preview, status, () => {
        input.value = "";
        rerender();
      });
    } catch (error) {
      const message = error instanceof BackupError ? error.message : "This file could not be read. Nothing was imported.";
      preview.append(h("p", { class: "rs-app__error", role: "alert" }, message));
    }
  });
  return h("section", { class: "rs-app__section", "aria-labelledby": "rs-backup-title" },
    h("h2", { id: "rs-backup-title" }, "Back up and restore"),
    h("p", {}, "A backup is a file with everything this site saved in this browser. Keep it somewhere private: it holds your reflections. You can restore it here or in another browser."),
    exportButton,
    h("div", { class: "rs-field" },
      h("label", { for: fileId, class: "rs-field__label" }, "Restore from a backup file"),
      h("p", { class: "rs-field__hint", id: `${fileId}-hint` }, "You will see what would change before anything is imported."),
      input),
    preview);
}

function showPreview(store, backup, preview, status, done) {
  const plan = planImport(store, backup);
  const list = (title, items) => (items.length ? [h("p", {}, h("strong", {}, title)), h("ul", {}, items.map((item) => h("li", {}, item)))] : []);
  const merge = h("button", { type: "button", class: "rs-button", "data-rs-action": "import-merge" }, "Add to what is saved here");
  const replace = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "import-replace" }, "Replace everything saved here");
  const cancel = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "import-cancel" }, "Cancel");
  const finish = (result, words) => {
    preview.replaceChildren();
    say(status, result.ok ? words : FAILURE_MESSAGES[result.reason]);
    done();
  };
  merge.addEventListener("click", () => finish(applyImport(store, backup, "merge"), "Backup added to what was saved here."));
  replace.addEventListener("click", () => {
    const warning = plan.removedOnReplace.length
      ? `Replace everything? ${plan.removedOnReplace.length} saved item(s) not in the backup will be deleted.`
      : "Replace everything saved here with the backup?";
    if (window.confirm(warning)) finish(applyImport(store, backup, "replace"), "Everything saved here now matches the backup.");
  });
  cancel.addEventListener("click", () => {
    preview.replaceChildren();
    say(status, "Nothing was imported.");
    done();
  });
  preview.replaceChildren(
    h("h3", {}, `What this backup (made ${formatDate(backup.exported)}) would change`),
    ...(plan.otherSite ? [h("p", {}, "This backup came from another copy of the site. Its answers will be added here all the same.")] : []),
    ...list("New here:", plan.added),
    ...list("In both, and different (adding keeps the more recently changed version):",
      plan.conflicts.map((item) => `${item.name}: keeps ${item.keep === "backup" ? "the backup's version" : "your version here"}`)),
    ...list("Already the same:", plan.same),
    ...list("Saved here but not in the backup (deleted only if you replace everything):", plan.removedOnReplace),
    h("div", { class: "rs-app__buttons" }, merge, replace, cancel),
  );
}

function settingsSection(store, status, rerender) {
  const box = h("input", { type: "checkbox", id: "rs-shared-computer", "data-rs-shared": "" });
  box.checked = store.shared;
  box.addEventListener("change", () => {
    setSharedComputerMode(box.checked);
    say(status, box.checked
      ? "Shared computer mode is on for this tab: from now on, answers last only until you close the tab. Reloading the page…"
      : "Shared computer mode is off: answers are saved in this browser again. Reloading the page…");
    setTimeout(() => location.reload(), 600);
  });
  const wipe = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "delete-everything" }, "Delete everything from this browser");
  wipe.addEventListener("click", () => {
    if (!window.confirm("Delete everything this site has saved in this browser? This cannot be undone. Download a backup first if you want to keep it.")) return;
    const namespace = siteNamespace();
    new Store({ ...namespace, shared: false }).clearAll();
    new Store({ ...namespace, shared: true }).clearAll();
    say(status, "Everything this site saved in this browser has been deleted.");
    rerender();
  });
  return h("section", { class: "rs-app__section", "aria-labelledby": "rs-settings-title" },
    h("h2", { id: "rs-settings-title" }, "On a shared computer"),
    h("div", { class: "rs-exercise__flag" }, box,
      h("label", { for: "rs-shared-computer" }, "This is a shared computer: keep my answers only until I close this tab")),
    h("p", { class: "rs-field__hint" }, store.shared
      ? "On: answers on this site are kept only in this tab and are gone when you close it."
      : "Off: answers are saved in this browser until you delete them."),
    wipe);
}

function goalsSection(goals) {
  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-goals-title" }, h("h2", { id: "rs-goals-title" }, "Your goals"));
  if (goals.length === 0) {
    section.append(h("p", {}, "No goals saved yet. Goal worksheets are in the modules, for example Implementation of good supervision."));
    return section;
  }
  const rows = goals.map((goal) => {
    const cell = h("td", {});
    if (goal.time_bound && /^\d{4}-\d{2}-\d{2}$/.test(goal.time_bound)) {
      const button = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-action": "goal-calendar" }, "Add to calendar");
      button.addEventListener("click", () => download(`goal-review-${goal.time_bound}.ics`, reviewEvent({
        uid: `${goal.entry.exercise}-${goal.id}@reflective-supervision`, date: goal.time_bound,
        summary: `Review my goal: ${String(goal.goal || "supervision goal").slice(0, 80)}`, description: String(goal.goal || ""),
      }), "text/calendar"));
      cell.append(button);
    }
    return h("tr", {},
      h("td", {}, h("a", { href: entryLink(goal.entry) }, String(goal.goal || "(no goal written yet)"))),
      h("td", {}, goal.time_bound ? formatDate(`${goal.time_bound}T12:00:00`) : "No date yet"),
      h("td", {}, GOAL_STATUS[goal.status] || "Not started"),
      cell);
  });
  section.append(h("table", { class: "rs-app__table" },
    h("thead", {}, h("tr", {}, ["Goal", "Review date", "Status", "Calendar"].map((title) => h("th", { scope: "col" }, title)))),
    h("tbody", {}, rows)));
  return section;
}

function profilesSection(entries) {
  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-profiles-title" },
    h("h2", { id: "rs-profiles-title" }, "Your self-assessments over time"));
  if (entries.length === 0) {
    section.append(h("p", {}, "No dated copies yet. In a self-assessment, use \"Save a dated copy of my profile\" at the start, middle and end of your supported year to compare them here."));
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
    svg("title", { id: titleId }, `${entry.title}: your average in each group for each dated copy. The table gives the same figures.`));
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
    h("caption", {}, `${entry.title}: averages by dated copy`),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Group"), snapshots.map((snap) => h("th", { scope: "col" }, `${snap.label} (${formatDate(snap.taken)})`)))),
    h("tbody", {}, dimensions.map((dimension) => h("tr", {}, h("th", { scope: "row" }, String(dimension.title)),
      snapshots.map((snap) => {
        const item = snap.profile.find((row) => row.id === dimension.id);
        return h("td", {}, item && item.average !== null ? Number(item.average).toFixed(1) : "–");
      })))));
  return h("div", { class: "rs-compare" }, h("h3", {}, h("a", { href: entryLink(entry) }, String(entry.title))), h("figure", { class: "rs-chart-figure" }, graphic), table);
}

function savedSection(modules, entries) {
  const section = h("section", { class: "rs-app__section", "aria-labelledby": "rs-saved-title" }, h("h2", { id: "rs-saved-title" }, "Everything you have saved"));
  const groups = groupByModule(modules, entries);
  if (groups.length === 0) {
    section.append(h("p", {}, "Nothing saved on this device yet. Answers you give in the modules' exercises appear here."));
    return section;
  }
  for (const group of groups) {
    section.append(h("h3", {}, group.url ? h("a", { href: group.url }, group.title) : group.title));
    for (const entry of group.entries) {
      section.append(h("article", { class: "rs-saved", "data-rs-saved-entry": entry.exercise },
        h("h4", {}, h("a", { href: entryLink(entry) }, String(entry.title || entry.exercise))),
        h("p", { class: "rs-saved__meta" }, `Last changed ${formatDate(entry.updated)}${entry.flagged ? " · On your supervision agenda" : ""}`),
        readableList(entry)));
    }
  }
  return section;
}

function damagedSection(corrupt, newer) {
  if (corrupt.length === 0 && newer.length === 0) return h("div", {});
  return h("section", { class: "rs-app__section", "aria-labelledby": "rs-damaged-title" },
    h("h2", { id: "rs-damaged-title" }, "Entries this page cannot show"),
    h("p", {}, `${corrupt.length} damaged and ${newer.length} from a newer version of the site. They are kept, not deleted, and they are included when you download a backup.`));
}
