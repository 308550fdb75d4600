#!/usr/bin/env node
// Dev server for the demo (127.0.0.1 only): serves www/ at /, the npm package pkg/ at /pkg/, and the
// demo backend (www/backend/): GraphQL at /graphql (seed 000 schema), Gameball v4-shaped REST at
// /api/v4/integrations/customers/{id}/… (+ the storefront proxy /storefront/gameball/…), and the
// demo's /api/demo/customers[/{id}/orders|activity].
// Like a CDN: files are compressed (brotli or gzip by Accept-Encoding, compressed once and kept in
// memory), carry a strong ETag (304 on If-None-Match), and the package is versioned as unpkg does:
// /pkg/<file> redirects to /pkg@<version>/<file>, which is immutable (cached for a year); everything
// else (pages, /pkg/ redirects, API answers) is revalidated.
// Usage: node www/serve.mjs [port]   (port 0 picks a free one)
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { promisify } from "node:util";
import { handleApi } from "./backend/api.mjs";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
const here = dirname(fileURLToPath(import.meta.url));
// IMPACTKIT_PKG_DIR serves another build of the package at /pkg/ (default: pkg/, what `make pkg` writes).
const pkgDir = process.env.IMPACTKIT_PKG_DIR || join(here, "..", "pkg");
const roots = { "/pkg/": pkgDir, "/": here };
const hidden = [join(here, "backend") + sep, join(here, "serve.mjs")]; // server code is not served
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".ts": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};
const security = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  // no inline scripts; wasm needs 'wasm-unsafe-eval'; blob:/data: images for the card preview
  "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'",
};
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
/** Bodies smaller than this go out uncompressed (the headers would cost more than they save). */
const MIN_COMPRESS = 1024;
const compressible = (type) => !/png|jpeg/.test(type ?? "");

/** The package's version (pkg/package.json), for the immutable /pkg@<version>/ URLs. */
async function pkgVersion() {
  try {
    return JSON.parse(await readFile(join(pkgDir, "package.json"), "utf8")).version ?? "dev";
  } catch {
    return "dev";
  }
}

/** Maps a URL path to a file inside one of the roots, or null (no escaping the roots). */
function resolve(urlPath) {
  for (const [prefix, root] of Object.entries(roots)) {
    if (!urlPath.startsWith(prefix)) continue;
    let rel;
    try {
      rel = decodeURIComponent(urlPath.slice(prefix.length));
    } catch {
      return null;
    }
    if (rel === "" || rel.endsWith("/")) rel += "index.html";
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return null;
    if (hidden.some((h) => file === h || file.startsWith(h))) return null;
    return file;
  }
  return null;
}

function readBody(req, max = 1 << 20) {
  return new Promise((ok, fail) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > max) { fail(new Error("body too large")); req.destroy(); } else chunks.push(c);
    });
    req.on("end", () => ok(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });
}

/** The encoding to answer with: brotli if accepted, else gzip, else none. */
function encodingFor(req) {
  const accept = req.headers["accept-encoding"] ?? "";
  return /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : null;
}

const compress = (enc, buf, quality) => (enc === "br"
  ? brotliAsync(buf, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality === "max" ? 11 : 4, [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length } })
  : gzipAsync(buf, { level: quality === "max" ? 9 : 4 }));

/** A dynamic answer (API, errors): compressed on the fly when large enough, revalidated. */
async function send(req, res, status, headers, body) {
  const buf = typeof body === "string" ? Buffer.from(body) : body;
  const h = { ...security, "cache-control": REVALIDATE, ...headers };
  const enc = buf.length >= MIN_COMPRESS && compressible(h["content-type"]) ? encodingFor(req) : null;
  const out = enc ? await compress(enc, buf, "fast") : buf;
  res.writeHead(status, { ...h, ...(enc ? { "content-encoding": enc } : {}), vary: "accept-encoding", "content-length": out.length });
  res.end(req.method === "HEAD" ? undefined : out);
}

/** Static files as read and compressed once (kept while the file's size and mtime stay the same). */
const files = new Map();
async function staticFile(file) {
  const st = await stat(file);
  if (!st.isFile()) throw new Error("not a file");
  const hit = files.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
  const body = await readFile(file);
  const entry = { mtimeMs: st.mtimeMs, size: st.size, body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`, encoded: new Map() };
  files.set(file, entry);
  return entry;
}

/** A static file: ETag / 304, the best encoding the client accepts (compressed once), `cacheControl`. */
async function sendFile(req, res, file, cacheControl) {
  const entry = await staticFile(file);
  const type = types[extname(file)] ?? "application/octet-stream";
  const h = { ...security, "content-type": type, "cache-control": cacheControl, etag: entry.etag, vary: "accept-encoding" };
  const tags = (req.headers["if-none-match"] ?? "").split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (tags.includes(entry.etag) || tags.includes("*")) {
    res.writeHead(304, h);
    return res.end();
  }
  const enc = entry.body.length >= MIN_COMPRESS && compressible(type) ? encodingFor(req) : null;
  let out = entry.body;
  if (enc) {
    if (!entry.encoded.has(enc)) entry.encoded.set(enc, compress(enc, entry.body, "max"));
    out = await entry.encoded.get(enc);
  }
  res.writeHead(200, { ...h, ...(enc ? { "content-encoding": enc } : {}), "content-length": out.length });
  res.end(req.method === "HEAD" ? undefined : out);
}

/** Starts the server on 127.0.0.1:`port` (0 = a free port); resolves to the http.Server. */
export function start(port = 8080, { quiet = true } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    try {
      const api = await handleApi(req, url, () => readBody(req));
      if (api) {
        if (!quiet) console.log(`${req.method} ${url.pathname}${url.search.length > 80 ? url.search.slice(0, 80) + "…" : url.search} → ${api.status}`);
        return await send(req, res, api.status, api.headers, api.body);
      }
      if (req.method !== "GET" && req.method !== "HEAD") return await send(req, res, 405, { "content-type": "text/plain" }, "method not allowed");
      // the package: /pkg/<file> → /pkg@<version>/<file> (immutable), as unpkg does
      const version = url.pathname.startsWith("/pkg") ? await pkgVersion() : null;
      if (url.pathname.startsWith("/pkg/")) {
        const to = `/pkg@${version}/${url.pathname.slice(5)}${url.search}`;
        res.writeHead(302, { ...security, location: to, "cache-control": "public, max-age=60", "content-length": 0 });
        return res.end();
      }
      const versioned = version !== null && url.pathname.startsWith(`/pkg@${version}/`);
      if (url.pathname.startsWith("/pkg@") && !versioned) return await send(req, res, 404, { "content-type": "text/plain" }, "no such version");
      const file = resolve(versioned ? `/pkg/${url.pathname.slice(`/pkg@${version}/`.length)}` : url.pathname);
      if (!file) return await send(req, res, 404, { "content-type": "text/plain" }, "not found");
      try {
        await sendFile(req, res, file, versioned ? IMMUTABLE : REVALIDATE);
      } catch {
        if (!res.headersSent) await send(req, res, 404, { "content-type": "text/plain" }, "not found");
      }
    } catch (error) {
      if (!res.headersSent) await send(req, res, 500, { "content-type": "text/plain" }, `server error: ${error.message}`);
      else res.destroy();
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await start(Number(process.argv[2] ?? 8080), { quiet: false });
  console.log(`impactkit demo: http://127.0.0.1:${server.address().port}/`);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
}
