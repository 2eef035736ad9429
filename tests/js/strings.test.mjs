import assert from "node:assert/strict";
import { test } from "node:test";

import { formatDate, listAnd, t, tn } from "../../overrides/assets/js/lib/strings.js";

test("t fills placeholders and shows an unknown key as itself", () => {
  assert.equal(t("exercise_saved_at", { time: "14:05" }), "Saved in this browser on this device at 14:05.");
  assert.equal(t("no_such_string"), "no_such_string");
  assert.equal(t("exercise_saved_at"), "Saved in this browser on this device at {time}.");
});

test("tn picks the plural form for the count and fills {count}", () => {
  assert.equal(tn("agenda_count", 1, { date: "today" }), "1 item to bring, as of today.");
  assert.equal(tn("agenda_count", 0, { date: "today" }), "0 items to bring, as of today.");
  assert.equal(tn("agenda_count", 3, { date: "today" }), "3 items to bring, as of today.");
  assert.equal(tn("timer_all_done", 1), "The only phase is done.");
  assert.equal(tn("timer_all_done", 4), "All 4 phases are done.");
});

test("dates are written in British English by default", () => {
  assert.equal(formatDate(new Date(2027, 2, 3)), "3 March 2027");
});

test("lists are joined in the locale's way", () => {
  assert.equal(listAnd(["a"]), "a");
  assert.equal(listAnd(["a", "b"]), "a and b");
  assert.equal(listAnd([1, 2, 3]), "1, 2 and 3");
});
