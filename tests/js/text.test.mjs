import assert from "node:assert/strict";
import { test } from "node:test";

import { tParts } from "../../overrides/assets/js/lib/strings.js";
import { FSI, PDI, cutText, isolate } from "../../overrides/assets/js/lib/text.js";

const RLO = "\u202E";

test("user text is wrapped in first-strong isolates, line by line, spaces and blank lines left outside", () => {
  assert.equal(FSI, "\u2068");
  assert.equal(PDI, "\u2069");
  assert.equal(isolate(`${RLO}evil`), `${FSI}${RLO}evil${PDI}`);
  assert.equal(isolate("one\r\ntwo\n\n  three  "), `${FSI}one${PDI}\r\n${FSI}two${PDI}\n\n  ${FSI}three${PDI}  `);
  assert.equal(isolate(""), "");
  assert.equal(isolate("   "), "   ");
  assert.equal(isolate(undefined), "");
  assert.equal(isolate(42), `${FSI}42${PDI}`);
});

test("isolates inside user text cannot close the site's isolate early or leave one open", () => {
  // A stray PDI would end our isolate and let the override after it reach the site's words.
  assert.equal(isolate(`a${PDI}${RLO}b`), `${FSI}a${RLO}b${PDI}`);
  // An isolate the text opens is closed before ours, so ours still ends where the text does.
  assert.equal(isolate("x\u2067y"), `${FSI}x\u2067y${PDI}${PDI}`);
  // A balanced pair inside is kept as written.
  assert.equal(isolate(`x\u2066y${PDI}z`), `${FSI}x\u2066y${PDI}z${PDI}`);
});

test("text is cut between characters as people see them, never inside an emoji", () => {
  const thumbs = "\u{1F44D}\u{1F3FD}"; // thumbs up, medium skin tone: two code points, four UTF-16 units
  const family = "\u{1F469}\u200D\u{1F469}\u200D\u{1F467}"; // one grapheme of five code points
  const before = "a".repeat(79);
  assert.equal(`${before}\u{1F600}`.slice(0, 80).at(-1), "\uD83D", "what slice() does: half an emoji");
  assert.equal(cutText(`${before}\u{1F600}tail`, 80), `${before}\u{1F600}`);
  assert.equal(cutText(`${before}${thumbs}tail`, 80), `${before}${thumbs}`);
  assert.equal(cutText(`${before}${family}tail`, 80), `${before}${family}`);
  assert.equal(cutText("e\u0301te\u0301", 2), "e\u0301t", "a letter keeps its accent");
  assert.equal(cutText("short", 80), "short");
  assert.equal(cutText(undefined, 3), "");
  for (const text of [cutText(`${before}${thumbs}`, 80), cutText(`${"b".repeat(79)}${family}`, 80)]) {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    assert.ok(!lone.test(text), "no lone surrogate");
  }
});

test("without Intl.Segmenter, text is cut by whole code points", () => {
  const segmenter = Intl.Segmenter;
  try {
    delete Intl.Segmenter;
    assert.equal(cutText(`${"a".repeat(79)}\u{1F600}tail`, 80), `${"a".repeat(79)}\u{1F600}`);
    assert.equal(cutText("\u{1F44D}\u{1F3FD}x", 1), "\u{1F44D}", "a whole code point, never half of one");
  } finally {
    Intl.Segmenter = segmenter;
  }
});

test("an interface string splits into its words and the values of its placeholders, of any kind", () => {
  const node = { title: "a node" };
  assert.deepEqual(tParts("my_learning_chart_caption", { title: node }), [node, ": averages by dated copy"]);
  assert.deepEqual(tParts("smart_goal_calendar_summary", {}), ["Review my goal: {goal}"]);
  assert.deepEqual(tParts("smart_goal_calendar_summary", { goal: node }), ["Review my goal: ", node]);
});
