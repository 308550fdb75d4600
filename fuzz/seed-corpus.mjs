#!/usr/bin/env node
// Seeds fuzz/corpus/json_bytes-<fn>/ with every golden-vector input of that function,
// and writes fuzz/json.dict (every JSON key used in the vectors) for libFuzzer.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vectorDir = join(root, "tests", "vectors");
const keys = new Set();
const collectKeys = (v) => {
  if (Array.isArray(v)) v.forEach(collectKeys);
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) { keys.add(k); collectKeys(x); }
};
let written = 0;
for (const file of readdirSync(vectorDir).filter((f) => f.endsWith(".json"))) {
  for (const vector of JSON.parse(readFileSync(join(vectorDir, file), "utf8"))) {
    collectKeys(vector.input);
    const dir = join(root, "fuzz", "corpus", `json_bytes-${vector.fn}`);
    mkdirSync(dir, { recursive: true });
    const text = JSON.stringify(vector.input);
    writeFileSync(join(dir, createHash("sha1").update(text).digest("hex")), text);
    written += 1;
  }
}
const dict = [...keys].sort().map((k) => JSON.stringify(JSON.stringify(k))).join("\n");
writeFileSync(join(root, "fuzz", "json.dict"), dict + "\n");
console.log(`fuzz corpus: ${written} seed inputs, ${keys.size} dictionary keys`);
