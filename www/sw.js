// Service worker of the demo page: keeps the page, the impactkit module and the last JSON of every
// API call, so the page still renders offline (recomputed for the current time) and can say the data
// is cached and from when. Network first for everything; the cache is the fallback.
const SHELL = "impactkit-shell-v3";
const DATA = "impactkit-data-v1"; // also written by pkg/elements.js before this worker controls the page
const PRECACHE = ["/", "/index.html", "/app.js", "/style.css", "/favicon.svg", "/pkg/elements.js", "/pkg/elements-worker.js"];
// impactkit's capability modules (the page loads each when its widget is on screen; offline they
// must all be here); the full module only for a package without them
const files = (m) => [`/pkg/${m}.js`, `/pkg/${m}_bg.wasm`];
const MODULES = ["progress", "profile", "badges", "streaks", "cards", "sessions"].flatMap(files);

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL)
    .then((c) => Promise.all([...PRECACHE.map((url) => keep(c, url)),
      Promise.all(MODULES.map((url) => keep(c, url))).catch(() => Promise.all(files("impactkit").map((url) => keep(c, url))))]))
    .then(() => self.skipWaiting()));
});

/** Caches `url` under its own URL and, when the server redirected (/pkg/ → /pkg@version/), under the final one. */
async function keep(cache, url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  if (res.redirected) await cache.put(res.url, res.clone());
  await cache.put(url, res);
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== SHELL && name !== DATA) await caches.delete(name);
    await self.clients.claim();
  })());
});

const isData = (url) => url.pathname === "/graphql" || url.pathname.startsWith("/api/") || url.pathname.startsWith("/storefront/");

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  event.respondWith(isData(url) ? data(req) : shell(req));
});

/** Page, module, wasm: network first, cached copy when offline. */
async function shell(req) {
  const cache = await caches.open(SHELL);
  try {
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  } catch (error) {
    const hit = await cache.match(req, { ignoreSearch: req.mode === "navigate" });
    if (hit) return hit;
    throw error;
  }
}

/** API JSON: network first; stored with the time it was fetched; offline the last copy, marked cached. */
async function data(req) {
  const cache = await caches.open(DATA);
  try {
    const res = await fetch(req);
    if (res.ok) {
      const headers = new Headers(res.headers);
      headers.set("x-impactkit-fetched-at", new Date().toISOString());
      headers.delete("content-encoding");
      headers.delete("content-length");
      await cache.put(req, new Response(await res.clone().blob(), { status: res.status, headers }));
    }
    return res;
  } catch (error) {
    const hit = await cache.match(req);
    if (!hit) throw error;
    const headers = new Headers(hit.headers);
    headers.set("x-impactkit-cached-at", hit.headers.get("x-impactkit-fetched-at") ?? "");
    return new Response(await hit.blob(), { status: 200, headers });
  }
}
