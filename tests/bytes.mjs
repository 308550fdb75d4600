#!/usr/bin/env node
// Byte input: every golden vector runs again with its input as UTF-8 JSON bytes, once as a
// Uint8Array and once as an ArrayBuffer (what `await res.arrayBuffer()` gives), and must answer
// exactly what the same input as JSON text answers (result or error code and path). Bytes that
// are not UTF-8 are `invalid_json` with the offset of the first bad byte.
// Usage: node tests/bytes.mjs   (needs a built pkg/). Exits 1 on any failure.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";

const here = dirname(fileURLToPath(import.meta.url));
const impactkit = createRequire(import.meta.url)(join(here, "..", "pkg", "node.cjs"));
const encoder = new TextEncoder();

const outcome = (fn, input) => {
  try {
    return JSON.stringify({ ok: fn(input) });
  } catch (e) {
    return JSON.stringify({ code: e.code, path: e.path, message: e.message });
  }
};

let passed = 0;
let failed = 0;
const check = (label, want, got) => {
  if (want === got) passed += 1;
  else {
    failed += 1;
    console.log(`FAIL ${label}: as text ${want.slice(0, 300)}, as bytes ${got.slice(0, 300)}`);
  }
};
const dir = join(here, "vectors");
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  JSON.parse(readFileSync(join(dir, file), "utf8")).forEach((v, i) => {
    const fn = impactkit[v.fn];
    const text = typeof v.input === "string" ? v.input : JSON.stringify(v.input);
    const want = outcome(fn, text);
    const bytes = encoder.encode(text);
    check(`${file}[${i}] ${v.name} (Uint8Array)`, want, outcome(fn, bytes));
    // A view into a larger buffer: only its own bytes are read.
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    check(`${file}[${i}] ${v.name} (Uint8Array view)`, want, outcome(fn, padded.subarray(4, 4 + bytes.length)));
    check(`${file}[${i}] ${v.name} (ArrayBuffer)`, want, outcome(fn, bytes.buffer.slice(0)));
  });
}

// Not UTF-8: a lone continuation byte at offset 12.
const bad = encoder.encode('{"current": 1, "target": 2}');
bad[12] = 0x80;
for (const input of [bad, bad.buffer]) {
  let error;
  try { impactkit.milestoneProgress(input); } catch (e) { error = e; }
  const ok = error?.code === "invalid_json" && error.path === "$" && /\bbyte 12\b/.test(error.message);
  if (ok) passed += 1;
  else { failed += 1; console.log(`FAIL invalid UTF-8: ${error?.code} ${error?.message}`); }
}
// Bytes from another realm (node:vm, as from an iframe), a DataView, and a UTF-8 byte-order mark in
// front (as `res.text()` / `res.json()` drop it): the same answer as the text.
const milestone = '{"current": 248.5, "target": 500}';
const want = outcome(impactkit.milestoneProgress, milestone);
const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(milestone)]);
const plain = encoder.encode(milestone);
for (const [label, input] of [
  ["Uint8Array from another realm", runInNewContext("new Uint8Array(bytes)", { bytes: [...plain] })],
  ["ArrayBuffer from another realm", runInNewContext("new Uint8Array(bytes).buffer", { bytes: [...plain] })],
  ["DataView", new DataView(plain.buffer)],
  ["byte-order mark", withBom],
]) check(`milestoneProgress (${label})`, want, outcome(impactkit.milestoneProgress, input));
// After a byte-order mark the offset still counts from the first byte given.
const badAfterBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bad]);
{
  let error;
  try { impactkit.milestoneProgress(badAfterBom); } catch (e) { error = e; }
  if (error?.code === "invalid_json" && /\bbyte 15\b/.test(error.message)) passed += 1;
  else { failed += 1; console.log(`FAIL invalid UTF-8 after a BOM: ${error?.code} ${error?.message}`); }
}
console.log(`byte input (node): ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
