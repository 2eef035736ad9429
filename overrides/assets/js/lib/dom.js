/**
 * Tiny DOM builders. Strings always become text nodes: user text is never parsed as HTML.
 */

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
 * Copy author-written content (already HTML in the page) by cloning its nodes.
 * @param {Element|null} source
 */
export function cloneContent(source) {
  const fragment = document.createDocumentFragment();
  if (source) for (const node of source.childNodes) fragment.append(node.cloneNode(true));
  return fragment;
}
