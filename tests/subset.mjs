// The golden vectors' comparison: `expected` is a subset of the output, numbers within 1e-9.

/** Whether `actual` contains everything `expected` says (numbers within 1e-9). */
export function subsetMatches(expected, actual) {
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
