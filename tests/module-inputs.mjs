#!/usr/bin/env node
// Inputs no golden vector holds, through every capability module (the Node entry pkg/package.json
// maps `impactkit/<module>` to): each module's functions must answer them exactly as the full package
// does (result, or error class, code, path, message and own keys). This matters most for the modules
// built without wasm-bindgen (RAW_MODULES in the Makefile), whose glue (pkg-templates/entries/raw.js)
// turns inputs into text itself: undefined, BigInt, cycles, functions, NaN / ±Infinity, a byte-order
// mark in a string, lone surrogates, a string over the input limit, nesting deeper than
// JSON.stringify's stack, typed-array views of every kind, bytes from another realm; and time zones.
// Usage: node tests/module-inputs.mjs   (needs a built pkg/). Exits 1 on any difference.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { leftToProgress } from "./bars-refuses.mjs";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..", "pkg");
const full = createRequire(import.meta.url)(join(pkg, "node.cjs"));
const modules = await Promise.all(Object.entries(JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).exports)
  .filter(([subpath, target]) => subpath !== "." && target?.node?.import)
  .map(async ([subpath, target]) => [`impactkit${subpath.slice(1)}`, await import(pathToFileURL(join(pkg, target.node.import.default)).href)]));

const cycle = {};
cycle.self = cycle;
let deep = {};
for (let i = 0; i < 20_000; i += 1) deep = { a: deep };
const bytes = new TextEncoder().encode('{"current": 248.5, "target": 500}');
const INPUTS = {
  undefined: undefined, null: null, bigint: 1n, cycle, function: () => 1, symbol: Symbol("x"),
  "NaN field": { current: NaN, target: 5 }, "Infinity field": { current: 1, target: -Infinity },
  "BOM in a string": '\uFEFF{"current": 1, "target": 2}', "lone surrogate": '{"name": "\ud800"}',
  "empty string": "", "not JSON": "{", array: [], number: 5, "over the limit": "x".repeat(128 * 1024 * 1024 + 1),
  "deeper than JSON.stringify's stack": deep, "Uint8Array": bytes, "ArrayBuffer": bytes.slice().buffer,
  "DataView": new DataView(bytes.slice().buffer), "Uint16Array view": new Uint16Array(bytes.slice(0, 32).buffer),
  "bytes with a BOM": new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), "bytes not UTF-8": new Uint8Array([0x22, 0xff, 0x22]),
  "bytes from another realm": runInNewContext("new Uint8Array([0x7b, 0x7d])"),
};

const outcome = (fn, input) => {
  try {
    return JSON.stringify({ result: fn(input) });
  } catch (e) {
    return JSON.stringify({ class: e?.constructor?.name, code: e.code, path: e.path, message: e.message, keys: Object.keys(e) });
  }
};

let passed = 0;
let failed = 0;
for (const [name, mod] of modules) {
  for (const fn of Object.keys(mod).filter((k) => typeof mod[k] === "function" && typeof full[k] === "function")) {
    if (["default", "initSync", "version", "wasmMemoryBytes", "impactCardPng", "openCustomer", "Customer"].includes(fn)) continue;
    for (const [label, input] of Object.entries(INPUTS)) {
      const [want, got] = [outcome(full[fn], input), outcome(mod[fn], input)];
      if (want === got) passed += 1;
      else {
        failed += 1;
        console.log(`FAIL ${name} ${fn}(${label}):\n  impactkit ${want.slice(0, 300)}\n  module    ${got.slice(0, 300)}`);
      }
    }
  }
  if (mod.version() !== full.version()) (failed += 1), console.log(`FAIL ${name} version() ${mod.version()}`);
  if (!(mod.wasmMemoryBytes() > 0)) (failed += 1), console.log(`FAIL ${name} wasmMemoryBytes() ${mod.wasmMemoryBytes()}`);
}
// Time zones: the raw modules ask the host's Intl through their own imports (raw.js; impactkit/bars has
// none and answers `unsupported` at $.periodEnd), the others
// through wasm-bindgen (src/wasm/intl_tz.rs): the same deadlines across DST changes, zones with odd
// offsets, names in any case and unknown names.
const ZONES = ["America/New_York", "europe/berlin", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham",
  "America/St_Johns", "Africa/Casablanca", "UTC", "+05:45", "Mars/Base"];
const tiers = [{ name: "Basic", minProgress: 0 }, { name: "Gold", minProgress: 190, retainProgress: 150 }, { name: "Platinum", minProgress: 500 }];
for (const [name, mod] of modules.filter(([, m]) => typeof m.tierProgress === "function")) {
  for (const timezone of ZONES) {
    for (let day = 0; day < 366; day += 7) {
      const now = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000 + 3_600_000 * (day % 24)).toISOString();
      const input = { tiers, progress: 200, periodEnd: "2026-11-02T00:00:00", now, timezone };
      const [want, got] = [outcome(full.tierProgress, input), outcome(mod.tierProgress, input)];
      // impactkit/bars has no time zones: it leaves retention to impactkit/progress (src/bars.rs).
      const wanted = JSON.parse(want);
      const bars = leftToProgress(name, "tierProgress", input, JSON.parse(got), wanted.result === undefined ? wanted : { value: wanted.result });
      if (want === got || bars) passed += 1;
      else (failed += 1), console.log(`FAIL ${name} tierProgress(${timezone}, ${now}):\n  impactkit ${want}\n  module    ${got}`);
    }
  }
}
console.log(`module inputs through ${modules.map(([name]) => name).join(", ")}: ${passed} as impactkit, ${failed} not`);
process.exit(failed || !passed ? 1 : 0);
