// impactkit edge images: a Worker (workerd / Cloudflare Workers, ES module syntax) that renders share cards
// and email progress images per customer, fetched from the seed-000 GraphQL backend named in the environment.
//
//   GET /card/{customerId}.svg|.png   ?size=og|square|story|badge &theme=light|dark|auto &locale=TAG
//   GET /progress/{customerId}.png    ?density=1|2 &theme=light|dark   (600 px wide; 1200 px at density 2)
//   GET /progress/{customerId}.json   the same image's alt text and numbers
//
// Environment: BACKEND_URL (the GraphQL endpoint), BACKEND_AUTH (optional header value) and
// BACKEND_AUTH_HEADER (its name, default `authorization`), optional BACKEND (a service binding used
// instead of the network), CACHE_CONTROL (optional override). See docs/edge.md.
import { initSync, impactCard, readImpactProfile, version } from "impactkit";
import impactkitWasm from "impactkit/impactkit_bg.wasm";
import { EdgeError, fetchProfile } from "./backend.mjs";
import { progressModel, progressSvg } from "./progress.mjs";
import { RENDERER } from "./renderer.mjs";

initSync({ module: impactkitWasm });

// resvg-wasm (2.4 MB) and the fonts (1.7 MB) load on the first PNG request, not at startup: under the module
// registry that loads modules on first import (compatibility flag `new_module_registry`) the SVG and JSON
// routes never compile them. (Compiling wasm from bytes at request time is not allowed in Workers.)
let png = null;
async function renderPng(svg, width) {
  png ??= import("./png.mjs");
  return (await png).renderPng(svg, width);
}

const CACHE_CONTROL = "public, max-age=3600, stale-while-revalidate=86400";
const SIZES = ["og", "square", "story", "badge"];
const THEMES = ["light", "dark", "auto"];
const TYPES = { svg: "image/svg+xml", png: "image/png", json: "application/json; charset=utf-8" };
const ROUTE = /^\/(card|progress)\/([^/]+)\.(svg|png|json)$/;
const ID_MAX = 128;
// Card languages whose script the bundled fonts (edge/fonts/) cannot draw: PNG would show empty boxes.
const NO_PNG_FONT = new Set(["ja"]);

/** An option from the query: the default when absent, else one of `allowed` (400 `invalid_value` otherwise). */
function choice(params, name, allowed, fallback) {
  const value = params.get(name);
  if (value === null) return fallback;
  if (!allowed.includes(value)) throw new EdgeError(400, "invalid_value", `${name} must be one of ${allowed.join(", ")}`, name);
  return value;
}

function localeOf(params) {
  const value = params.get("locale");
  if (value === null) return null;
  if (value.length > 35 || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value)) {
    throw new EdgeError(400, "invalid_value", "locale must be a BCP 47 language tag such as en or de-CH", "locale");
  }
  return value;
}

/** The customer id from the path segment: percent-decoded, 1–128 characters, no control characters. */
function customerIdOf(segment) {
  let id;
  try {
    id = decodeURIComponent(segment);
  } catch {
    id = null;
  }
  if (!id || id.length > ID_MAX || /[\u0000-\u001f\u007f]/.test(id)) {
    throw new EdgeError(400, "invalid_value", `customerId must be 1–${ID_MAX} characters without control characters`, "customerId");
  }
  return id;
}

/** Parses the route and its options; unknown query parameters (utm_…, cache busters) are ignored. */
export function parseRequest(url) {
  const m = ROUTE.exec(url.pathname);
  const [, kind, segment, ext] = m ?? [];
  if (!m || (kind === "card" && ext === "json") || (kind === "progress" && ext === "svg")) {
    throw new EdgeError(404, "not_found", "routes: /card/{customerId}.svg|.png, /progress/{customerId}.png|.json");
  }
  const params = url.searchParams;
  const id = customerIdOf(segment);
  if (kind === "card") {
    const options = { size: choice(params, "size", SIZES, "og"), theme: choice(params, "theme", THEMES, "light"), locale: localeOf(params) };
    if (ext === "png" && NO_PNG_FONT.has(options.locale?.split("-")[0].toLowerCase())) {
      throw new EdgeError(400, "invalid_value", `no bundled font draws locale ${options.locale} as PNG: use the .svg route`, "locale");
    }
    return { kind, id, ext, options };
  }
  const density = Number(choice(params, "density", ["1", "2"], "1"));
  return { kind, id, ext, options: { density, theme: choice(params, "theme", ["light", "dark"], "light") } };
}

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The ETag: a hash of the profile response, the route and options, and the package and renderer versions. */
async function etagOf(req, profileText) {
  const basis = JSON.stringify([version(), RENDERER, req.kind, req.ext, req.options, profileText]);
  return `"${(await sha256Hex(basis)).slice(0, 40)}"`;
}

function matches(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** The library's error for the backend's profile: a backend failure, named without echoing the data. */
function libraryError(error, what) {
  if (error instanceof EdgeError) return error;
  const code = typeof error?.code === "string" ? error.code : "error";
  const path = typeof error?.path === "string" ? error.path : "$";
  return new EdgeError(502, "backend_error", `the backend's profile cannot be ${what}: ${code} at ${path}`);
}

/** Renders the body for a parsed request from the backend's profile text. */
async function render(req, profileText) {
  let profile;
  try {
    profile = readImpactProfile(profileText);
  } catch (error) {
    throw libraryError(error, "read");
  }
  if (req.kind === "progress") {
    const model = progressModel(profile, req.id);
    if (req.ext === "json") return { body: JSON.stringify(model), alt: model.alt };
    return { body: await renderPng(progressSvg(model, req.options.theme), 600 * req.options.density), alt: model.alt };
  }
  let svg;
  try {
    svg = impactCard({ profile, ...req.options });
  } catch (error) {
    throw libraryError(error, "drawn");
  }
  return { body: req.ext === "svg" ? svg : await renderPng(svg, null) };
}

/** ASCII-only header text: anything else percent-encoded as UTF-8 (decodeURIComponent reads it). */
const headerText = (text) => text.replace(/[^\x20-\x24\x26-\x7e]+/gu, (s) => encodeURIComponent(s));

function baseHeaders(req, etag, env) {
  const headers = new Headers({
    "content-type": TYPES[req.ext], etag, "cache-control": env.CACHE_CONTROL || CACHE_CONTROL,
    "x-content-type-options": "nosniff", "access-control-allow-origin": "*",
  });
  if (req.ext === "svg") headers.set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
  if (req.kind === "progress" && req.ext === "png") {
    headers.set("link", `</progress/${encodeURIComponent(req.id)}.json>; rel="alternate"; type="application/json"`);
  }
  return headers;
}

const defaultCache = () => (typeof caches !== "undefined" && caches.default) || null;

/**
 * The rendered body from the Cache API (keyed by ETag: content-addressed) or freshly rendered and stored;
 * `alt` (progress images) comes back as header text. Only PNGs go through the cache: an SVG or the JSON
 * renders in well under a millisecond, less than a cache lookup costs.
 */
async function cachedRender(req, etag, profileText, url, ctx) {
  if (req.ext !== "png") {
    const out = await render(req, profileText);
    return { ...out, alt: out.alt && headerText(out.alt), cache: "bypass" };
  }
  const cache = defaultCache();
  const key = `${url.origin}/__impactkit-edge/${etag.slice(1, -1)}.${req.kind}.${req.ext}`;
  if (cache) {
    const hit = await cache.match(key).catch(() => undefined);
    if (hit) return { body: await hit.arrayBuffer(), alt: hit.headers.get("x-alt") ?? undefined, cache: "hit" };
  }
  const out = await render(req, profileText);
  if (cache) {
    const headers = { "cache-control": "public, max-age=86400", "content-type": TYPES[req.ext] };
    if (out.alt) headers["x-alt"] = headerText(out.alt);
    const put = cache.put(key, new Response(out.body, { headers })).catch(() => {});
    if (ctx?.waitUntil) ctx.waitUntil(put);
    else await put;
  }
  return { ...out, alt: out.alt && headerText(out.alt), cache: cache ? "miss" : "none" };
}

function errorResponse(error, method) {
  const known = error instanceof EdgeError;
  if (!known) console.error("impactkit edge: unexpected error", String(error?.stack ?? error));
  const body = known ? { code: error.code, message: error.message, ...(error.param ? { param: error.param } : {}) }
    : { code: "internal_error", message: "the image could not be rendered" };
  const headers = { "content-type": TYPES.json, "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (known && error.status === 405) headers.allow = "GET, HEAD";
  return new Response(method === "HEAD" ? null : JSON.stringify(body), { status: known ? error.status : 500, headers });
}

async function handle(request, env, ctx) {
  if (request.method !== "GET" && request.method !== "HEAD") throw new EdgeError(405, "method_not_allowed", "only GET and HEAD");
  const url = new URL(request.url);
  const req = parseRequest(url);
  const profileText = await fetchProfile(env, req.id);
  const etag = await etagOf(req, profileText);
  if (matches(request.headers.get("if-none-match"), etag)) {
    const headers = baseHeaders(req, etag, env);
    headers.delete("content-type");
    return new Response(null, { status: 304, headers });
  }
  const out = await cachedRender(req, etag, profileText, url, ctx);
  const headers = baseHeaders(req, etag, env);
  if (out.alt) headers.set("x-alt-text", out.alt);
  headers.set("x-cache", out.cache);
  return new Response(request.method === "HEAD" ? null : out.body, { status: 200, headers });
}

export default {
  async fetch(request, env, ctx) {
    try {
      return await handle(request, env ?? {}, ctx);
    } catch (error) {
      return errorResponse(error, request.method);
    }
  },
};
