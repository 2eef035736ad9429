/**
 * Record a visit to a module page, mark progress in the navigation, and draw progress bars
 * wherever a page holds [data-rs-progress] (the home page).
 */

import { h } from "../lib/dom.js";
import { STATE_LABELS, moduleProgress, readManifest } from "../lib/progress.js";
import { FAILURE_MESSAGES, siteStore } from "../lib/storage.js";
import { t } from "../lib/strings.js";

export function mount() {
  const store = siteStore();
  const modules = readManifest();
  if (!store.available()) {
    // Nothing can be saved or read: say so where progress would be, rather than "not started".
    for (const area of document.querySelectorAll("[data-rs-progress]")) {
      area.hidden = false;
      area.replaceChildren(h("h2", {}, t("progress_title")), h("p", { class: "rs-app__error" }, FAILURE_MESSAGES.unavailable));
    }
    return;
  }
  const here = location.pathname;
  const visits = store.getData("visits", {});
  if (modules.some((module) => module.path === here) && !visits[here]) {
    visits[here] = new Date().toISOString();
    store.setData("visits", visits);
  }
  const progress = moduleProgress(modules, store.list().entries, visits);
  markNavigation(progress);
  for (const area of document.querySelectorAll("[data-rs-progress]")) drawBars(area, progress);
}

function markNavigation(progress) {
  const byPath = new Map(progress.map((module) => [module.path, module]));
  for (const link of document.querySelectorAll(".md-nav--primary a.md-nav__link[href]")) {
    const module = byPath.get(new URL(link.getAttribute("href"), location.href).pathname);
    if (!module || module.state === "not-started" || link.querySelector(".rs-nav-badge")) continue;
    // The badge shows one word and a small bar; screen readers hear the progress in full as part of the
    // link's name (the bar is hidden from them, so it is not read twice).
    link.append(h("span", { class: `rs-nav-badge rs-nav-badge--${module.state}`, "data-rs-nav-progress": module.state },
      h("span", { "aria-hidden": "true" }, STATE_LABELS[module.state]),
      h("progress", { class: "rs-nav-badge__bar", max: module.total || 1, value: module.done, "aria-hidden": "true" }),
      h("span", { class: "rs-visually-hidden" }, " ",
        t("progress_nav_label", { state: STATE_LABELS[module.state], done: module.done, total: module.total }))));
  }
}

function drawBars(area, progress) {
  const started = progress.filter((module) => module.state !== "not-started");
  area.hidden = false;
  area.replaceChildren(
    h("h2", { id: "rs-progress-title" }, t("progress_title")),
    started.length === 0
      ? h("p", {}, t("progress_none_started"))
      : h("ul", { class: "rs-progress-list", "aria-labelledby": "rs-progress-title" },
        progress.map((module, index) => {
          const id = `rs-progress-${index}`;
          return h("li", { class: "rs-progress-item" },
            h("a", { href: module.url, id }, module.title),
            h("progress", { max: module.total || 1, value: module.done, "aria-labelledby": id, "aria-describedby": `${id}-text` }),
            h("span", { id: `${id}-text`, class: "rs-progress-text" },
              t("progress_module_text", { state: STATE_LABELS[module.state], done: module.done, total: module.total })));
        })),
  );
}
