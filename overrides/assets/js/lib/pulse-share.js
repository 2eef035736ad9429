/**
 * A self-assessment's group pulse share, shown when a learner opens it (widgets/self-assessment.js loads this on
 * first use, with lib/pulse.js and the QR encoder): the code as text and as a QR picture, or why there is none.
 */

import { svg } from "./dom.js";
import { t } from "./strings.js";

/**
 * Show a pulse code (null when nothing is rated yet) in a self-assessment's pulse area.
 * @param {HTMLElement} root the self-assessment form
 * @param {string|null} code
 * @param {Function} qrcode the QR encoder (vendor/qrcode-generator)
 */
export function showPulseCode(root, code, qrcode) {
  const text = root.querySelector("[data-rs-pulse-code]");
  const picture = root.querySelector("[data-rs-pulse-qr]");
  const note = root.querySelector("[data-rs-pulse-note]");
  const words = code ? t("self_assessment_pulse_note") : t("self_assessment_pulse_empty");
  if (text.textContent === (code || "") && note.textContent === words) return;  // nothing changed
  text.textContent = code || "";
  picture.replaceChildren();
  note.textContent = words;
  if (code) picture.append(qrPicture(code, qrcode));
}

/** Draw a QR code of a pulse code as SVG squares (built with DOM calls, never parsed from a string). */
export function qrPicture(code, qrcode) {
  const qr = qrcode(0, "M");
  qr.addData(code, "Alphanumeric");
  qr.make();
  const count = qr.getModuleCount();
  const quiet = 4;
  const size = count + quiet * 2;
  let path = "";
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (qr.isDark(row, column)) path += `M${column + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return svg("svg", {
    class: "rs-pulse-share__qr-image", viewBox: `0 0 ${size} ${size}`, role: "img",
    "aria-label": t("self_assessment_qr_label", { code }), "shape-rendering": "crispEdges", focusable: "false",
  }, svg("rect", { width: size, height: size, fill: "#fff" }), svg("path", { d: path, fill: "#000" }));
}
