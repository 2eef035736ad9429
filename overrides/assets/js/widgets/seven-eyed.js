/**
 * Seven-eyed case reflection: restore answers, then show how much attention each eye usually gets
 * as a labelled bar chart (SVG) with the same figures in a table. Once all seven eyes are rated, add the
 * author's casework-focus feedback when its rule holds, and name one eye to try next.
 * The results are rebuilt only when a rating changes, never while someone types in a text box.
 */

import { drawChart, drawTable } from "../lib/bar-chart.js";
import { cloneContent, h } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { pageRole, visibleText } from "../lib/role.js";
import { t } from "../lib/strings.js";

const PLACEHOLDER = "{eye}";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  let shown = null;
  return mountExercise(root, {
    readable: readableAnswers,
    update: (form, values) => {
      const rows = attention(config, values);
      const signature = rows.map((row) => (row.value === null ? "-" : row.value)).join(",");
      if (signature === shown) return;
      shown = signature;
      showResults(form, config, rows);
    },
  });
}

/**
 * Read each eye's rating.
 * @param {{eyes: {id: string, mode: number, title: string}[], scale: {value: number, label: string}[]}} config
 * @param {Record<string, string>} values
 * @returns {{id: string, mode: number, title: string, value: number|null, label: string|null}[]}
 */
export function attention(config, values) {
  return config.eyes.map((eye) => {
    const raw = values[`${eye.id}-attention`];
    const point = raw === undefined ? undefined : config.scale.find((p) => String(p.value) === String(raw));
    return { ...eye, value: point ? point.value : null, label: point ? point.label : null };
  });
}

/** True when every eye has a rating. */
export function allRated(rows) {
  return rows.length > 0 && rows.every((row) => row.value !== null);
}

/**
 * The casework-focus rule: all seven eyes rated, modes 1 and 2 each rated at least as high as every
 * other eye (mode 3 included), and every one of modes 4 to 7 rated lower than both mode 1 and mode 2.
 */
export function leansToCasework(rows) {
  if (!allRated(rows)) return false;
  const byMode = (mode) => rows.find((row) => row.mode === mode).value;
  const floor = Math.min(byMode(1), byMode(2));
  const others = rows.filter((row) => row.mode >= 3);
  const lower = rows.filter((row) => row.mode >= 4);
  return others.every((row) => row.value <= floor) && lower.every((row) => row.value < floor);
}

/**
 * The eye to try next: the lowest rating; on a tie, the lowest mode among 4 to 7 first, then among 1 to 3.
 * Null until all eyes are rated, and when every eye has the same rating (none stands out).
 */
export function leastAttended(rows) {
  if (!allRated(rows)) return null;
  const lowest = Math.min(...rows.map((row) => row.value));
  if (rows.every((row) => row.value === lowest)) return null;
  const tied = rows.filter((row) => row.value === lowest).sort((a, b) => a.mode - b.mode);
  return tied.find((row) => row.mode >= 4) || tied[0];
}

/**
 * An eye's title as it reads at a point in a sentence: mid-sentence the first letter is lowercased
 * ("that the supervisory relationship gets ..."), unless the first word is in capitals (an abbreviation).
 * @param {string} title
 * @param {string} before  the text of the paragraph before the title
 */
export function titleInSentence(title, before) {
  const midSentence = /[^\s.!?:]\s*$/.test(before);
  const firstWord = title.split(/\s/)[0];
  if (!midSentence || (firstWord.length > 1 && firstWord === firstWord.toUpperCase())) return title;
  return title.charAt(0).toLowerCase() + title.slice(1);
}

const BLOCKS = "p, li, dd, dt, td, th, blockquote, div, h1, h2, h3, h4, h5, h6";

/**
 * Replace every {eye} in the text of cloned author content with an eye's title (as text, never HTML).
 * @param {DocumentFragment|Element} content
 * @param {string} title
 */
export function fillEye(content, title) {
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  for (const node of nodes) {
    if (!node.data.includes(PLACEHOLDER)) continue;
    const block = node.parentElement ? node.parentElement.closest(BLOCKS) : null;
    let before = textBefore(block || content, node);
    node.data = node.data.split(PLACEHOLDER).map((part, index) => {
      if (index === 0) {
        before += part;
        return part;
      }
      const name = titleInSentence(title, before);
      before += name + part;
      return name + part;
    }).join("");
  }
  return content;
}

/** The text inside a container that comes before one of its text nodes. */
function textBefore(container, target) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let text = "";
  for (let node = walker.nextNode(); node && node !== target; node = walker.nextNode()) text += node.data;
  return text;
}

/**
 * A plain-text copy of the answers for My learning and the record, each line named by its eye.
 * @param {ParentNode} root
 * @returns {{label: string, text: string}[]}
 */
export function readableAnswers(root) {
  const clean = (text) => (text || "").replace(/\s+/g, " ").trim();
  const labelText = (control) => {
    const label = root.querySelector(`label[for="${CSS.escape(control.id)}"]`);
    return clean(label ? visibleText(label, pageRole()) : "");
  };
  const lines = [];
  for (const section of root.querySelectorAll("[data-rs-eye]")) {
    const eye = clean(section.querySelector(".rs-seven-eyed__eye-title").textContent);
    const box = section.querySelector("textarea[data-rs-field]");
    if (box && box.value.trim() !== "") lines.push({ label: t("seven_eyed_readable_answer", { eye, question: labelText(box) }), text: box.value });
    const chosen = section.querySelector("input[type=radio][data-rs-field]:checked");
    if (chosen) lines.push({ label: t("seven_eyed_readable_attention", { eye }), text: labelText(chosen) });
  }
  return lines;
}

function eyeName(row) {
  return t("seven_eyed_eye_name", { mode: row.mode, title: row.title });
}

function showResults(root, config, rows) {
  const area = root.querySelector("[data-rs-attention]");
  const chartArea = area.querySelector("[data-rs-chart]");
  const feedback = area.querySelector("[data-rs-feedback]");
  area.hidden = false;
  const rated = rows.filter((row) => row.value !== null).length;
  if (rated === 0) {
    chartArea.replaceChildren();
    feedback.replaceChildren(h("p", {}, t("seven_eyed_waiting")));
    return;
  }
  const description = eyesChart(root.id, config, rows);
  chartArea.replaceChildren(drawChart(description), drawTable(description, { class: "rs-seven-eyed__table" }));
  if (rated < rows.length) {
    feedback.replaceChildren(h("p", { class: "rs-seven-eyed__status" },
      t("seven_eyed_partly_rated", { rated, total: rows.length })));
    return;
  }
  const parts = [];
  if (leansToCasework(rows)) {
    parts.push(h("div", { class: "rs-feedback", "data-rs-casework": "" },
      h("p", { class: "rs-feedback__title" }, h("strong", {}, t("seven_eyed_casework_title"))),
      cloneContent(root.querySelector("[data-rs-casework-text]"))));
  }
  const next = leastAttended(rows);
  if (next) {
    parts.push(h("div", { class: "rs-feedback", "data-rs-try-next": next.id },
      h("p", { class: "rs-feedback__title" }, h("strong", {}, t("seven_eyed_try_next_title", { eye: eyeName(next) }))),
      fillEye(cloneContent(root.querySelector("[data-rs-try-next-text]")), next.title)));
  } else {
    parts.push(h("p", { class: "rs-seven-eyed__status" },
      t("seven_eyed_all_same")));
  }
  feedback.replaceChildren(...parts);
}

function valueText(row) {
  return row.value === null ? t("seven_eyed_not_rated_yet") : t("seven_eyed_value", { value: row.value, label: row.label });
}

/** The eyes' attention as one bar chart description: the picture and the table give the same figures. */
function eyesChart(uid, config, rows) {
  const low = config.scale[0];
  const high = config.scale[config.scale.length - 1];
  const span = high.value - low.value || 1;
  return {
    layout: "beside", prefix: "rs-seven-eyed__chart-", svgClass: "rs-seven-eyed__svg", figureClass: "rs-seven-eyed__figure",
    titleId: `${uid}-chart-title`, title: t("seven_eyed_chart_title"),
    table: {
      caption: t("seven_eyed_table_caption", { low_value: low.value, low_label: low.label, high_value: high.value, high_label: high.label }),
      columns: [t("seven_eyed_column_eye"), t("seven_eyed_column_attention"), t("seven_eyed_column_value")],
    },
    rows: rows.map((row) => ({
      title: eyeName(row),
      share: row.value === null ? null : (row.value - low.value) / span,
      value: valueText(row),
      cells: [row.value === null ? t("seven_eyed_not_rated_yet") : row.label, row.value === null ? "–" : String(row.value)],
    })),
  };
}
