/**
 * Presenter mode: one section of the page at a time, in large type, without the site's navigation.
 *
 * Sections start at the page's second- and third-level headings (the part before the first is section 1),
 * and a section holds at most one exercise, so each fits a projector better; in a section that does not
 * start at a second-level heading, that heading stays as a small running head under the page title.
 * An exercise with several parts (prompts, dimensions, questions, sections) is shown a part at a time, under
 * its title: its introduction comes with the first part, its results and buttons with the last.
 * Nothing is moved or copied: other sections are only hidden, so exercises keep working and keep their
 * answers. (A single part can still be taller than the screen: the page scrolls within it.)
 * Keys: Right arrow, Page Down, N or . for next; Left arrow, Page Up, P or , for previous (not while typing
 * in a field, where those keys belong to the field); Escape to leave. Material's own shortcuts (N, P, . and ,
 * go to another page; F, S and / open search) would leave the presentation, so while presenting they are
 * caught first (capture phase) and mapped to next and previous, or do nothing. Facilitator notes are never shown.
 * "Sections" opens a list of every section to jump to (buttons: pointer or keyboard; Escape closes it);
 * "Full screen" shows where the browser offers the Fullscreen API. A timer's slide is trimmed to its clock,
 * controls and current phase (html.rs-presenting-timer, presenting.css), so it fits a 1280x720 projector.
 * startPresenter's ``target`` starts at the section showing an element (page-tools.js: "Present from here",
 * and a link with ?present#id).
 */

import { h } from "./dom.js";
import { pageRole, showRole } from "./role.js";
import { t } from "./strings.js";

const SKIP = ".rs-page-tools, .rs-reading-tools, [data-rs-facilitator], .md-source-file, .rs-present-here";
const EXERCISE = ".rs-exercise";
// The parts of a form that presenter mode shows one at a time, when a form has at least two: each kind's
// template marks them (a prompt, a dimension, a question, a section of the agreement...).
const PART = "[data-rs-part]";
const MIN_PARTS = 2;
// Always shown with every part: the exercise's title. (Scripts are never shown anyway.)
const FORM_KEEP = ".rs-exercise__header, script";
let active = null;

const NEXT_KEYS = new Set(["ArrowRight", "PageDown"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "PageUp"]);
// Material's page shortcuts (next and previous page) become next and previous section; its search
// shortcuts do nothing while presenting.
const MATERIAL_NEXT = new Set(["n", "N", "."]);
const MATERIAL_PREVIOUS = new Set(["p", "P", ","]);
const MATERIAL_SEARCH = new Set(["f", "F", "s", "S", "/"]);

/**
 * A long exercise's parts, each a list of the form's children shown together: from one part up to the next,
 * the first part taking what comes before it (the introduction) and the last what comes after (results,
 * buttons). Null when the exercise has fewer than MIN_PARTS parts.
 */
export function partsOf(form) {
  const children = [...form.children].filter((child) => !child.matches(FORM_KEEP));
  const starts = children.flatMap((child, i) => (child.matches(PART) ? [i] : []));
  if (starts.length < MIN_PARTS) return null;
  return starts.map((start, n) =>
    children.slice(n === 0 ? 0 : start, n === starts.length - 1 ? children.length : starts[n + 1]));
}

/**
 * Split an article's children into sections: at each h2 and h3, and at each exercise, so that a section
 * holds at most one exercise and an exercise does not share the screen with a long stretch of reading.
 * An exercise stays in the section of its heading when only a heading and one paragraph come before it;
 * otherwise it starts a section of its own, taking the paragraph just before it (which usually introduces
 * it) along. A section that does not start at an h2 remembers the h2 above it (``parent``), shown as a
 * running head; one that starts at an exercise is headed by the exercise's title. A long exercise adds a
 * section for each of its further parts (``part``: which of the form's children to show).
 */
export function sectionsOf(article) {
  const sections = [];
  let current = null;
  let chapter = null;
  const open = (parent, elements = []) => {
    current = { heading: null, parent, elements, exercise: null };
    sections.push(current);
  };
  for (const child of article.children) {
    if (child.matches(SKIP)) continue;
    const tag = child.tagName;
    const isExercise = child.matches(EXERCISE);
    if (!current || tag === "H2" || tag === "H3") {
      open(tag === "H2" ? null : chapter);
    } else if (isExercise) {
      const reading = current.elements.filter((element) => !/^H[123]$/.test(element.tagName));
      if (current.exercise || reading.length > 1) {
        const last = current.elements[current.elements.length - 1];
        const lead = last && last.tagName === "P" && last !== current.exercise ? current.elements.splice(-1) : [];
        open(chapter, lead);
      }
    }
    if (tag === "H2") chapter = child;
    if (isExercise) {
      current.exercise = child;
      if (!current.heading) current.heading = child.querySelector(".rs-exercise__title");
    }
    if (!current.heading && /^H[123]$/.test(tag)) current.heading = child;
    current.elements.push(child);
    const parts = isExercise ? partsOf(child) : null;
    if (parts) {
      const all = parts.flat();
      current.part = { all, shown: parts[0] };
      // Each further part is a section of its own: the form (showing only that part) under its title,
      // focused at the part's legend or heading.
      for (const shown of parts.slice(1)) {
        open(chapter, [child]);
        current.exercise = child;
        current.part = { all, shown };
        current.heading = shown[0].querySelector("legend, h4, h5, label") || child.querySelector(".rs-exercise__title");
      }
    }
  }
  return sections;
}

/** Does a section show this element? (Within a long exercise, only the section of the part holding it.) */
function holds(section, target) {
  return section.elements.some((element) => element.contains(target))
    && (!section.part || !section.part.all.some((element) => element.contains(target))
      || section.part.shown.some((element) => element.contains(target)));
}

/** A section's name in the list of sections: its number and its heading's words. */
function sectionTitle(section, n) {
  const heading = section.heading ? section.heading.textContent.replace(/\s+/g, " ").replace(/¶$/, "").trim() : "";
  return t("presenter_section_item", { number: n + 1, title: heading || t("presenter_section_untitled") });
}

/** Does a key press belong to a control (typing, choosing) rather than to the presenter? */
function ownedByControl(target) {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
}

/** Does a letter typed here belong to the control? (Not on a radio button, a tick box or a button.) */
function takesText(target) {
  if (!(target instanceof Element)) return false;
  if (target.closest("textarea, select, [contenteditable=''], [contenteditable='true']")) return true;
  const input = target.closest("input");
  return Boolean(input) && !["radio", "checkbox", "button", "submit", "reset", "range", "color", "file", "image"].includes(input.type);
}

let stylesLoaded = null;

/**
 * Link presenter mode's stylesheet (assets/css/presenting.css, beside the page's stylesheet of ours, which main.html
 * marks with data-rs-stylesheet) once, and settle when it has loaded, so slides never show half styled. Settles
 * too if it cannot load (presenting still works, plainer).
 * @param {Document} [doc]
 * @returns {Promise<void>}
 */
export function presentingStyles(doc = document) {
  if (stylesLoaded) return stylesLoaded;
  const ours = doc.querySelector("link[data-rs-stylesheet]");
  if (!ours) return (stylesLoaded = Promise.resolve());
  const link = doc.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("presenting.css", ours.href).href;
  stylesLoaded = new Promise((resolve) => {
    link.addEventListener("load", () => resolve(), { once: true });
    link.addEventListener("error", () => {
      console.warn("Could not load presenter mode's styles");
      resolve();
    }, { once: true });
  });
  doc.head.append(link);
  return stylesLoaded;
}

/**
 * Start presenting an article.
 * @param {HTMLElement} article
 * @param {{onLeave?: () => void, start?: number, target?: Element | null}} [options]  target: start at the
 *   section that shows this element (a heading, an exercise, a field), as a link to it would
 */
export function startPresenter(article, options = {}) {
  if (active) return active;
  const sections = sectionsOf(article);
  if (sections.length === 0) return null;
  const root = document.documentElement;
  const scrollBack = window.scrollY;
  const targetIndex = options.target ? sections.findIndex((section) => holds(section, options.target)) : -1;
  let index = Math.min(Math.max(targetIndex >= 0 ? targetIndex : options.start || 0, 0), sections.length - 1);

  const position = h("p", { class: "rs-presenter__position", role: "status" });
  const previous = h("button", { type: "button", class: "rs-presenter__button" }, t("presenter_previous"));
  const next = h("button", { type: "button", class: "rs-presenter__button" }, t("presenter_next"));
  const leave = h("button", { type: "button", class: "rs-presenter__button rs-presenter__button--leave" }, t("presenter_leave"));
  // Exercises written for each role show the NQSW wording on the screen until the presenter asks for the
  // supervisors' (macros/roles.py); the learner's own choice comes back on leaving.
  const ownRole = pageRole();
  const wording = h("button", { type: "button", class: "rs-presenter__button", "aria-pressed": "false", "data-rs-presenter-role": "" },
    t("presenter_supervisor_wording"));
  // The list of sections to jump to, opened from the bar.
  const listId = "rs-presenter-sections";
  const jump = h("button", { type: "button", class: "rs-presenter__button", "aria-expanded": "false",
    "aria-controls": listId, "data-rs-presenter-jump": "" }, t("presenter_sections"));
  const list = h("nav", { class: "rs-presenter__sections", id: listId, "aria-label": t("presenter_sections") },
    h("ol", {}, sections.map((section, n) => h("li", {},
      h("button", { type: "button", class: "rs-presenter__section", "data-rs-section-index": String(n) },
        sectionTitle(section, n))))));
  list.hidden = true;
  const closeList = ({ focus = false } = {}) => {
    list.hidden = true;
    jump.setAttribute("aria-expanded", "false");
    if (focus) jump.focus();
  };
  // Full screen, where the browser offers it.
  const fullScreen = document.fullscreenEnabled
    ? h("button", { type: "button", class: "rs-presenter__button", "aria-pressed": "false", "data-rs-presenter-fullscreen": "" },
      t("presenter_full_screen"))
    : null;
  const bar = h("div", { class: "rs-presenter", role: "region", "aria-label": t("presenter_controls") },
    list, previous, position, next, jump, ...(fullScreen ? [fullScreen] : []), wording, leave,
    h("p", { class: "rs-presenter__hint" }, t("presenter_hint")));

  // Every element presenter mode may hide: the article's children, and the parts of long exercises.
  const elements = new Set(sections.flatMap((section) => section.elements));
  const parts = new Set(sections.flatMap((section) => section.part?.all || []));

  const show = (n, { focusHeading = false } = {}) => {
    index = Math.min(Math.max(n, 0), sections.length - 1);
    const { parent, part } = sections[index];
    const current = new Set(sections[index].elements);
    for (const element of elements) {
      // The page title stays as a small running head, so every section says which page it is from; in a
      // section that starts at an h3, so does the h2 it belongs to.
      const runningTitle = !current.has(element) && (element.tagName === "H1" || element === parent);
      element.classList.toggle("rs-presenter-off", !current.has(element) && !runningTitle);
      element.classList.toggle("rs-presenter-title", runningTitle);
    }
    for (const element of parts) element.classList.toggle("rs-presenter-off", Boolean(part) && part.all.includes(element) && !part.shown.includes(element));
    position.textContent = t("presenter_position", { number: index + 1, total: sections.length });
    // A timer's slide is kept to what the room needs: clock, controls and the current phase (presenting.css).
    root.classList.toggle("rs-presenting-timer", Boolean(sections[index].exercise?.matches(".rs-exercise--activity-timer")));
    // aria-disabled rather than disabled, so a focused button keeps the focus at the first or last section.
    previous.setAttribute("aria-disabled", String(index === 0));
    next.setAttribute("aria-disabled", String(index === sections.length - 1));
    window.scrollTo(0, 0);
    const heading = sections[index].heading;
    if (focusHeading && heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  };

  const onKey = (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape") {
      event.preventDefault();
      if (!list.hidden) closeList({ focus: true });
      else if (!document.fullscreenElement) stop();
      return;
    }
    if (ownedByControl(event.target)) return;
    if (NEXT_KEYS.has(event.key)) {
      event.preventDefault();
      show(index + 1, { focusHeading: true });
    } else if (PREVIOUS_KEYS.has(event.key)) {
      event.preventDefault();
      show(index - 1, { focusHeading: true });
    }
  };

  // Material listens for its shortcuts on window, in the bubble phase. This listener is on window in the
  // capture phase, so it runs first; stopping the event there means Material never sees it.
  const onShortcut = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || takesText(event.target)) return;
    const step = MATERIAL_NEXT.has(event.key) ? 1 : MATERIAL_PREVIOUS.has(event.key) ? -1 : 0;
    if (step === 0 && !MATERIAL_SEARCH.has(event.key)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (step !== 0) show(index + step, { focusHeading: true });
  };

  // A link to a place on this page (a field still to fill in, a footnote) first shows the section holding it.
  // Capture phase: before the link's own handler, which may move the focus there.
  const onLink = (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    const found = sections.findIndex((section) => holds(section, target));
    if (found >= 0 && found !== index) show(found);
  };

  const onFullScreen = () => {
    if (fullScreen) fullScreen.setAttribute("aria-pressed", String(Boolean(document.fullscreenElement)));
  };

  const stop = () => {
    document.removeEventListener("fullscreenchange", onFullScreen);
    document.removeEventListener("click", onLink, true);
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("keydown", onShortcut, true);
    for (const element of [...elements, ...parts]) element.classList.remove("rs-presenter-off", "rs-presenter-title");
    root.classList.remove("rs-presenting", "rs-presenting-timer");
    showRole(ownRole);
    bar.remove();
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    active = null;
    const heading = sections[index].heading;
    if (index > 0 && heading) heading.scrollIntoView();
    else window.scrollTo(0, scrollBack);
    if (options.onLeave) options.onLeave();
  };

  previous.addEventListener("click", () => show(index - 1));
  next.addEventListener("click", () => show(index + 1));
  leave.addEventListener("click", stop);
  jump.addEventListener("click", () => {
    const open = list.hidden;
    list.hidden = !open;
    jump.setAttribute("aria-expanded", String(open));
    if (open) list.querySelectorAll("button")[index].focus();
  });
  list.addEventListener("click", (event) => {
    const choice = event.target instanceof Element ? event.target.closest("[data-rs-section-index]") : null;
    if (!choice) return;
    closeList();
    show(Number(choice.dataset.rsSectionIndex), { focusHeading: true });
  });
  if (fullScreen) {
    fullScreen.addEventListener("click", () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      else root.requestFullscreen().catch(() => {});
    });
    document.addEventListener("fullscreenchange", onFullScreen);
  }
  wording.addEventListener("click", () => {
    const supervisor = wording.getAttribute("aria-pressed") !== "true";
    wording.setAttribute("aria-pressed", String(supervisor));
    showRole(supervisor ? "supervisor" : "nqsw");
  });
  showRole("nqsw");
  document.addEventListener("click", onLink, true);
  document.addEventListener("keydown", onKey);
  window.addEventListener("keydown", onShortcut, true);
  root.classList.add("rs-presenting");
  document.body.append(bar);
  show(index, { focusHeading: true });
  active = { stop, show: (n) => show(n), sections, index: () => index };
  return active;
}
