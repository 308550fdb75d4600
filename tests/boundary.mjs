#!/usr/bin/env node
// JS strings into wasm (TextEncoder.encodeInto straight into wasm memory, src/wasm/mod.rs):
// big texts, non-ASCII at every position (the buffer grows mid-way), surrogate pairs and lone
// surrogates, and the same input as object and as text. Run by `make test` after `make pkg`.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ik = require(join(dirname(fileURLToPath(import.meta.url)), "..", "pkg", "node.cjs"));

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}: ${error.message}`);
  }
}
function assertEqual(got, want, what) {
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

const seed = { current: 248.5, target: 500 };
const want = { percentage: 49.7, remaining: 251.5, isCompleted: false };
const pads = {
  "5 MB of ASCII": "x".repeat(5_000_000),
  "1 MB ASCII then 1 MB of ü (2-byte UTF-8)": "x".repeat(1_000_000) + "ü".repeat(1_000_000),
  "ü first, then 2 MB ASCII": "ü" + "x".repeat(2_000_000),
  "emoji (surrogate pairs) throughout": "🌳€a".repeat(300_000),
  "lone surrogates": "a\ud800b\udc00c".repeat(10_000),
  "3-byte characters at the end": "x".repeat(500_000) + "漢字".repeat(100_000),
};
for (const [name, pad] of Object.entries(pads)) {
  check(`milestoneProgress through ${name} (as text)`, () => {
    assertEqual(ik.milestoneProgress(JSON.stringify({ pad, ...seed })), want, "result");
    assertEqual(ik.milestoneProgress(JSON.stringify({ ...seed, pad })), want, "pad after");
  });
  check(`milestoneProgress through ${name} (as object)`, () => {
    assertEqual(ik.milestoneProgress({ pad, ...seed }), want, "result");
  });
}

check("non-ASCII text survives the round trip (card title)", () => {
  const name = "Zoë 🌳 Ærø 漢字";
  const svg = ik.impactCard({ profile: { totalCo2Saved: 248.5, totalOrders: 15, displayName: name }, size: "og" });
  if (!svg.includes(name)) throw new Error(`${name} not in the card`);
});

check("a malformed big text is invalid_json with the right column", () => {
  const text = `{"pad": "${"ü".repeat(100_000)}", "current": }`;
  try {
    ik.milestoneProgress(text);
    throw new Error("no error");
  } catch (error) {
    assertEqual(error.code, "invalid_json", "code");
    if (!/line 1 column 100\d\d/.test(error.message)) throw new Error(error.message);
  }
});

check("activity as text and as object give the same streak", () => {
  const activity = [];
  for (let i = 0; i < 50_000; i++) activity.push({ date: new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10), note: "ünïcödé 🌳" });
  const input = { activity, period: "day", now: "2024-02-09T12:00:00Z", timezone: "Europe/Berlin" };
  assertEqual(ik.streak(JSON.stringify(input)), ik.streak(input), "streak");
});

function assertCode(fn, code, what) {
  try {
    fn();
  } catch (error) {
    if (error.code !== code) throw new Error(`${what}: ${error.code} ${error.message}`);
    return error;
  }
  throw new Error(`${what}: no error`);
}

check("a one-character non-ASCII text (the first buffer has no room for it)", () => {
  assertCode(() => ik.milestoneProgress('"€"'), "invalid_type", "€");
  assertEqual(ik.milestoneProgress('{"current":248.5,"target":500,"€":"🌳"}'), want, "result");
});

check("texts over 128 MiB are too_large before (ASCII) or while (non-ASCII) converting, memory stays bounded", () => {
  const before = ik.wasmMemoryBytes();
  assertCode(() => ik.milestoneProgress("x".repeat(134_217_729)), "too_large", "ASCII");
  assertCode(() => ik.milestoneProgress("€".repeat(50_000_000)), "too_large", "non-ASCII");
  const grown = ik.wasmMemoryBytes() - before;
  if (grown > 300 * 1024 * 1024) throw new Error(`wasm memory grew by ${grown} bytes`);
});

check("an object too deep for JSON.stringify is too_large, not a crash", () => {
  let deep = [];
  for (let i = 0; i < 200_000; i++) deep = [deep];
  assertCode(() => ik.milestoneProgress({ current: 1, target: 2, deep }), "too_large", "deep");
});

check("a number beyond a double is invalid_number at its path, as text and as object", () => {
  const e = assertCode(() => ik.milestoneProgress('{"current": 1e400, "target": 5}'), "invalid_number", "text");
  assertEqual(e.path, "$.current", "path");
  assertEqual(assertCode(() => ik.milestoneProgress({ current: Infinity, target: 5 }), "invalid_number", "object").path, "$.current", "path");
  // Exponents past 2^32 (a 32-bit index into a table of powers of ten would wrap to 1e0 or 1e5).
  for (const big of ["1e4294967296", "1e4294967301"]) {
    assertEqual(assertCode(() => ik.milestoneProgress(`{"current": ${big}, "target": 5}`), "invalid_number", big).path, "$.current", "path");
  }
  assertEqual(ik.milestoneProgress('{"current": 5e-4294967296, "target": 5}').percentage, 0, "5e-4294967296 is 0");
});

check("NaN or Infinity in a text field is invalid_number at its path, never the text \"nonfinite:NaN\"", () => {
  const cases = [
    [() => ik.impactCard({ profile: { totalCo2Saved: 1, displayName: NaN } }), "$.profile.displayName"],
    [() => ik.campaignProgress({ campaigns: [{ rewardsCampaignName: NaN, rewardsCampaignId: 1, isUnlocked: true }] }),
      "$.campaigns[0].rewardsCampaignName"],
    [() => ik.campaignProgress({ campaigns: [{ rewardsCampaignName: "A", rewardsCampaignId: -Infinity, isUnlocked: true }] }),
      "$.campaigns[0].rewardsCampaignId"],
    [() => ik.streak({ activity: [], period: "day", now: "2025-03-12T04:30:00Z", timezone: NaN }), "$.timezone"],
    [() => ik.streak({ activity: [{ at: NaN }], period: "day", now: "2025-03-12T04:30:00Z" }), "$.activity[0].at"],
  ];
  for (const [call, path] of cases) {
    const e = assertCode(call, "invalid_number", path);
    assertEqual(e.path, path, "path");
    if (e.message.includes("\u0000")) throw new Error(`NUL in the message: ${JSON.stringify(e.message)}`);
  }
});

console.log(`boundary (node): ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
