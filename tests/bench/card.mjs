#!/usr/bin/env node
// Cards per second in Node (pkg/node.cjs, the package's CommonJS entry), per size, for the seed 000 profile; with
// @resvg/resvg-js installed, PNG cards per second too. No assertions.
//   make pkg && node tests/bench/card.mjs [SECONDS_PER_CASE]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { impactCard, readImpactProfile } = require(join(here, "..", "..", "pkg", "node.cjs"));
const seconds = Number(process.argv[2] ?? 1);

const response = JSON.parse(readFileSync(join(here, "..", "cards", "seed000-response.json"), "utf8"));
const profile = { ...readImpactProfile(response), displayName: "Alex Green", streak: { current: 3, period: "month" } };

function rate(label, fn) {
  for (let i = 0; i < 50; i += 1) fn(i); // warm-up
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  let n = 0;
  while (process.hrtime.bigint() - start < budget) {
    fn(n);
    n += 1;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label}: ${Math.round(n / elapsed).toLocaleString("en")} cards/s (${n} in ${elapsed.toFixed(2)} s)`);
}

for (const size of ["og", "square", "story", "badge"]) {
  rate(`impactCard ${size} svg`, () => impactCard({ profile, size }));
}
// Different names each time, so nothing can be cached.
rate("impactCard og svg, varying names + auto theme", (i) =>
  impactCard({ profile: { ...profile, displayName: `Customer ${i} 🌱` }, theme: "auto" }));

let Resvg = null;
try {
  ({ Resvg } = await import("@resvg/resvg-js"));
} catch {
  console.log("PNG: @resvg/resvg-js not installed, skipped");
}
if (Resvg) {
  for (const size of ["og", "badge"]) {
    rate(`impactCard ${size} → PNG (resvg)`, () =>
      new Resvg(impactCard({ profile, size }), { font: { loadSystemFonts: true } }).render().asPng());
  }
}
