// The golden vectors' comparison: `expected` is a subset of the output, numbers within 1e-9;
// string outputs (SVG) are matched with `$contains` / `$excludes`.

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
