#!/usr/bin/env node
// Runs golden vectors against the Node build (pkg/node.cjs, the package's CommonJS entry), and each
// one again through the capability module that exports its function (the ESM Node entry that
// pkg/package.json maps `impactkit/<module>` to): its answer must be identical to the full package's.
// Usage: node tests/run-vectors.mjs [FILES...]   (default: every tests/vectors/*.json)
// Each vector runs twice: input as a JS object, and as JSON text.
// Prints one line per failure and closing "N passed, N failed" lines; exits 1 on any failure.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, basename } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { leftToProgress } from "./bars-refuses.mjs";
import { subsetMatches } from "./subset.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..", "pkg");
const require = createRequire(import.meta.url);
const impactkit = require(join(pkg, "node.cjs"));
/** `[[subpath, namespace], …]`: every `impactkit/<module>` export, loaded through its node import entry. */
const modules = await Promise.all(Object.entries(JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).exports)
  .filter(([subpath, target]) => subpath !== "." && target?.node?.import)
  .map(async ([subpath, target]) => [`impactkit${subpath.slice(1)}`, await import(pathToFileURL(join(pkg, target.node.import.default)).href)]));

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

/** What `fn(input)` gives: `{value}` or `{error: {code, path, message}}`. */
function outcome(fn, input) {
  try {
    return { value: fn(input) };
  } catch (error) {
    return { error: { code: error?.code, path: error?.path, message: error?.message } };
  }
}

/** Answers of impactkit/bars that leave the input to impactkit/progress (tests/bars-refuses.mjs), counted apart. */
let leftByBars = 0;

/** The vector through each module exporting its function: null when one does and answers as the full package. */
function runInModules(file, index, vector, asText) {
  const label = `${file}[${index}] ${vector.name ?? "(unnamed)"}${asText ? " (as JSON text)" : ""}`;
  const input = () => asText ? JSON.stringify(vector.input) : structuredClone(vector.input);
  const owners = modules.filter(([, ns]) => typeof ns[vector.fn] === "function");
  if (owners.length === 0) return `${label}: no module exports ${vector.fn}`;
  const want = outcome(impactkit[vector.fn], input());
  for (const [name, ns] of owners) {
    const got = outcome(ns[vector.fn], input());
    if (leftToProgress(name, vector.fn, vector.input, got.error, want)) {
      leftByBars += 1;
      continue;
    }
    if (!isDeepStrictEqual(got, want)) return `${label}: ${name} gave ${JSON.stringify(got)}, impactkit ${JSON.stringify(want)}`;
  }
  return null;
}

let passed = 0;
let failed = 0;
const inModules = { passed: 0, failed: 0 };
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
      const differs = runInModules(basename(file), i, vector, asText);
      if (differs) console.log(`FAIL ${differs}`);
      inModules[differs ? "failed" : "passed"] += 1;
    }
  });
}
console.log(`golden vectors (node): ${passed} passed, ${failed} failed`);
console.log(`golden vectors through ${modules.map(([name]) => name).join(", ")}: ${inModules.passed} identical to impactkit, ${inModules.failed} not`);
console.log(`impactkit/bars: ${leftByBars} answers unsupported, left to impactkit/progress (history, locale, tier retention)`);
process.exit(failed > 0 || passed === 0 || inModules.failed > 0 || modules.length === 0 ? 1 : 0);
