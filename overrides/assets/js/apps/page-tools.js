/**
 * Tools on a module page: a gentle question about the learner's role, the facilitator view and presenter mode.
 *
 * The question (NQSW or supervisor) shows until the learner answers it here or on My learning, or puts it off
 * for this visit ("Not now", kept in the tab's sessionStorage, outside the saved state). The facilitator view
 * and presenter mode are for group sessions: they show only when the learner has said they run groups
 * (preferences.groups, set on My learning; lib/role.js).
 *
 * Facilitator view: shows the module's facilitator notes (removes their hidden attribute, so they are
 * on screen, in the accessibility tree and in print). The choice is remembered on this device through
 * the shared storage layer ("preferences" data), and applies on every module page.
 * Presenter mode: see lib/presenter.js. It is for this page only and never shows the notes.
 * "Print the session plan" prints the notes alone (lib/print-part.js).
 */

import { h } from "../lib/dom.js";
import { sayNotLoaded } from "../lib/first-use.js";
import { printPart } from "../lib/print-part.js";
import { t } from "../lib/strings.js";
import { runsGroups, saveWhoIAm, savedRole, showRole } from "../lib/role.js";
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

// Where "Not now" is remembered: the tab's sessionStorage, outside the site's prefix (not saved state).
const laterKey = (store) => `${store.name}:${store.scope}#role-ask-later`;

function putOff(store) {
  try {
    sessionStorage.setItem(laterKey(store), "on");
  } catch {
    // Blocked storage: the question is gone for this page and asked again on the next.
  }
}

function putOffBefore(store) {
  try {
    return sessionStorage.getItem(laterKey(store)) === "on";
  } catch {
    return false;
  }
}

/**
 * The question about the learner's role: answered, it saves the role and shows that role's wording at once.
 * @param {HTMLElement} root the tools bar
 * @param {import("../lib/storage.js").Store} store
 * @param {() => void} settle hides the bar when nothing in it shows
 */
function askRole(root, store, settle) {
  const ask = root.querySelector("[data-rs-role-ask]");
  const saved = root.querySelector("[data-rs-role-saved]");
  ask.hidden = savedRole(store) !== null || putOffBefore(store);
  for (const button of ask.querySelectorAll("[data-rs-role-choice]")) {
    button.addEventListener("click", () => {
      const choice = button.dataset.rsRoleChoice;
      ask.hidden = true;
      if (choice === "later") {
        putOff(store);
      } else {
        showRole(choice);
        saveWhoIAm(store, { role: choice });
        saved.hidden = false;
      }
      settle();
    });
  }
}

/** @param {HTMLElement} root the tools bar */
export function mount(root) {
  const store = siteStore();
  const notes = document.querySelector("[data-rs-facilitator]");
  const toggle = root.querySelector('[data-rs-tool="facilitator"]');
  const present = root.querySelector('[data-rs-tool="present"]');
  const groupTools = root.querySelector("[data-rs-group-tools]");
  // Someone who switched the facilitator view on before this question existed runs groups too.
  groupTools.hidden = !(runsGroups(store) || facilitatorView(store));
  const settle = () => {
    root.hidden = [...root.children].every((child) => child.hidden);
  };
  askRole(root, store, settle);
  settle();

  const apply = (on) => {
    toggle.setAttribute("aria-pressed", String(on));
    document.documentElement.classList.toggle("rs-facilitator-view", on);
    if (notes) notes.hidden = !on;
  };
  if (notes) {
    apply(facilitatorView(store));
    // The session plan prints on its own, without the module's text.
    const printPlan = notes.querySelector('[data-rs-action="print-plan"]');
    if (printPlan) {
      printPlan.hidden = false;
      printPlan.addEventListener("click", () => printPart(notes));
    }
    toggle.addEventListener("click", () => {
      const on = toggle.getAttribute("aria-pressed") !== "true";
      apply(on);
      setFacilitatorView(on, store);
    });
  } else {
    toggle.hidden = true;
  }

  const article = root.closest("article") || document.querySelector("article.md-content__inner");
  // Presenter mode loads on first use: most learners never present.
  const begin = (target, from = present) => import("../lib/presenter.js")
    .then(async ({ presentingStyles, startPresenter }) => {
      await presentingStyles(); // its own stylesheet, on first use too
      root.querySelector("[data-rs-tools-note]").hidden = true;  // loaded after all: no message of an earlier try
      startPresenter(article, { target, onLeave: () => from.focus() });
    })
    .catch((error) => sayNotLoaded(root.querySelector("[data-rs-tools-note]"), error));
  present.addEventListener("click", () => begin(null));
  if (groupTools.hidden) return;
  addPresentHere(article, begin);
  // A link with ?present opens presenter mode at the place its #fragment names (a session plan's timer link).
  if (new URLSearchParams(location.search).has("present")) {
    begin(location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null);
  }
}

/**
 * "Present from here" after each heading (h2, h3) and before each exercise, for those who run groups.
 * @param {HTMLElement} article
 * @param {(target: Element, from: HTMLElement) => void} begin
 */
function addPresentHere(article, begin) {
  for (const place of article.querySelectorAll(":scope > h2, :scope > h3, :scope > form.rs-exercise")) {
    const title = place.matches("form") ? place.querySelector(".rs-exercise__title") : place;
    const button = h("button", { type: "button", class: "rs-present-here rs-button rs-button--secondary",
      ...(title && title.id ? { "aria-describedby": title.id } : {}) }, t("presenter_from_here"));
    button.addEventListener("click", () => begin(place, button));
    if (place.matches("form")) place.before(button);
    else place.after(button);
  }
}
