/**
 * Tools on a module page: the facilitator view and presenter mode.
 *
 * Facilitator view: shows the module's facilitator notes (removes their hidden attribute, so they are
 * on screen, in the accessibility tree and in print). The choice is remembered on this device through
 * the shared storage layer ("preferences" data), and applies on every module page.
 * Presenter mode: see lib/presenter.js. It is for this page only and never shows the notes.
 */

import { startPresenter } from "../lib/presenter.js";
import { siteStore } from "../lib/storage.js";

const PREFERENCES = "preferences";

/** Is the facilitator view switched on for this device? */
export function facilitatorView(store = siteStore()) {
  const preferences = store.getData(PREFERENCES, {});
  return Boolean(preferences && preferences.facilitator === true);
}

/** Remember the facilitator view choice; returns the store's result. */
export function setFacilitatorView(on, store = siteStore()) {
  const preferences = store.getData(PREFERENCES, {});
  return store.setData(PREFERENCES, { ...(preferences && typeof preferences === "object" ? preferences : {}), facilitator: on });
}

/** @param {HTMLElement} root the tools bar */
export function mount(root) {
  const store = siteStore();
  const notes = document.querySelector("[data-rs-facilitator]");
  const toggle = root.querySelector('[data-rs-tool="facilitator"]');
  const present = root.querySelector('[data-rs-tool="present"]');
  root.hidden = false;

  const apply = (on) => {
    toggle.setAttribute("aria-pressed", String(on));
    document.documentElement.classList.toggle("rs-facilitator-view", on);
    if (notes) notes.hidden = !on;
  };
  if (notes) {
    apply(facilitatorView(store));
    toggle.addEventListener("click", () => {
      const on = toggle.getAttribute("aria-pressed") !== "true";
      apply(on);
      setFacilitatorView(on, store);
    });
  } else {
    toggle.hidden = true;
  }

  present.addEventListener("click", () => {
    const article = root.closest("article") || document.querySelector("article.md-content__inner");
    startPresenter(article, { onLeave: () => present.focus() });
  });
}
