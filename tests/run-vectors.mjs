#!/usr/bin/env node
// Runs golden vectors against the Node build (pkg/node.cjs, the package's CommonJS entry).
// Usage: node tests/run-vectors.mjs [FILES...]   (default: every tests/vectors/*.json)
// Each vector runs twice: input as a JS object, and as JSON text.
// Prints one line per failure and a closing "N passed, N failed"; exits 1 on any failure.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { subsetMatches } from "./subset.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const impactkit = require(join(here, "..", "pkg", "node.cjs"));

function runVector(file, index, vector, asText) {
  const label = `${file}[${index}] ${vector.name ?? "(unnamed)"}${asText ? " (as JSON text)" : ""}`;
  const fn = impactkit[vector.fn];
  if (typeof fn !== "function") return `${label}: no exported function ${vector.fn}`;
  let output;
  try {
    // Every function also takes the input as JSON text (parsed inside wasm).
    output = fn(asText ? JSON.stringify(vector.input) : vector.input);
  } catch (error) {
    if (!(error instanceof Error)) return `${label}: threw a non-Error ${String(error)}`;
    if (!vector.expectedError) return `${label}: unexpected error ${error.code} at ${error.path}: ${error.message}`;
    const { code, path } = vector.expectedError;
    if (error.code !== code || error.path !== path) {
      return `${label}: expected error ${code} at ${path}, got ${error.code} at ${error.path}`;
    }
    if (typeof error.message !== "string" || error.message.length === 0) return `${label}: error without a message`;
    return null;
  }
  if (vector.expectedError) return `${label}: expected error ${JSON.stringify(vector.expectedError)}, got ${JSON.stringify(output)}`;
  if (!subsetMatches(vector.expected, output)) {
    return `${label}: expected ${JSON.stringify(vector.expected)}, got ${JSON.stringify(output)}`;
  }
  return null;
}

const vectorDir = join(here, "vectors");
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(vectorDir).filter((f) => f.endsWith(".json")).sort().map((f) => join(vectorDir, f));

let passed = 0;
let failed = 0;
for (const file of files) {
  const vectors = JSON.parse(readFileSync(file, "utf8"));
  vectors.forEach((vector, i) => {
    // A string input would be read as JSON text, so string-valued inputs run once.
    const modes = typeof vector.input === "string" ? [false] : [false, true];
    for (const asText of modes) {
      const failure = runVector(basename(file), i, vector, asText);
      if (failure) {
        failed += 1;
        console.log(`FAIL ${failure}`);
      } else {
        passed += 1;
      }
    }
  });
}
console.log(`golden vectors (node): ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
