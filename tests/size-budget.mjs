#!/usr/bin/env node
// Size budgets (deterministic, unlike timings), gzip -9 bytes of what a page fetches:
// - `impactkit` (every function): pkg/impactkit_bg.wasm within SIZE_BUDGET_GZIP_BYTES (default 222,626 B;
//   see README "Limits and guarantees");
// - each capability module `impactkit/<module>`: pkg/<module>_bg.wasm + its glue pkg/<module>.js;
// - the custom elements' loader pkg/elements.js (hard limit 10,000 B: Shopify's app-block JS threshold).
// A module's budget is its size when the budget was set + 1 % (it may only shrink; lower it as it does);
// its target (issue 16), printed next to it, is what the budget is to reach.
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
  // Then Open Badges 3.0 baking and readBakedCredential: +5,945 (make pkg on main f16a9594 vs the branch
  // ob3: 183,152 → 189,097).
  // Then customer.achievementWindow (issue 17; make pkg on main 0c751145 vs the branch window): impactkit
  // +5,101 (197,007 → 202,108), badges +40 (within its budget); raised by exactly that. impactkit/streaks (raw ABI,
  // main 360d7f13) has no Customer: its .wasm went 50,338 → 50,238.
  // Then the full module built for speed (opt-level 3, wasm-opt -O3; issue 17): 202,261 → 240,321 on main
  // 2026-12-02; then the shared number code of impactkit/bars (branch barsz): 238,797 (+ 1 %).
  // Then orders and activity read straight from the text (issue 17, src/json/scan.rs: openCustomer and the
  // stateless streak ~25 % faster): 249,436 (+ 1 %).
  // Then the error boxed (one pointer in every `Result`, src/error.rs; branch err on main 2b82ff31): 233,128 (+ 1 %).
  // Then message tables packed per language and plural forms in one text (src/locale/packed.rs), the
  // size modules' merge sort (RADIX_SORT), make pkg on main de8eae40: 230,698 (+ 1 %).
  // Then the engine's own dates (src/time/civil: no chrono in the wasm), the raw modules' arena allocator
  // (crates/impactkit-alloc) and one instant reader, main 15cfa39b: 229,809 (+ 1 %).
  // Then ids in a small FNV hash set in the lean builds, text.rs byte searches, the badge hints' words by index
  // and decimal::wide::from_f64 (main 03135813): 227,429 (+ 1 %).
  // Then error messages and the functions that only build an Error out of line (main 56b26ad9): 220,422 (+ 1 %).
  { name: "impactkit", files: ["impactkit_bg.wasm"], budget: Number(process.env.SIZE_BUDGET_GZIP_BYTES ?? 222_626) },
  // The full entry was held to 150 KiB until issues 19/20 added pointsProgress, tier retention, Gameball
  // referrals/activities, readLeaderboard, badge events and streak repair (main ba00851d: 173,695 + 1 %).
  // Size-sensitive pages import the capability modules below; the full entry is the one-import convenience.
  // Measured 2026-12-01: main 2c35011e progress 70,990, badges 88,101, streaks 65,092, cards 85,986;
  // main fcc2564d (no core::fmt / float parsing, hand-written result writer; badges + Customer sessions)
  // progress 54,554, badges 83,262, streaks 51,897, cards 74,241. Budgets: the latter + 1 %.
  // Branch slim (Intl offsets and PNG steps in JS, cards without core::fmt, sorted id index) on main
  // c5912ce8 (badge events, +7.2 KB): badges 86,138, streaks 49,527, cards 65,204; their budgets + 1 %.
  // Then issue 17's speed pass (radix ordering of orders and events, number, decimal, string and instant fast
  // paths: openCustomer ~30 % faster) less barsz's shared number code: 97,568 → 98,901 (+ 1 %).
  // Then its Customer reading orders straight from the text (issue 17; the widgets' sessions run on this
  // module): 106,452 (+ 1 %).
  // Then orders and activity records read straight into the values the rules keep (issue 17, main fedfdf40:
  // openCustomer in Chromium ~25 % faster): 107,808 (+ 1 %).
  // Then openCustomer moved to impactkit/sessions: badges stateless, without wasm-bindgen (crates/impactkit-raw),
  // with the small allocator, at opt-level z, wasm-opt --low-memory-unused (branch b16 on main c353846c): 74,566 (+ 1 %).
  // Then the error boxed (one pointer in every `Result`, src/error.rs; branch err on main 2b82ff31): 68,427 (+ 1 %).
  // Then plural forms in one text, std's merge sort for time order (RADIX_SORT), the hint tables packed per
  // language (src/locale/packed.rs), make pkg on main de8eae40: 65,924 (+ 1 %).
  // Then ids kept in a BTreeSet (json::IdSet: no hash table or SipHash in the size modules), main 69ff877f:
  // 64,640 (+ 1 %).
  // Then the engine's own dates (src/time/civil: no chrono in the wasm), the raw modules' arena allocator
  // (crates/impactkit-alloc) and one instant reader, main 15cfa39b: 60,843 (+ 1 %).
  // Then 128-bit division without compiler_builtins (src/decimal/wide.rs), byte searches where text is ASCII
  // (main 92562de0): 60,684 (+ 1 %).
  // Then ids in a small FNV hash set (json::LeanSet), i128 tally arithmetic through decimal::wide, byte searches for
  // ASCII marks (src/text.rs), packed tables checked as UTF-8 at compile time (main c68aa98b): 57,675 (+ 1 %).
  // Then the hints' words read by index from one array per language (hint::words::Table) and a double's
  // nano-units through decimal::wide::from_f64 (main 03135813): 56,048 (+ 1 %).
  // Then error messages built out of line (Message, Json::error, …; main 56b26ad9): 55,627 (+ 1 %).
  // Then rustc's MIR optimisations at level 1 and wasm-opt's control flow rebuilt twice (Makefile Z_RUSTFLAGS,
  // Z_WASM_OPT; main 8fe5de4a): 55,306 (+ 1 %).
  { name: "badges", budget: 55_859, target: 40 * KB },
  // impactkit/sessions: openCustomer (the Customer of issue 17, with the badge and streak engines; wasm-bindgen,
  // dlmalloc, opt-level s, every fast path). A widget loads it on the first what-if only (branch b16 on main
  // c353846c): 127,527 (+ 1 %). No target: the engines of two modules and a session's speed.
  // Then the error boxed (one pointer in every `Result`, src/error.rs; branch err on main 2b82ff31): 119,916 (+ 1 %).
  // Then plural forms in one text and the hint tables packed per language (main de8eae40): 118,154 (+ 1 %).
  // Then the engine's own dates (src/time/civil: no chrono in the wasm), the raw modules' arena allocator
  // (crates/impactkit-alloc) and one instant reader, main 15cfa39b: 115,537 (+ 1 %).
  // Then 128-bit division without compiler_builtins (src/decimal/wide.rs), byte searches where text is ASCII
  // (main 92562de0): 115,490 (+ 1 %).
  // Then ids in a small FNV hash set (json::LeanSet), i128 tally arithmetic through decimal::wide, byte searches for
  // ASCII marks (src/text.rs), packed tables checked as UTF-8 at compile time (main c68aa98b): 114,338 (+ 1 %).
  // Then the hints' words by index (hint::words::Table) and decimal::wide::from_f64 (main 03135813): 112,469 (+ 1 %).
  // Then error messages built out of line (Message, Json::error, …; main 56b26ad9): 110,869 (+ 1 %).
  { name: "sessions", budget: 111_978 },
  // Streak repair and earned freezes (+5.2 KB) on main ba00851d: streaks 54,677 (+ 1 %).
  // Then streaks without wasm-bindgen (crates/impactkit-raw, main 2026-12-02): 52,071 (+ 1 %).
  // Then streaks at opt-level z without the single-number fast paths, and the zone glue's day cache
  // (branch streaksz on main 70cc4a33): 46,225 (+ 1 %).
  // Then the error boxed (one pointer in every `Result`, src/error.rs; branch err on main 2b82ff31): 43,518 (+ 1 %).
  // Then plural forms in one text, std's merge sort for time order (RADIX_SORT), the message tables packed
  // per language (main de8eae40): 42,867 (+ 1 %).
  // Then the engine's own dates (src/time/civil: no chrono in the wasm), the raw modules' arena allocator
  // (crates/impactkit-alloc) and one instant reader, main 15cfa39b: 39,879 (+ 1 %).
  // Then 128-bit division without compiler_builtins (src/decimal/wide.rs), byte searches where text is ASCII
  // (main 92562de0): 39,626; the target met, the budget is the target itself (it may not grow past it).
  { name: "streaks", budget: 40_000, target: 40 * KB },
  // Open Badges 3.0 baking and readBakedCredential (+6,641 B: cards 65,565 → 72,206, the branch ob3 on main 661c3025).
  // Then cards without wasm-bindgen (crates/impactkit-raw; impactCardPng's canvas code in its glue): 62,678 (+ 1 %).
  // Then cards lean and the shared number code of branch barsz (main 7b63430f): 59,943 (+ 1 %).
  // Then cards at opt-level z and smaller writers (branch cardsz on main a1c3a660): 49,770 (+ 1 %).
  // Then the error boxed (one pointer in every `Result`, src/error.rs; branch err on main 2b82ff31): 47,198 (+ 1 %).
  // Then plural forms in one text and the card words packed per language (main de8eae40): 47,038 (+ 1 %).
  // Then the engine's own dates (src/time/civil: no chrono in the wasm), the raw modules' arena allocator
  // (crates/impactkit-alloc) and one instant reader, main 15cfa39b: 44,427 (+ 1 %).
  // Then error messages built out of line and its ASCII marks found byte by byte (main 56b26ad9): 43,918 (+ 1 %).
  // Then rustc's MIR optimisations at level 1 and wasm-opt's control flow rebuilt twice (Makefile Z_RUSTFLAGS,
  // Z_WASM_OPT; main 8fe5de4a): 43,817 (+ 1 %).
  { name: "cards", budget: 44_255, target: 50 * KB },
  // The backend readers (readImpactProfile, readGameball) moved to impactkit/profile, with the small
  // allocator (crates/impactkit-alloc) for both: progress 31,996, profile 46,359; then progress without
  // wasm-bindgen (crates/impactkit-raw) and both at opt-level z: progress 25,793, profile 45,309; then
  // pointsProgress and tier retention joined progress: progress 38,968, profile 43,996 (budgets + 1 %).
  // Then pointsProgress (profile's) no longer linked in, input and errors once per module: 40,310 (+ 1 %).
  // Then the shared number code of branch barsz and wasm-opt flatten + rereloop (main 7b63430f): 38,545 (+ 1 %).
  // Then the error boxed (one pointer in every `Result`, src/error.rs; branch err on main 2b82ff31): 34,762 (+ 1 %).
  // Then the engine's own dates (src/time/civil: no chrono in the wasm), the raw modules' arena allocator
  // (crates/impactkit-alloc) and one instant reader, main 15cfa39b: 32,100 (+ 1 %).
  // Then 128-bit division without compiler_builtins (src/decimal/wide.rs), byte searches where text is ASCII
  // (main 92562de0): 31,274 (+ 1 %).
  // Then ids in a small FNV hash set (json::LeanSet), i128 tally arithmetic through decimal::wide, byte searches for
  // ASCII marks (src/text.rs), packed tables checked as UTF-8 at compile time (main c68aa98b): 30,804 (+ 1 %).
  // Then error messages built out of line (main 56b26ad9): 30,801 (+ 1 %).
  // Then rustc's MIR optimisations at level 1 and wasm-opt's control flow rebuilt twice (Makefile Z_RUSTFLAGS,
  // Z_WASM_OPT; main 8fe5de4a): 30,684 (+ 1 %).
  { name: "progress", budget: 30_991, target: 20 * KB },
  // impactkit/bars (src/bars.rs): milestoneProgress and tierProgress without the pace, messages and
  // retention, and a glue without time zones: the first widget's module. Measured 2026-12-02: 24,350 (+ 1 %).
  // Then branch barsz on main 7b63430f (no 128-bit division, one exact number reader, Big without splice,
  // tiers placed in one pass, the bars' own writers, wasm-opt flatten + rereloop): 21,464 (+ 1 %).
  // Then branch bars2 on main 39e649e8 (tiers placed by index and written as read, one unique-numbers
  // reader, 17 digits by bisection, inline threshold 0, bars' own wasm-opt passes): 19,927; rebased on
  // main aa297fb8: 19,924 (+ 1 %).
  // Then the error boxed (one pointer in every `Result`, src/error.rs; branch err on main 2b82ff31): 18,615 (+ 1 %).
  // Then the engine's own dates (src/time/civil: no chrono in the wasm), the raw modules' arena allocator
  // (crates/impactkit-alloc) and one instant reader, main 15cfa39b: 17,990 (+ 1 %).
  // Then 128-bit division without compiler_builtins (src/decimal/wide.rs), byte searches where text is ASCII
  // (main 92562de0): 17,982 (+ 1 %).
  // Then error messages built out of line (main 56b26ad9): 17,833 (+ 1 %).
  // Then rustc's MIR optimisations at level 1 and wasm-opt's control flow rebuilt twice (Makefile Z_RUSTFLAGS,
  // Z_WASM_OPT; main 8fe5de4a): 17,741 (+ 1 %).
  { name: "bars", budget: 17_918, target: 20 * KB },
  // Then readLeaderboard, Gameball referrals/activities and pointsProgress joined profile (main ba00851d):
  // progress 38,951, profile 62,298 (+ 1 %).
  // Then profile without wasm-bindgen (crates/impactkit-raw, main 2026-12-02): 51,413 (+ 1 %).
  // Then the shared number code of branch barsz and wasm-opt flatten + rereloop (main 7b63430f): 49,970 (+ 1 %).
  // Then the error boxed (one pointer in every `Result`, src/error.rs; branch err on main 2b82ff31): 44,800 (+ 1 %).
  // Then the engine's own dates (src/time/civil: no chrono in the wasm), the raw modules' arena allocator
  // (crates/impactkit-alloc) and one instant reader, main 15cfa39b: 41,283 (+ 1 %).
  // Then 128-bit division without compiler_builtins (src/decimal/wide.rs), byte searches where text is ASCII
  // (main 92562de0): 39,731; the target met, the budget is the target itself (it may not grow past it).
  { name: "profile", budget: 40_000, target: 40 * KB },
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
