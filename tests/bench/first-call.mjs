#!/usr/bin/env node
// The first call at the input limits, each in a fresh Node process and a fresh Chromium page (a
// fresh wasm instance with its initial memory): a 1,000,000-record streak and a card with
// 1,000,000 badges, handed over as JSON text. The first call
// grows wasm memory from ~1 MB to hundreds of MB; grown page by page, V8 ran a full GC per
// `memory.grow` (35–93 s in Node 20). Prints one line per workload; `run.mjs` adds them to
// BENCHMARKS.md.  Usage: node tests/bench/first-call.mjs [--quick]   (--quick: 100,000 items)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const NOW = "2025-01-02T12:00:00Z";

/** The input of `workload` with `n` items, as a JS object. */
async function input(workload, n) {
  if (workload === "streak") {
    const { activity } = await import("./data.mjs");
    return { activity: activity(n), period: "day", now: NOW, timezone: "America/New_York" };
  }
  const ik = createRequire(import.meta.url)(join(root, "pkg", "node.cjs"));
  const seed = JSON.parse(readFileSync(join(root, "tests", "cards", "seed000-response.json"), "utf8"));
  const profile = ik.readImpactProfile(seed);
  const { tier, earnedAt } = profile.badges[0];
  const badges = Array.from({ length: n }, (_, i) => ({ id: `b${i}`, name: `Badge ${i}`, tier, earnedAt }));
  return { profile: { ...profile, badges }, size: "og" };
}

/** In the child: times the first and second call; prints JSON. */
async function child(workload, n) {
  const { PerformanceObserver, constants } = await import("node:perf_hooks");
  const value = await input(workload, n);
  let majorGcs = 0;
  const observer = new PerformanceObserver((list) => {
    majorGcs += list.getEntries().filter((e) => e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR).length;
  });
  const ik = createRequire(import.meta.url)(join(root, "pkg", "node.cjs"));
  const fn = workload === "streak" ? ik.streak : ik.impactCard;
  observer.observe({ entryTypes: ["gc"] });
  const t0 = performance.now();
  fn(value);
  const t1 = performance.now();
  await new Promise((ok) => setTimeout(ok, 0)); // gc entries are delivered asynchronously
  const gcs = majorGcs;
  fn(value);
  const t2 = performance.now();
  observer.disconnect();
  console.log(JSON.stringify({ first: t1 - t0, second: t2 - t1, gcs, wasmBytes: ik.wasmMemoryBytes() }));
}

const WORKLOADS = ["streak", "card"];
const label = (workload, n) => workload === "streak" ? `streak, ${n.toLocaleString("en")} records` : `impactCard, ${n.toLocaleString("en")} badges`;

/** The first call of each workload in a fresh headless Chromium page: `[[label, ms], …]`. */
export async function firstCallsChromium(quick, onRow = () => {}) {
  const n = quick ? 100_000 : 1_000_000;
  const { chromium } = await import("playwright-core");
  const texts = {};
  for (const w of WORKLOADS) texts[w] = JSON.stringify(await input(w, n));
  const web = join(root, "pkg");
  const page = `<!doctype html><meta charset="utf-8"><script type="module">
const mod = await import("/pkg/impactkit.js");
await mod.default();
const name = new URLSearchParams(location.search).get("w");
const text = await (await fetch("/" + name + ".json")).text();
const fn = name === "streak" ? mod.streak : mod.impactCard;
const t0 = performance.now();
fn(text);
window.result = performance.now() - t0;
</script>`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x").pathname;
    if (url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(page);
    const w = WORKLOADS.find((x) => url === `/${x}.json`);
    if (w) return res.writeHead(200, { "content-type": "application/json" }).end(texts[w]);
    const file = normalize(join(web, url.replace(/^\/pkg\//, "")));
    if (!url.startsWith("/pkg/") || !file.startsWith(web + sep)) return res.writeHead(404).end();
    try {
      res.writeHead(200, { "content-type": file.endsWith(".wasm") ? "application/wasm" : "text/javascript" }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"], timeout: 30_000 });
  const rows = [];
  try {
    for (const w of WORKLOADS) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      tab.on("pageerror", (e) => console.error(`chromium page error: ${e.message}`));
      tab.on("crash", () => console.error("chromium page crashed"));
      await tab.goto(`http://127.0.0.1:${server.address().port}/?w=${w}`, { timeout: 60_000 });
      const ms = await tab.waitForFunction(() => window.result, null, { timeout: 600_000, polling: 500 }).then((h) => h.jsonValue());
      await context.close();
      rows.push([label(w, n), `${ms.toFixed(0)} ms`]);
      onRow(rows[rows.length - 1]);
    }
  } finally {
    await browser.close();
    server.close();
  }
  return rows;
}

/** Runs each workload in a fresh process; returns BENCHMARKS.md rows. */
export function firstCalls(quick, onRow = () => {}) {
  const n = quick ? 100_000 : 1_000_000;
  const rows = [];
  for (const workload of WORKLOADS) {
    const out = execFileSync(process.execPath, ["--max-old-space-size=4096", fileURLToPath(import.meta.url), "--child", workload, String(n)],
      { encoding: "utf8", timeout: 600_000 });
    const r = JSON.parse(out.trim().split("\n").pop());
    rows.push([label(workload, n), `${r.first.toFixed(0)} ms`, `${r.second.toFixed(0)} ms`, String(r.gcs), `${(r.wasmBytes / 2 ** 20).toFixed(0)} MiB`]);
    onRow(rows[rows.length - 1]);
  }
  return rows;
}

const args = process.argv.slice(2);
if (args[0] === "--child") {
  await child(args[1], Number(args[2]));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  firstCalls(args.includes("--quick"), (row) =>
    console.log(`node: ${row[0]}: first call ${row[1]}, second ${row[2]}, ${row[3]} full GCs during the first, wasm memory ${row[4]}`));
  await firstCallsChromium(args.includes("--quick"), (row) => console.log(`chromium: ${row[0]}: first call ${row[1]}`));
}
