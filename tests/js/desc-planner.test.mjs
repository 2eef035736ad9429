import assert from "node:assert/strict";
import { test } from "node:test";

import { advise } from "../../overrides/assets/js/widgets/desc-planner.js";

const config = { words: ["lazy", "always"], maxRequests: 2 };
const verdicts = (advice) => advice.map(({ id, ok }) => `${id}:${ok ? "ok" : "warn"}`);

test("an empty plan gets no checks", () => {
  assert.deepEqual(advise(config, {}), []);
});

test("each part of a plan gets one check, in order, warning on what to reconsider", () => {
  const advice = advise(config, {
    describe: "She is always late", express: "They are worried", specify: "Call me. Write it down. Bring it.",
    follow_up: "2026-13-45",
  });
  assert.deepEqual(verdicts(advice), ["describe:warn", "express:warn", "specify:warn", "follow_up:warn"]);
  assert.match(advice[0].text, /'always'/, "the judging word is quoted");
  assert.match(advice[2].text, /3 things/);
  assert.match(advice[2].text, /keep the two/, "the most advised, in words");
});

test("a plan that meets every check says so, naming the follow-up's weekday", () => {
  const advice = advise(config, {
    describe: "On 3 March the visit note was missing", express: "I'm concerned about it", specify: "Write it today.",
    follow_up: "2026-12-07",
  });
  assert.deepEqual(verdicts(advice), ["describe:ok", "express:ok", "specify:ok", "follow_up:ok"]);
  assert.match(advice[2].text, /1 thing\b/);
  assert.match(advice[3].text, /Monday/);
});

test("missing parts are named as missing", () => {
  const advice = advise(config, { describe: " ", express: "", specify: "", follow_up: "" });
  assert.deepEqual(verdicts(advice), ["describe:warn", "express:warn", "specify:warn", "follow_up:warn"]);
  assert.match(advice[0].text, /Describe is empty/);
  assert.match(advice[3].text, /Add a follow-up date/);
});
