#!/usr/bin/env node
// Benchmark: customer sessions on the 100k-order customer of tests/bench/badges.mjs (same generator),
// against the Node build (pkg/node.cjs). Usage: make pkg && node tests/bench/sessions.mjs [ORDERS] [RUNS] [--write]
// (--write replaces the "Customer sessions (Node)" section of BENCHMARKS.md with the table).
// Prints: openCustomer from JSON text and from bytes vs JSON.parse of the same text (ratio), the
// what-if preview (a different cart each call) median after openCustomer vs the stateless
// badgePreview from text, memory a Customer holds vs its JSON text, streak and achievementWindow on
// the customer.
// No assertions (numbers depend on the machine); the results are checked equal to the stateless ones.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { loadavg } from "node:os";
import { activity as dailyActivity } from "./data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ik = createRequire(import.meta.url)(join(here, "..", "..", "pkg", "node.cjs"));

const args = process.argv.slice(2).filter((a) => a !== "--write");
const write = process.argv.includes("--write");
const count = Number(args[0] ?? 100_000);
const runs = Number(args[1] ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Medians of the tasks run in turn, `n` rounds after one warm-up round: load on the machine hits
 * each alike, so their ratios hold on a busy machine too. */
function interleaved(tasks, n = runs) {
  const times = tasks.map(() => []);
  for (let round = -1; round < n; round++) {
    tasks.forEach((task, k) => {
      const t0 = performance.now();
      task();
      if (round >= 0) times[k].push(performance.now() - t0);
    });
  }
  return times.map(median);
}

const load = loadavg()[0];
// First, before the history below fills the JS heap (JSON.parse slows down with it): the stateless
// streak of BENCHMARKS.md's "Daily streak" table at 100,000 records (America/New_York, daily), from
// its text, against JSON.parse of the same text (target, issue 17: ≤ 1.5×).
const streakText = JSON.stringify({ activity: dailyActivity(100_000), period: "day", now: "2025-01-02T12:00:00Z",
  timezone: "America/New_York" });
const [streakParse, streakFromText] = interleaved([() => JSON.parse(streakText), () => ik.streak(streakText)], runs * 3);

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
const history = { orders, activity, timezone: "Europe/Berlin" };
const text = JSON.stringify(history);
const bytes = new TextEncoder().encode(text);
const now = "2025-01-15T12:00:00Z";
const cart = (i) => ({ co2Kg: i % 7, baselineCo2Kg: 4, recycledShare: (i % 100) / 100, offsetKg: i % 3,
  supplyChains: [{ id: `c${i % 60}`, verified: i % 2 === 0 }] });

function time(f, n = runs) {
  f();
  const t = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    f(i);
    t.push(performance.now() - t0);
  }
  return median(t);
}
const ms = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(1)) + " ms";

const [parse, fromText, fromBytes, fromBuffer] = interleaved([
  () => JSON.parse(text),
  () => ik.openCustomer(text).free(),
  () => ik.openCustomer(bytes).free(),
  () => ik.openCustomer(bytes.buffer).free(),
]);

const stateless = time((i = 0) => ik.badgePreview(JSON.stringify({ ...history, now, cart: cart(i) })));

// What a Customer holds: memory grows by that per extra live customer once the parse's working
// memory exists (wasm memory never shrinks, so the first open's growth would count it too).
const customer = ik.openCustomer(bytes);
const before = ik.wasmMemoryBytes();
const extra = [1, 2, 3].map(() => ik.openCustomer(bytes));
const held = (ik.wasmMemoryBytes() - before) / extra.length;
for (const c of extra) c.free();
// Equality with the stateless function on a few carts.
for (const i of [0, 1, 2, 3]) {
  const a = JSON.stringify(customer.badgePreview({ now, cart: cart(i) }));
  const b = JSON.stringify(ik.badgePreview({ ...history, now, cart: cart(i) }));
  if (a !== b) throw new Error(`session and stateless differ for cart ${i}`);
}
const whatIf = time((i = 0) => customer.badgePreview({ now, cart: cart(i) }), 1000);
const whatIfNewNow = time((i = 0) => customer.badgePreview({ now: new Date(Date.parse(now) + i * 1000).toISOString(), cart: cart(i) }), 1000);
// "3 orders in 7 days" since the history's start (user_action: each window after the first starts
// with the next order, ~520 resets), `now` 1 h earlier each call; equal to the stateless call.
const windowAt = (i) => ({ start: "2015-01-01", period: "7D", target: 3, events: "orders",
  now: new Date(Date.parse(now) - i * 3_600_000).toISOString() });
{
  const seen = new Set();
  const events = orders.filter((o) => !seen.has(o.id) && seen.add(o.id)).map((o) => ({ at: o.placedAt }));
  for (const i of [0, 5, 500]) {
    const a = JSON.stringify(customer.achievementWindow(windowAt(i)));
    const b = JSON.stringify(ik.achievementWindow({ ...windowAt(i), timezone: "Europe/Berlin", events }));
    if (a !== b) throw new Error(`session and stateless windows differ at ${i}: ${a} vs ${b}`);
  }
}
const windowS = time((i = 0) => customer.achievementWindow(windowAt(i)), 1000);
const streakS = time(() => customer.streak({ period: "week", now }), runs);
customer.free();

const lines = [];
lines.push(`sessions, ${count} orders + ${count} activity records (${(text.length / 1e6).toFixed(1)} MB JSON), Node ${process.version}, ` +
  `load average ${load.toFixed(1)} at the start (each group of steps interleaved, medians):`);
lines.push(`| step | median |`);
lines.push(`|---|---|`);
lines.push(`| JSON.parse of the history text | ${ms(parse)} |`);
lines.push(`| openCustomer(text) | ${ms(fromText)} (${(fromText / parse).toFixed(2)}× JSON.parse) |`);
lines.push(`| openCustomer(Uint8Array) | ${ms(fromBytes)} (${(fromBytes / parse).toFixed(2)}× JSON.parse) |`);
lines.push(`| openCustomer(ArrayBuffer) | ${ms(fromBuffer)} (${(fromBuffer / parse).toFixed(2)}× JSON.parse) |`);
lines.push(`| badgePreview (stateless, JSON text, with cart) | ${ms(stateless)} |`);
lines.push(`| customer.badgePreview({now, cart}) (what-if, same now) | ${ms(whatIf)} |`);
lines.push(`| customer.badgePreview({now, cart}) (what-if, now 1 s later each call) | ${ms(whatIfNewNow)} |`);
lines.push(`| customer.achievementWindow({start, period: "7D", target: 3, events: "orders", now}) | ${ms(windowS)} |`);
lines.push(`| customer.streak({period: "week", now}) | ${ms(streakS)} |`);
lines.push(`| JSON.parse of the daily-streak text (100,000 records, ${(streakText.length / 1e6).toFixed(1)} MB) | ${ms(streakParse)} |`);
lines.push(`| streak (stateless, that text, America/New_York, daily) | ${ms(streakFromText)} (${(streakFromText / streakParse).toFixed(2)}× JSON.parse) |`);
lines.push(`| wasm memory a Customer holds | ${(held / 1e6).toFixed(1)} MB (${(held / text.length).toFixed(2)}× its JSON text: growth per extra live customer) |`);

console.log(lines.join("\n"));
if (write) {
  const file = join(here, "..", "..", "BENCHMARKS.md");
  const title = "## Customer sessions (Node)";
  const section = `${title}\n\nWritten by \`node tests/bench/sessions.mjs --write\` (${new Date().toISOString().slice(0, 10)}). ` +
    "`openCustomer` reads the history once; a what-if applies the cart to each rule's tally (targets, issue 17: " +
    "what-if ≤ 1 ms, openCustomer ≤ 1.0× JSON.parse, stateless streak from text ≤ 1.5× JSON.parse, a Customer ≤ 2× " +
    "its JSON text).\n\n" + lines[0] + "\n\n" + lines.slice(1).join("\n") + "\n";
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(title);
  const next = at < 0 ? -1 : text.indexOf("\n## ", at + title.length);
  const updated = at < 0 ? text.trimEnd() + "\n\n" + section
    : text.slice(0, at) + section + (next < 0 ? "" : text.slice(next));
  writeFileSync(file, updated);
}
