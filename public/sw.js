const CACHE = "trinvis-__VERSION__"; const SHELL = ["./", /*__ASSETS__*/];
// Trinvis service worker: keeps the app shell available offline.
// scripts/post_build.py (Trunk post_build hook) writes into the line above a hash of
// the whole build and the list of built files, so every build has its own cache and
// is a new worker. All patient data lives in localStorage; nothing here sees it.

// Install: precache the whole shell, all or nothing (addAll rejects if one file fails,
// and the worker is then discarded). cache: "reload" bypasses the HTTP cache so a new
// worker never stores stale files. No skipWaiting here: the new worker waits until the
// patient taps "Opdater nu" in the page (public/shell.js), which posts SKIP_WAITING.
self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(SHELL.map((url) => new Request(url, { cache: "reload" }))),
    ),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

// Activate: drop the caches of earlier builds, then control the open pages at once.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("trinvis-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// Only complete, same-origin, successful responses are cached: never opaque (cross-origin),
// error or partial (206) ones.
function cacheable(response) {
  return response.status === 200 && response.type === "basic";
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === "navigate" ? networkFirst(request) : cacheFirst(request));
});

// Navigations: the network first (a new index.html when online), the cached page when
// offline; the shell is a single page, so "./" is the fallback for any navigation.
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (cacheable(response)) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    return (
      (await cache.match(request, { ignoreSearch: true })) ||
      (await cache.match("./")) ||
      Response.error()
    );
  }
}

// Everything else: the cache first (file names carry content hashes), then the network.
// A file fetched from the network is kept too, so a page loaded online after a deploy
// (new hashed names, old worker still active) also works offline.
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (cacheable(response)) await cache.put(request, response.clone());
  return response;
}
