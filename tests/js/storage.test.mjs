import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  FORMAT, Store, markTabAnswersUnmoved, migrate, parseEntry, setSharedComputerMode, sharedComputerMode,
} from "../../overrides/assets/js/lib/storage.js";
import { MemoryStorage } from "./memory-storage.mjs";

const fixture = readFileSync(new URL("./fixtures/entry-format-1.json", import.meta.url), "utf8").trim();

test("a stored format-1 entry is migrated on read and written back in the current format", () => {
  const area = new MemoryStorage();
  const store = new Store({ name: "rs", scope: "/", area });
  area.setItem("rs:/:entry:example-reflection-default", fixture);
  const loaded = store.load("example-reflection-default");
  assert.equal(loaded.status, "ok");
  assert.equal(loaded.entry.format, FORMAT);
  assert.deepEqual(loaded.entry.values, JSON.parse(fixture).values);
  assert.deepEqual([loaded.entry.flagged, loaded.entry.snapshots, loaded.entry.readable], [false, [], []]);
  assert.equal(JSON.parse(area.getItem("rs:/:entry:example-reflection-default")).format, FORMAT);
});

test("migrate leaves current entries alone and parseEntry refuses wrong shapes", () => {
  const current = { format: FORMAT, exercise: "x", values: {}, flagged: true, snapshots: [], readable: [] };
  assert.deepEqual(migrate(current), current);
  assert.equal(parseEntry("{not json"), null);
  assert.equal(parseEntry(JSON.stringify({ exercise: "x", values: [] })).values.length, 0);
  assert.equal(parseEntry(JSON.stringify({ exercise: 3, values: {} })), null);
  assert.equal(parseEntry(JSON.stringify([1, 2])), null);
});

test("a damaged entry is kept under a corrupt key, reported, and does not affect other entries", () => {
  const area = new MemoryStorage();
  const store = new Store({ name: "rs", scope: "/", area });
  store.save("good", { exercise: "good", values: { a: "1" } });
  area.setItem("rs:/:entry:bad", "{oops");
  assert.equal(store.load("bad").status, "corrupt");
  assert.equal(area.getItem("rs:/:corrupt:entry:bad"), "{oops");
  assert.equal(area.getItem("rs:/:entry:bad"), null);
  assert.equal(store.load("good").status, "ok");
  const { entries, corrupt } = store.list();
  assert.deepEqual(entries.map((entry) => entry.exercise), ["good"]);
  assert.deepEqual(corrupt, [{ key: "rs:/:corrupt:entry:bad", raw: "{oops" }]);
});

test("a full store reports 'full' and an absent store reports 'unavailable'", () => {
  const full = new Store({ name: "rs", scope: "/", area: new MemoryStorage(40) });
  assert.deepEqual(full.save("x", { exercise: "x", values: { text: "a long answer that does not fit" } }), { ok: false, reason: "full" });
  const none = new Store({ name: "rs", scope: "/", area: null });
  assert.deepEqual(none.save("x", { exercise: "x", values: {} }), { ok: false, reason: "unavailable" });
  assert.equal(none.load("x").status, "unavailable");
});

test("two copies of the site on one domain never see each other's entries", () => {
  const area = new MemoryStorage();
  const ours = new Store({ name: "rs", scope: "/", area });
  const theirs = new Store({ name: "rs", scope: "/council/", area });
  ours.save("same-id", { exercise: "same-id", values: { a: "ours" } });
  theirs.save("same-id", { exercise: "same-id", values: { a: "theirs" } });
  assert.equal(ours.load("same-id").entry.values.a, "ours");
  assert.equal(theirs.load("same-id").entry.values.a, "theirs");
  assert.equal(Object.keys(ours.snapshot()).length, 1);
  ours.clearAll();
  assert.equal(theirs.load("same-id").status, "ok");
});

test("an entry from a newer format is reported and left untouched", () => {
  const area = new MemoryStorage();
  const store = new Store({ name: "rs", scope: "/", area });
  const raw = JSON.stringify({ format: FORMAT + 1, exercise: "x", values: { a: "future" } });
  area.setItem("rs:/:entry:x", raw);
  assert.equal(store.load("x").status, "newer");
  assert.equal(area.getItem("rs:/:entry:x"), raw);
});

/** Run a test with a stand-in window holding a tab's sessionStorage and the device's localStorage. */
function inWindow({ local = new MemoryStorage(), session = new MemoryStorage() }, body) {
  globalThis.window = { localStorage: local, sessionStorage: session };
  try {
    body({ local, session });
  } finally {
    delete globalThis.window;
  }
}

test("the shared-computer setting is not saved state: no snapshot, delete everything or import touches it", () => {
  inWindow({}, ({ local, session }) => {
    const namespace = { name: "rs", scope: "/" };
    assert.equal(setSharedComputerMode(true, namespace), true);
    assert.equal(local.getItem("rs:/#shared-computer"), "on");
    const lasting = new Store({ ...namespace, area: local });
    const store = new Store({ ...namespace, area: session, shared: true });
    assert.deepEqual(lasting.snapshot(), {});
    store.save("x", { exercise: "x", values: { a: "1" } });
    assert.deepEqual(Object.keys(store.snapshot()), ["rs:/:entry:x"]);
    store.clearAll();
    lasting.clearAll();
    assert.equal(sharedComputerMode(namespace), true, "delete everything leaves the setting on");
    lasting.restore({ "rs:/:entry:y": JSON.stringify({ exercise: "y", values: {} }) });
    assert.equal(sharedComputerMode(namespace), true, "replacing the saved state leaves the setting on");
    assert.equal(setSharedComputerMode(false, namespace), true);
    assert.equal(sharedComputerMode(namespace), false);
    assert.equal(local.getItem("rs:/#shared-computer"), null);
    assert.equal(lasting.load("y").status, "ok");
  });
});

test("the shared-computer setting belongs to the device: a new tab of this copy is in shared mode, another copy not", () => {
  const local = new MemoryStorage();
  inWindow({ local }, () => assert.equal(setSharedComputerMode(true, { name: "rs", scope: "/" }), true));
  inWindow({ local, session: new MemoryStorage() }, () => {
    assert.equal(sharedComputerMode({ name: "rs", scope: "/" }), true, "a tab opened by typing the address");
    assert.equal(sharedComputerMode({ name: "rs", scope: "/council/" }), false);
  });
});

test("a tab in shared mode from an earlier version (its own flag) turns the device setting on", () => {
  for (const flag of ["rs:/#shared-computer", "rs:/:shared-computer"]) {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    session.setItem(flag, "on");
    inWindow({ local, session }, () => assert.equal(sharedComputerMode({ name: "rs", scope: "/" }), true));
    assert.equal(local.getItem("rs:/#shared-computer"), "on", flag);
    assert.equal(session.length, 0, "the tab's flag is moved, not copied");
    inWindow({ local }, () => assert.equal(sharedComputerMode({ name: "rs", scope: "/" }), true, "other tabs follow"));
  }
});

test("where lasting storage is blocked, shared mode still works for the tab", () => {
  const refuse = () => {
    throw new DOMException("no", "SecurityError");
  };
  const blocked = { getItem: refuse, setItem: refuse, removeItem() {} };
  const session = new MemoryStorage();
  inWindow({ local: blocked, session }, () => {
    const namespace = { name: "rs", scope: "/" };
    session.setItem("rs:/:shared-computer", "on");
    assert.equal(sharedComputerMode(namespace), true);
    assert.equal(session.getItem("rs:/#shared-computer"), "on");
    assert.equal(setSharedComputerMode(false, namespace), true);
    assert.equal(setSharedComputerMode(true, namespace), true);
    assert.equal(sharedComputerMode(namespace), true);
  });
});

test("a tab holding answers it could not move stays in shared mode until they are moved", () => {
  inWindow({}, ({ local }) => {
    const namespace = { name: "rs", scope: "/" };
    markTabAnswersUnmoved(true, namespace);
    assert.equal(sharedComputerMode(namespace), true);
    assert.equal(local.getItem("rs:/#shared-computer"), null, "only this tab");
    assert.equal(setSharedComputerMode(false, namespace), true);
    assert.equal(sharedComputerMode(namespace), false);
  });
});

test("a blocked store is unavailable; a full one is still available", () => {
  assert.equal(new Store({ name: "rs", scope: "/", area: null }).available(), false);
  const blocked = { get length() { throw new DOMException("no", "SecurityError"); } };
  assert.equal(new Store({ name: "rs", scope: "/", area: blocked }).available(), false);
  assert.equal(new Store({ name: "rs", scope: "/", area: new MemoryStorage(1) }).available(), true);
});

test("a store names its data keys, finds a damaged value kept aside, and lists every key of its area", () => {
  const area = new MemoryStorage();
  const store = new Store({ name: "rs", scope: "/a/", area });
  assert.equal(store.dataKey("record"), "rs:/a/:data:record");
  assert.equal(store.keptAside(store.dataKey("record")), false);
  area.setItem("rs:/a/:data:record", "{not json");
  assert.equal(store.getData("record", null), null); // moved aside
  assert.equal(store.keptAside(store.dataKey("record")), true);
  area.setItem("rs:/a/:data:record", "{again");
  store.getData("record", null); // a second damaged value goes to ":2"
  assert.ok(area.getItem("rs:/a/:corrupt:data:record:2"));
  area.removeItem("rs:/a/:corrupt:data:record");
  assert.equal(store.keptAside(store.dataKey("record")), true); // numbered ones count too
  assert.equal(store.keptAside(store.dataKey("visits")), false);
  area.setItem("rs:/b/:entry:x", "{}");
  assert.deepEqual(store.areaKeys().sort(), ["rs:/a/:corrupt:data:record:2", "rs:/b/:entry:x"]);
  assert.deepEqual(new Store({ name: "rs", scope: "/", area: null }).areaKeys(), []);
});
