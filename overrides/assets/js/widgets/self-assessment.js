/**
 * Self-assessment: restore ratings, then show a profile per dimension (never a total):
 * a bar chart (SVG, labelled) with the same figures in a table, and the author's feedback for each band.
 * On request, the profile's averages (only) as an anonymous group pulse code and QR code (lib/pulse.js).
 * With a balance block, once every statement is rated: each group's share of all the ratings added together
 * (chart plus table), and the author's prompts for statements rated 0 or taking too large a share, in words.
 */

import { drawChart, tableParts } from "../lib/bar-chart.js";
import { bdi, cloneContent, h, scrollingTable, textWith } from "../lib/dom.js";
import { mountExercise, readConfig } from "../lib/exercise.js";
import { sayNotLoaded } from "../lib/first-use.js";
import { formatDate, listAnd, t, tn } from "../lib/strings.js";

/** @param {HTMLFormElement} root */
export function mount(root) {
  const config = readConfig(root);
  const listNote = root.querySelector("[data-rs-snapshots]");
  let exercise = null;
  const shown = { balance: null };
  const describeSnapshots = () => {
    const snapshots = exercise ? exercise.entry().snapshots || [] : [];
    // Each copy's date in the locale's long form, as everywhere on the site (lib/dates.js).
    // Each copy's name (saved or imported text) is isolated in a <bdi>.
    const copies = snapshots.flatMap((snap, index) => [index ? "; " : "",
      textWith("self_assessment_snapshot", { label: bdi(snap.label), date: formatDate(snap.taken) })]);
    listNote.replaceChildren(snapshots.length ? textWith("self_assessment_snapshots", { copies: h("span", {}, copies) }) : "");
  };
  const pulseButton = root.querySelector('[data-rs-action="pulse"]');
  const pulseArea = root.querySelector("[data-rs-pulse]");
  exercise = mountExercise(root, {
    update: (form, values) => {
      showProfile(form, config, values);
      if (config.balance) showBalance(form, config, values, shown);
      if (exercise) describeSnapshots();
      if (pulseArea && !pulseArea.hidden) showPulse(root, config, values);
    },
  });
  if (pulseButton) {
    pulseButton.addEventListener("click", () => {
      const open = pulseArea.hidden;
      pulseArea.hidden = !open;
      pulseButton.setAttribute("aria-expanded", String(open));
      pulseButton.textContent = open ? t("self_assessment_pulse_hide") : t("self_assessment_pulse_show");
      if (open) showPulse(root, config, exercise.refresh());
    });
  }
  describeSnapshots();
  root.querySelector('[data-rs-action="snapshot"]').addEventListener("click", () => {
    const values = exercise.refresh();
    const rows = profile(config, values);
    if (rows.every((row) => row.average === null)) {
      listNote.textContent = t("self_assessment_snapshot_empty");
      return;
    }
    const label = root.querySelector("[data-rs-snapshot-label]").value;
    exercise.change((entry) => ({
      ...entry,
      snapshots: [...(entry.snapshots || []), {
        taken: new Date().toISOString(),
        label,
        values,
        profile: rows.map((row) => ({ id: row.id, title: row.title, average: row.average, max: config.max })),
      }],
    }));
    describeSnapshots();
  });
  return exercise;
}

/**
 * Average the answered ratings of each dimension.
 * @param {{dimensions: {id: string, title: string, items: string[]}[]}} config
 * @param {Record<string, string>} values
 */
export function profile(config, values) {
  return config.dimensions.map((dimension) => {
    const ratings = dimension.items.map((item) => values[item]).filter((v) => v !== undefined).map(Number);
    const average = ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null;
    return { ...dimension, answered: ratings.length, average };
  });
}

/** Find the band an average falls in (bands are sorted by their upper limit). */
export function bandFor(bands, average) {
  const index = bands.findIndex((band) => average <= band.upto + 1e-9);
  return index === -1 ? bands.length - 1 : index;
}

function showProfile(root, config, values) {
  const area = root.querySelector("[data-rs-profile]");
  const rows = profile(config, values);
  const complete = rows.filter((row) => row.average !== null);
  area.hidden = false;
  area.replaceChildren();
  if (complete.length === 0) {
    area.append(h("p", {}, t("self_assessment_profile_empty")));
    return;
  }
  const uid = root.id;
  area.append(
    chart(uid, config, rows),
    table(uid, config, rows),
    ...complete.map((row) => feedback(root, config, row)),
  );
  const spreadText = root.querySelector("[data-rs-spread-text]");
  if (config.spread && complete.length > 1 && spreadText) {
    const averages = complete.map((row) => row.average);
    if (Math.max(...averages) - Math.min(...averages) >= config.spread - 1e-9) {
      area.append(h("div", { class: "rs-feedback rs-feedback--spread" }, cloneContent(spreadText)));
    }
  }
}

function formatAverage(value) {
  return value === null ? t("self_assessment_not_rated_yet") : value.toFixed(1);
}

function chart(uid, config, rows) {
  return drawChart(profileChart(uid, config, rows));
}

function table(uid, config, rows) {
  // On a narrow screen the table scrolls sideways inside its own box (focusable, named by its caption, which
  // stays in view above it) rather than breaking words or pushing the page wider than the screen.
  const description = profileChart(uid, config, rows);
  return scrollingTable(`${uid}-table-caption`, description.table.caption, { class: "rs-profile-table" },
    ...tableParts(description));
}

/** The profile as one bar chart description: the picture and the table give the same figures. */
function profileChart(uid, config, rows) {
  const span = config.max - config.min || 1;
  return {
    layout: "stacked", prefix: "rs-chart__", svgClass: "rs-chart", figureClass: "rs-chart-figure",
    titleId: `${uid}-chart-title`, title: t("self_assessment_chart_title"),
    table: {
      caption: t("self_assessment_table_caption", { min: config.min, max: config.max }),
      columns: [t("self_assessment_column_group"), t("self_assessment_column_average"), t("self_assessment_column_rated"),
        t("self_assessment_column_reading")],
    },
    rows: rows.map((row) => ({
      title: row.title,
      share: row.average === null ? null : (row.average - config.min) / span,
      value: row.average === null ? t("self_assessment_not_rated")
        : t("self_assessment_chart_value", { average: formatAverage(row.average), max: config.max }),
      cells: [
        formatAverage(row.average),
        t("self_assessment_rated_count", { answered: row.answered, total: row.items.length }),
        row.average === null ? "–" : config.bands[bandFor(config.bands, row.average)].label,
      ],
    })),
  };
}

function feedback(root, config, row) {
  const index = bandFor(config.bands, row.average);
  const band = config.bands[index];
  const box = h("div", { class: "rs-feedback", "data-rs-feedback": row.id },
    h("p", { class: "rs-feedback__title" }, h("strong", {}, t("self_assessment_feedback_title", { group: row.title, band: band.label }))),
    cloneContent(root.querySelector(`[data-rs-band-text="${index}"]`)));
  if (band.suggest) {
    const ideas = root.querySelector(`[data-rs-suggestions="${CSS.escape(row.id)}"]`);
    if (ideas) box.append(cloneContent(ideas));
  }
  return box;
}

/**
 * Whole per cents that add up to exactly 100 (largest remainder first), so shown shares never total 99 or 101.
 * @param {number[]} parts
 * @param {number} total  the sum of parts, above 0
 */
export function wholeShares(parts, total) {
  const exact = parts.map((part) => (100 * part) / total);
  const whole = exact.map((value) => Math.floor(value + 1e-9));
  let left = 100 - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => [value - whole[index], index]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, index] of order) {
    if (left <= 0) break;
    whole[index] += 1;
    left -= 1;
  }
  return whole;
}

/**
 * The balance across groups, judged only once every statement is rated (a share of a partial total misleads).
 * zero: the statements rated 0 (when the exercise has that prompt); over: the statements whose share of all
 * the ratings, in whole per cent, is above the exercise's threshold.
 * @param {{dimensions: {id: string, title: string, items: string[]}[],
 *          balance: {zero: boolean, over: number|null, names: Record<string, string>}}} config
 * @param {Record<string, string>} values
 */
export function balance(config, values) {
  const items = config.dimensions.flatMap((dimension) => dimension.items);
  const rating = (id) => Number(values[id]);
  const rated = items.filter((id) => values[id] !== undefined).length;
  const state = { complete: rated === items.length, rated, total: items.length };
  if (!state.complete) return state;
  const sum = items.reduce((a, id) => a + rating(id), 0);
  const zero = config.balance.zero ? items.filter((id) => rating(id) === 0) : [];
  if (sum === 0) return { ...state, empty: true, zero };
  const sums = config.dimensions.map((dimension) => dimension.items.reduce((a, id) => a + rating(id), 0));
  const shares = wholeShares(sums, sum);
  const limit = config.balance.over;
  const over = limit === null ? [] : items
    .map((id) => ({ id, share: Math.round((100 * rating(id)) / sum) }))
    .filter((item) => item.share > limit);
  return {
    ...state,
    empty: false,
    groups: config.dimensions.map((dimension, index) => ({ id: dimension.id, title: dimension.title, share: shares[index] })),
    zero,
    over,
  };
}

function showBalance(root, config, values, shown) {
  const result = balance(config, values);
  // Rebuild only when the result changes, so the live region does not repeat itself.
  const signature = JSON.stringify(result);
  if (signature === shown.balance) return;
  shown.balance = signature;
  root.querySelector("[data-rs-balance]").hidden = false;
  const chartArea = root.querySelector("[data-rs-balance-chart]");
  const region = root.querySelector("[data-rs-balance-feedback]");
  if (!result.complete) {
    chartArea.replaceChildren();
    region.replaceChildren(h("p", { class: "rs-balance__status" },
      tn("self_assessment_balance_waiting", result.total, { rated: result.rated, total: result.total })));
    return;
  }
  const names = (ids) => listAnd(ids.map((id) => config.balance.names[id]));
  const bottom = { value: config.min, label: config.balance.zeroLabel };
  const parts = [];
  if (result.empty) {
    chartArea.replaceChildren();
    parts.push(h("p", { class: "rs-balance__status" }, t("self_assessment_balance_all_zero", bottom)));
  } else {
    chartArea.replaceChildren(shareChart(root.id, result.groups), shareTable(root.id, result.groups));
    parts.push(h("p", { class: "rs-balance__summary" }, t("self_assessment_balance_summary", {
      shares: listAnd(result.groups.map((group) => t("self_assessment_balance_share", { share: group.share, group: group.title }))),
    })));
  }
  if (result.zero.length) {
    parts.push(prompt("zero", result.empty ? null
      : tn("self_assessment_balance_zero_title", result.zero.length, { ...bottom, items: names(result.zero) }),
    root.querySelector("[data-rs-balance-zero-text]")));
  }
  if (!result.empty && result.over.length) {
    parts.push(prompt("over", tn("self_assessment_balance_over_title", result.over.length, {
      share: config.balance.over,
      items: listAnd(result.over.map((item) => t("self_assessment_balance_item_share", { item: config.balance.names[item.id], share: item.share }))),
    }), root.querySelector("[data-rs-balance-over-text]")));
  }
  region.replaceChildren(...parts);
}

function prompt(name, title, text) {
  return h("div", { class: "rs-feedback rs-balance__prompt", "data-rs-balance-prompt": name },
    title ? h("p", { class: "rs-feedback__title" }, h("strong", {}, title)) : null,
    cloneContent(text));
}

function shareChart(uid, groups) {
  return drawChart(balanceChart(uid, groups));
}

function shareTable(uid, groups) {
  const description = balanceChart(uid, groups);
  return scrollingTable(`${uid}-balance-table-caption`, description.table.caption,
    { class: "rs-profile-table rs-balance__table" }, ...tableParts(description));
}

/** Each group's share of all the ratings, as one bar chart description. */
function balanceChart(uid, groups) {
  return {
    layout: "stacked", prefix: "rs-chart__", svgClass: "rs-chart rs-balance__svg", figureClass: "rs-chart-figure",
    titleId: `${uid}-balance-chart-title`, title: t("self_assessment_balance_chart_title"),
    table: {
      caption: t("self_assessment_balance_table_caption"),
      columns: [t("self_assessment_column_group"), t("self_assessment_balance_column_share")],
    },
    rows: groups.map((group) => ({
      title: group.title,
      share: group.share > 0 ? group.share / 100 : null,
      value: t("self_assessment_balance_value", { share: group.share }),
      cells: [t("self_assessment_balance_percent", { share: group.share })],
    })),
  };
}

// The group pulse's code, its QR encoder and the code's picture load when a learner first opens the pulse
// (few do): lib/pulse.js, the vendored encoder and lib/pulse-share.js.
let pulseTools = null;

/** Load the pulse code, QR encoder and picture once; resolves when pulseCode and qrPicture can run. */
export async function loadPulseTools() {
  if (pulseTools) return;
  const [encoder, pulse, share] = await Promise.all([import("../../vendor/qrcode-generator/qrcode.js"),
    import("../lib/pulse.js"), import("../lib/pulse-share.js")]);
  pulseTools = { qrcode: encoder.default, encodePulse: pulse.encodePulse, share };
}

/** The group pulse code for a profile, or null when nothing is rated yet (once loadPulseTools has run). */
export function pulseCode(exerciseId, config, values) {
  const rows = profile(config, values);
  if (rows.every((row) => row.average === null)) return null;
  return pulseTools.encodePulse({ exercise: exerciseId, min: config.min, max: config.max,
    averages: rows.map((row) => row.average) });
}

function showPulse(root, config, values) {
  loadPulseTools()
    .then(() => pulseTools.share.showPulseCode(root, pulseCode(root.dataset.rsExercise, config, values),
      pulseTools.qrcode))
    .catch((error) => sayNotLoaded(root.querySelector("[data-rs-pulse-note]"), error));
}
