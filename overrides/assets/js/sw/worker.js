/**
 * The site's service worker (the build writes it to sw.js with its settings filled in: macros/service_worker.py).
 *
 * It answers only GET requests for the files of this copy that the build listed (SETTINGS.files, paths under its
 * own scope), never anything under lab/ (the data lab's JupyterLite has its own worker and caches) and never
 * another copy's path on the same domain. Pages (HTML) come from the network first, so a new release shows as
 * soon as there is a connection, and from the cache when there is none; other files from the cache first (the
 * release's cache holds only that release's files). Files are kept as they are read; "cache-all" (from My
 * learning, or when the browser is idle) fetches the rest.
 *
 * Caches: "rs-offline:<storage name>:<scope path>:<release>". On activation it deletes only its own older caches.
 * A new release waits until the page says the learner chose to use it ("skip-waiting"). "forget" (delete
 * everything) makes it stop keeping files at once, deletes its caches once no write is left under way, and then
 * answers, so the page knows nothing will write them again.
 */

const SETTINGS = /*RS_SETTINGS*/{};
const SCOPE = new URL(self.registration.scope);
const PREFIX = `rs-offline:${SETTINGS.storageName}:${SCOPE.pathname}:`;
const CACHE = `${PREFIX}${SETTINGS.release}`;
const FILES = new Set(SETTINGS.files || []);

/** Set by "forget": from then on nothing is kept. */
let forgetting = false;
/** Cache writes under way (so "forget" can wait for them). */
const writes = new Set();

/** Keep a response under a path, unless the page has asked the worker to forget this copy. */
async function keep(path, response) {
  if (forgetting) return;
  const write = caches.open(CACHE).then((cache) => cache.put(keyFor(path), response));
  writes.add(write);
  try {
    await write;
  } finally {
    writes.delete(write);
  }
}

/** The listed file a request is for ("modules/x/" is "modules/x/index.html"), or null. */
function listedPath(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  let path;
  try {
    path = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
  } catch {
    return null;
  }
  if (path === "" || path.endsWith("/")) path += "index.html";
  if (path === "lab" || path.startsWith("lab/")) return null;
  return FILES.has(path) ? path : null;
}

const keyFor = (path) => new URL(path, SCOPE).href;

async function fromNetwork(request, path) {
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await keep(path, response.clone());
  return response;
}

async function pageFirstFromNetwork(request, path) {
  try {
    return await fromNetwork(request, path);
  } catch (error) {
    const cached = await caches.match(keyFor(path), { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
}

async function fileFirstFromCache(request, path) {
  const cached = await caches.match(keyFor(path), { cacheName: CACHE });
  return cached || fromNetwork(request, path);
}

self.addEventListener("install", () => {
  // Nothing is fetched here: a first visit stays light. The first release takes over at once (activate).
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = listedPath(new URL(request.url));
  if (!path) return;
  event.respondWith(path.endsWith(".html") ? pageFirstFromNetwork(request, path) : fileFirstFromCache(request, path));
});

/** Delete every cache of this copy (all its releases). */
async function deleteOwnCaches() {
  for (const name of await caches.keys()) if (name.startsWith(PREFIX)) await caches.delete(name);
}

/** Fetch every listed file not yet kept, telling the page how far it got. */
async function cacheAll(source) {
  let done = 0;
  let failed = 0;
  const tell = (type) => source && source.postMessage({ type, done, failed, total: FILES.size });
  // Asked after "forget" (the page's idle fetch can come late): opening the cache would make it again.
  if (forgetting) {
    tell("offline-done");
    return;
  }
  const cache = await caches.open(CACHE);
  const kept = new Set((await cache.keys()).map((request) => request.url));
  const missing = [...FILES].filter((path) => !kept.has(keyFor(path)));
  done = FILES.size - missing.length;
  for (let i = 0; i < missing.length && !forgetting; i += 6) {
    await Promise.all(missing.slice(i, i + 6).map(async (path) => {
      try {
        const response = await fetch(keyFor(path), { cache: "no-cache" });
        if (!response.ok) throw new Error(String(response.status));
        await keep(path, response);
        done += 1;
      } catch {
        failed += 1;
      }
    }));
    tell("offline-progress");
  }
  tell("offline-done");
}

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "skip-waiting") self.skipWaiting();
  else if (type === "cache-all") event.waitUntil(cacheAll(event.source));
  else if (type === "forget") {
    forgetting = true;
    // Its own caches go last, after any write under way, so none comes back even if the page stopped waiting.
    event.waitUntil(Promise.allSettled([...writes]).then(deleteOwnCaches)
      .then(() => event.source?.postMessage({ type: "forgotten" })));
  }
});
