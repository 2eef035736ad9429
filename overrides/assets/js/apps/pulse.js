/**
 * The facilitator's group pulse page: read codes typed, pasted (many at once) or read from participants' QR
 * codes with this device's camera where the browser has a barcode detector (lib/pulse.js), and show the group's
 * spread in each dimension as a chart with a table of the same figures, or large for a projector.
 * The codes read are kept on this device until the facilitator clears them (`data:pulse-codes`,
 * lib/pulse-collection.js), except in shared-computer mode, where they last only while the page is open.
 * Nothing is sent anywhere; camera frames are read here and never kept. The spread shows only from three codes
 * up, and a group of statements only once three people have rated it (MIN_GROUP, lib/pulse.js); codes the
 * self-assessment cannot make are refused. A code the same as one already added is added too (two people can
 * give the same answers), and the message says so. Figures are rounded as the data lab's notebook rounds
 * them (formatFigure).
 */

import { failureText } from "../lib/app.js";
import { drawChart, tableParts } from "../lib/bar-chart.js";
import { h } from "../lib/dom.js";
import { download } from "../lib/download.js";
import { MIN_GROUP, decodeMany, distribution, formatFigure, scoresCsv } from "../lib/pulse.js";
import { addCodes, groupCodes, removeCode, restoreCodes, savedCodes } from "../lib/pulse-collection.js";
import { siteStore } from "../lib/storage.js";
import { t, tn } from "../lib/strings.js";

export { MIN_GROUP };

/** How long the camera ignores the QR code it has just read, so one code held up is added once. */
const SAME_CODE_PAUSE_MS = 4000;

/** @param {HTMLElement} root */
export function mount(root) {
  const exercises = JSON.parse(root.querySelector("[data-rs-pulse-exercises]").textContent);
  const input = root.querySelector("#rs-pulse-input");
  const messages = root.querySelector("[data-rs-pulse-messages]");
  const results = root.querySelector("[data-rs-pulse-results]");
  const keptNote = root.querySelector("[data-rs-pulse-kept]");
  const store = siteStore();
  // Kept on this device unless storage is blocked or this is a shared computer (then only while the page is open).
  const keeps = store.available() && !store.shared;
  /** @type {{code: string, exercise: object, averages: (number|null)[]}[]} */
  let collected = [];
  for (const element of root.querySelectorAll(".rs-js-only")) element.hidden = false;
  keptNote.textContent = keeps ? t("pulse_kept_device") : t("pulse_kept_page");

  const save = () => {
    if (!keeps) return;
    const result = store.setData("pulse-codes", savedCodes(store.getData("pulse-codes", null), collected));
    if (!result.ok) messages.append(h("p", { class: "rs-app__error" }, failureText(result, t("pulse_not_kept"))));
  };

  const draw = () => {
    results.replaceChildren(...groupCodes(collected).map((group) => groupResults(group, remove)));
    projectorButton.hidden = collected.length === 0;
    if (projector.open) projector.draw();
  };

  const remove = (index) => {
    const gone = collected[index];
    collected = removeCode(collected, index);
    save();
    messages.replaceChildren(h("p", {}, t("pulse_removed", { code: gone.code })));
    draw();
    input.focus(); // the button that had the focus is gone
  };

  /** Read codes from text (typed, pasted or from the camera) and say what happened. */
  const add = (text, { fromCamera = false } = {}) => {
    const { codes, problems } = decodeMany(text, exercises);
    const added = addCodes(collected, codes);
    collected = added.collected;
    if (codes.length) save();
    const parts = [];
    if (codes.length === 0 && problems.length === 0) parts.push(h("p", {}, t("pulse_nothing_typed")));
    if (codes.length > 0) {
      parts.push(h("p", {}, fromCamera ? tn("pulse_camera_added", collected.length) : tn("pulse_added", codes.length)));
      if (added.repeats > 0) parts.push(h("p", { class: "rs-pulse__repeated" }, tn("pulse_repeated", added.repeats)));
    }
    if (problems.length > 0) {
      parts.push(
        h("p", { class: "rs-pulse__problem-title" }, tn("pulse_not_added", problems.length)),
        h("ul", { class: "rs-pulse__problems" }, problems.map((problem) => h("li", {}, problem.message))),
      );
    }
    messages.replaceChildren(...parts);
    if (!fromCamera) input.value = problems.map((problem) => problem.text).join("\n");
    else if (problems.length) input.value = [input.value, ...problems.map((problem) => problem.text)].filter(Boolean).join("\n");
    draw();
  };

  root.querySelector('[data-rs-pulse="add"]').addEventListener("click", () => add(input.value));

  root.querySelector('[data-rs-pulse="clear"]').addEventListener("click", () => {
    if (collected.length && !window.confirm(t("pulse_clear_confirm"))) return;
    collected = [];
    save();
    input.value = "";
    messages.replaceChildren(h("p", {}, t("pulse_all_removed")));
    draw();
  });

  const projector = projectorView(root, () => groupCodes(collected));
  const projectorButton = root.querySelector('[data-rs-pulse="projector"]');
  projectorButton.addEventListener("click", () => projector.show(projectorButton));
  cameraReader(root, (text) => add(text, { fromCamera: true }), messages);

  if (keeps) {
    const stored = store.getData("pulse-codes", null);
    const restored = restoreCodes(stored, exercises);
    collected = restored.collected;
    if (collected.length) messages.replaceChildren(h("p", {}, tn("pulse_restored", collected.length)));
    if (restored.problems.length) {
      input.value = restored.problems.map((problem) => problem.text).join("\n");
      messages.append(h("ul", { class: "rs-pulse__problems" }, restored.problems.map((problem) => h("li", {}, problem.message))));
    }
  }
  draw();
}

/**
 * Read participants' QR codes with this device's camera, where the browser has a barcode detector.
 * Frames go from the camera to the detector in this page and nowhere else; the camera stops when the
 * facilitator says, or the page is left.
 * @param {HTMLElement} root
 * @param {(text: string) => void} onCode
 * @param {HTMLElement} messages
 */
function cameraReader(root, onCode, messages) {
  const area = root.querySelector("[data-rs-pulse-camera]");
  if (!area || typeof globalThis.BarcodeDetector !== "function" || !navigator.mediaDevices?.getUserMedia) return;
  area.hidden = false;
  const start = area.querySelector('[data-rs-pulse="camera-start"]');
  const stop = area.querySelector('[data-rs-pulse="camera-stop"]');
  const video = area.querySelector("video");
  let stream = null;
  let timer = null;
  let last = { text: "", at: 0 };
  const end = () => {
    clearInterval(timer);
    for (const track of stream?.getTracks() || []) track.stop();
    stream = null;
    video.srcObject = null;
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  };
  start.addEventListener("click", async () => {
    let detector;
    try {
      detector = new globalThis.BarcodeDetector({ formats: ["qr_code"] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch {
      messages.replaceChildren(h("p", { class: "rs-app__error" }, t("pulse_camera_failed")));
      end();
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    start.hidden = true;
    stop.hidden = false;
    stop.focus();
    await video.play().catch(() => {});
    messages.replaceChildren(h("p", {}, t("pulse_camera_on")));
    let busy = false;
    timer = setInterval(async () => {
      if (busy || !stream) return;
      busy = true;
      try {
        for (const found of await detector.detect(video)) {
          const text = String(found.rawValue || "");
          const now = Date.now();
          if (!text || (text === last.text && now - last.at < SAME_CODE_PAUSE_MS)) continue;
          last = { text, at: now };
          onCode(text);
        }
      } catch {
        // A frame that cannot be read yet (the video still starting): try the next one.
      } finally {
        busy = false;
      }
    }, 300);
  });
  stop.addEventListener("click", () => {
    end();
    messages.replaceChildren(h("p", {}, t("pulse_camera_off")));
    start.focus();
  });
  window.addEventListener("pagehide", end);
}

/**
 * The results large, for a projector: the charts only (no codes, tables or buttons), filling the screen.
 * Escape or the close button leaves it and puts the focus back.
 * @param {HTMLElement} root
 * @param {() => object[]} groups
 */
function projectorView(root, groups) {
  const board = root.querySelector("[data-rs-pulse-board]");
  const content = board.querySelector("[data-rs-pulse-board-content]");
  const close = board.querySelector('[data-rs-pulse="projector-close"]');
  let opener = null;
  const view = {
    open: false,
    draw() {
      content.replaceChildren(...groups().map((group) => boardGroup(group)));
    },
    show(from) {
      opener = from;
      view.open = true;
      view.draw();
      board.hidden = false;
      document.documentElement.classList.add("rs-pulse-projecting");
      close.focus();
    },
    hide() {
      view.open = false;
      board.hidden = true;
      document.documentElement.classList.remove("rs-pulse-projecting");
      opener?.focus();
    },
  };
  close.addEventListener("click", () => view.hide());
  board.addEventListener("keydown", (event) => {
    if (event.key === "Escape") view.hide();
  });
  return view;
}

/** One self-assessment on the projector: its title, how many codes, and its chart (or why there is none yet). */
function boardGroup(group) {
  const { exercise, codes } = group;
  const parts = [h("h2", {}, exercise.title), h("p", {}, tn("pulse_group_codes", codes.length, { min: exercise.min, max: exercise.max }))];
  if (codes.length < MIN_GROUP) parts.push(h("p", { class: "rs-pulse__wait" }, t("pulse_group_wait", { count: MIN_GROUP })));
  else parts.push(chart(distribution(exercise, codes.map((entry) => entry.averages)), codes.length));
  return h("section", { class: "rs-pulse__board-group", "data-rs-pulse-board-group": exercise.id }, ...parts);
}

function groupResults(group, remove) {
  const { exercise, codes } = group;
  const slug = exercise.id;
  const section = h("section", { class: "rs-pulse__group", "aria-labelledby": `rs-pulse-${slug}-title` },
    h("h3", { id: `rs-pulse-${slug}-title` }, exercise.title),
    h("p", {}, tn("pulse_group_codes", codes.length, { min: exercise.min, max: exercise.max })));
  if (codes.length < MIN_GROUP) {
    section.append(h("p", { class: "rs-pulse__wait" }, t("pulse_group_wait", { count: MIN_GROUP })));
  } else {
    const rows = distribution(exercise, codes.map((entry) => entry.averages));
    section.append(chart(rows, codes.length), table(slug, exercise, rows), h("p", { class: "rs-pulse__rounding" }, t("pulse_rounding")),
      csvButton(exercise, codes));
  }
  section.append(h("details", { class: "rs-pulse__codes" },
    h("summary", {}, t("pulse_codes_added", { count: codes.length })),
    h("ul", {}, codes.map((entry) => h("li", {},
      h("code", {}, entry.code), " ",
      removeButton(entry.code, () => remove(entry.index)))))));
  return section;
}

/** Download the group's averages for the data lab's group notebook (made here, saved only where the facilitator chooses). */
function csvButton(exercise, codes) {
  const button = h("button", { type: "button", class: "rs-button rs-button--secondary", "data-rs-pulse-csv": exercise.id }, t("pulse_download_csv"));
  button.addEventListener("click", () => download(`group-pulse-${exercise.id}.csv`, scoresCsv(exercise,
    codes.map((entry) => entry.averages), t("pulse_csv_note", { title: exercise.title, min: exercise.min, max: exercise.max })), "text/csv"));
  return button;
}

function removeButton(code, onClick) {
  const button = h("button", { type: "button", class: "rs-button rs-button--secondary rs-pulse__remove", "aria-label": t("pulse_remove_code", { code }) }, t("pulse_remove"));
  button.addEventListener("click", onClick);
  return button;
}

/**
 * The chart: for each group of statements, its name (HTML, so a long name wraps) and a row of bars. The bars'
 * drawing has no viewBox: across it is in percentages of the column's width, down in CSS pixels, so the
 * chart fills its column at any width while its numbers stay at the page's text size. One image for
 * assistive technology, named by pulse_chart_title; the table gives the same figures.
 */
function chart(rows, total) {
  return h("figure", { class: "rs-pulse__figure rs-pulse__chart", role: "img", "aria-label": t("pulse_chart_title") },
    rows.map((row) => (row.hidden
      ? h("div", { class: "rs-pulse__chart-row", "data-rs-pulse-hidden": row.id },
        h("p", { class: "rs-pulse__chart-label" }, t("pulse_chart_hidden", { title: row.title, count: MIN_GROUP })))
      : h("div", { class: "rs-pulse__chart-row" },
        h("p", { class: "rs-pulse__chart-label" }, t("pulse_chart_label", { title: row.title, median: formatFigure(row.median) })),
        bars(row, total)))));
}

/** One group's bars: a column per point of the scale, its height the share of the people who chose it. */
function bars(row, total) {
  return drawChart({
    layout: "columns", prefix: "rs-pulse__chart-", svgClass: "rs-pulse__chart-bars",
    rows: row.counts.map((count, n) => ({ title: String(row.points[n]), share: total ? count / total : 0, value: String(count) })),
  });
}

/** The table, in a box that scrolls sideways on a narrow screen (focusable, so the keyboard can scroll it). */
function table(slug, exercise, rows) {
  const points = rows[0].points;
  const captionId = `rs-pulse-${slug}-table`;
  const description = {
    table: {
      caption: t("pulse_table_caption", { min: exercise.min, max: exercise.max }),
      columns: [t("pulse_table_group"), ...points.map(String), t("pulse_table_median"), t("pulse_table_range"),
        t("pulse_table_rated_by")],
    },
    rows: rows.map((row) => ({
      title: row.title,
      cells: [
        // A group rated by too few people shows no figure at all, not even how many rated it.
        ...(row.counts || points.map(() => null)).map((count) => (count === null ? "–" : String(count))),
        formatFigure(row.median),
        row.lowest === null ? "–"
          : t("pulse_table_range_value", { lowest: formatFigure(row.lowest), highest: formatFigure(row.highest) }),
        row.hidden ? t("pulse_table_too_few", { count: MIN_GROUP }) : String(row.rated),
      ],
    })),
  };
  return h("div", { class: "rs-pulse__table-wrap", role: "region", tabindex: "0", "aria-labelledby": captionId },
    h("table", { class: "rs-pulse__table" }, h("caption", { id: captionId }, description.table.caption),
      ...tableParts(description)));
}
