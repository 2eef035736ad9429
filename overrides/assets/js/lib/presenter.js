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
import { clampSection, escapeAction, keyAction, shortcutStep, slideView, startingSection } from "./presenter-state.js";
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
    if (!current || tag === "H2" || tag === "H3") open(tag === "H2" ? null : chapter);
    else if (isExercise && needsOwnSection(current)) open(chapter, leadParagraph(current));
    if (tag === "H2") chapter = child;
    addToSection(current, child, isExercise);
    const parts = isExercise ? partsOf(child) : null;
    if (parts) current = addPartSections(sections, current, child, chapter, parts);
  }
  return sections;
}

/** Put an element in a section; the section's heading is its first heading or exercise title. */
function addToSection(section, child, isExercise) {
  if (isExercise) {
    section.exercise = child;
    if (!section.heading) section.heading = child.querySelector(".rs-exercise__title");
  }
  if (!section.heading && /^H[123]$/.test(child.tagName)) section.heading = child;
  section.elements.push(child);
}

/** Does an exercise coming next need a section of its own? When this one has one, or more than a paragraph. */
function needsOwnSection(current) {
  const reading = current.elements.filter((element) => !/^H[123]$/.test(element.tagName));
  return Boolean(current.exercise) || reading.length > 1;
}

/** The paragraph just before an exercise, taken out of its section to introduce the exercise in its own. */
function leadParagraph(current) {
  const last = current.elements[current.elements.length - 1];
  return last && last.tagName === "P" && last !== current.exercise ? current.elements.splice(-1) : [];
}

/**
 * A long exercise: its first part stays in `current`; each further part is a section of its own (the form,
 * showing only that part, under its title), focused at the part's legend or heading. Returns the last section.
 */
function addPartSections(sections, current, form, chapter, parts) {
  const all = parts.flat();
  current.part = { all, shown: parts[0] };
  let last = current;
  for (const shown of parts.slice(1)) {
    last = {
      heading: shown[0].querySelector("legend, h4, h5, label") || form.querySelector(".rs-exercise__title"),
      parent: chapter, elements: [form], exercise: form, part: { all, shown },
    };
    sections.push(last);
  }
  return last;
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

/** The bar of controls, with the list of sections to jump to (opened from the bar). */
function presenterBar(sections) {
  const button = (words, attrs = {}) => h("button", { type: "button", class: "rs-presenter__button", ...attrs }, words);
  const listId = "rs-presenter-sections";
  const parts = {
    position: h("p", { class: "rs-presenter__position", role: "status" }),
    previous: button(t("presenter_previous")),
    next: button(t("presenter_next")),
    leave: h("button", { type: "button", class: "rs-presenter__button rs-presenter__button--leave" }, t("presenter_leave")),
    // Exercises written for each role show the NQSW wording on the screen until the presenter asks for the
    // supervisors' (macros/roles.py); the learner's own choice comes back on leaving.
    wording: button(t("presenter_supervisor_wording"), { "aria-pressed": "false", "data-rs-presenter-role": "" }),
    jump: button(t("presenter_sections"), { "aria-expanded": "false", "aria-controls": listId, "data-rs-presenter-jump": "" }),
    list: h("nav", { class: "rs-presenter__sections", id: listId, "aria-label": t("presenter_sections") },
      h("ol", {}, sections.map((section, n) => h("li", {},
        h("button", { type: "button", class: "rs-presenter__section", "data-rs-section-index": String(n) },
          sectionTitle(section, n)))))),
    // Full screen, where the browser offers it.
    fullScreen: document.fullscreenEnabled
      ? button(t("presenter_full_screen"), { "aria-pressed": "false", "data-rs-presenter-fullscreen": "" })
      : null,
  };
  parts.list.hidden = true;
  parts.bar = h("div", { class: "rs-presenter", role: "region", "aria-label": t("presenter_controls") },
    parts.list, parts.previous, parts.position, parts.next, parts.jump, parts.fullScreen, parts.wording, parts.leave,
    h("p", { class: "rs-presenter__hint" }, t("presenter_hint")));
  return parts;
}

/** Put a slide (slideView in lib/presenter-state.js) on the page and the bar. */
function showSlide(view, controls, elements, parts) {
  for (const element of elements) {
    element.classList.toggle("rs-presenter-off", view.off.has(element));
    element.classList.toggle("rs-presenter-title", view.titles.has(element));
  }
  for (const element of parts) element.classList.toggle("rs-presenter-off", view.partsOff.has(element));
  controls.position.textContent = t("presenter_position", { number: view.number, total: view.total });
  // A timer's slide is kept to what the room needs: clock, controls and the current phase (presenting.css).
  document.documentElement.classList.toggle("rs-presenting-timer",
    Boolean(view.exercise?.matches(".rs-exercise--activity-timer")));
  // aria-disabled rather than disabled, so a focused button keeps the focus at the first or last section.
  controls.previous.setAttribute("aria-disabled", String(view.first));
  controls.next.setAttribute("aria-disabled", String(view.last));
}

function focusHeading(heading) {
  if (!heading) return;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: true });
}

/** The controls' own clicks: previous, next, leave, the list of sections, full screen and the wording. */
function wireControls(controls, { move, stop, index }) {
  const { previous, next, leave, jump, list, fullScreen, wording } = controls;
  previous.addEventListener("click", () => move(index() - 1, false));
  next.addEventListener("click", () => move(index() + 1, false));
  leave.addEventListener("click", stop);
  jump.addEventListener("click", () => {
    const open = list.hidden;
    list.hidden = !open;
    jump.setAttribute("aria-expanded", String(open));
    if (open) list.querySelectorAll("button")[index()].focus();
  });
  list.addEventListener("click", (event) => {
    const choice = event.target instanceof Element ? event.target.closest("[data-rs-section-index]") : null;
    if (!choice) return;
    closeList(controls);
    move(Number(choice.dataset.rsSectionIndex), true);
  });
  if (fullScreen) {
    fullScreen.addEventListener("click", () => {
      if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
      else document.documentElement.requestFullscreen().catch(() => {});
    });
  }
  wording.addEventListener("click", () => {
    const supervisor = wording.getAttribute("aria-pressed") !== "true";
    wording.setAttribute("aria-pressed", String(supervisor));
    showRole(supervisor ? "supervisor" : "nqsw");
  });
}

function closeList({ list, jump }, { focus = false } = {}) {
  list.hidden = true;
  jump.setAttribute("aria-expanded", "false");
  if (focus) jump.focus();
}

/**
 * The page's own keys while presenting: next and previous (not while typing in a field, where those keys
 * belong to the field), Escape; and Material's shortcuts, caught first (see the top of this file).
 */
function keyHandlers(controls, { move, stop, index }) {
  const onKey = (event) => {
    if (event.defaultPrevented) return;
    const action = keyAction(event);
    if (action === "escape") {
      event.preventDefault();
      const then = escapeAction({ listOpen: !controls.list.hidden, fullScreen: Boolean(document.fullscreenElement) });
      if (then === "close-list") closeList(controls, { focus: true });
      else if (then === "leave") stop();
      return;
    }
    if (!action || ownedByControl(event.target)) return;
    event.preventDefault();
    move(index() + (action === "next" ? 1 : -1), true);
  };
  // Material listens for its shortcuts on window, in the bubble phase. This listener is on window in the
  // capture phase, so it runs first; stopping the event there means Material never sees it.
  const onShortcut = (event) => {
    const step = takesText(event.target) ? null : shortcutStep(event);
    if (step === null) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (step !== 0) move(index() + step, true);
  };
  return { onKey, onShortcut };
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
  const sectionHolding = (target) => sections.findIndex((section) => holds(section, target));
  let index = startingSection(sections.length, { targetIndex: options.target ? sectionHolding(options.target) : -1,
    start: options.start });
  const ownRole = pageRole();
  const controls = presenterBar(sections);
  // Every element presenter mode may hide: the article's children, and the parts of long exercises.
  const elements = new Set(sections.flatMap((section) => section.elements));
  const parts = new Set(sections.flatMap((section) => section.part?.all || []));

  const show = (n, { focus = false } = {}) => {
    index = clampSection(n, sections.length);
    showSlide(slideView(sections, index, elements, parts), controls, elements, parts);
    window.scrollTo(0, 0);
    if (focus) focusHeading(sections[index].heading);
  };
  const move = (n, focus) => show(n, { focus });

  // A link to a place on this page (a field still to fill in, a footnote) first shows the section holding it.
  // Capture phase: before the link's own handler, which may move the focus there.
  const onLink = (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
    const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    const found = sectionHolding(target);
    if (found >= 0 && found !== index) show(found);
  };
  const onFullScreen = () => {
    controls.fullScreen?.setAttribute("aria-pressed", String(Boolean(document.fullscreenElement)));
  };

  const stop = () => {
    document.removeEventListener("fullscreenchange", onFullScreen);
    document.removeEventListener("click", onLink, true);
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("keydown", onShortcut, true);
    for (const element of [...elements, ...parts]) element.classList.remove("rs-presenter-off", "rs-presenter-title");
    root.classList.remove("rs-presenting", "rs-presenting-timer");
    showRole(ownRole);
    controls.bar.remove();
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    active = null;
    const heading = sections[index].heading;
    if (index > 0 && heading) heading.scrollIntoView();
    else window.scrollTo(0, scrollBack);
    if (options.onLeave) options.onLeave();
  };

  const { onKey, onShortcut } = keyHandlers(controls, { move, stop, index: () => index });
  wireControls(controls, { move, stop, index: () => index });
  if (controls.fullScreen) document.addEventListener("fullscreenchange", onFullScreen);
  showRole("nqsw");
  document.addEventListener("click", onLink, true);
  document.addEventListener("keydown", onKey);
  window.addEventListener("keydown", onShortcut, true);
  root.classList.add("rs-presenting");
  document.body.append(controls.bar);
  show(index, { focus: true });
  active = { stop, show: (n) => show(n), sections, index: () => index };
  return active;
}
