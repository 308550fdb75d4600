#!/usr/bin/env node
// Dev server for the demo (127.0.0.1 only): serves www/ at /, the npm package pkg/ at /pkg/, and the
// demo backend (www/backend/): GraphQL at /graphql (seed 000 schema), Gameball v4-shaped REST at
// /api/v4/integrations/customers/{id}/… (+ the storefront proxy /storefront/gameball/…), and the
// demo's /api/demo/customers[/{id}/orders|activity].
// Usage: node www/serve.mjs [port]   (port 0 picks a free one)
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzip } from "node:zlib";
import { promisify } from "node:util";
import { handleApi } from "./backend/api.mjs";

const gzipAsync = promisify(gzip);
const here = dirname(fileURLToPath(import.meta.url));
// IMPACTKIT_PKG_DIR serves another build of the package at /pkg/ (default: pkg/, what `make pkg` writes).
const roots = { "/pkg/": process.env.IMPACTKIT_PKG_DIR || join(here, "..", "pkg"), "/": here };
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

async function send(req, res, status, headers, body) {
  const buf = typeof body === "string" ? Buffer.from(body) : body;
  const h = { ...security, "cache-control": "no-cache", ...headers };
  if (buf.length > 8192 && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && !/wasm|png|jpeg/.test(h["content-type"] ?? "")) {
    const z = await gzipAsync(buf, { level: 4 });
    res.writeHead(status, { ...h, "content-encoding": "gzip", vary: "accept-encoding", "content-length": z.length });
    res.end(req.method === "HEAD" ? undefined : z);
  } else {
    res.writeHead(status, { ...h, "content-length": buf.length });
    res.end(req.method === "HEAD" ? undefined : buf);
  }
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
      const file = resolve(url.pathname);
      if (!file) return await send(req, res, 404, { "content-type": "text/plain" }, "not found");
      let body;
      try {
        body = await readFile(file);
      } catch {
        return await send(req, res, 404, { "content-type": "text/plain" }, "not found");
      }
      await send(req, res, 200, { "content-type": types[extname(file)] ?? "application/octet-stream" }, body);
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
