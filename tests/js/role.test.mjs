// The learner's role: resolving {nqsw, supervisor} text in a script's configuration, saving the choice with
// the other preferences, and the head script that applies it before the first paint.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

import { isRoleText, resolveRoles, runsGroups, saveWhoIAm, savedRole } from "../../overrides/assets/js/lib/role.js";
import { isData } from "../../overrides/assets/js/lib/shape.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { writtenAsText } from "../../overrides/assets/js/lib/entries.js";
import { MemoryStorage } from "./memory-storage.mjs";

const HEAD = readFileSync(new URL("../../overrides/assets/js/head.js", import.meta.url), "utf8");

test("a configuration's role text resolves to the role's wording, the NQSW's when no role is chosen", () => {
  const config = { phases: [{ id: "a", label: { nqsw: "My part", supervisor: "Your NQSW's part" }, minutes: 5 }],
    names: { x: "Same for both" }, nested: [[{ nqsw: "n", supervisor: "s" }]] };
  assert.deepEqual(resolveRoles(config, "supervisor"),
    { phases: [{ id: "a", label: "Your NQSW's part", minutes: 5 }], names: { x: "Same for both" }, nested: [["s"]] });
  assert.equal(resolveRoles(config, null).phases[0].label, "My part");
  assert.equal(resolveRoles(config, "nqsw").nested[0][0], "n");
  // Only the exact mapping is role text: a choice {id, label} or a mapping with more keys is left alone.
  assert.equal(isRoleText({ nqsw: "a", supervisor: "b", extra: "c" }), false);
  assert.deepEqual(resolveRoles({ id: "nqsw", label: "x" }, "supervisor"), { id: "nqsw", label: "x" });
});

test("the role and group sessions are saved with the other preferences, which keep their shape", () => {
  const store = new Store({ name: "rs", scope: "/", area: new MemoryStorage() });
  store.setData("preferences", { facilitator: true });
  assert.equal(savedRole(store), null);
  assert.equal(runsGroups(store), false);
  assert.equal(saveWhoIAm(store, { role: "supervisor" }).ok, true);
  assert.equal(saveWhoIAm(store, { groups: true }).ok, true);
  assert.deepEqual(store.getData("preferences", {}), { facilitator: true, role: "supervisor", groups: true });
  assert.equal(savedRole(store), "supervisor");
  assert.equal(runsGroups(store), true);
  saveWhoIAm(store, { role: null });
  assert.deepEqual(store.getData("preferences", {}), { facilitator: true, groups: true });
  assert.equal(isData("preferences", { role: "manager" }), false);
  assert.equal(isData("preferences", { groups: "yes" }), false);
});

test("an entry says which role its answers were written in, when it knows", () => {
  assert.equal(writtenAsText({ role: "nqsw" }), "Written as an NQSW");
  assert.equal(writtenAsText({ role: "supervisor" }), "Written as a supervisor");
  assert.equal(writtenAsText({}), "");
  assert.equal(writtenAsText({ role: "<b>" }), "");
});

/** Run assets/js/head.js as the browser would, in the head of a page, and return <html>'s dataset. */
function runHead({ local = {}, session = {}, search = "", script = { base: "../.." }, meta = "rs" } = {}) {
  const localStorage = new MemoryStorage();
  const sessionStorage = new MemoryStorage();
  for (const [key, value] of Object.entries(local)) localStorage.setItem(key, value);
  for (const [key, value] of Object.entries(session)) sessionStorage.setItem(key, value);
  const root = { dataset: {}, classList: { add() {} } };
  const document = {
    documentElement: root,
    currentScript: { dataset: script },
    querySelector: (selector) => (selector === 'meta[name="rs-storage"]' && meta ? { content: meta } : null),
  };
  const location = new URL(`https://example.org/site/modules/a/${search}`);
  vm.runInNewContext(HEAD, { document, localStorage, sessionStorage, location, URL, URLSearchParams, JSON });
  return root.dataset;
}

test("the head script shows the saved role from the site's own preferences, before the page is parsed", () => {
  const key = "rs:/site/:data:preferences";
  assert.equal(runHead({ local: { [key]: '{"role":"supervisor"}' } }).rsRole, "supervisor");
  assert.equal(runHead({ local: { [key]: '{"role":"nqsw","groups":true}' } }).rsRole, "nqsw");
  // Nothing saved, a damaged value, an unknown role, or another copy's preferences: no role.
  assert.equal(runHead().rsRole, undefined);
  assert.equal(runHead({ local: { [key]: "{not json" } }).rsRole, undefined);
  assert.equal(runHead({ local: { [key]: '{"role":"<img>"}' } }).rsRole, undefined);
  assert.equal(runHead({ local: { "other:/site/:data:preferences": '{"role":"supervisor"}' } }).rsRole, undefined);
  // Shared-computer mode keeps this tab's answers and choices in sessionStorage.
  const shared = { "rs:/site/#shared-computer": "on", [key]: '{"role":"supervisor"}' };
  assert.equal(runHead({ session: shared, local: { [key]: '{"role":"nqsw"}' } }).rsRole, "supervisor");
});

test("a handouts page shows the NQSW wording unless its address asks for the supervisors'", () => {
  const local = { "rs:/site/:data:preferences": '{"role":"supervisor"}' };
  assert.equal(runHead({ local, script: { base: "../..", roleDefault: "nqsw" } }).rsRole, "nqsw");
  assert.equal(runHead({ local, search: "?role=supervisor", script: { base: "../..", roleDefault: "nqsw" } }).rsRole, "supervisor");
  assert.equal(runHead({ local, search: "?role=boss", script: { base: "../..", roleDefault: "nqsw" } }).rsRole, "nqsw");
});
