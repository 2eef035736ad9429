// Progress that tells the truth, and a path you can follow: pure logic of lib/progress.js and lib/path.js.
import assert from "node:assert/strict";
import { test } from "node:test";

import { choosePath, nextPlace, pathLinks } from "../../overrides/assets/js/lib/path.js";
import { moduleProgress } from "../../overrides/assets/js/lib/progress.js";

const A = { path: "/modules/a/", url: "/modules/a/", title: "A", exercises: ["shared", "a-own"] };
const B = { path: "/modules/b/", url: "/modules/b/", title: "B", exercises: ["shared", "b-own"] };
const C = { path: "/modules/c/", url: "/modules/c/", title: "C", exercises: ["c-own"] };
const answer = (exercise, page) => ({ exercise, page, values: { text: "written" } });

test("a shared exercise answered in module A starts A, not B", () => {
  const [a, b] = moduleProgress([A, B], [answer("shared", "/modules/a/")], {});
  assert.equal(a.state, "visited");
  assert.equal(b.state, "not-started");
  assert.equal(b.done, 1); // its answer still counts towards B's exercises
});

test("a module is started when opened, and complete when every exercise on it has an answer from anywhere", () => {
  const entries = [answer("shared", "/modules/a/"), answer("b-own", "/modules/a/")];
  const [a, b, c] = moduleProgress([A, B, C], entries, { "/modules/c/": "2026-11-20T09:30:00.000Z" });
  assert.equal(a.state, "visited");
  assert.equal(b.state, "complete");
  assert.equal(c.state, "visited");
  assert.equal(moduleProgress([A], [{ exercise: "a-own", page: "/modules/a/", values: { text: "" } }], {})[0].state,
    "not-started");
});

test("the learner's role picks the path; no role, or an unknown one, gives the NQSW path", () => {
  const paths = { nqsw: ["/modules/a/"], supervisor: ["/modules/b/"] };
  assert.deepEqual(choosePath(paths, "supervisor"), { id: "supervisor", pages: ["/modules/b/"] });
  assert.deepEqual(choosePath(paths, undefined), { id: "nqsw", pages: ["/modules/a/"] });
  assert.deepEqual(choosePath(paths, "toString"), { id: "nqsw", pages: ["/modules/a/"] });
});

test("the place keeps the exercise while the page is the same, drops it on another page, and keeps unknown keys", () => {
  const at = "2026-11-21T10:00:00.000Z";
  assert.deepEqual(nextPlace(null, "/modules/a/", at), { page: "/modules/a/", at });
  const answered = nextPlace({ page: "/modules/a/", at, later: 1 }, "/modules/a/", at, "a-own");
  assert.deepEqual(answered, { page: "/modules/a/", at, later: 1, exercise: "a-own" });
  assert.deepEqual(nextPlace(answered, "/modules/a/", at), answered);
  assert.deepEqual(nextPlace(answered, "/modules/b/", at), { page: "/modules/b/", at, later: 1 });
});

test("nothing opened: start at the path's first step; later: continue at the place, next is the first step not done", () => {
  const pages = ["/modules/c/", "/modules/a/", "/modules/b/"];
  const fresh = moduleProgress([A, B, C], [], {});
  const start = pathLinks({ progress: fresh, pages, here: "/", place: null });
  assert.equal(start.start.path, "/modules/c/");
  assert.equal(start.resume, null);
  assert.equal(start.next, null);

  const entries = [answer("c-own", "/modules/c/"), answer("shared", "/modules/a/")];
  const progress = moduleProgress([A, B, C], entries, { "/modules/a/": "x" });
  const home = pathLinks({ progress, pages, here: "/", place: { page: "/modules/a/", exercise: "shared" } });
  assert.equal(home.start, null);
  assert.equal(home.resume.module.path, "/modules/a/");
  assert.equal(home.resume.exercise, "shared");
  assert.equal(home.next.path, "/modules/b/");

  const onA = pathLinks({ progress, pages, here: "/modules/a/", place: { page: "/modules/a/" } });
  assert.equal(onA.resume, null); // you are there
  assert.deepEqual(onA.step, { number: 2, total: 3 });
  assert.equal(onA.next.path, "/modules/b/");
  assert.equal(pathLinks({ progress, pages, here: "/modules/b/", place: null }).next, null);
});
