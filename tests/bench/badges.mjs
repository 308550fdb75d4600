#!/usr/bin/env node
// Benchmark: badgePreview over 100k deterministic generated orders (pkg/node.cjs, the package's CommonJS entry).
// Usage: make pkg && node tests/bench/badges.mjs [ORDERS] [RUNS]
// Prints the median wall time of several runs, for a JS object and for JSON text input;
// it asserts nothing about timing.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { storeOrders } from "./data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { badgePreview } = require(join(here, "..", "..", "pkg", "node.cjs"));

const count = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 7);

const orders = storeOrders(count);
const input = {
  orders,
  now: "2025-01-15T12:00:00Z",
  timezone: "Europe/Berlin",
  cart: { co2Kg: 1, baselineCo2Kg: 4, recycledShare: 0.7, supplyChains: [{ id: "c_new", verified: true }], offsetKg: 2 },
};

/** Median, min and max wall time of `runs` calls of `f`. */
function time(f) {
  const times = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    result = f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return { result, text: `median ${median.toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms` };
}

console.log(`badgePreview, ${count} orders (Europe/Berlin, seed catalogue, with cart), ${runs} runs each:`);
const asObject = time(() => badgePreview(input));
console.log(`  JS object input:          ${asObject.text}`);
const asText = time(() => badgePreview(JSON.stringify(input)));
console.log(`  JSON text (stringify too): ${asText.text}`);
const r = asObject.result;
console.log(`  earned ${r.earned.length}, locked ${r.locked.length}, unlockedByCart ${r.unlockedByCart.length}`);
