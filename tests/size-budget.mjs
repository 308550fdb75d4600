#!/usr/bin/env node
// Size budget (deterministic, unlike timings): pkg/impactkit_bg.wasm must stay within
// SIZE_BUDGET_GZIP_BYTES gzip (default 150 KiB; see README "Limits and guarantees"). Prints raw / gzip / brotli.
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const budget = Number(process.env.SIZE_BUDGET_GZIP_BYTES ?? 150 * 1024);
let failed = 0;
for (const file of ["impactkit_bg.wasm"]) {
  const wasm = readFileSync(join(root, "pkg", file));
  const gzip = gzipSync(wasm, { level: 9 }).length;
  const brotli = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const ok = gzip <= budget;
  if (!ok) failed += 1;
  console.log(`${ok ? "ok  " : "FAIL"} pkg/${file}: ${wasm.length} raw, ${gzip} gzip, ${brotli} brotli (budget ${budget} gzip)`);
}
console.log(`size budget: ${1 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
