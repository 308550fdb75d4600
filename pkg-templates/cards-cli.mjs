#!/usr/bin/env node
// impactkit-cards: renders impact cards for a list of profiles (email campaigns, batch jobs).
//
//   npx impactkit-cards profiles.json [--out DIR] [--format png|svg] [--size og|square|story|badge]
//                       [--theme light|dark|auto] [--locale TAG] [--scale N]
//
// profiles.json is an array. Each entry is either a whole `impactCard` input ({profile, size?, theme?,
// locale?, options?}) or a bare profile (what readImpactProfile returns, plus displayName/streak);
// flags fill in what an entry leaves out. An entry's `id` (or its index) names the file.
// PNG needs the optional peer dependency @resvg/resvg-js (`npm i @resvg/resvg-js`); SVG needs nothing.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

import { impactCard } from "./node.mjs";

function parseArgs(argv) {
  const args = { out: "cards", format: "png", scale: 1, files: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a.startsWith("--")) args[a.slice(2)] = argv[++i];
    else args.files.push(a);
  }
  return args;
}

/** Loads the optional rasteriser, or explains how to get it. */
async function loadResvg() {
  try {
    return (await import("@resvg/resvg-js")).Resvg;
  } catch {
    console.error("PNG output needs the optional dependency @resvg/resvg-js: npm i @resvg/resvg-js (or use --format svg)");
    process.exit(2);
  }
}

/** SVG → PNG bytes with resvg (system fonts; `auto` themes render light). */
function svgToPng(Resvg, svg, scale = 1) {
  const resvg = new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, font: { loadSystemFonts: true } });
  return resvg.render().asPng();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.files.length !== 1 || !["png", "svg"].includes(args.format)) {
    console.error("usage: impactkit-cards profiles.json [--out DIR] [--format png|svg] [--size S] [--theme T] [--locale L] [--scale N]");
    process.exit(2);
  }
  const entries = JSON.parse(readFileSync(args.files[0], "utf8"));
  if (!Array.isArray(entries)) throw new Error("profiles.json must be an array");
  const Resvg = args.format === "png" ? await loadResvg() : null;
  mkdirSync(args.out, { recursive: true });
  let failed = 0;
  entries.forEach((entry, i) => {
    const input = entry && typeof entry === "object" && "profile" in entry ? { ...entry } : { profile: entry };
    for (const key of ["size", "theme", "locale"]) if (args[key] && input[key] == null) input[key] = args[key];
    const name = String(entry?.id ?? i).replace(/[^A-Za-z0-9_-]/g, "_");
    try {
      const svg = impactCard(input);
      const file = join(args.out, `${name}.${args.format}`);
      writeFileSync(file, Resvg ? svgToPng(Resvg, svg, Number(args.scale)) : svg);
      console.log(file);
    } catch (error) {
      failed += 1;
      console.error(`entry ${i}: ${error.code ?? "error"} at ${error.path ?? "$"}: ${error.message}`);
    }
  });
  process.exit(failed ? 1 : 0);
}

await main();
