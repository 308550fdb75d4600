#!/usr/bin/env node
// Size budgets (deterministic, unlike timings), gzip -9 bytes of what a page fetches:
// - `impactkit` (every function): pkg/impactkit_bg.wasm within SIZE_BUDGET_GZIP_BYTES (default 199,080 B;
//   see README "Limits and guarantees");
// - each capability module `impactkit/<module>`: pkg/<module>_bg.wasm + its glue pkg/<module>.js;
// - the custom elements' loader pkg/elements.js (hard limit 10,000 B: Shopify's app-block JS threshold).
// A module's budget is its target (issue 16) or, while it is still above it, its size when the budget
// was set + 1 % (it may only shrink; lower it as it does); the target is printed next to it.
// Prints raw / gzip / brotli per entry.
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const KB = 1000;
const ENTRIES = [
  // Localised messages (issue 20: `locale` on streak, tierProgress, achievementWindow, campaignProgress)
  // grew the modules, make pkg on main f82cddd7 vs the branch messages: impactkit +7,472 (173,808 → 181,280),
  // streaks +7,312, progress +5,362, profile +198; each budget raised by exactly that.
  // Then milestone pace and ETA on main f82cddd7: impactkit +1,887 (173,808 → 175,695), progress +1,727
  // (39,015 → 40,742); both budgets raised by exactly that.
  // Then badge hints in six languages (make pkg on main f16a9594 vs the branch hints): impactkit +7,494
  // (183,152 → 190,646), badges +10,919 (86,209 → 97,128); both budgets raised by exactly that.
  // Then orders and activity read straight from JSON text (issue 17: src/json/scan.rs, openCustomer and
  // stateless streak without a parse tree), make pkg on branch fast (base 661c3025) vs main f82cddd7:
  // impactkit +6,777, badges +6,047, streaks +4,154, the others ±50; each budget raised by exactly that.
  { name: "impactkit", files: ["impactkit_bg.wasm"], budget: Number(process.env.SIZE_BUDGET_GZIP_BYTES ?? 199_080) },
  // The full entry was held to 150 KiB until issues 19/20 added pointsProgress, tier retention, Gameball
  // referrals/activities, readLeaderboard, badge events and streak repair (main ba00851d: 173,695 + 1 %).
  // Size-sensitive pages import the capability modules below; the full entry is the one-import convenience.
  // Measured 2026-12-01: main 2c35011e progress 70,990, badges 88,101, streaks 65,092, cards 85,986;
  // main fcc2564d (no core::fmt / float parsing, hand-written result writer; badges + Customer sessions)
  // progress 54,554, badges 83,262, streaks 51,897, cards 74,241. Budgets: the latter + 1 %.
  // Branch slim (Intl offsets and PNG steps in JS, cards without core::fmt, sorted id index) on main
  // c5912ce8 (badge events, +7.2 KB): badges 86,138, streaks 49,527, cards 65,204; their budgets + 1 %.
  { name: "badges", budget: 103_967, target: 40 * KB },
  // Streak repair and earned freezes (+5.2 KB) on main ba00851d: streaks 54,677 (+ 1 %).
  { name: "streaks", budget: 66_696, target: 40 * KB },
  { name: "cards", budget: 65_860, target: 50 * KB },
  // The backend readers (readImpactProfile, readGameball) moved to impactkit/profile, with the small
  // allocator (crates/impactkit-alloc) for both: progress 31,996, profile 46,359; then progress without
  // wasm-bindgen (crates/impactkit-raw) and both at opt-level z: progress 25,793, profile 45,309; then
  // pointsProgress and tier retention joined progress: progress 38,968, profile 43,996 (budgets + 1 %).
  { name: "progress", budget: 46_447, target: 20 * KB },
  // Then readLeaderboard, Gameball referrals/activities and pointsProgress joined profile (main ba00851d):
  // progress 38,951, profile 62,298 (+ 1 %).
  { name: "profile", budget: 63_128, target: 40 * KB },
  // The custom elements' loader, what a storefront page loads up front (Shopify flags app-block JS over
  // 10,000 B compressed); each widget's code (pkg/elements/) loads when it comes on screen.
  // Measured 2026-12-01: 5,607 (the tags, boxes and the synchronous helpers elements.js exports).
  { name: "elements loader", files: ["elements.js"], budget: 5_663, target: 4 * KB },
];

/** `[raw, gzip -9, brotli q11]` of pkg/`file`. */
function sizes(file) {
  const bytes = readFileSync(join(root, "pkg", file));
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return [bytes.length, gzipSync(bytes, { level: 9 }).length, brotli];
}

/** Shopify flags app-block JavaScript over this many compressed bytes: the loader's budget never exceeds it. */
const APP_BLOCK_LIMIT = 10_000;
if (ENTRIES.find((e) => e.name === "elements loader").budget > APP_BLOCK_LIMIT) throw new Error("the elements loader's budget exceeds 10,000 B");

let failed = 0;
for (const { name, files = [`${name}_bg.wasm`, `${name}.js`], budget, target } of ENTRIES) {
  const [raw, gzip, brotli] = files.map(sizes).reduce((sum, row) => sum.map((n, i) => n + row[i]));
  const ok = gzip <= budget;
  if (!ok) failed += 1;
  const goal = target === undefined ? "" : gzip <= target ? `, target ${target} met` : `, target ${target}: ${gzip - target} to go`;
  console.log(`${ok ? "ok  " : "FAIL"} ${files.map((f) => `pkg/${f}`).join(" + ")}: ${raw} raw, ${gzip} gzip, ${brotli} brotli (budget ${budget} gzip${goal})`);
}
console.log(`size budget: ${ENTRIES.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
