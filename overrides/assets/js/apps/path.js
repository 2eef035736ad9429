/**
 * A path you can follow (partials/path-actions.html, on the home page and every module page): remembers the
 * last module opened and the last exercise answered there (storage data "place"), and replaces the plain
 * "Start here" / "Next" links with the learner's own path (their role, from data "preferences"; the NQSW
 * path when none): "Start here", "Continue where you left off" and "Next on your path".
 */

import { h } from "../lib/dom.js";
import { choosePath, nextPlace, pathLinks } from "../lib/path.js";
import { moduleProgress, readManifest, readPaths } from "../lib/progress.js";
import { siteStore } from "../lib/storage.js";
import { t } from "../lib/strings.js";

export function mount(root) {
  const store = siteStore();
  if (!store.available()) return; // the plain links stay
  const modules = readManifest();
  const here = location.pathname;
  const onModule = modules.some((module) => module.path === here);
  if (onModule) {
    remember(store, here);
    document.addEventListener("change", (event) => answered(store, here, event));
    document.addEventListener("input", (event) => answered(store, here, event));
  }
  draw(root, store, modules, here);
}

function remember(store, here, exercise) {
  const stored = store.getData("place", null);
  if (exercise && stored && stored.page === here && stored.exercise === exercise) return;
  store.setData("place", nextPlace(stored, here, new Date().toISOString(), exercise));
}

function answered(store, here, event) {
  const form = event.target instanceof Element ? event.target.closest("form[data-rs-exercise]") : null;
  if (form && !form.closest("[data-rs-blank]")) remember(store, here, form.dataset.rsExercise);
}

function draw(root, store, modules, here) {
  const { entries } = store.list();
  const visits = { ...store.getData("visits", {}), ...(modules.some((m) => m.path === here) ? { [here]: "now" } : {}) };
  const progress = moduleProgress(modules, entries, visits);
  const preferences = store.getData("preferences", {});
  const path = choosePath(readPaths(), preferences.role);
  const place = store.getData("place", null);
  const links = pathLinks({ progress, pages: path.pages, here, place });
  const items = [];
  if (links.step) {
    items.push(h("p", { class: "rs-path-actions__where" },
      t("path_step_of", { number: links.step.number, total: links.step.total, path: pathTitle(path.id) })));
  }
  if (links.start) items.push(link(links.start.url, t("path_start", { title: links.start.title }), "start"));
  if (links.resume) {
    const { module, exercise } = links.resume;
    const entry = exercise && entries.find((item) => item.exercise === exercise);
    const label = entry && entry.title
      ? t("path_continue_at", { title: module.title, exercise: entry.title })
      : t("path_continue", { title: module.title });
    items.push(link(module.url + (entry ? `#ex-${exercise}` : ""), label, "continue"));
  }
  if (links.next) items.push(link(links.next.url, t("path_next", { title: links.next.title }), "next"));
  if (links.finished && !links.next) items.push(h("p", {}, t("path_finished")));
  root.replaceChildren(...items);
  root.dataset.rsPath = path.id;
  for (const list of document.querySelectorAll("ol[data-rs-path]")) {
    list.classList.toggle("rs-path--yours", list.dataset.rsPath === path.id);
  }
}

/** The path's title (data/modules.yaml), from the page manifest. */
function pathTitle(id) {
  try {
    return JSON.parse(document.getElementById("rs-manifest").textContent).pathTitles[id] || id;
  } catch {
    return id;
  }
}

function link(url, label, kind) {
  return h("p", {}, h("a", { class: `rs-path-actions__link rs-path-actions__link--${kind}`, href: url,
    "data-rs-path-link": kind }, label));
}
