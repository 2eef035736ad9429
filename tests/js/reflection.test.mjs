// Reflection's pure helpers: counting items written one to a line, recognising a date, and the advice in words.
import assert from "node:assert/strict";
import { test } from "node:test";

import { countItems, isDate, itemAdvice } from "../../overrides/assets/js/widgets/reflection.js";

test("items are counted one to a line, ignoring list markers and lines with no words", () => {
  assert.equal(countItems(""), 0);
  assert.equal(countItems("Ask my supervisor\n\n- Shadow a colleague\n* Read the guidance\n  \n1. Try it on one visit\n2)\n—"), 4);
  assert.equal(countItems("one\r\ntwo"), 2);
  assert.equal(countItems(undefined), 0);
});

test("a date is YYYY-MM-DD and a real day", () => {
  assert.equal(isDate("2026-05-31"), true);
  assert.equal(isDate("2026-02-30"), false);
  assert.equal(isDate("by the end of March"), false);
  assert.equal(isDate("31/05/2026"), false);
});

test("the advice says nothing for an empty box, then counts towards the minimum in words", () => {
  assert.equal(itemAdvice(0, 3), null);
  assert.deepEqual(itemAdvice(2, 3), { ok: false, text: "You have listed 2 so far. Aim for at least 3, one on each line." });
  assert.deepEqual(itemAdvice(3, 3), { ok: true, text: "You have listed 3: at least the 3 asked for." });
});
