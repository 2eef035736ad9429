import assert from "node:assert/strict";
import { test } from "node:test";

import { applyImport, backupOf } from "../../overrides/assets/js/lib/backup.js";
import { folderName, otherScopes, rebaseBackup, scopeOf } from "../../overrides/assets/js/lib/scopes.js";
import { Store } from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

const HERE = { name: "rs", scope: "/home/sam/new/site/" };

test("other folders of the same site are found in a list of keys; settings, other sites, this folder are not", () => {
  const keys = [
    "rs:/home/sam/new/site/:entry:a",
    "rs:/home/sam/old/site/:entry:a",
    "rs:/home/sam/old/site/:entry:b",
    "rs:/home/sam/old/site/:data:visits",
    "rs:/C:/Users/Sam/My:Site/:entry:c",
    "rs:/only/data/:data:visits",
    "rs:/home/sam/old/site/#shared-computer",
    "other:/home/sam/old/site/:entry:d",
    "rs-two:/x/:entry:e",
    "/home/sam/old/site/.__palette",
    null,
  ];
  assert.deepEqual(otherScopes(keys, HERE), [
    { scope: "/home/sam/old/site/", entries: 2, keys: 3 },
    { scope: "/C:/Users/Sam/My:Site/", entries: 1, keys: 1 },
  ]);
  assert.deepEqual(otherScopes(["rs:/home/sam/new/site/:entry:a"], HERE), []);
});

test("a key splits at the folder's end, even when a folder's name holds a colon", () => {
  assert.deepEqual(scopeOf("/a:/b/:entry:x"), { scope: "/a:/b/", rest: "entry:x" });
  assert.deepEqual(scopeOf("/:data:visits"), { scope: "/", rest: "data:visits" });
  assert.equal(scopeOf("/a/#shared-computer"), null);
  assert.equal(scopeOf("no-slash:entry:x"), null);
  assert.equal(folderName("/home/sam/My%20files/site/"), "/home/sam/My files/site");
  assert.equal(folderName("/%E0%A4%A/"), "/%E0%A4%A");
});

test("bringing another folder's answers over: pages move here, the newer answer wins, the old folder is untouched", () => {
  const area = new MemoryStorage();
  const old = new Store({ name: "rs", scope: "/old/", area });
  const here = new Store({ name: "rs", scope: "/new/", area });
  old.save("a", { exercise: "a", title: "A", page: "/old/modules/one.html",
    updated: "2026-01-02T00:00:00.000Z", values: { x: "old folder" } });
  old.save("b", { exercise: "b", title: "B", page: "/old/modules/two.html",
    updated: "2026-01-01T00:00:00.000Z", values: { x: "older" } });
  old.setData("visits", { "/old/modules/one.html": "2026-01-01T00:00:00.000Z" });
  here.save("b", { exercise: "b", title: "B", page: "/new/modules/two.html",
    updated: "2026-03-01T00:00:00.000Z", values: { x: "newer here" } });
  const before = old.snapshot();
  const result = applyImport(here, rebaseBackup(backupOf(old, old.snapshot()), "/old/", "/new/"), "merge");
  assert.equal(result.ok, true);
  assert.equal(here.load("a").entry.values.x, "old folder");
  assert.equal(here.load("a").entry.page, "/new/modules/one.html");
  assert.equal(here.load("a").entry.updated, "2026-01-02T00:00:00.000Z");
  assert.equal(here.load("b").entry.values.x, "newer here");
  assert.deepEqual(here.getData("visits", {}), { "/new/modules/one.html": "2026-01-01T00:00:00.000Z" });
  assert.deepEqual(old.snapshot(), before);
});

test("bringing answers over into a full store changes nothing", () => {
  const area = new MemoryStorage(900);
  const old = new Store({ name: "rs", scope: "/old/", area });
  const here = new Store({ name: "rs", scope: "/new/", area });
  old.save("a", { exercise: "a", title: "A", updated: "2026-01-02T00:00:00.000Z", values: { x: "y".repeat(300) } });
  old.save("b", { exercise: "b", title: "B", updated: "2026-01-02T00:00:00.000Z", values: { x: "z".repeat(300) } });
  const result = applyImport(here, rebaseBackup(backupOf(old, old.snapshot()), "/old/", "/new/"), "merge");
  assert.equal(result.ok, false);
  assert.deepEqual(here.snapshot(), {});
});
