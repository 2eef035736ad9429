/**
 * The facilitator's group pulse page: read codes typed or pasted here (lib/pulse.js), keep them only in
 * this page's memory, and show the group's spread in each dimension as a chart with a table of the same
 * figures. Nothing is stored or sent. The spread shows only from three codes up, and a group of statements
 * only once three people have rated it (MIN_GROUP, lib/pulse.js); codes the self-assessment cannot make are refused.
 * A code the same as one already added is added too (two people can give the same answers), and the
 * message says so. Figures are rounded as the data lab's notebook rounds them (formatFigure).
 */

import { h, svg } from "../lib/dom.js";
import { download } from "../lib/download.js";
import { MIN_GROUP, decodeMany, distribution, formatFigure, scoresCsv } from "../lib/pulse.js";
import { t, tn } from "../lib/strings.js";

export { MIN_GROUP };

/** @param {HTMLElement} root */
export function mount(root) {
  const exercises = JSON.parse(root.querySelector("[data-rs-pulse-exercises]").textContent);
  const input = root.querySelector("#rs-pulse-input");
  const messages = root.querySelector("[data-rs-pulse-messages]");
  const results = root.querySelector("[data-rs-pulse-results]");
  /** @type {Map<string, {exercise: object, codes: {code: string, averages: (number|null)[]}[]}>} */
  const collected = new Map();
  for (const element of root.querySelectorAll(".rs-js-only")) element.hidden = false;

  const draw = () => {
    results.replaceChildren(...[...collected.values()].filter((group) => group.codes.length > 0)
      .map((group) => groupResults(group, remove)));
  };

  const remove = (exerciseId, index) => {
    const group = collected.get(exerciseId);
    const [gone] = group.codes.splice(index, 1);
    messages.replaceChildren(h("p", {}, t("pulse_removed", { code: gone.code })));
    draw();
    input.focus(); // the button that had the focus is gone
  };

  root.querySelector('[data-rs-pulse="add"]').addEventListener("click", () => {
    const { codes, problems } = decodeMany(input.value, exercises);
    let repeats = 0;
    for (const found of codes) {
      if (!collected.has(found.exercise.id)) collected.set(found.exercise.id, { exercise: found.exercise, codes: [] });
      const group = collected.get(found.exercise.id);
      if (group.codes.some((entry) => entry.code === found.code)) repeats += 1;
      group.codes.push({ code: found.code, averages: found.averages });
    }
    const parts = [];
    if (codes.length === 0 && problems.length === 0) parts.push(h("p", {}, t("pulse_nothing_typed")));
    if (codes.length > 0) {
      parts.push(h("p", {}, tn("pulse_added", codes.length)));
      if (repeats > 0) parts.push(h("p", { class: "rs-pulse__repeated" }, tn("pulse_repeated", repeats)));
    }
    if (problems.length > 0) {
      parts.push(
        h("p", { class: "rs-pulse__problem-title" },
          tn("pulse_not_added", problems.length)),
        h("ul", { class: "rs-pulse__problems" }, problems.map((problem) => h("li", {}, problem.message))),
      );
    }
    messages.replaceChildren(...parts);
    input.value = problems.map((problem) => problem.text).join("\n");
    draw();
  });

  root.querySelector('[data-rs-pulse="clear"]').addEventListener("click", () => {
    if (collected.size && !window.confirm(t("pulse_clear_confirm"))) return;
    collected.clear();
    input.value = "";
    messages.replaceChildren(h("p", {}, t("pulse_all_removed")));
    draw();
  });
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
    h("ul", {}, codes.map((entry, index) => h("li", {},
      h("code", {}, entry.code), " ",
      removeButton(entry.code, () => remove(exercise.id, index)))))));
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

function bars(row, total) {
  const barArea = 80;
  const base = 30 + barArea;
  const column = 100 / row.points.length;
  const percent = (value) => `${Math.round(value * 1000) / 1000}%`;
  const graphic = svg("svg", { class: "rs-pulse__chart-bars", width: "100%", height: base + 30, focusable: "false" });
  row.counts.forEach((count, n) => {
    const x = n * column;
    const height = total ? (count / total) * barArea : 0;
    graphic.append(
      svg("rect", { x: percent(x + column * 0.2), y: base - height, width: percent(column * 0.6), height: Math.max(height, count ? 2 : 0), class: "rs-pulse__chart-bar" }),
      svg("line", { x1: percent(x), x2: percent(x + column), y1: base, y2: base, class: "rs-pulse__chart-axis" }),
      svg("text", { x: percent(x + column / 2), y: base - height - 6, "text-anchor": "middle", class: "rs-pulse__chart-count" }, String(count)),
      svg("text", { x: percent(x + column / 2), y: base + 22, "text-anchor": "middle", class: "rs-pulse__chart-point" }, String(row.points[n])),
    );
  });
  return graphic;
}

/** The table, in a box that scrolls sideways on a narrow screen (focusable, so the keyboard can scroll it). */
function table(slug, exercise, rows) {
  const points = rows[0].points;
  const captionId = `rs-pulse-${slug}-table`;
  return h("div", { class: "rs-pulse__table-wrap", role: "region", tabindex: "0", "aria-labelledby": captionId }, h("table", { class: "rs-pulse__table" },
    h("caption", { id: captionId }, t("pulse_table_caption", { min: exercise.min, max: exercise.max })),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, t("pulse_table_group")),
      points.map((point) => h("th", { scope: "col" }, String(point))),
      h("th", { scope: "col" }, t("pulse_table_median")),
      h("th", { scope: "col" }, t("pulse_table_range")),
      h("th", { scope: "col" }, t("pulse_table_rated_by")))),
    h("tbody", {}, rows.map((row) => h("tr", {},
      h("th", { scope: "row" }, row.title),
      // A group rated by too few people shows no figure at all, not even how many rated it.
      (row.counts || points.map(() => null)).map((count) => h("td", {}, count === null ? "–" : String(count))),
      h("td", {}, formatFigure(row.median)),
      h("td", {}, row.lowest === null ? "–" : t("pulse_table_range_value", { lowest: formatFigure(row.lowest), highest: formatFigure(row.highest) })),
      h("td", {}, row.hidden ? t("pulse_table_too_few", { count: MIN_GROUP }) : String(row.rated)))))));
}
