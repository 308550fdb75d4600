#!/usr/bin/env node
// Two builds of one capability module side by side: `node tests/bench/module-ab.mjs MODULE DIR_A DIR_B
// [ROUNDS]`, each DIR a built package (its MODULE.node.cjs; e.g. a copy of pkg/ with another build of
// MODULE_bg.wasm). Both load in one process and run each step in turn, so load on the machine hits
// them alike. `streaks`: the daily streak from text on 100,000 and on 1,000 records (tests/bench/data.mjs's
// activity, America/New_York) and one achievementWindow over 1,000 events, each against JSON.parse
// of the same text. `badges`: badgePreview (seed catalogue, a cart, Europe/Berlin) on 100, 1,000 and 10,000
// of tests/bench/data.mjs's store orders. Prints medians and B ÷ A; no assertions (numbers depend on the machine).
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { loadavg } from "node:os";
import { activity, storeOrders } from "./data.mjs";

const [module, dirA, dirB, rounds = "15"] = process.argv.slice(2);
if (!["streaks", "badges"].includes(module) || !dirA || !dirB) {
  throw new Error("usage: node tests/bench/module-ab.mjs streaks|badges DIR_A DIR_B [ROUNDS]");
}
const require = createRequire(import.meta.url);
const [A, B] = [dirA, dirB].map((d) => require(resolve(d, `${module}.node.cjs`)));

const time = (f) => { const t0 = performance.now(); f(); return performance.now() - t0; };
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function pair(label, text, f, n) {
  const t = [[], [], []];
  for (let i = -1; i < n; i++) {
    const r = [time(() => JSON.parse(text)), time(() => f(A, text)), time(() => f(B, text))];
    if (i >= 0) r.forEach((x, k) => t[k].push(x));
  }
  const [p, ma, mb] = t.map(median);
  const ms = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(1));
  console.log(`${label}: JSON.parse ${ms(p)} ms | A ${ms(ma)} ms (${(ma / p).toFixed(2)}×) | B ${ms(mb)} ms (${(mb / p).toFixed(2)}×) | B ÷ A ${(mb / ma).toFixed(2)}`);
}

if (module === "badges") {
  console.log(`A = ${dirA}, B = ${dirB}, load average ${loadavg()[0].toFixed(1)}, node ${process.version}`);
  const cart = { co2Kg: 1, baselineCo2Kg: 4, recycledShare: 0.7, supplyChains: [{ id: "c_new", verified: true }], offsetKg: 2 };
  const preview = (n) => JSON.stringify({ orders: storeOrders(n), now: "2025-01-15T12:00:00Z", timezone: "Europe/Berlin", cart });
  for (const [n, times] of [[100, 40], [1_000, 10], [10_000, 2]]) {
    pair(`badgePreview, ${n.toLocaleString("en")} orders, text`, preview(n), (m, t) => m.badgePreview(t), times * Number(rounds));
  }
  process.exit(0);
}
const daily = (n, timezone = "America/New_York") => JSON.stringify({ activity: activity(n), period: "day", now: "2025-01-02T12:00:00Z", timezone });
const events = activity(1_000).map((r) => ({ at: r.at, value: 1 }));
const window = JSON.stringify({ start: events[0].at, period: "1W", recurrencePolicy: "on_expiration", now: "2025-01-02T12:00:00Z", events, target: 5, timezone: "Europe/Berlin" });
console.log(`A = ${dirA}, B = ${dirB}, load average ${loadavg()[0].toFixed(1)}, node ${process.version}`);
const rows = Number(rounds);
pair("streak, 100,000 records, text", daily(100_000), (m, t) => m.streak(t), rows);
pair("streak, 100,000 records, text, UTC", daily(100_000, "UTC"), (m, t) => m.streak(t), rows);
pair("streak, 1,000 records, text", daily(1_000), (m, t) => m.streak(t), 20 * rows);
pair("achievementWindow, 1,000 events, text", window, (m, t) => m.achievementWindow(t), 20 * rows);
