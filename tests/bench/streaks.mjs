#!/usr/bin/env node
// Times `streak` over 100k activity records against the Node build (pkg/node.cjs, the package's CommonJS entry).
// Usage: make pkg && node tests/bench/streaks.mjs [RECORDS] [RUNS] [--write]
// Prints the median wall time per call (JS object in → result out, conversion included), then
// `streak(text)` against `JSON.parse` of the same text (the "Daily streak" workload of run.mjs,
// the two alternating in one run; target of issue 17: ≤ 1.5×). --write puts that comparison in
// BENCHMARKS.md ("Streak from JSON text (Node)").
// No assertions: numbers depend on the machine.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { activity as dailyActivity } from "./data.mjs";
import { writeSection } from "./section.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { streak } = require(join(here, "..", "..", "pkg", "node.cjs"));

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const records = Number(args[0] ?? 100_000);
const runs = Number(args[1] ?? 7);
const DAY = 86_400_000;

/** One record per day ending at `end`: an `n`-day streak (≈274 years for 100k, so it ends in 2199). */
function dailyDates(n, end) {
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { date: new Date(end - (n - 1 - i) * DAY).toISOString().slice(0, 10), count: 1 };
  return out;
}

/** `n` date records spread over ~3 years (≈90 a day). */
function spreadDates(n, end) {
  return instants(n, end).map((r) => ({ date: r.at.slice(0, 10), count: 1 }));
}

/** `n` instants spread over ~3 years (≈90 a day), as RFC 3339 strings. */
function instants(n, end) {
  const span = 3 * 365 * DAY;
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { at: new Date(end - span + Math.floor((i / n) * span)).toISOString(), count: 1 };
  return out;
}

/** Same instants as epoch milliseconds. */
function epochMs(n, end) {
  return instants(n, end).map((r) => ({ at: Date.parse(r.at), count: 1 }));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function call(input) {
  try {
    return streak(input);
  } catch (error) {
    return { current: "-", state: `error ${error.code}` };
  }
}

function bench(label, input) {
  call(input); // warm-up
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = call(input);
    times.push(performance.now() - t0);
  }
  console.log(`${label}: median ${median(times).toFixed(1)} ms over ${runs} runs ` +
    `(min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); current=${result.current} state=${result.state}`);
}

const now = Date.parse("2025-03-14T18:00:00Z");
const end = Date.parse("2025-03-14T12:00:00Z");
console.log(`streak over ${records} activity records, node ${process.version}`);
// Baseline: an invalid `period` fails right after the JS object has been copied into wasm,
// so this is the cost of the input conversion alone (shared by every function).
bench("baseline: input conversion only (same 100k date records)", { activity: spreadDates(records, end), period: "never", now, timezone: "UTC" });
bench("date records over 3 years, UTC, daily", { activity: spreadDates(records, end), period: "day", now, timezone: "UTC" });
bench("date records over 3 years, America/New_York, daily, rest days + freezes", { activity: spreadDates(records, end), period: "day", now, timezone: "America/New_York", restDays: ["sat", "sun"], freezes: 3 });
const far = Date.parse("2199-12-31T12:00:00Z");
bench("one date a day for the whole span (1926–2199), UTC", { activity: dailyDates(records, far), period: "day", now: far, timezone: "UTC" });
bench("RFC 3339 instants, UTC, daily", { activity: instants(records, now), period: "day", now, timezone: "UTC" });
bench("RFC 3339 instants, America/New_York (Intl), daily", { activity: instants(records, now), period: "day", now, timezone: "America/New_York" });
// Worst case for the Intl zone path: every record on a different UTC day (no offset-cache hits).
bench("epoch-ms instants one per day 1926–2199, America/New_York (Intl), daily", { activity: dailyDates(records, far).map((r) => ({ at: Date.parse(r.date + "T15:00:00Z") })), period: "day", now: far, timezone: "America/New_York" });
bench("epoch-ms instants, Europe/Berlin (Intl), weekly", { activity: epochMs(records, now), period: "week", now, timezone: "Europe/Berlin" });

// From JSON text vs JSON.parse of it, alternating in one run (load on the machine hits both alike).
const startLoad = os.loadavg()[0].toFixed(1);
const rows = [];
for (const n of [10_000, records]) {
  const text = JSON.stringify({ activity: dailyActivity(n), period: "day", now: "2025-01-02T12:00:00Z", timezone: "America/New_York" });
  const t = { parse: [], text: [] };
  for (let i = -1; i < runs * 3; i++) {
    for (const [k, f] of [["parse", () => JSON.parse(text)], ["text", () => streak(text)]]) {
      const t0 = performance.now();
      f();
      if (i >= 0) t[k].push(performance.now() - t0);
    }
  }
  const [p, s] = [median(t.parse), median(t.text)];
  rows.push(`| ${n.toLocaleString("en")} records (${(text.length / 1e6).toFixed(1)} MB) | ${p.toFixed(2)} ms | ${s.toFixed(2)} ms | ${(s / p).toFixed(2)}× |`);
}
const head = `Node ${process.version}, load average ${startLoad} at the start; medians of ${runs * 3} alternating runs.`;
const table = ["| records | JSON.parse | streak(text) | ÷ JSON.parse |", "|---|---|---|---|", ...rows].join("\n");
console.log(`\nstreak from JSON text vs JSON.parse (daily, America/New_York), ${head}\n${table}`);
if (process.argv.includes("--write")) {
  await writeSection("Streak from JSON text (Node)", `## Streak from JSON text (Node)\n\nWritten by \`node tests/bench/streaks.mjs --write\` ` +
    `(${new Date().toISOString().slice(0, 10)}): the "Daily streak" workload, \`streak(text)\` (activity records read straight from the text, ` +
    `no parse tree) against \`JSON.parse\` of the same text. Target (issue 17): ≤ 1.5×. ${head}\n\n${table}\n`);
}
