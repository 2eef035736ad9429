import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import {
  PulseError, checkChars, decodeMany, decodePulse, distribution, encodePulse, exerciseHash, formatFigure, median, normaliseCode, scoresCsv,
} from "../../overrides/assets/js/lib/pulse.js";

const PROCTOR = {
  id: "proctor-function-balance", title: "How balanced are Proctor's three functions?", min: 1, max: 5,
  dimensions: [{ id: "normative", title: "Normative" }, { id: "formative", title: "Formative" }, { id: "restorative", title: "Restorative" }],
};
const WEEK = {
  id: "example-self-assessment-default", title: "How does your week feel?", min: 1, max: 3,
  dimensions: [{ id: "learning", title: "Learning" }, { id: "support", title: "Support" }],
};
const KNOWN = [PROCTOR, WEEK];

function decodeError(text, exercises = KNOWN) {
  try {
    decodePulse(text, exercises);
  } catch (error) {
    assert.ok(error instanceof PulseError, `expected a PulseError, got ${error}`);
    return error.message;
  }
  assert.fail(`"${text}" was accepted`);
}

test("a code is versioned, names its exercise by hash, and holds only the averages and a checksum", () => {
  const code = encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages: [3.25, 4, null] });
  assert.match(code, /^RS1-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4})+$/);
  assert.equal(code.split("-")[1], exerciseHash(PROCTOR.id));
  const compact = code.replace(/-/g, "");
  assert.equal(compact.length, 3 + 4 + 2 * 3 + 2);
  assert.equal(compact.slice(-2), checkChars(compact.slice(0, -2)));
  assert.ok(code.length <= 24, "short enough to read out");
});

test("codes round-trip: averages come back rounded to one decimal place, unrated groups as null", () => {
  for (const averages of [[1, 5, 3], [3.25, 4, null], [4.666, 1.2, 2.04], [null, null, 5]]) {
    const code = encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages });
    const read = decodePulse(code, KNOWN);
    assert.equal(read.exercise, PROCTOR);
    assert.deepEqual(read.averages, averages.map((value) => (value === null ? null : Math.round(value * 10) / 10)));
    assert.equal(read.code, code);
    assert.equal(encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages: read.averages }), code);
  }
  const week = decodePulse(encodePulse({ exercise: WEEK.id, min: 1, max: 3, averages: [1.5, 3] }), KNOWN);
  assert.equal(week.exercise, WEEK);
  assert.deepEqual(week.averages, [1.5, 3]);
});

test("typing is forgiving: case, spaces, hyphens, O for 0 and I or L for 1", () => {
  const code = encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages: [2, 3.5, 4.1] });
  const sloppy = ` ${code.toLowerCase().replace(/-/g, " ")} `.replace(/0/g, "o").replace(/1/g, "l");
  assert.equal(decodePulse(sloppy, KNOWN).code, code);
  assert.equal(normaliseCode("rs1-ab o i l"), "RS1AB011");
});

test("malformed codes are refused with a message that says what is wrong", () => {
  const good = encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages: [2, 3.5, 4.1] });
  assert.match(decodeError("hello"), /is not a group pulse code: codes start with RS/);
  assert.match(decodeError("RS1-AB!C"), /"!" is not used in pulse codes/);
  assert.match(decodeError("RS1-AB"), /too short or too long/);
  assert.match(decodeError(`${good}7`), /too short or too long/);
  assert.match(decodeError(good.replace("RS1", "RS2")), /newer version of the site/);
  assert.match(decodeError(good.replace("RS1", "RS0")), /a version this page cannot read/);
  assert.match(decodeError(good.replace("RS1", "RSX")), /followed by a version number/);
  // Every single-character typing mistake in the scores is caught by the checksum.
  const compact = good.replace(/-/g, "");
  let caught = 0;
  let tried = 0;
  for (let i = 7; i < compact.length; i += 1) {
    for (const other of "0123456789ABCDEFGHJKMNPQRSTVWXYZ") {
      if (other === compact[i]) continue;
      tried += 1;
      const typo = compact.slice(0, i) + other + compact.slice(i + 1);
      try {
        decodePulse(typo, KNOWN);
      } catch (error) {
        if (error instanceof PulseError) caught += 1;
      }
    }
  }
  assert.ok(caught / tried > 0.99, `caught ${caught} of ${tried} single-character mistakes`);
  assert.match(decodeError(compact.slice(0, 8) + (compact[8] === "0" ? "1" : "0") + compact.slice(9)), /typing mistake/);
});

test("a code from an unknown exercise or with the wrong number of scores is refused", () => {
  const other = encodePulse({ exercise: "someone-elses-exercise", min: 1, max: 5, averages: [2, 3, 4] });
  assert.match(decodeError(other), /comes from a self-assessment this page does not know/);
  const short = encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages: [2, 3] });
  assert.match(decodeError(short), /holds 2 scores, but "How balanced are Proctor's three functions\?" has 3 groups/);
  const tooHigh = encodePulse({ exercise: PROCTOR.id, min: 1, max: 9, averages: [9, 3, 3] });
  assert.match(decodeError(tooHigh), /above the top of the scale/);
});

test("encoding refuses averages outside the scale", () => {
  assert.throws(() => encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages: [6, 1, 1] }), RangeError);
  assert.throws(() => encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages: [] }), RangeError);
});

test("many codes pasted at once, in any layout, are read; bad ones are reported beside the good", () => {
  const a = encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages: [2, 3, 4] });
  const b = encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages: [5, 5, 1] });
  const c = encodePulse({ exercise: WEEK.id, min: 1, max: 3, averages: [1, 2] });
  const pasted = `${a}\n${b.replace(/-/g, " ")}, ${c};RS1-NOPE-XX  thanks`;
  const { codes, problems } = decodeMany(pasted, KNOWN);
  assert.deepEqual(codes.map((code) => code.code), [a, b, c]);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].text, "RS1-NOPE-XXthanks");
  assert.deepEqual(decodeMany("   ", KNOWN), { codes: [], problems: [] });
  // The text as typed is isolated (U+2068 … U+2069) from the message's words.
  assert.equal(decodeMany("just words", KNOWN).problems[0].message, '"\u2068justwords\u2069" is not a group pulse code: codes start with RS.');
});

test("the group's distribution: counts per scale point, median and range, unrated left out", () => {
  const rows = distribution(PROCTOR, [[1, 4.4, null], [2.5, 4.6, 3], [5, 4.5, 3.2], [2, 1, 3.4]]);
  assert.deepEqual(rows.map((row) => row.counts), [[1, 1, 1, 0, 1], [1, 0, 0, 1, 2], [0, 0, 3, 0, 0]]);
  assert.deepEqual(rows.map((row) => row.rated), [4, 4, 3]);
  assert.deepEqual(rows.map((row) => row.median), [2.25, 4.45, 3.2]);
  assert.deepEqual([rows[0].lowest, rows[0].highest], [1, 5]);
  assert.equal(median([3, 1, 2]), 2);
});

test("every self-assessment on the site has its own exercise hash", () => {
  const ids = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".yaml") && /^kind: self-assessment$/m.test(readFileSync(path, "utf8"))) ids.push(name.replace(/\.yaml$/, ""));
    }
  };
  walk(new URL("../../exercises", import.meta.url).pathname);
  assert.ok(ids.length >= 3);
  assert.equal(new Set(ids.map(exerciseHash)).size, ids.length);
});

test("a code from the exercise gallery's example is refused, saying where it comes from", () => {
  const code = encodePulse({ exercise: WEEK.id, min: 1, max: 3, averages: [1.5, 3] });
  const message = decodeError(code, [PROCTOR, { ...WEEK, example: true }]);
  assert.match(message, /comes from the example "How does your week feel\?" in the exercise gallery/);
  assert.deepEqual(decodePulse(code, KNOWN).averages, [1.5, 3]); // the page marks the gallery's own as examples
});

test("figures are shown as the data lab's notebook shows them: two decimals at most, halves rounded up", () => {
  assert.equal(formatFigure(median([3.6, 3.7])), "3.65");
  assert.equal(formatFigure(2.75), "2.75");
  assert.equal(formatFigure(3.625), "3.63");
  assert.equal(formatFigure(1.005), "1.01");
  assert.equal(formatFigure(4), "4");
  assert.equal(formatFigure(null), "–");
});

test("the group's averages as CSV for the data lab: a note, participant and one column per group, no names", () => {
  const exercise = { ...WEEK, dimensions: [{ id: "a", title: "Learning, and growth" }, { id: "b", title: 'Say "support"' }] };
  const csv = scoresCsv(exercise, [[1.5, 3], [2, null], [1, 2], [3, 1]], "Averages for a week\nscale 1 to 3");
  assert.equal(csv, '# Averages for a week scale 1 to 3\r\nparticipant,"Learning, and growth","Say ""support"""\r\n'
    + "P01,1.5,3\r\nP02,2,\r\nP03,1,2\r\nP04,3,1\r\n");
});

// Codes that would let one person's answers show, kept as fixtures: tests/js/fixtures/pulse/.
const MADE_UP = JSON.parse(readFileSync(new URL("./fixtures/pulse/codes-to-refuse-or-hide.json", import.meta.url),
  "utf8"));
const withStatements = (statements) => ({
  ...PROCTOR, points: [1, 2, 3, 4, 5], dimensions: PROCTOR.dimensions.map((dimension) => ({ ...dimension, statements })),
});
const PROCTOR_TWO_EACH = withStatements(2);

test("codes the self-assessment cannot make are refused: nothing rated, or an average no ratings give", () => {
  assert.match(decodeError(MADE_UP.nothingRated), /rates no group of statements/);
  assert.match(decodeError(MADE_UP.nothingRated, [PROCTOR_TWO_EACH]), /rates no group of statements/);
  // 3.3 is no average of one or two ratings on a 1 to 5 scale; with four statements (10 / 3) it is one.
  assert.match(decodeError(MADE_UP.impossibleAverage, [PROCTOR_TWO_EACH]), /holds an average that no ratings of/);
  assert.deepEqual(decodePulse(MADE_UP.impossibleAverage, [withStatements(4)]).averages, [3.3, 2, 4]);
  // Every code a participant's ratings can make is still read.
  for (const ratings of [[1], [5, 5], [2, 3], [1, 4]]) {
    const average = ratings.reduce((a, b) => a + b, 0) / ratings.length;
    const code = encodePulse({ exercise: PROCTOR.id, min: 1, max: 5, averages: [average, null, 5] });
    assert.deepEqual(decodePulse(code, [PROCTOR_TWO_EACH]).averages, [Math.round(average * 10) / 10, null, 5]);
  }
});

test("a group of statements rated by fewer than three people shows no figures, on the page or in the CSV", () => {
  const read = (codes) => codes.map((code) => decodePulse(code, KNOWN).averages);
  const oneRater = distribution(PROCTOR, read(MADE_UP.oneRaterOfFormative));
  assert.deepEqual(oneRater.map((row) => row.hidden), [false, true, false]);
  const { counts, median: middle, lowest, highest } = oneRater[1];
  assert.deepEqual([counts, middle, lowest, highest], [null, null, null, null]);
  assert.equal(oneRater[0].median, 3);
  // Three codes, but every group rated by two: nothing shows.
  const twoEach = distribution(PROCTOR, read(MADE_UP.twoRatersOfEachGroup));
  assert.deepEqual(twoEach.map((row) => row.hidden), [true, true, true]);
  const csv = scoresCsv(PROCTOR, read(MADE_UP.oneRaterOfFormative), "note").split("\r\n");
  assert.deepEqual(csv.slice(2, 5), ["P01,2,,3", "P02,3,,4", "P03,4,,5"]);
});
