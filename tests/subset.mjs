// The golden vectors' comparison: `expected` is a subset of the output, numbers within 1e-9;
// string outputs (SVG) are matched with `$contains` / `$excludes`. The same rule as the Rust
// runners' (tests/common/vectors.rs): `node tests/subset.mjs` runs the shared cases of
// tests/vectors/matcher/cases.json, which `cargo test --test vectors_native matcher` runs too.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Whether `actual` contains everything `expected` says (numbers within 1e-9).
 * For a string output, `expected` may be `{$contains: [...], $excludes: [...]}`. */
export function subsetMatches(expected, actual) {
  if (typeof actual === "string" && expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    return Object.keys(expected).every((k) => k === "$contains" || k === "$excludes") &&
      (expected.$contains ?? []).every((s) => actual.includes(s)) &&
      !(expected.$excludes ?? []).some((s) => actual.includes(s));
  }
  if (typeof expected === "number" && typeof actual === "number") {
    return Math.abs(expected - actual) <= 1e-9;
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && expected.length === actual.length &&
      expected.every((e, i) => subsetMatches(e, actual[i]));
  }
  if (expected !== null && typeof expected === "object") {
    return actual !== null && typeof actual === "object" && !Array.isArray(actual) &&
      !(actual instanceof Map) &&
      Object.entries(expected).every(([k, e]) => Object.hasOwn(actual, k) && subsetMatches(e, actual[k]));
  }
  return expected === actual;
}

/** Runs tests/vectors/matcher/cases.json; returns the number of failed cases. */
function runCases() {
  const { cases } = JSON.parse(readFileSync(new URL("vectors/matcher/cases.json", import.meta.url), "utf8"));
  const failed = cases.filter((c) => subsetMatches(c.expected, c.actual) !== c.matches);
  for (const c of failed) console.log(`FAIL matcher case "${c.name}": want matches = ${c.matches}`);
  console.log(`subset matcher (node): ${cases.length - failed.length} cases passed, ${failed.length} failed`);
  return cases.length === 0 ? 1 : failed.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(runCases() ? 1 : 0);
