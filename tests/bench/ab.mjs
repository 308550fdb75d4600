#!/usr/bin/env node
// Two builds side by side: `node tests/bench/ab.mjs DIR_A DIR_B [ROUNDS] [--chromium]`, each DIR a built
// package (e.g. a copy of pkg/ from another commit). Both load in one process (Node: their node.cjs;
// --chromium: their impactkit.js in one headless Chromium page, /usr/bin/chromium via playwright-core)
// and run each step in turn, so load on the machine hits them alike: the stateless daily streak on
// 100,000 records from text and openCustomer(Uint8Array) on 100,000 orders + 100,000 activity records,
// each against JSON.parse of the same text. Prints medians and ratios; no assertions.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadavg } from "node:os";
import { activity, orders } from "./data.mjs";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const [dirA, dirB, rounds = "9"] = args;
if (!dirA || !dirB) throw new Error("usage: node tests/bench/ab.mjs DIR_A DIR_B [ROUNDS] [--chromium]");
const streakText = JSON.stringify({ activity: activity(100_000), period: "day", now: "2025-01-02T12:00:00Z", timezone: "America/New_York" });
const historyText = JSON.stringify({ orders: orders(100_000), activity: activity(100_000), timezone: "Europe/Berlin" });

/** The A/B of both steps (self-contained: the page gets its source text); returns printable lines. */
function compare(A, B, streakText, historyText, rounds) {
  const bytes = new TextEncoder().encode(historyText);
  const time = (f) => { const t0 = performance.now(); f(); return performance.now() - t0; };
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const pair = (label, parse, a, b, n) => {
    const t = [[], [], []];
    for (let i = -1; i < n; i++) {
      const r = [time(parse), time(a), time(b)];
      if (i >= 0) r.forEach((x, k) => t[k].push(x));
    }
    const [p, ma, mb] = t.map(median);
    return `${label}: JSON.parse ${p.toFixed(1)} ms | A ${ma.toFixed(1)} ms (${(ma / p).toFixed(2)}×) | ` +
      `B ${mb.toFixed(1)} ms (${(mb / p).toFixed(2)}×)`;
  };
  return [
    pair("streak, 100k records, text", () => JSON.parse(streakText), () => A.streak(streakText), () => B.streak(streakText), 3 * rounds),
    pair("openCustomer(Uint8Array), 100k + 100k", () => JSON.parse(historyText), () => A.openCustomer(bytes).free(),
      () => B.openCustomer(bytes).free(), rounds),
  ];
}

/** Runs `compare` in a headless Chromium page that imports both web builds. */
async function inChromium() {
  const files = { "/s.json": streakText, "/h.json": historyText };
  const server = createServer((req, res) => {
    if (req.url === "/") return res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>ab</title>");
    if (files[req.url]) return res.end(files[req.url]);
    const [, side, ...rest] = req.url.split("/");
    try {
      const body = readFileSync(join(side === "a" ? dirA : dirB, ...rest));
      res.writeHead(200, { "content-type": req.url.endsWith(".wasm") ? "application/wasm" : "text/javascript" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    return await tab.evaluate(`(async () => {
      const [A, B] = [await import("/a/impactkit.js"), await import("/b/impactkit.js")];
      await A.default(); await B.default();
      const [s, h] = [await (await fetch("/s.json")).text(), await (await fetch("/h.json")).text()];
      return (${compare.toString()})(A, B, s, h, ${Number(rounds)});
    })()`);
  } finally {
    await browser.close();
    server.close();
  }
}

const engine = process.argv.includes("--chromium") ? "Chromium (web build)" : `Node ${process.version}`;
console.log(`A = ${dirA}, B = ${dirB}, ${engine}, load average ${loadavg()[0].toFixed(1)}`);
const require = createRequire(import.meta.url);
const lines = process.argv.includes("--chromium")
  ? await inChromium()
  : compare(...[dirA, dirB].map((d) => require(resolve(d, "node.cjs"))), streakText, historyText, Number(rounds));
for (const line of lines) console.log(line);
