/**
 * Print one part of a page alone (a session plan, a goal worksheet): while the print dialog is open, the
 * page's other content is left off the paper (sessions.css, html[data-rs-print-part]).
 */

/** @param {Element} part */
export function printPart(part) {
  const html = document.documentElement;
  html.setAttribute("data-rs-print-part", "");
  part.setAttribute("data-rs-print-only", "");
  window.addEventListener("afterprint", () => {
    html.removeAttribute("data-rs-print-part");
    part.removeAttribute("data-rs-print-only");
  }, { once: true });
  window.print();
}
