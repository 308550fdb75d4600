#!/usr/bin/env node
// Memory bound: every exported function is called CALLS times (default 100k; in each stateless
// capability module CALLS / 5) with the
// golden-vector inputs (errors included) and wasm linear memory must stop growing after a
// warm-up. Prints one line per function and a closing "N passed, N failed".
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const impactkit = createRequire(import.meta.url)(join(here, "..", "pkg", "node.cjs"));
const CALLS = Number(process.env.MEMORY_CALLS ?? 100_000);
/** Allowed growth after warm-up: one 64 KiB page per 10k calls would already be a leak. */
const SLACK_BYTES = 1 << 20;

const byFunction = new Map();
for (const file of readdirSync(join(here, "vectors")).filter((f) => f.endsWith(".json"))) {
  for (const v of JSON.parse(readFileSync(join(here, "vectors", file), "utf8"))) {
    // Big inputs are for correctness; the loop wants many calls of ordinary size.
    if (JSON.stringify(v.input).length > 20_000) continue;
    if (!byFunction.has(v.fn)) byFunction.set(v.fn, []);
    byFunction.get(v.fn).push(v.input);
  }
}

const callAll = (fn, inputs, n) => {
  let errors = 0;
  for (let i = 0; i < n; i++) {
    try { fn(inputs[i % inputs.length]); } catch { errors += 1; }
  }
  return errors;
};

let passed = 0;
let failed = 0;
/** `calls` calls of each function `entry` exports that the vectors have inputs for, after a warm-up. */
function check(label, entry, calls) {
  for (const [name, inputs] of byFunction) {
    const fn = entry[name];
    if (typeof fn !== "function") continue;
    callAll(fn, inputs, Math.min(calls / 10, 10_000));            // warm-up: caches, allocator pools
    const before = entry.wasmMemoryBytes();
    const errors = callAll(fn, inputs, calls);
    const after = entry.wasmMemoryBytes();
    const ok = after - before <= SLACK_BYTES;
    console.log(`${ok ? "ok  " : "FAIL"} ${label}${name}: ${calls} calls (${errors} threw), wasm memory ${before} → ${after} bytes`);
    if (ok) passed += 1; else failed += 1;
  }
}
check("", impactkit, CALLS);
// The stateless capability modules free a call's memory all at once when the next call starts (the
// arena of crates/impactkit-alloc): memory stays flat there too.
for (const module of ["bars", "progress", "profile", "badges", "streaks", "cards"]) {
  const entry = createRequire(import.meta.url)(join(here, "..", "pkg", `${module}.node.cjs`));
  check(`impactkit/${module} `, entry, CALLS / 5);
}
console.log(`memory bounds (node): ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
