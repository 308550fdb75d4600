#!/usr/bin/env node
// Benchmark: badgePreview over 100k deterministic generated orders (pkg/node.cjs, the package's CommonJS entry).
// Usage: make pkg && node tests/bench/badges.mjs [ORDERS] [RUNS]
// Prints the median wall time of several runs, for a JS object and for JSON text input;
// it asserts nothing about timing.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { badgePreview } = require(join(here, "..", "..", "pkg", "node.cjs"));

const count = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 7);

// A small linear congruential generator: the same orders on every run and machine.
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
    // ~1 % repeated ids, exercising de-duplication.
    id: `o${random() < 0.01 ? Math.floor(random() * count) : i}`,
    // Unsorted on purpose; epoch milliseconds and RFC 3339 strings mixed.
    placedAt: i % 2 ? start + Math.floor(random() * span) : new Date(start + Math.floor(random() * span)).toISOString(),
    co2Kg: Math.round(random() * 2000) / 100,
    baselineCo2Kg: baseline,
    recycledShare: Math.round(random() * 100) / 100,
    supplyChains: [{ id: `c${Math.floor(random() * 50)}`, verified: random() < 0.5 }],
    offsetKg: random() < 0.1 ? Math.round(random() * 3000) / 100 : 0,
  });
}
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
