/**
 * The page's side of the service worker (assets/js/sw/worker.js, written to sw.js by the build): register it,
 * fetch the rest of the site when the browser is idle after a page has loaded (not on a data-saving or very slow
 * connection), offer a new release to the learner (they choose when to reload), make the site available offline
 * on request, and remove this copy's worker and caches ("delete everything").
 *
 * Only where the page names the worker (<meta name="rs-service-worker">, web builds only): the offline (file://)
 * copy has none, and neither does a page inside another site's frame.
 */

import { h } from "./dom.js";
import { t } from "./strings.js";

const PREFIX = "rs-offline:";

/** The worker's address named by the page, or null where this copy has none. */
export function workerUrl(doc = document) {
  const meta = doc.querySelector('meta[name="rs-service-worker"]');
  if (!meta || location.protocol === "file:" || !("serviceWorker" in navigator) || window.top !== window.self) return null;
  return new URL(meta.content, location.href);
}

/** This copy's scope (the folder the worker is in) and the cache-name prefix its worker uses. */
function names(url) {
  const scope = new URL("./", url);
  const storage = document.querySelector('meta[name="rs-storage"]')?.content || "reflective-supervision";
  return { scope, prefix: `${PREFIX}${storage}:${scope.pathname}:` };
}

/** Register the worker, watch for a new release, and fetch the rest of the site once the browser is idle. */
export async function startOffline() {
  const url = workerUrl();
  if (!url) return;
  let registration;
  try {
    registration = await navigator.serviceWorker.register(url, { scope: names(url).scope.href, updateViaCache: "none" });
  } catch (error) {
    console.warn("The site could not be made available offline", error);
    return;
  }
  if (!registration) return; // a browser that blocks workers without an error (as test browsers do)
  watchForRelease(registration);
  const slow = navigator.connection && (navigator.connection.saveData || /2g/.test(navigator.connection.effectiveType || ""));
  if (slow) return;
  const whenIdle = window.requestIdleCallback || ((callback) => setTimeout(callback, 3000));
  const idle = () => whenIdle(() => cacheAll(() => {}), { timeout: 10000 });
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
}

/** Tell the learner when a new release is ready; they choose when to reload. */
function watchForRelease(registration) {
  const offer = (worker) => {
    if (!worker || !navigator.serviceWorker.controller || document.querySelector("[data-rs-new-release]")) return;
    const reload = h("button", { type: "button", class: "rs-button", "data-rs-action": "use-new-release" }, t("offline_new_release_button"));
    reload.addEventListener("click", () => {
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
      worker.postMessage({ type: "skip-waiting" });
    });
    document.body.append(h("div", { class: "rs-new-release", role: "status", "data-rs-new-release": "" },
      h("p", {}, t("offline_new_release")), reload));
  };
  offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offer(worker);
    });
  });
}

/**
 * Ask the worker to fetch every file of the site it does not keep yet.
 * @param {(progress: {type: string, done: number, failed: number, total: number}) => void} onProgress
 * @returns {Promise<{done: number, failed: number, total: number}>}
 */
export async function cacheAll(onProgress) {
  const registration = await navigator.serviceWorker.ready;
  return new Promise((resolve) => {
    const listen = (event) => {
      const data = event.data || {};
      if (data.type !== "offline-progress" && data.type !== "offline-done") return;
      onProgress(data);
      if (data.type === "offline-done") {
        navigator.serviceWorker.removeEventListener("message", listen);
        resolve(data);
      }
    };
    navigator.serviceWorker.addEventListener("message", listen);
    registration.active.postMessage({ type: "cache-all" });
  });
}

/**
 * How much the whole site is, and how much of it this browser keeps already.
 * @returns {Promise<{total: number, files: number, kept: number} | null>}  null where there is no worker
 */
export async function offlineState() {
  const url = workerUrl();
  if (!url) return null;
  const listing = await (await fetch(new URL("offline-files.json", url), { cache: "no-cache" })).json();
  const { prefix } = names(url);
  // Only look: caches.open would make an empty cache, even just after "delete everything". Between has() and
  // open() this page may have started removing the copy (removeOffline): then it is not opened, so a cache being
  // deleted is never made again. (An open() asked for before the removal started comes before its deletes.)
  const name = `${prefix}${listing.release}`;
  const there = await caches.has(name);
  const kept = there && !removing ? (await (await caches.open(name)).keys()).length : 0;
  return { total: listing.total, files: listing.files.length, kept };
}

/** Set once this page begins to remove its copy's worker and caches (removeOffline): from then on it never opens
 * the copy's cache again (its worker is gone too; a later page starts afresh). */
let removing = false;

/** How long to wait for a worker to answer "forget": a busy phone's worker can take seconds to read the message. */
const FORGET_WAIT_MS = 10000;

/** Tell a worker to stop keeping files; resolves when it has (or after FORGET_WAIT_MS, if it does not answer). */
function toldToForget(worker) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, FORGET_WAIT_MS);
    navigator.serviceWorker.addEventListener("message", function heard(event) {
      if (event.source !== worker || event.data?.type !== "forgotten") return;
      navigator.serviceWorker.removeEventListener("message", heard);
      done();
    });
    worker.postMessage({ type: "forget" });
  });
}

/** Remove this copy's worker and caches (never the data lab's, nor another copy's). */
export async function removeOffline() {
  const url = workerUrl();
  if (!url || !("caches" in window)) return;
  removing = true;
  const { scope, prefix } = names(url);
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    if (registration.scope !== scope.href) continue;
    // First the worker stops keeping files and finishes any write under way, so no cache comes back afterwards.
    await Promise.all([...new Set([registration.active, navigator.serviceWorker.controller])].filter(Boolean).map(toldToForget));
    await registration.unregister();
  }
  for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
}
