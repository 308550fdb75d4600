// Data for the widgets: JSON over GET with an offline fallback to the last copy (Cache API, shared
// with the demo's service worker), memoised per page. Every result says whether it came from the
// cache and from when. No impactkit code here: a widget fetches its data while its module loads.
const DATA_CACHE = "impactkit-data-v1";
const memo = new Map();

/** Forget memoised responses (e.g. on a "refresh" button). */
export function clearMemo() { memo.clear(); }

/** An Error with a machine-readable `code`, like impactkit's own errors. */
export function widgetError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

/** Runs `fn` when the page is idle (or soon), so bookkeeping never lengthens a render task. */
export const whenIdle = (fn) => (globalThis.requestIdleCallback ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50));

/**
 * GET `url` as JSON. Resolves to `{data, cachedAt}`: `cachedAt` is null for a live answer, or the
 * ISO time the cached copy was fetched. Dispatches `impactkit:fetch` on `document` with the same.
 */
export function fetchJson(url, { headers = {} } = {}) {
  const abs = new URL(url, document.baseURI).href;
  if (!memo.has(abs)) {
    const p = load(abs, headers);
    memo.set(abs, p);
    p.catch(() => memo.delete(abs));
    p.then((r) => document.dispatchEvent(new CustomEvent("impactkit:fetch", { detail: { url: abs, cachedAt: r.cachedAt } })), () => {});
  }
  return memo.get(abs);
}

/** Answers longer than this are parsed on first use of `data` only (see `fetched`). */
const LARGE = 1 << 16;
/**
 * `{data, text, cachedAt}`: `text` as received; `data` parsed from it (a large answer on first use
 * only, so one that goes straight to impactkit in the worker is never parsed on the page).
 */
function fetched(text, cachedAt) {
  let parsed = text.length <= LARGE;
  let data = parsed ? JSON.parse(text) : undefined;
  return {
    text, cachedAt,
    get data() {
      if (!parsed) { data = JSON.parse(text); parsed = true; }
      return data;
    },
  };
}

async function load(url, headers) {
  let res = null;
  try {
    res = await fetch(url, { headers: { accept: "application/json", ...headers } });
  } catch {
    res = null; // offline or unreachable: try the cache below
  }
  if (res && res.ok) {
    const text = await res.text();
    const cachedAt = res.headers.get("x-impactkit-cached-at");
    if (cachedAt === null && !navigator.serviceWorker?.controller && "caches" in globalThis) {
      // no service worker in charge (yet): keep the last JSON ourselves, once the page is idle
      const fetchedAt = new Date().toISOString();
      whenIdle(() => {
        const copy = new Response(text, { headers: { "content-type": "application/json", "x-impactkit-fetched-at": fetchedAt } });
        caches.open(DATA_CACHE).then((c) => c.put(url, copy)).catch(() => {});
      });
    }
    return fetched(text, cachedAt === null ? null : cachedAt || "unknown");
  }
  if (!res || res.status >= 500) {
    const hit = "caches" in globalThis ? await caches.match(url, { cacheName: DATA_CACHE }).catch(() => null) : null;
    if (hit) return fetched(await hit.text(), hit.headers.get("x-impactkit-fetched-at") || "unknown");
    throw widgetError("offline", res ? `the server answered ${res.status} and nothing is cached` : "offline and nothing cached yet");
  }
  throw widgetError("http_error", `${new URL(url).pathname} answered ${res.status}`);
}

const PROFILE_QUERY = `query Profile($id: ID!) {
  customerImpactProfile(customerId: $id) {
    totalCo2Saved totalOrders
    badges { id name description icon earnedAt tier }
    milestones { id name target current percentage isCompleted }
    ranking { position percentile description }
  }
  customerMilestones(customerId: $id) {
    active { id name current target unit percentage }
    completed { id name completedAt }
  }
}`;

/** A GraphQL query over GET (cacheable, works offline through the cache). Resolves to `{data, cachedAt}`. */
export function graphqlGet(endpoint, query, variables, { viewer } = {}) {
  const u = new URL(endpoint, document.baseURI);
  u.searchParams.set("query", query.replace(/\s+/g, " ").trim());
  if (variables) u.searchParams.set("variables", JSON.stringify(variables));
  if (viewer) u.searchParams.set("viewer", viewer);
  return fetchJson(u.href);
}

/** Seed 000 profile + milestones for `customer`, as the raw GraphQL response `{data, errors?}`. */
export async function fetchProfile(endpoint, customer) {
  const r = await graphqlGet(endpoint, PROFILE_QUERY, { id: customer });
  if (!r.data?.data?.customerImpactProfile && !r.data?.errors) throw widgetError("not_found", `no customer ${customer}`);
  return r;
}

