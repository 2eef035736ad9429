/**
 * Bar charts and their tables from one description. The picture is an SVG image (role="img", named by its
 * <title>) drawn with DOM calls, never parsed from a string; the table gives the same figures in words, for
 * screen readers, print and anyone who prefers numbers. The geometry (chartShapes) and the table (chartTable)
 * are plain data, worked out without a page, so Node tests them; drawChart and drawTable only turn them into
 * elements.
 *
 * A description:
 *   layout    how the bars stand (see LAYOUTS): "stacked", "beside", "percent", "columns" or "grouped"
 *   prefix    the start of each shape's class, such as "rs-chart__" (then label, track, bar, value...)
 *   svgClass  the picture's class; figureClass (optional) wraps it in a <figure> of that class
 *   titleId, title  the picture's name (leave out title when the picture sits inside a figure that is itself
 *             the image, as the group pulse's rows do)
 *   rows      [{title, share, value, cells, label?, header?, bars?}]: title names the row (the chart's label
 *             unless `label` is given; the table's row header unless `header` is); share is 0 to 1 (null:
 *             no figure); value is the figure in words under or beside the bar; cells are the table's cells
 *   table     {caption, columns}: the table's caption and its column headers
 */

import { h, svg } from "./dom.js";

const STACKED_WIDTH = 320;
const LABEL_LINE = 19;
const LABEL_CHARACTERS = 34;

/** Split a label into lines of at most about `limit` characters, at spaces. */
export function wrapLabel(text, limit = LABEL_CHARACTERS) {
  const lines = [];
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + " " + word).length <= limit) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [""];
}

const shape = (tag, attrs, ...children) => ({ tag, attrs, children: children.filter((child) => child !== null) });

/**
 * Each row: its label (wrapped onto more lines when long), its bar, then its figure in words under the bar,
 * never drawn over it. About as wide as a phone's column, so the text stays close to the page's own size.
 */
function stacked(rows, prefix) {
  const barHeight = 20;
  const shapes = [];
  let y = 0;
  for (const row of rows) {
    const lines = wrapLabel(row.label ?? row.title);
    const barTop = y + lines.length * LABEL_LINE + 4;
    shapes.push(
      shape("text", { x: 0, y: y + 15, class: `${prefix}label` },
        ...lines.map((line, index) => shape("tspan", { x: 0, dy: index ? LABEL_LINE : 0 }, line))),
      shape("rect", { x: 0, y: barTop, width: STACKED_WIDTH, height: barHeight, class: `${prefix}track`, rx: 3 }),
      row.share === null ? null : shape("rect", {
        x: 0, y: barTop, width: Math.max(row.share * STACKED_WIDTH, 4), height: barHeight, class: `${prefix}bar`, rx: 3,
      }),
      shape("text", { x: 0, y: barTop + barHeight + 18, class: `${prefix}value` }, row.value),
    );
    y = barTop + barHeight + 34;
  }
  return { size: { viewBox: `0 0 ${STACKED_WIDTH} ${y}` }, shapes: shapes.filter(Boolean) };
}

/** Each row: its label above a short bar with its figure in words beside it. */
function beside(rows, prefix) {
  const width = 320;
  const track = 150;
  const rowHeight = 50;
  const barHeight = 18;
  const shapes = rows.flatMap((row, index) => {
    const y = index * rowHeight + 4;
    return [
      shape("text", { x: 0, y: y + 14, class: `${prefix}label` }, row.label ?? row.title),
      shape("rect", { x: 1, y: y + 22, width: track, height: barHeight, rx: 3, class: `${prefix}track` }),
      row.share > 0
        ? shape("rect", { x: 1, y: y + 22, width: row.share * track, height: barHeight, rx: 3, class: `${prefix}bar` })
        : null,
      shape("text", { x: track + 10, y: y + 36, class: `${prefix}value` }, row.value),
    ].filter(Boolean);
  });
  return { size: { viewBox: `0 0 ${width} ${rows.length * rowHeight + 6}` }, shapes };
}

/**
 * Each row: its label and figure on one line above a bar as wide as the column. Sized in CSS pixels with the
 * bars in per cents, so the text stays readable at any width.
 */
function percent(rows, prefix) {
  const rowHeight = 52;
  const barHeight = 20;
  const shapes = rows.flatMap((row, index) => {
    const y = index * rowHeight;
    const share = Math.round((row.share ?? 0) * 10000) / 100;
    return [
      shape("text", { x: 0, y: y + 17, class: `${prefix}label` },
        row.label ?? row.title, " ", shape("tspan", { class: `${prefix}value` }, row.value)),
      shape("rect", { x: 1, y: y + 25, width: "99%", height: barHeight, rx: 3, class: `${prefix}track` }),
      shape("rect", {
        x: 1, y: y + 25, width: `${Math.max(share * 0.99, share > 0 ? 0.5 : 0)}%`, height: barHeight, rx: 3,
        class: `${prefix}bar`,
      }),
    ];
  });
  return { size: { width: "100%", height: rows.length * rowHeight }, shapes };
}

/**
 * Upright bars, one column per row, each with its figure above it and its label under the axis. No viewBox:
 * across is in per cents of the column's width, down in CSS pixels, so the numbers stay at the page's size.
 */
function columns(rows, prefix) {
  const barArea = 80;
  const base = 30 + barArea;
  const column = 100 / rows.length;
  const at = (value) => `${Math.round(value * 1000) / 1000}%`;
  const shapes = rows.flatMap((row, n) => {
    const x = n * column;
    const height = (row.share ?? 0) * barArea;
    return [
      shape("rect", {
        x: at(x + column * 0.2), y: base - height, width: at(column * 0.6), height: Math.max(height, row.share > 0 ? 2 : 0),
        class: `${prefix}bar`,
      }),
      shape("line", { x1: at(x), x2: at(x + column), y1: base, y2: base, class: `${prefix}axis` }),
      shape("text", { x: at(x + column / 2), y: base - height - 6, "text-anchor": "middle", class: `${prefix}count` },
        row.value),
      shape("text", { x: at(x + column / 2), y: base + 22, "text-anchor": "middle", class: `${prefix}point` },
        row.label ?? row.title),
    ];
  });
  return { size: { width: "100%", height: base + 30 }, shapes };
}

/** Each series' fill: solid, striped, dotted (then again), so series differ by more than colour. */
export const FILLS = [
  { colour: "#2d7680", pattern: null },
  { colour: "#8f3a0f", pattern: "stripes" },
  { colour: "#123f45", pattern: "dots" },
];

function patternDefs(prefix) {
  return shape("defs", {},
    shape("pattern", {
      id: `${prefix}-stripes`, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)",
    }, shape("rect", { width: 6, height: 6, fill: "#ffffff" }), shape("rect", { width: 3, height: 6, fill: FILLS[1].colour })),
    shape("pattern", { id: `${prefix}-dots`, width: 5, height: 5, patternUnits: "userSpaceOnUse" },
      shape("rect", { width: 5, height: 5, fill: "#ffffff" }),
      shape("circle", { cx: 2.5, cy: 2.5, r: 1.6, fill: FILLS[2].colour })));
}

function fillFor(patternId, index) {
  const style = FILLS[index % FILLS.length];
  return { fill: style.pattern ? `url(#${patternId}-${style.pattern})` : style.colour, stroke: style.colour };
}

/**
 * Groups of bars, one per series (row.bars: [{label, share, value}], the same series in every group): the
 * group's name, then for each series a swatch and its name on a line of its own above its bar, and the figure
 * at the right. 360 units wide (about a phone's width), so the words stay readable on a phone.
 */
function grouped(rows, prefix, patternId) {
  const width = 360;
  const barWidth = width - 44;
  const row = 40;
  const series = rows[0] ? rows[0].bars.length : 0;
  const groupHeight = 26 + series * row + 8;
  const shapes = [patternDefs(patternId)];
  rows.forEach((group, d) => {
    const top = d * groupHeight;
    shapes.push(shape("text", { x: 0, y: top + 18, class: `${prefix}group` }, group.label ?? group.title));
    group.bars.forEach((bar, s) => {
      const y = top + 26 + s * row;
      const paint = fillFor(patternId, s);
      shapes.push(
        shape("rect", { x: 0, y: y + 3, width: 11, height: 11, class: `${prefix}bar`, ...paint }),
        shape("text", { x: 16, y: y + 13, class: `${prefix}label` }, bar.label),
        shape("rect", { x: 0, y: y + 18, width: barWidth, height: 16, class: `${prefix}track` }),
        shape("rect", {
          x: 0, y: y + 18, width: Math.max(bar.share === null ? 0 : 3, (bar.share ?? 0) * barWidth), height: 16,
          class: `${prefix}bar ${prefix}bar--${s % FILLS.length}`, ...paint,
        }),
        shape("text", { x: width, y: y + 31, class: `${prefix}value`, "text-anchor": "end" }, bar.value));
    });
  });
  return { size: { viewBox: `0 0 ${width} ${rows.length * groupHeight + 4}` }, shapes };
}

const LAYOUTS = { stacked, beside, percent, columns, grouped };

/**
 * The picture as data: its size attributes and its shapes ({tag, attrs, children}, children being shapes or
 * text), in drawing order.
 * @param {{layout: string, prefix: string, rows: object[], titleId?: string}} description
 */
export function chartShapes(description) {
  const layout = LAYOUTS[description.layout];
  if (!layout) throw new Error(`bar-chart.js: no layout called ${description.layout}`);
  return layout(description.rows, description.prefix, description.titleId);
}

/**
 * The table as data: its caption, column headers and one row per chart row (a row header and its cells).
 * @param {{rows: object[], table: {caption: unknown, columns: unknown[]}}} description
 */
export function chartTable(description) {
  return {
    caption: description.table.caption,
    columns: description.table.columns,
    rows: description.rows.map((row) => ({ header: row.header ?? row.title, cells: row.cells })),
  };
}

function drawShape(item) {
  if (typeof item !== "object" || item instanceof Node) return item;
  return svg(item.tag, item.attrs, ...item.children.map(drawShape));
}

/**
 * The picture: an <svg> (in a <figure> when the description names a figureClass).
 * @param {object} description
 */
export function drawChart(description) {
  const { size, shapes } = chartShapes(description);
  const named = description.title !== undefined;
  const graphic = svg("svg", {
    class: description.svgClass, ...size, role: named ? "img" : null,
    "aria-labelledby": named ? description.titleId : null, focusable: "false",
  }, named ? svg("title", { id: description.titleId }, description.title) : null, ...shapes.map(drawShape));
  return description.figureClass ? h("figure", { class: description.figureClass }, graphic) : graphic;
}

/**
 * The table's head and body, for a table the caller frames (such as scrollingTable in lib/dom.js).
 * @param {object} description
 */
export function tableParts(description) {
  const table = chartTable(description);
  return [
    h("thead", {}, h("tr", {}, table.columns.map((column) => h("th", { scope: "col" }, column)))),
    h("tbody", {}, table.rows.map((row) => h("tr", {},
      h("th", { scope: "row" }, row.header),
      row.cells.map((cell) => h("td", {}, cell))))),
  ];
}

/**
 * The whole table, with its caption.
 * @param {object} description
 * @param {Record<string, string>} [attrs]  the table's attributes, such as its class
 */
export function drawTable(description, attrs = {}) {
  return h("table", attrs, h("caption", {}, description.table.caption), ...tableParts(description));
}
