/**
 * Record a visit to a module page, mark progress in the navigation, and draw progress bars
 * wherever a page holds [data-rs-progress] (the home page).
 */

import { h } from "../lib/dom.js";
import { STATE_LABELS, moduleProgress, readManifest } from "../lib/progress.js";
import { siteStore } from "../lib/storage.js";
import { t } from "../lib/strings.js";

export function mount() {
  const store = siteStore();
  const modules = readManifest();
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
    link.append(h("span", { class: `rs-nav-badge rs-nav-badge--${module.state}` }, STATE_LABELS[module.state]));
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
