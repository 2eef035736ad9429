/**
 * Tiny DOM builders. Strings always become text nodes: user text is never parsed as HTML.
 */

import { tParts } from "./strings.js";

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Create an HTML element.
 * @param {string} tag
 * @param {Record<string, string|number|boolean>} [attrs]
 * @param {...(Node|string|number|null|undefined)} children
 */
export function h(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/**
 * Create an SVG element.
 * @param {string} tag
 * @param {Record<string, string|number>} [attrs]
 * @param {...(Node|string|number|null|undefined)} children
 */
export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * Learner or imported text as its own <bdi> element: shown as text, and isolated for the bidirectional
 * algorithm with its direction taken from its own first strong character, so a right-to-left override in it
 * cannot reorder or mirror the site's words around it. (For text that cannot hold an element, such as an
 * attribute or an SVG title, use isolate() from lib/text.js.)
 * @param {unknown} text
 */
export function bdi(text) {
  return h("bdi", {}, String(text ?? ""));
}

/**
 * An interface string with nodes in its placeholders, as a fragment, such as textWith(key, { title: bdi(title) }).
 * The DOM version of t(), for sentences that carry learner text; never HTML.
 * @param {string} key
 * @param {Record<string, Node|string|number>} [params]
 */
export function textWith(key, params = {}) {
  return fill(document.createDocumentFragment(), {}, tParts(key, params));
}

/**
 * Copy author-written content (already HTML in the page) by cloning its nodes.
 * @param {Element|null} source
 */
export function cloneContent(source) {
  const fragment = document.createDocumentFragment();
  if (source) for (const node of source.childNodes) fragment.append(node.cloneNode(true));
  return fragment;
}

/**
 * A data table that fits a narrow screen: its caption shows in full above a box that scrolls sideways (a
 * region a keyboard user can focus and scroll with the arrow keys, named by the caption). The table keeps its
 * <caption>, hidden from sight only, for the table's own name in a screen reader.
 * @param {string} captionId
 * @param {string} caption
 * @param {Record<string, string>} tableAttrs
 * @param {...Node} rows  thead and tbody
 */
export function scrollingTable(captionId, caption, tableAttrs, ...rows) {
  return h("div", { class: "rs-table-block" },
    h("p", { class: "rs-table-block__caption", "aria-hidden": "true" }, caption),
    h("div", { class: "rs-table-scroll", role: "region", tabindex: "0", "aria-labelledby": captionId },
      h("table", tableAttrs, h("caption", { id: captionId, class: "rs-visually-hidden" }, caption), ...rows)));
}

/**
 * Draw an area again without losing the reader's place: the focused field (by its id) keeps the focus and its
 * selection, and each part's <details> that was open opens again (a part: an element with the attribute
 * `part`, its <details> a child of it, found again by the attribute's value).
 * @param {Element} root
 * @param {() => void} redraw
 * @param {string} part  such as "data-rs-record-item"
 */
export function redrawKeepingPlace(root, redraw, part) {
  const active = document.activeElement;
  const focused = active && root.contains(active) ? active.id : null;
  const [start, end] = focused ? [active.selectionStart, active.selectionEnd] : [];
  const opened = [...root.querySelectorAll(`[${part}] details[open]`)].map((details) => details.parentElement.getAttribute(part));
  redraw();
  for (const name of opened) root.querySelector(`[${part}="${CSS.escape(name)}"] details`)?.setAttribute("open", "");
  const again = focused && document.getElementById(focused);
  if (again) {
    again.focus();
    if (typeof start === "number" && again.setSelectionRange) again.setSelectionRange(start, end);
  }
}
