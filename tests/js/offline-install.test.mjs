// "Delete everything" and the page's look at what is kept offline (lib/offline-install.js): a look that had
// started before the copy was removed never makes its cache again.
import assert from "node:assert/strict";
import { test } from "node:test";

const SCOPE = "https://example.org/site/";
const CACHE = "rs-offline:rs:/site/:r1";

/** A browser's cache storage, whose has() answers only when the test says so. */
class Caches {
  constructor(names) {
    this.stored = new Map(names.map((name) => [name, ["a", "b"]]));
    this.asked = deferred();
    this.answer = deferred();
  }
  async has(name) {
    this.asked.resolve();
    const there = this.stored.has(name);
    await this.answer.promise;
    return there;
  }
  async open(name) {
    if (!this.stored.has(name)) this.stored.set(name, []); // as a browser does: opening makes the cache
    const keys = this.stored.get(name);
    return { keys: async () => keys };
  }
  async delete(name) {
    return this.stored.delete(name);
  }
  async keys() {
    return [...this.stored.keys()];
  }
}

function deferred() {
  let resolve;
  const promise = new Promise((done) => { resolve = done; });
  return { promise, resolve };
}

/** A page of the copy at /site/ with its worker registered; the worker answers "forget" at once. */
function pageWithWorker(caches) {
  const listeners = new Set();
  const worker = {
    postMessage(message) {
      if (message.type !== "forget") return;
      queueMicrotask(() => {
        for (const name of [...caches.stored.keys()]) if (name.startsWith("rs-offline:rs:/site/:")) caches.stored.delete(name);
        for (const listener of [...listeners]) listener({ source: worker, data: { type: "forgotten" } });
      });
    },
  };
  const registration = { scope: SCOPE, active: worker, unregister: async () => true };
  const meta = { 'meta[name="rs-service-worker"]': { content: "../sw.js" }, 'meta[name="rs-storage"]': { content: "rs" } };
  Object.assign(globalThis, {
    caches,
    document: { querySelector: (selector) => meta[selector] ?? null, getElementById: () => null },
    location: new URL(`${SCOPE}my-learning/`),
    fetch: async () => ({ json: async () => ({ release: "r1", total: 2, files: ["a", "b"] }) }),
  });
  globalThis.window = globalThis;
  Object.defineProperty(globalThis, "navigator", {
    configurable: true,
    value: {
      serviceWorker: {
        controller: worker,
        getRegistrations: async () => [registration],
        addEventListener: (type, listener) => listeners.add(listener),
        removeEventListener: (type, listener) => listeners.delete(listener),
      },
    },
  });
}

test("a look at what is kept that began before delete everything does not make the deleted cache again", async () => {
  const caches = new Caches([CACHE, "jupyterlite-precache"]);
  pageWithWorker(caches);
  const { offlineState, removeOffline } = await import("../../overrides/assets/js/lib/offline-install.js");
  assert.deepEqual(await (async () => { caches.answer.resolve(); return offlineState(); })(), { total: 2, files: 2, kept: 2 });

  caches.asked = deferred();
  caches.answer = deferred();
  const looking = offlineState();
  await caches.asked.promise; // it has asked whether the cache is there (it is)...
  await removeOffline(); // ...and the learner deletes everything before the answer comes
  caches.answer.resolve();
  assert.deepEqual(await looking, { total: 2, files: 2, kept: 0 });
  assert.deepEqual(await caches.keys(), ["jupyterlite-precache"]);
});
