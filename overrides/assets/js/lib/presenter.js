/**
 * Presenter mode: one section of the page at a time, in large type, without the site's navigation.
 *
 * Sections are the page's second-level headings (the part before the first is section 1). Nothing is
 * moved or copied: other sections are only hidden, so exercises keep working and keep their answers.
 * Keys: Right arrow or Page Down for next, Left arrow or Page Up for previous (not while typing in a
 * field, where those keys belong to the field), Escape to leave. Facilitator notes are never shown.
 */

import { h } from "./dom.js";
import { t } from "./strings.js";

const SKIP = ".rs-page-tools, [data-rs-facilitator], .md-source-file";
let active = null;

/** Split an article's children into sections at each h2. */
export function sectionsOf(article) {
  const sections = [];
  let current = null;
  for (const child of article.children) {
    if (child.matches(SKIP)) continue;
    if (!current || child.tagName === "H2") {
      current = { heading: null, elements: [] };
      sections.push(current);
    }
    if (!current.heading && /^H[12]$/.test(child.tagName)) current.heading = child;
    current.elements.push(child);
  }
  return sections;
}

/** Does a key press belong to a control (typing, choosing) rather than to the presenter? */
function ownedByControl(target) {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
}

/**
 * Start presenting an article.
 * @param {HTMLElement} article
 * @param {{onLeave?: () => void, start?: number}} [options]
 */
export function startPresenter(article, options = {}) {
  if (active) return active;
  const sections = sectionsOf(article);
  if (sections.length === 0) return null;
  const root = document.documentElement;
  const scrollBack = window.scrollY;
  let index = Math.min(Math.max(options.start || 0, 0), sections.length - 1);

  const position = h("p", { class: "rs-presenter__position", role: "status" });
  const previous = h("button", { type: "button", class: "rs-presenter__button" }, t("presenter_previous"));
  const next = h("button", { type: "button", class: "rs-presenter__button" }, t("presenter_next"));
  const leave = h("button", { type: "button", class: "rs-presenter__button rs-presenter__button--leave" }, t("presenter_leave"));
  const bar = h("div", { class: "rs-presenter", role: "region", "aria-label": t("presenter_controls") },
    previous, position, next, leave,
    h("p", { class: "rs-presenter__hint" }, t("presenter_hint")));

  const show = (n, { focusHeading = false } = {}) => {
    index = Math.min(Math.max(n, 0), sections.length - 1);
    sections.forEach((section, i) => {
      for (const element of section.elements) {
        // The page title stays as a small running head, so every section says which page it is from.
        const runningTitle = element.tagName === "H1" && i !== index;
        element.classList.toggle("rs-presenter-off", i !== index && !runningTitle);
        element.classList.toggle("rs-presenter-title", runningTitle);
      }
    });
    position.textContent = t("presenter_position", { number: index + 1, total: sections.length });
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
      stop();
      return;
    }
    if (ownedByControl(event.target)) return;
    if (event.key === "ArrowRight" || event.key === "PageDown") {
      event.preventDefault();
      show(index + 1, { focusHeading: true });
    } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
      event.preventDefault();
      show(index - 1, { focusHeading: true });
    }
  };

  const stop = () => {
    document.removeEventListener("keydown", onKey);
    for (const section of sections) for (const element of section.elements) element.classList.remove("rs-presenter-off", "rs-presenter-title");
    root.classList.remove("rs-presenting");
    bar.remove();
    active = null;
    const heading = sections[index].heading;
    if (index > 0 && heading) heading.scrollIntoView();
    else window.scrollTo(0, scrollBack);
    if (options.onLeave) options.onLeave();
  };

  previous.addEventListener("click", () => show(index - 1));
  next.addEventListener("click", () => show(index + 1));
  leave.addEventListener("click", stop);
  document.addEventListener("keydown", onKey);
  root.classList.add("rs-presenting");
  document.body.append(bar);
  show(index, { focusHeading: true });
  active = { stop, show: (n) => show(n), sections, index: () => index };
  return active;
}
