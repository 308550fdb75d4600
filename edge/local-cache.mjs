// A Cache API store for local workerd (its `cacheApiOutbound`), so `caches.default` keeps what the edge Worker
// puts, as Cloudflare's cache does: in memory, at most MAX_ENTRIES / MAX_BYTES, oldest out first. workerd sends
// `put` as PUT {key URL} with the serialised HTTP response as body, `match` as GET (answer `Cf-Cache-Status:
// HIT` with the response, or `MISS`), `delete` as PURGE. Not deployed: Cloudflare has its own cache.
const MAX_ENTRIES = 2000;
const MAX_BYTES = 256 << 20;
const store = new Map(); // key URL → {status, headers, body}
let bytes = 0;

/** Splits a serialised HTTP/1.1 response (status line, headers, blank line, body) into its parts. */
function parse(raw) {
  const end = raw.findIndex((b, i) => b === 13 && raw[i + 1] === 10 && raw[i + 2] === 13 && raw[i + 3] === 10);
  if (end < 0) return null;
  const [statusLine, ...lines] = new TextDecoder().decode(raw.subarray(0, end)).split("\r\n");
  const status = Number(statusLine.split(" ")[1]);
  const headers = lines.map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]);
  return { status, headers, body: raw.slice(end + 4) };
}

function evict() {
  for (const [key, entry] of store) {
    if (store.size <= MAX_ENTRIES && bytes <= MAX_BYTES) return;
    store.delete(key);
    bytes -= entry.body.byteLength;
  }
}

export default {
  async fetch(request) {
    const key = request.url;
    if (request.method === "PUT") {
      const entry = parse(new Uint8Array(await request.arrayBuffer()));
      if (!entry) return new Response(null, { status: 413 });
      if (store.has(key)) bytes -= store.get(key).body.byteLength;
      store.delete(key);
      store.set(key, entry);
      bytes += entry.body.byteLength;
      evict();
      return new Response(null, { status: 204 });
    }
    if (request.method === "PURGE") {
      const entry = store.get(key);
      if (entry) bytes -= entry.body.byteLength;
      return new Response(null, { status: store.delete(key) ? 200 : 404 });
    }
    const entry = store.get(key);
    if (!entry) return new Response(null, { headers: { "cf-cache-status": "MISS" } });
    const headers = new Headers(entry.headers);
    headers.set("cf-cache-status", "HIT");
    return new Response(entry.body, { status: entry.status, headers });
  },
};
