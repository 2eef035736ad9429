"""Reflow on a narrow screen (WCAG 2.2, 1.4.10): a page must not scroll sideways at 320 CSS pixels.

`phone_overflow(page)` is a plain check that any page sweep can call on a page opened at a 320 px viewport.
"""

from __future__ import annotations

PHONE = {"width": 320, "height": 640}

# Run in the page: the page's own width, then every rendered element whose right edge lies beyond the viewport
# and is not held inside a box that clips or scrolls it (a scrolling box must then be reachable by keyboard and
# named, like a wide table's region). Fixed-position layers (Material's drawer, search) do not widen the page.
_OVERFLOW_SCRIPT = """
() => {
  const width = window.innerWidth;
  const problems = [];
  const page = document.documentElement.scrollWidth;
  if (page > width) problems.push(`the page is ${page}px wide on a ${width}px screen`);
  const describe = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += `#${el.id}`;
    if (el.classList.length) text += '.' + [...el.classList].slice(0, 2).join('.');
    const words = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return words ? `${text} ("${words}")` : text;
  };
  const clips = (style) => style.overflowX !== 'visible';
  const reported = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    if (el.closest('[hidden], .md-sidebar, .md-search, .md-dialog')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (clips(style) && el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(style.overflowX)) {
      const named = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
      if (el.tabIndex < 0 || !named) {
        problems.push(`${describe(el)} scrolls sideways but is not a named, keyboard-focusable region`);
      }
    }
    if (box.right <= width + 1) continue;
    let parent = el.parentElement;
    let held = false;
    let fixed = style.position === 'fixed';
    while (parent && parent !== document.body && !held && !fixed) {
      const parentStyle = getComputedStyle(parent);
      fixed = parentStyle.position === 'fixed';
      held = clips(parentStyle) && parent.getBoundingClientRect().right <= width + 1;
      parent = parent.parentElement;
    }
    if (held || fixed) continue;
    if ([...reported].some((outer) => outer.contains(el))) continue;
    reported.add(el);
    problems.push(`${describe(el)} reaches ${Math.round(box.right)}px, beyond the ${width}px screen`);
  }
  return problems;
}
"""


def phone_overflow(page: object) -> list[str]:
    """What makes an open page scroll sideways or run off a narrow screen (empty when it reflows)."""
    return page.evaluate(_OVERFLOW_SCRIPT)
