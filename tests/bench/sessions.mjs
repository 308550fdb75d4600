#!/usr/bin/env node
// Benchmark: customer sessions on the 100k-order customer of tests/bench/badges.mjs (same generator),
// in Node (pkg/node.cjs) and in headless Chromium (pkg/impactkit.js, /usr/bin/chromium via playwright-core).
// Usage: make pkg && node tests/bench/sessions.mjs [ORDERS] [RUNS] [--write] [--node-only]
// (--write replaces the "Customer sessions (Node)" and "Customer sessions (Chromium)" sections of
// BENCHMARKS.md; a missing Chromium section goes right after the Node one).
// Prints, per engine: openCustomer from JSON text and from bytes vs JSON.parse of the same text (ratio), the
// what-if preview (a different cart each call) median after openCustomer vs the stateless
// badgePreview from text, streak and achievementWindow on the customer, the stateless daily streak
// from text vs JSON.parse of it, and (Node) memory a Customer holds vs its JSON text.
// The same self-contained functions run in Node and, as their source text, in the page.
// No assertions (numbers depend on the machine); the results are checked equal to the stateless ones.
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { activity as dailyActivity, storeOrders } from "./data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const write = process.argv.includes("--write");
const nodeOnly = process.argv.includes("--node-only");
const count = Number(args[0] ?? 100_000);
const runs = Number(args[1] ?? 7);

/** Timing helpers for `runs` rounds; self-contained (the page gets its source text). */
function timers(runs) {
  const now = () => performance.now();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  /** Medians of the tasks run in turn, `n` rounds after one warm-up round: load on the machine hits
   * each alike, so their ratios hold on a busy machine too. */
  function interleaved(tasks, n = runs) {
    const times = tasks.map(() => []);
    for (let round = -1; round < n; round++) {
      tasks.forEach((task, k) => {
        const t0 = now();
        task();
        if (round >= 0) times[k].push(now() - t0);
      });
    }
    return times.map(median);
  }
  /** Median of `n` calls `f(i)` after one warm-up call `f()`. */
  function time(f, n = runs) {
    f();
    const t = [];
    for (let i = 0; i < n; i++) {
      const t0 = now();
      f(i);
      t.push(now() - t0);
    }
    return median(t);
  }
  return { interleaved, time };
}

/** The stateless streak of BENCHMARKS.md's "Daily streak" table at 100,000 records (America/New_York,
 * daily), from its text, against JSON.parse of the same text (target, issue 17: ≤ 1.5×). Measured
 * first, before the history fills the JS heap (JSON.parse slows down with it). */
function measureStreak(ik, streakText, runs) {
  const { interleaved } = timers(runs);
  const [parse, fromText] = interleaved([() => JSON.parse(streakText), () => ik.streak(streakText)], runs * 3);
  return { parse, fromText, mb: streakText.length / 1e6 };
}

/** openCustomer from text / Uint8Array / ArrayBuffer against JSON.parse (interleaved), and the stateless
 * what-if from JSON text (a different cart each call). */
function measureOpen(ik, text, history, runs) {
  const { interleaved, time } = timers(runs);
  const bytes = new TextEncoder().encode(text);
  const [parse, fromText, fromBytes, fromBuffer] = interleaved([
    () => JSON.parse(text),
    () => ik.openCustomer(text).free(),
    () => ik.openCustomer(bytes).free(),
    () => ik.openCustomer(bytes.buffer).free(),
  ]);
  const stateless = time((i = 0) => ik.badgePreview(JSON.stringify({ ...history, now: NOW, cart: cart(i) })));
  return { parse, fromText, fromBytes, fromBuffer, stateless };
}

const NOW = "2025-01-15T12:00:00Z";
/** The hypothetical order of what-if call `i`. */
function cart(i) {
  return { co2Kg: i % 7, baselineCo2Kg: 4, recycledShare: (i % 100) / 100, offsetKg: i % 3,
    supplyChains: [{ id: `c${i % 60}`, verified: i % 2 === 0 }] };
}
/** "3 orders in 7 days" since the history's start (user_action: each window after the first starts
 * with the next order, ~520 resets), `now` `i` hours earlier. */
function windowAt(i) {
  return { start: "2015-01-01", period: "7D", target: 3, events: "orders",
    now: new Date(Date.parse(NOW) - i * 3_600_000).toISOString() };
}

/** Throws unless the customer's badgePreview and achievementWindow equal the stateless functions'. */
function checkEqual(ik, customer, history) {
  for (const i of [0, 1, 2, 3]) {
    const a = JSON.stringify(customer.badgePreview({ now: NOW, cart: cart(i) }));
    const b = JSON.stringify(ik.badgePreview({ ...history, now: NOW, cart: cart(i) }));
    if (a !== b) throw new Error(`session and stateless differ for cart ${i}`);
  }
  const seen = new Set();
  const events = history.orders.filter((o) => !seen.has(o.id) && seen.add(o.id)).map((o) => ({ at: o.placedAt }));
  for (const i of [0, 5, 500]) {
    const a = JSON.stringify(customer.achievementWindow(windowAt(i)));
    const b = JSON.stringify(ik.achievementWindow({ ...windowAt(i), timezone: history.timezone, events }));
    if (a !== b) throw new Error(`session and stateless windows differ at ${i}: ${a} vs ${b}`);
  }
}

/** What a Customer holds: memory grows by that per extra live customer once the memory freed by
 * earlier opens (their working memory: wasm memory never shrinks) is taken by live customers, so
 * the growth is measured over a second group of customers opened after a first one. */
function measureHeld(ik, bytes) {
  const first = [1, 2, 3, 4].map(() => ik.openCustomer(bytes));
  const before = ik.wasmMemoryBytes();
  const second = [1, 2, 3, 4].map(() => ik.openCustomer(bytes));
  const held = (ik.wasmMemoryBytes() - before) / second.length;
  for (const c of [...first, ...second]) c.free();
  return held;
}

/** The calls on an open Customer (checked equal to the stateless ones first); `memory`: also the
 * memory a Customer holds. */
function measureSession(ik, text, history, runs, memory) {
  const { time } = timers(runs);
  const bytes = new TextEncoder().encode(text);
  const customer = ik.openCustomer(bytes);
  const held = memory ? measureHeld(ik, bytes) : undefined;
  checkEqual(ik, customer, history);
  const whatIf = time((i = 0) => customer.badgePreview({ now: NOW, cart: cart(i) }), 1000);
  const whatIfNewNow = time((i = 0) => customer.badgePreview({
    now: new Date(Date.parse(NOW) + i * 1000).toISOString(), cart: cart(i) }), 1000);
  const windowS = time((i = 0) => customer.achievementWindow(windowAt(i)), 1000);
  const streakS = time(() => customer.streak({ period: "week", now: NOW }), runs);
  customer.free();
  return { held, whatIf, whatIfNewNow, windowS, streakS };
}

/** The function source the page needs to run the measurements. */
const pageFunctions = [timers, measureStreak, measureOpen, cart, windowAt, checkEqual, measureHeld, measureSession]
  .map((f) => f.toString()).join("\n");

/** The page: the web build, then the streak text fetched and measured, then the history. */
function pageHtml(runs) {
  return `<!doctype html><meta charset="utf-8"><script type="module">
const ik = await import("/pkg/impactkit.js");
await ik.default();
const NOW = ${JSON.stringify(NOW)};
${pageFunctions}
try {
  const streakText = await (await fetch("/streak.json")).text();
  const streak = measureStreak(ik, streakText, ${runs});
  const text = await (await fetch("/history.json")).text();
  const history = JSON.parse(text);
  const open = measureOpen(ik, text, history, ${runs});
  const session = measureSession(ik, text, history, ${runs}, false);
  window.result = { streak, open, session, isolated: self.crossOriginIsolated };
} catch (e) {
  window.result = { error: String(e && e.stack || e) };
}
</script>`;
}

/** A 127.0.0.1 server for the page, the two texts and pkg/ (cross-origin isolated: finer performance.now()). */
async function serve(files) {
  const web = join(root, "pkg");
  const isolated = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x").pathname;
    if (files[url]) return res.writeHead(200, { ...isolated, "content-type": files[url].type }).end(files[url].body);
    const file = normalize(join(web, url.replace(/^\/pkg\//, "")));
    if (!url.startsWith("/pkg/") || !file.startsWith(web + sep)) return res.writeHead(404).end();
    try {
      const type = file.endsWith(".wasm") ? "application/wasm" : "text/javascript";
      res.writeHead(200, { ...isolated, "content-type": type }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return server;
}

/** The measurements in a fresh headless Chromium page (the texts fetched, the web build). */
async function measureChromium(streakText, text, runs) {
  const { chromium } = await import("playwright-core");
  const json = (body) => ({ type: "application/json", body });
  const server = await serve({ "/": { type: "text/html", body: pageHtml(runs) },
    "/streak.json": json(streakText), "/history.json": json(text) });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"], timeout: 30_000 });
  try {
    const tab = await (await browser.newContext()).newPage();
    tab.on("pageerror", (e) => console.error(`chromium page error: ${e.message}`));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`, { timeout: 60_000 });
    const r = await tab.waitForFunction(() => window.result, null, { timeout: 1_800_000, polling: 500 })
      .then((h) => h.jsonValue());
    if (r.error) throw new Error(`in Chromium: ${r.error}`);
    return { ...r, engine: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    server.close();
  }
}

const ms = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(1)) + " ms";
const ratio = (x, floor) => `${ms(x)} (${(x / floor).toFixed(2)}× JSON.parse)`;

/** One engine's table rows (`r`: {streak, open, session}; `textLength`: the history text's length). */
function table({ streak, open, session }, textLength) {
  const rows = [
    `| step | median |`,
    `|---|---|`,
    `| JSON.parse of the history text | ${ms(open.parse)} |`,
    `| openCustomer(text) | ${ratio(open.fromText, open.parse)} |`,
    `| openCustomer(Uint8Array) | ${ratio(open.fromBytes, open.parse)} |`,
    `| openCustomer(ArrayBuffer) | ${ratio(open.fromBuffer, open.parse)} |`,
    `| badgePreview (stateless, JSON text, with cart) | ${ms(open.stateless)} |`,
    `| customer.badgePreview({now, cart}) (what-if, same now) | ${ms(session.whatIf)} |`,
    `| customer.badgePreview({now, cart}) (what-if, now 1 s later each call) | ${ms(session.whatIfNewNow)} |`,
    `| customer.achievementWindow({start, period: "7D", target: 3, events: "orders", now}) | ${ms(session.windowS)} |`,
    `| customer.streak({period: "week", now}) | ${ms(session.streakS)} |`,
    `| JSON.parse of the daily-streak text (100,000 records, ${streak.mb.toFixed(1)} MB) | ${ms(streak.parse)} |`,
    `| streak (stateless, that text, America/New_York, daily) | ${ratio(streak.fromText, streak.parse)} |`,
  ];
  const held = session.held;
  if (held !== undefined && held !== null) {
    rows.push(`| wasm memory a Customer holds | ${(held / 1e6).toFixed(1)} MB (${(held / textLength).toFixed(2)}× ` +
      "its JSON text: growth per extra live customer) |");
  }
  return rows;
}

/** The history: `count` orders (1 % repeated ids, half the instants epoch ms) and an activity record per order. */
function makeHistory(count) {
  const orders = storeOrders(count);
  const activity = orders.map((o) => ({ at: o.placedAt }));
  return { orders, activity, timezone: "Europe/Berlin" };
}

/** `md` with `section` (starting with `## title`) in place of the section titled `title`; if there is
 * none, right after the section titled `after` (or at the end). */
function putSection(md, title, section, after) {
  const find = (t) => (md.startsWith(`## ${t}\n`) ? 0 : ((i) => (i < 0 ? -1 : i + 1))(md.indexOf(`\n## ${t}\n`)));
  const end = (at) => {
    const next = md.indexOf("\n## ", at);
    return next < 0 ? md.length : next + 1;
  };
  const glue = (head, rest) => head + section + (rest ? "\n" + rest : "");
  const at = find(title);
  if (at >= 0) return glue(md.slice(0, at), md.slice(end(at)));
  const prev = after ? find(after) : -1;
  if (prev < 0) return glue(md.trimEnd() + "\n\n", "");
  const cut = end(prev);
  return glue(md.slice(0, cut).trimEnd() + "\n\n", md.slice(cut));
}

/** Writes both sections into BENCHMARKS.md (`chrome`: null with --node-only). */
function writeBenchmarks(node, chrome) {
  const file = join(root, "BENCHMARKS.md");
  const node_ = "Customer sessions (Node)";
  const chrome_ = "Customer sessions (Chromium)";
  const section = (t, intro, t1) => `## ${t}\n\n${intro}\n\n${t1.head}\n\n${t1.rows.join("\n")}\n`;
  const intro = `Written by \`node tests/bench/sessions.mjs --write\` (${new Date().toISOString().slice(0, 10)}). ` +
    "`openCustomer` reads the history once; a what-if applies the cart to each rule's tally (targets, issue 17: " +
    "what-if ≤ 1 ms, openCustomer ≤ 1.0× JSON.parse, stateless streak from text ≤ 1.5× JSON.parse, a Customer ≤ 2× " +
    "its JSON text).";
  let md = readFileSync(file, "utf8");
  md = putSection(md, node_, section(node_, intro, node), null);
  if (chrome) {
    md = putSection(md, chrome_, section(chrome_, "The same measurements in a headless Chromium page (the web " +
      "build `pkg/impactkit.js`, the texts fetched from a local server), from the same run.", chrome), node_);
  }
  writeFileSync(file, md);
}

const load = () => loadavg()[0].toFixed(1);
const ik = createRequire(import.meta.url)(join(root, "pkg", "node.cjs"));
const startLoad = load();
const streakText = JSON.stringify({ activity: dailyActivity(100_000), period: "day", now: "2025-01-02T12:00:00Z",
  timezone: "America/New_York" });
const streak = measureStreak(ik, streakText, runs);
const history = makeHistory(count);
const text = JSON.stringify(history);
const nodeR = { streak, open: measureOpen(ik, text, history, runs), session: measureSession(ik, text, history, runs, true) };
const node = { rows: table(nodeR, text.length), head: `sessions, ${count} orders + ${count} activity records ` +
  `(${(text.length / 1e6).toFixed(1)} MB JSON), Node ${process.version}, load average ${startLoad} at the start ` +
  "(each group of steps interleaved, medians):" };
console.log([node.head, ...node.rows].join("\n"));
let chrome = null;
if (!nodeOnly) {
  const chromeLoad = load();
  const r = await measureChromium(streakText, text, runs);
  chrome = { rows: table(r, text.length), head: `same history and streak text, ${r.engine} (headless, web build` +
    `${r.isolated ? ", cross-origin isolated" : ""}), load average ${chromeLoad} at the start (medians):` };
  console.log("\n" + [chrome.head, ...chrome.rows].join("\n"));
}
if (write) writeBenchmarks(node, chrome);
