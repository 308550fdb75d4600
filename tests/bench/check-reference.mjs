#!/usr/bin/env node
// Runs the JS reference (reference.mjs) over every golden vector it covers and checks it
// computes what impactkit computes, on the fields it produces. Exits 1 on a mismatch.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as reference from "./reference.mjs";
import { subsetMatches } from "../subset.mjs";

const vectorDir = join(dirname(fileURLToPath(import.meta.url)), "..", "vectors");

/** Which vectors the reference covers, and how to call it. */
const covered = {
  milestoneProgress: (i) => i.levels === undefined && i.decimals === undefined && i.rounding === undefined && typeof i.current === "number" && i.target > 0 && i.current >= 0 && i.target <= 1e15,
  tierProgress: (i) => Array.isArray(i.tiers) && i.tiers.length > 0 && typeof i.progress === "number" && i.progress >= 0 && i.decimals === undefined && i.tiers.every((t) => typeof t.name === "string" && typeof t.minProgress === "number") && new Set(i.tiers.map((t) => t.minProgress)).size === i.tiers.length,
  badgePreview: (i) => Array.isArray(i.orders) && ["definitions", "earned", "cart", "issued", "options", "decimals", "rounding"].every((k) => i[k] === undefined) &&
    typeof i.now === "string" && /Z$/.test(i.now) && (i.timezone === undefined || /^[A-Z][A-Za-z_]+\/[A-Za-z_]+$|^UTC$/.test(i.timezone)) &&
    i.orders.every((o) => typeof o.placedAt === "string" && /Z|[+-]\d\d:\d\d$/.test(o.placedAt) && typeof o.co2Kg === "number" && typeof o.baselineCo2Kg === "number" &&
      typeof o.recycledShare === "number" && o.recycledShare >= 0 && o.recycledShare <= 1 && Array.isArray(o.supplyChains) && o.co2Kg >= 0 && o.baselineCo2Kg >= 0 &&
      (o.co2SavedKg === undefined || o.co2SavedKg >= 0) && (o.offsetKg === undefined || o.offsetKg >= 0)),
  streak: (i) => i.period === "day" && Array.isArray(i.activity) && i.restDays === undefined && !i.freezes && (i.minCount ?? 1) === 1 &&
    typeof i.now === "string" && /Z|[+-]\d\d:\d\d$/.test(i.now) && (i.timezone === undefined || /^[A-Z][A-Za-z_]+\/[A-Za-z_]+$|^UTC$/.test(i.timezone)) &&
    i.activity.every((r) => (typeof r.date === "string" || (typeof r.at === "string" && /Z|[+-]\d\d:\d\d$/.test(r.at))) && (r.count === undefined || (Number.isInteger(r.count) && r.count >= 0))),
};
const implementations = {
  milestoneProgress: reference.milestoneProgress, tierProgress: reference.tierProgress, streak: reference.dailyStreak, badgePreview: reference.badgePreview,
};

/** `expected` cut down to the keys the reference computes (recursively), so it is compared on those. */
function project(expected, actual) {
  if (Array.isArray(expected) && Array.isArray(actual)) return expected.map((e, i) => project(e, actual[i]));
  if (expected && typeof expected === "object" && actual && typeof actual === "object" && !Array.isArray(expected)) {
    return Object.fromEntries(Object.entries(expected).filter(([k]) => k in actual).map(([k, v]) => [k, project(v, actual[k])]));
  }
  return expected;
}

let checked = 0;
let failed = 0;
for (const file of readdirSync(vectorDir).filter((f) => f.endsWith(".json"))) {
  for (const v of JSON.parse(readFileSync(join(vectorDir, file), "utf8"))) {
    if (!v.expected || !covered[v.fn]?.(v.input)) continue;
    let out;
    try { out = implementations[v.fn](v.input); } catch (e) { out = { error: e.message }; }
    // Compare only what the reference computes.
    const expected = project(v.expected, out);
    if (Object.keys(expected).length === 0) continue;
    checked += 1;
    if (!subsetMatches(expected, out)) {
      failed += 1;
      console.log(`FAIL reference ${file} ${v.name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(out)}`);
    }
  }
}
console.log(`reference check: ${checked - failed} passed, ${failed} failed`);
process.exit(failed || !checked ? 1 : 0);
