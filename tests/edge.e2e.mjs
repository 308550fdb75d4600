// The edge image Worker (edge/) in workerd against the demo backend (www/backend/), both on free 127.0.0.1
// ports (needs a built pkg/): SVG and PNG cards, the email progress PNG (600 / 1200 px) and its alt text,
// identical bytes on repeat and in Node's resvg-wasm, Cache API hits, ETag / 304, the auth header from the environment,
// JSON errors (404, 400 with the parameter, 502 when the backend is down or wrong) without stack traces.
// Everything started here is stopped at the end, also on failure.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

import { Resvg, initWasm } from "@resvg/resvg-wasm";
import { handleApi } from "../www/backend/api.mjs";
import { fit, groupDigits, progressModel, progressSvg } from "../edge/progress.mjs";
import { freePort, startEdge } from "../edge/workerd.mjs";

const AUTH = "Bearer edge-e2e-token";
let mode = "ok"; // how the backend answers: ok | down | http500 | graphqlErrors | changed | huge
const seenAuth = [];

/** The demo backend behind a switch that can make it fail (and records the auth header it gets). */
async function backend() {
  const server = createServer(async (req, res) => {
    seenAuth.push(req.headers.authorization);
    if (mode === "down") return req.socket.destroy();
    if (mode === "http500") return res.writeHead(500).end("boom");
    if (mode === "graphqlErrors") return res.writeHead(200, { "content-type": "application/json" }).end('{"errors":[{"message":"db down"}]}');
    if (mode === "huge") return res.writeHead(200, { "content-type": "application/json" }).end(`{"data":{"x":"${"a".repeat(5 << 20)}"}}`);
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const api = await handleApi(req, new URL(req.url, "http://127.0.0.1"), async () => Buffer.concat(chunks).toString());
    const body = mode === "changed" ? api.body.replace("248.5", "251.5") : api.body;
    res.writeHead(api.status, api.headers).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return server;
}

const sha = (bytes) => createHash("sha256").update(bytes).digest("hex");
const pngWidth = (b) => (assert.equal(b.subarray(0, 8).toString("hex"), "89504e470d0a1a0a", "PNG signature"), b.readUInt32BE(16));

async function get(base, path, headers = {}, method = "GET") {
  const res = await fetch(base + path, { headers, method });
  return { res, status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

async function expectError(base, path, status, code, param, method = "GET") {
  const { res, body } = await get(base, path, {}, method);
  assert.equal(res.status, status, `${method} ${path}: ${body}`);
  assert.match(res.headers.get("content-type"), /^application\/json/);
  const json = JSON.parse(body);
  assert.equal(json.code, code, `${path}: ${body}`);
  assert.equal(json.param, param, `${path}: param`);
  assert.ok(!/\bat \S+ \(|\.mjs:\d|stack/i.test(body.toString()), `${path}: no stack trace: ${body}`);
}

async function cards(base) {
  const svg = await get(base, "/card/cust_123.svg");
  assert.equal(svg.status, 200);
  assert.equal(svg.res.headers.get("content-type"), "image/svg+xml");
  assert.match(svg.body.toString(), /^<svg [^>]*width="1200" height="630"/);
  assert.match(svg.res.headers.get("cache-control"), /public, max-age=\d+/);
  assert.equal(svg.res.headers.get("x-cache"), "bypass", "SVG renders without the Cache API");
  const png = await get(base, "/card/cust_123.png");
  assert.equal(png.res.headers.get("content-type"), "image/png");
  assert.equal(pngWidth(png.body), 1200);
  assert.equal(sha((await get(base, "/card/cust_123.png")).body), sha(png.body), "same PNG bytes on repeat");
  assert.equal(pngWidth((await get(base, "/card/cust_123.png?size=square&theme=dark&locale=de")).body), 1080);
  // the same SVG through resvg-wasm in Node with the shipped fonts: the same bytes (no system fonts involved)
  await initWasm(readFileSync(new URL("../node_modules/@resvg/resvg-wasm/index_bg.wasm", import.meta.url)));
  const fonts = ["Regular", "Bold"].map((w) => readFileSync(new URL(`../edge/fonts/LiberationSans-${w}.ttf`, import.meta.url)));
  const font = { loadSystemFonts: false, defaultFontFamily: "Liberation Sans", sansSerifFamily: "Liberation Sans", fontBuffers: fonts };
  const node = new Resvg(svg.body.toString(), { fitTo: { mode: "original" }, font }).render().asPng();
  assert.equal(sha(Buffer.from(node)), sha(png.body), "workerd PNG = Node resvg-wasm PNG of the same SVG");
  // Arabic (locale ar) is drawn with the DejaVu Sans fallback: the same bytes as Node with all four fonts,
  // not the empty boxes of a Liberation-only rendering
  const arSvg = (await get(base, "/card/cust_123.svg?locale=ar")).body.toString();
  const arPng = (await get(base, "/card/cust_123.png?locale=ar")).body;
  const dejavu = ["DejaVuSans", "DejaVuSans-Bold"].map((f) => readFileSync(new URL(`../edge/fonts/${f}.ttf`, import.meta.url)));
  const arNode = (fontBuffers) => sha(Buffer.from(new Resvg(arSvg, { fitTo: { mode: "original" }, font: { ...font, fontBuffers } }).render().asPng()));
  assert.equal(sha(arPng), arNode([...fonts, ...dejavu]), "ar: workerd PNG = Node resvg-wasm with the fallback font");
  assert.notEqual(sha(arPng), arNode(fonts), "ar: the fallback font is used");
}

async function progress(base) {
  const one = await get(base, "/progress/cust_123.png");
  assert.equal(one.status, 200);
  assert.equal(pngWidth(one.body), 600);
  const two = await get(base, "/progress/cust_123.png?density=2");
  assert.equal(pngWidth(two.body), 1200);
  assert.equal(sha((await get(base, "/progress/cust_123.png?density=2")).body), sha(two.body), "same bytes on repeat");
  const alt = decodeURIComponent(one.res.headers.get("x-alt-text"));
  // the Cache API (edge/local-cache.mjs behind caches.default): the second answer is the stored one
  const hit = await get(base, "/progress/cust_123.png");
  assert.equal(hit.res.headers.get("x-cache"), "hit");
  assert.equal(sha(hit.body), sha(one.body));
  assert.equal(decodeURIComponent(hit.res.headers.get("x-alt-text")), alt);
  assert.match(alt, /500 kg CO2 Saved: 49\.7%/);
  assert.match(one.res.headers.get("link"), /^<\/progress\/cust_123\.json>; rel="alternate"/);
  const json = await get(base, "/progress/cust_123.json");
  const model = JSON.parse(json.body);
  assert.equal(model.alt, alt, "header alt = JSON alt");
  assert.deepEqual(model.milestones.map((m) => [m.name, m.percentage, m.remaining]), [["500 kg CO2 Saved", 49.7, 251.5]]);
  const none = JSON.parse((await get(base, "/progress/cust_new.json")).body);
  assert.equal(none.milestones[0].percentage, 0);
}

async function caching(base) {
  const first = await get(base, "/card/cust_123.svg?size=square");
  const etag = first.res.headers.get("etag");
  assert.match(etag, /^"[0-9a-f]{40}"$/);
  for (const tag of [etag, `W/${etag}`, `"other", ${etag}`]) {
    const again = await get(base, "/card/cust_123.svg?size=square", { "if-none-match": tag });
    assert.equal(again.status, 304, tag);
    assert.equal(again.body.length, 0);
    assert.equal(again.res.headers.get("etag"), etag);
  }
  assert.equal((await get(base, "/card/cust_123.svg?size=square", { "if-none-match": '"other"' })).status, 200);
  assert.notEqual((await get(base, "/card/cust_123.svg?size=og")).res.headers.get("etag"), etag, "options in the ETag");
  const head = await get(base, "/card/cust_123.svg?size=square", {}, "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.res.headers.get("etag"), etag);
  mode = "changed";
  const changed = await get(base, "/card/cust_123.svg?size=square", { "if-none-match": etag });
  mode = "ok";
  assert.equal(changed.status, 200, "changed profile data: a new ETag, not 304");
  assert.notEqual(changed.res.headers.get("etag"), etag);
  assert.match(changed.body.toString(), /251\.5/);
}

async function errors(base) {
  await expectError(base, "/card/nobody.svg", 404, "unknown_customer");
  await expectError(base, "/progress/nobody.png", 404, "unknown_customer");
  await expectError(base, "/card/cust_123.png?size=huge", 400, "invalid_value", "size");
  await expectError(base, "/card/cust_123.svg?theme=neon", 400, "invalid_value", "theme");
  await expectError(base, "/card/cust_123.svg?locale=%3Cscript%3E", 400, "invalid_value", "locale");
  await expectError(base, "/progress/cust_123.png?density=3", 400, "invalid_value", "density");
  await expectError(base, "/card/cust_123.png?locale=ja-JP", 400, "invalid_value", "locale");
  await expectError(base, `/card/${"x".repeat(129)}.svg`, 400, "invalid_value", "customerId");
  await expectError(base, "/card/cust_123.gif", 404, "not_found");
  await expectError(base, "/", 404, "not_found");
  await expectError(base, "/card/cust_123.svg", 405, "method_not_allowed", undefined, "POST");
  for (const m of ["down", "http500", "graphqlErrors", "huge"]) {
    mode = m;
    try {
      await expectError(base, "/card/cust_123.svg", 502, "backend_error");
    } finally {
      mode = "ok";
    }
  }
}

/** No backend at all (nothing listens on its port): 502, and the Worker keeps answering. */
async function backendGone() {
  const gone = await startEdge({ backendUrl: `http://127.0.0.1:${await freePort()}/graphql` });
  try {
    await expectError(gone.url, "/progress/cust_123.png", 502, "backend_error");
    await expectError(gone.url, "/card/cust_123.svg?size=bad", 400, "invalid_value", "size");
  } finally {
    await gone.stop();
  }
}

/** The progress SVG with hostile and odd milestone names (no runtime needed): escaped, well-formed, bounded. */
function progressText() {
  assert.equal(groupDigits(1234567.25), "1,234,567.25");
  assert.equal(groupDigits(-999), "-999");
  assert.equal(fit("a".repeat(10), 5), "aaaa…");
  assert.equal(fit("日本語テキスト", 6), "日本…");
  const hostile = '</text><script>alert(1)</script><text x="\u0001\ud800';
  const profile = { totalCo2Saved: 1, co2Unit: "kg", milestones: [
    { name: hostile, current: 1, target: 2, unit: "<b>", percentage: 50, remaining: 1, isCompleted: false },
    { name: "x".repeat(500), current: 2, target: 2, unit: null, percentage: 100, remaining: 0, isCompleted: true },
  ] };
  const model = progressModel(profile, "c");
  const svg = progressSvg(model, "dark");
  assert.ok(!svg.includes("<script") && !svg.includes("<b>") && !/[\u0001\ud800]/.test(svg), svg);
  assert.ok(svg.length < 4000 && model.alt.length < 300, "long names are shortened (in the image and the alt text)");
  assert.match(model.alt, /<\/text><script>/, "the alt text is plain text (escaped where it is used)");
  new Resvg(svg, { font: { loadSystemFonts: false } }).render(); // well-formed XML (resvg throws otherwise)
}

const server = await backend();
let edge;
try {
  const backendUrl = `http://127.0.0.1:${server.address().port}/graphql?backend=1`;
  edge = await startEdge({ backendUrl, backendAuth: AUTH });
  await cards(edge.url);
  progressText();
  await progress(edge.url);
  await caching(edge.url);
  await errors(edge.url);
  await backendGone();
  // the query string never picks the backend or its credentials
  await get(edge.url, "/card/cust_123.svg?BACKEND_URL=http://127.0.0.1:1/&backend=http://127.0.0.1:1/");
  assert.ok(seenAuth.length > 10 && seenAuth.every((a) => a === AUTH), "every backend call carries the configured auth");
  console.log(`edge e2e: cards svg/png, progress 600/1200 px + alt, ETag/304, errors 400/404/405/502 ok (workerd up in ${edge.coldMs.toFixed(0)} ms)`);
} finally {
  await edge?.stop();
  server.closeAllConnections?.();
  await new Promise((ok) => server.close(ok));
}
