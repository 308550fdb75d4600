#!/usr/bin/env node
// Two builds side by side: `node tests/bench/ab.mjs DIR_A DIR_B [ROUNDS]`, each DIR a built package
// (its node.cjs; e.g. a copy of pkg/ from another commit). Both load in one process and run each
// step in turn, so load on the machine hits them alike: openCustomer(Uint8Array) on 100,000 orders
// + 100,000 activity records, and the stateless daily streak on 100,000 records from text, each
// against JSON.parse of the same text. Prints medians and ratios; no assertions.
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { loadavg } from "node:os";
import { activity, orders } from "./data.mjs";

const [dirA, dirB, rounds = "9"] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error("usage: node tests/bench/ab.mjs DIR_A DIR_B [ROUNDS]");
const require = createRequire(import.meta.url);
const [A, B] = [dirA, dirB].map((d) => require(resolve(d, "node.cjs")));
const streakText = JSON.stringify({ activity: activity(100_000), period: "day", now: "2025-01-02T12:00:00Z", timezone: "America/New_York" });
const historyText = JSON.stringify({ orders: orders(100_000), activity: activity(100_000), timezone: "Europe/Berlin" });
const bytes = new TextEncoder().encode(historyText);

const time = (f) => { const t0 = performance.now(); f(); return performance.now() - t0; };
const median = (xs) => Math.min(...xs);
function pair(label, parse, a, b, n) {
  const t = [[], [], []];
  for (let i = -1; i < n; i++) {
    const r = [time(parse), time(a), time(b)];
    if (i >= 0) r.forEach((x, k) => t[k].push(x));
  }
  const [p, ma, mb] = t.map(median);
  console.log(`${label}: JSON.parse ${p.toFixed(1)} ms | A ${ma.toFixed(1)} ms (${(ma / p).toFixed(2)}×) | B ${mb.toFixed(1)} ms (${(mb / p).toFixed(2)}×)`);
}
console.log(`A = ${dirA}, B = ${dirB}, load average ${loadavg()[0].toFixed(1)}`);
pair("streak, 100k records, text", () => JSON.parse(streakText), () => A.streak(streakText), () => B.streak(streakText), 3 * Number(rounds));
pair("openCustomer(Uint8Array), 100k + 100k", () => JSON.parse(historyText), () => A.openCustomer(bytes).free(), () => B.openCustomer(bytes).free(), Number(rounds));
