#!/usr/bin/env node
// Benchmark: customer sessions on the 100k-order customer of tests/bench/badges.mjs (same generator),
// in Node (pkg/node.cjs) and in headless Chromium (pkg/impactkit.js, /usr/bin/chromium via playwright-core).
// Usage: make pkg && node tests/bench/sessions.mjs [ORDERS] [RUNS] [--write] [--node-only]
// (--write replaces the "Customer sessions (Node)" and "Customer sessions (Chromium)" sections of BENCHMARKS.md).
// Prints: openCustomer from JSON text and from bytes vs JSON.parse of the same text (ratio; the
// steps of one run are interleaved so load on the machine hits them alike), the what-if preview
// (a different cart each call) median after openCustomer vs the stateless badgePreview from text,
// memory a Customer holds vs its JSON text, and streak on the customer and stateless from text vs
// JSON.parse of that text. No assertions (numbers depend on the machine); the results are checked
// equal to the stateless ones.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSection } from "./section.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const write = process.argv.includes("--write");
const count = Number(args[0] ?? 100_000);
const runs = Number(args[1] ?? 7);

/** The history: `count` orders (1 % repeated ids, half the instants epoch ms) and an activity record per order. */
function history(count) {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const orders = [];
  for (let i = 0; i < count; i++) {
    const baseline = Math.round(random() * 2000) / 100;
    orders.push({
      id: `o${random() < 0.01 ? Math.floor(random() * count) : i}`,
      placedAt: i % 2 ? start + Math.floor(random() * span) : new Date(start + Math.floor(random() * span)).toISOString(),
      co2Kg: Math.round(random() * 2000) / 100,
      baselineCo2Kg: baseline,
      recycledShare: Math.round(random() * 100) / 100,
      supplyChains: [{ id: `c${Math.floor(random() * 50)}`, verified: random() < 0.5 }],
      offsetKg: random() < 0.1 ? Math.round(random() * 3000) / 100 : 0,
    });
  }
  const activity = orders.map((o) => ({ at: o.placedAt }));
  return { orders, activity, timezone: "Europe/Berlin" };
}

/**
 * Every measurement, self-contained (it also runs in the page, as its source text): `ik` is the
 * package, `text` the history's JSON text. Returns medians in ms and the memory a Customer holds.
 */
async function measureAll(ik, text, runs) {
  const now = "2025-01-15T12:00:00Z";
  const bytes = new TextEncoder().encode(text);
  const parsed = JSON.parse(text);
  const streakText = JSON.stringify({ activity: parsed.activity, timezone: parsed.timezone, period: "week", now });
  const cart = (i) => ({ co2Kg: i % 7, baselineCo2Kg: 4, recycledShare: (i % 100) / 100, offsetKg: i % 3,
    supplyChains: [{ id: `c${i % 60}`, verified: i % 2 === 0 }] });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const clock = (f) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  /** Runs the `steps` one after the other `n` times (after one warm-up round): median of each. */
  const interleaved = (steps, n) => {
    const times = Object.fromEntries(Object.keys(steps).map((k) => [k, []]));
    for (let i = -1; i < n; i++) {
      for (const [k, f] of Object.entries(steps)) {
        const t = clock(() => f(Math.max(i, 0)));
        if (i >= 0) times[k].push(t);
      }
    }
    return Object.fromEntries(Object.entries(times).map(([k, t]) => [k, median(t)]));
  };
  const open = interleaved({
    parse: () => JSON.parse(text),
    text: () => ik.openCustomer(text).free(),
    bytes: () => ik.openCustomer(bytes).free(),
    buffer: () => ik.openCustomer(bytes.buffer).free(),
  }, runs);
  const stateless = interleaved({
    preview: (i) => ik.badgePreview(JSON.stringify({ ...parsed, now, cart: cart(i) })),
  }, Math.min(runs, 5)).preview;
  const streaks = interleaved({ parse: () => JSON.parse(streakText), text: () => ik.streak(streakText) }, runs * 3);
  // What a Customer holds: memory grows by that per extra live customer once the working memory
  // reserved for a call is used up (wasm memory never shrinks): counted from the first growth on.
  const customer = ik.openCustomer(bytes);
  const extra = [];
  const base = ik.wasmMemoryBytes();
  let [first, firstAt] = [0, -1];
  while (extra.length < 40 && (firstAt < 0 || extra.length - firstAt < 3)) {
    extra.push(ik.openCustomer(bytes));
    if (firstAt < 0 && ik.wasmMemoryBytes() > base) [first, firstAt] = [ik.wasmMemoryBytes(), extra.length];
  }
  const held = firstAt < 0 ? NaN : (ik.wasmMemoryBytes() - first) / (extra.length - firstAt);
  for (const c of extra) c.free();
  for (const i of [0, 1, 2, 3]) {
    const a = JSON.stringify(customer.badgePreview({ now, cart: cart(i) }));
    const b = JSON.stringify(ik.badgePreview({ ...parsed, now, cart: cart(i) }));
    if (a !== b) throw new Error(`session and stateless differ for cart ${i}`);
  }
  const a = JSON.stringify(customer.streak({ period: "week", now }));
  if (a !== JSON.stringify(ik.streak(streakText))) throw new Error("session and stateless streaks differ");
  const many = (f, n) => interleaved({ f }, n).f;
  const whatIf = many((i) => customer.badgePreview({ now, cart: cart(i) }), 1000);
  const whatIfNewNow = many((i) => customer.badgePreview({ now: new Date(Date.parse(now) + i * 1000).toISOString(), cart: cart(i) }), 1000);
  const streak = many(() => customer.streak({ period: "week", now }), runs);
  customer.free();
  return { open, stateless, streaks, held, whatIf, whatIfNewNow, streak, mb: text.length / 1e6 };
}

/** The measurements in a fresh headless Chromium page (the history fetched as text, the web build). */
async function measureChromium(text, runs) {
  const { chromium } = await import("playwright-core");
  const web = join(root, "pkg");
  const page = `<!doctype html><meta charset="utf-8"><script type="module">
const ik = await import("/pkg/impactkit.js");
await ik.default();
const text = await (await fetch("/history.json")).text();
const measureAll = ${measureAll.toString()};
measureAll(ik, text, ${runs}).then((r) => { window.result = r; }, (e) => { window.result = { error: String(e) }; });
</script>`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x").pathname;
    if (url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(page);
    if (url === "/history.json") return res.writeHead(200, { "content-type": "application/json" }).end(text);
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
  try {
    const tab = await (await browser.newContext()).newPage();
    tab.on("pageerror", (e) => console.error(`chromium page error: ${e.message}`));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`, { timeout: 60_000 });
    const r = await tab.waitForFunction(() => window.result, null, { timeout: 900_000, polling: 500 }).then((h) => h.jsonValue());
    if (r.error) throw new Error(r.error);
    return { ...r, engine: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    server.close();
  }
}

const ms = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(1)) + " ms";
const times = (x, floor) => `${ms(x)} (${(x / floor).toFixed(2)}× JSON.parse)`;

/** The table of one engine's measurements. */
function table(r) {
  const { open, streaks } = r;
  const rows = [
    `| step | median |`,
    `|---|---|`,
    `| JSON.parse of the history text | ${ms(open.parse)} |`,
    `| openCustomer(text) | ${times(open.text, open.parse)} |`,
    `| openCustomer(Uint8Array) | ${times(open.bytes, open.parse)} |`,
    `| openCustomer(ArrayBuffer) | ${times(open.buffer, open.parse)} |`,
    `| badgePreview (stateless, JSON text, with cart) | ${ms(r.stateless)} |`,
    `| customer.badgePreview({now, cart}) (what-if, same now) | ${ms(r.whatIf)} |`,
    `| customer.badgePreview({now, cart}) (what-if, now 1 s later each call) | ${ms(r.whatIfNewNow)} |`,
    `| customer.streak({period: "week", now}) | ${ms(r.streak)} |`,
    `| JSON.parse of the streak text (activity only) | ${ms(streaks.parse)} |`,
    `| streak (stateless, JSON text) | ${times(streaks.text, streaks.parse)} |`,
  ];
  if (r.held !== undefined) rows.push(`| wasm memory a Customer holds | ${(r.held / 1e6).toFixed(1)} MB (${(r.held / (r.mb * 1e6)).toFixed(2)}× its JSON text: growth per extra live customer) |`);
  return rows;
}

const text = JSON.stringify(history(count));
const load = () => os.loadavg()[0].toFixed(1);
const ik = createRequire(import.meta.url)(join(root, "pkg", "node.cjs"));
const startLoad = load();
const node = await measureAll(ik, text, runs);
const nodeHead = `sessions, ${count} orders + ${count} activity records (${node.mb.toFixed(1)} MB JSON), Node ${process.version}, load average ${startLoad} at the start:`;
console.log([nodeHead, ...table(node)].join("\n"));
let browser = null;
if (!process.argv.includes("--node-only")) {
  const chromeLoad = load();
  browser = await measureChromium(text, runs);
  browser.head = `same history, ${browser.engine} (headless, web build), load average ${chromeLoad} at the start:`;
  console.log("\n" + [browser.head, ...table({ ...browser, held: undefined })].join("\n"));
}
if (write) {
  const intro = `Written by \`node tests/bench/sessions.mjs --write\` (${new Date().toISOString().slice(0, 10)}). ` +
    "`openCustomer` reads the history once, its orders and activity straight from the text (no parse tree); a what-if " +
    "applies the cart to each rule's tally. The steps of one run alternate (JSON.parse, then each openCustomer), so " +
    "load on the machine hits them alike. Targets (issue 17): what-if ≤ 1 ms, openCustomer ≤ 1.0× JSON.parse, " +
    "stateless streak from text ≤ 1.5× JSON.parse, a Customer ≤ 2× its JSON text.";
  await writeSection("Customer sessions (Node)", `## Customer sessions (Node)\n\n${intro}\n\n${nodeHead}\n\n${table(node).join("\n")}\n`);
  if (browser) {
    await writeSection("Customer sessions (Chromium)", `## Customer sessions (Chromium)\n\nThe same measurements in a headless Chromium page (\`pkg/impactkit.js\`), from the same run.\n\n${browser.head}\n\n${table({ ...browser, held: undefined }).join("\n")}\n`);
  }
}
