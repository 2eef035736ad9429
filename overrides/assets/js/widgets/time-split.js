/**
 * Time split: check what each session adds up to (advice only, never blocking), then show the average
 * split across the sessions with usable figures as a bar chart (SVG, role="img") and a table with the
 * same figures, plus the author's advice for any category above its threshold, cloned from the
 * hand-working guide. A session counts when every category has a figure, or when its figures reach 100%.
 * A session that adds up to more or less than 100% is scaled to 100% ("worked out from what you entered").
 */

import { drawChart, drawTable } from "../lib/bar-chart.js";
import { cloneContent, h } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { readFields } from "../lib/fields.js";
import { listAnd, t, tn } from "../lib/strings.js";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  let shown = null;
  return mountExercise(root, {
    readable: (form) => describeSplit(config, analyse(config, readFields(form))),
    update: (form, values) => {
      const result = analyse(config, values);
      showTotals(form, result);
      // The results region is live: rebuild it only when what it says changes.
      const key = JSON.stringify([result.used, result.rounded, result.advice.map((a) => a.index), result.notes]);
      if (key !== shown) {
        shown = key;
        showSplit(form, config, result);
      }
    },
  });
}

/** Read one saved figure: a number from 0 up, or null when empty or unreadable. */
export function figure(value) {
  if (value === undefined || value === null || String(value).trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

/**
 * Work out each session's total and status, the average split and the advice that applies.
 * @param {{sessions: number, categories: {id: string, label: string}[], advice: {category: string, above: number}[]}} config
 * @param {Record<string, string>} values
 */
export function analyse(config, values) {
  const sessions = [];
  for (let n = 1; n <= config.sessions; n += 1) {
    const figures = config.categories.map((category) => figure(values[`s${n}-${category.id}`]));
    const filled = figures.filter((value) => value !== null).length;
    const total = figures.reduce((sum, value) => sum + (value || 0), 0);
    let status = "used";
    if (filled === 0) status = "empty";
    else if (total === 0) status = "zero";
    else if (filled < figures.length && total < 100) status = "partial";
    const shares = status === "used" ? figures.map((value) => ((value || 0) / total) * 100) : null;
    sessions.push({ number: n, figures, filled, total, status, shares });
  }
  const usable = sessions.filter((session) => session.status === "used");
  const average = usable.length
    ? config.categories.map((_, index) => usable.reduce((sum, session) => sum + session.shares[index], 0) / usable.length)
    : null;
  const rounded = average ? average.map((value) => Math.round(value)) : null;
  const advice = rounded
    ? config.advice
      .map((item, index) => ({ ...item, index, share: rounded[config.categories.findIndex((c) => c.id === item.category)] }))
      .filter((item) => item.share > item.above)
    : [];
  const notes = usable.filter((session) => Math.abs(session.total - 100) > 1e-9)
    .map((session) => t("time_split_note_scaled", { number: session.number, total: formatNumber(session.total) }));
  for (const session of sessions) {
    if (session.status === "partial") notes.push(t("time_split_note_partial", { number: session.number }));
  }
  return { sessions, used: usable.map((session) => session.number), average, rounded, advice, notes };
}

/**
 * A plain-text copy of the answers (for My learning and the supervision agenda): every figure entered,
 * by session, then the average split.
 * @returns {{label: string, text: string}[]}
 */
export function describeSplit(config, result) {
  const lines = [];
  for (const session of result.sessions) {
    if (session.status === "empty") continue;
    const figures = config.categories.map((category, index) => {
      const value = session.figures[index];
      return value === null
        ? t("time_split_readable_not_given", { category: category.label })
        : t("time_split_readable_figure", { category: category.label, share: formatNumber(value) });
    });
    lines.push({
      label: t("time_split_readable_session", { number: session.number }),
      text: t("time_split_readable_session_text", { figures: figures.join("; "), total: formatNumber(session.total) }),
    });
  }
  if (result.rounded) {
    lines.push({
      label: tn("time_split_readable_average", result.used.length, { sessions: listAnd(result.used) }),
      text: config.categories.map((category, index) => t("time_split_readable_figure", { category: category.label, share: result.rounded[index] })).join("; "),
    });
  }
  return lines;
}

/** What one session's note under its fields says. */
export function totalText(session) {
  if (session.status === "empty") return t("time_split_total_empty");
  const total = formatNumber(session.total);
  if (session.status === "partial") return t("time_split_total_partial", { total });
  if (session.status === "zero") return t("time_split_total_zero", { total });
  if (Math.abs(session.total - 100) > 1e-9) return t("time_split_total_scaled", { total });
  return t("time_split_total", { total });
}

function formatNumber(value) {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
}

function showTotals(root, result) {
  for (const session of result.sessions) {
    const note = root.querySelector(`[data-rs-total="${session.number}"]`);
    const text = totalText(session);
    note.hidden = false;
    if (note.textContent !== text) note.textContent = text;
    note.classList.toggle("rs-time-split__total--off", session.status !== "empty" && Math.abs(session.total - 100) > 1e-9);
  }
}

function showSplit(root, config, result) {
  const area = root.querySelector("[data-rs-split]");
  area.replaceChildren();
  if (!result.average) {
    area.append(h("p", {}, t("time_split_waiting")));
    if (result.notes.length) area.append(notesList(result.notes));
    return;
  }
  const sum = result.rounded.reduce((a, b) => a + b, 0);
  const sessions = listAnd(result.used);
  const description = splitChart(root.id, config, result, sum);
  area.append(
    h("p", {}, tn("time_split_average", result.used.length, { sessions })),
    drawChart(description),
    drawTable(description, { class: "rs-time-split__table" }),
  );
  if (result.notes.length) area.append(notesList(result.notes));
  for (const item of result.advice) {
    const label = config.categories.find((category) => category.id === item.category).label;
    area.append(h("div", { class: "rs-feedback rs-time-split__advice", "data-rs-advice-for": item.category },
      h("p", { class: "rs-time-split__advice-title" }, h("strong", {}, t("time_split_advice_title", { category: label, share: item.share }))),
      cloneContent(root.querySelector(`[data-rs-advice-text="${item.index}"]`))));
  }
}

function notesList(notes) {
  return h("ul", { class: "rs-time-split__notes" }, notes.map((note) => h("li", {}, note)));
}

/**
 * The average split as one bar chart description: the picture and the table give the same figures. The table
 * says when the whole per cents were rounded to add up to 100.
 */
function splitChart(uid, config, result, sum) {
  const sessions = listAnd(result.used);
  return {
    layout: "percent", prefix: "rs-time-split__chart-", svgClass: "rs-time-split__chart", figureClass: "rs-time-split__figure",
    titleId: `${uid}-chart-title`, title: tn("time_split_chart_title", result.used.length, { sessions }),
    table: {
      caption: sum === 100
        ? tn("time_split_table_caption", result.used.length, { sessions })
        : tn("time_split_table_caption_rounded", result.used.length, { sessions }),
      columns: [t("time_split_column_category"), t("time_split_column_share")],
    },
    rows: config.categories.map((category, index) => ({
      title: t("time_split_chart_label", { category: category.label }),
      header: category.label,
      share: result.rounded[index] / 100,
      value: t("time_split_percent", { share: result.rounded[index] }),
      cells: [t("time_split_percent", { share: result.rounded[index] })],
    })),
  };
}
