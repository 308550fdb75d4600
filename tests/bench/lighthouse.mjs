#!/usr/bin/env node
// Web Vitals of the storefront embed (www/embed.html) and, for information, the demo page
// (www/index.html): Lighthouse (npm `lighthouse`, default mobile settings: emulated phone, simulated
// slow 4G, 4x CPU slowdown) in Debian's headless Chromium against the demo server (www/serve.mjs on
// 127.0.0.1, compressed and cached like a CDN). Prints performance / FCP / LCP / TBT / CLS /
// transferred bytes per page (median of LH_RUNS runs, default 5), the long tasks and the scripts
// and wasm each page fetched, writes the "Web Vitals" section of BENCHMARKS.md (after
// tests/bench/run.mjs has written the rest) and exits 1 when embed.html misses a target.
// Usage: node tests/bench/lighthouse.mjs   (needs `make pkg`; LH_RUNS=n, CHROMIUM=/path)
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import lighthouse from "lighthouse";
import { launch } from "chrome-launcher";
import { start } from "../../www/serve.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const LH_VERSION = createRequire(import.meta.url)("lighthouse/package.json").version;
const RUNS = Math.max(1, Number(process.env.LH_RUNS) || 5);
const TARGETS = { performance: 95, tbt: 50, cls: 0.02 };
const PAGES = [{ path: "/embed.html", gated: true }, { path: "/index.html?customer=cust_123", gated: false }];
const TITLE = "Web Vitals (Lighthouse, mobile)";

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Body bytes the demo server sent (compressed, as on the wire), by path: also what workers fetched. */
const sent = new Map();
function countBytes(server) {
  server.on("request", (req, res) => {
    const [write, end] = [res.write, res.end];
    const add = (chunk) => { if (chunk && typeof chunk !== "function") { const p = new URL(req.url, "http://x").pathname; sent.set(p, (sent.get(p) ?? 0) + Buffer.byteLength(chunk)); } };
    res.write = function (chunk, ...rest) { add(chunk); return write.call(this, chunk, ...rest); };
    res.end = function (chunk, ...rest) { add(chunk); return end.call(this, chunk, ...rest); };
  });
}

/** One Lighthouse run of `url`: the figures we report, the long tasks and what was fetched. */
async function run(url, port) {
  sent.clear();
  const { lhr } = await lighthouse(url, { port, onlyCategories: ["performance"], output: "json", logLevel: "error", disableFullPageScreenshot: true });
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const a = lhr.audits;
  // the server's count, not Lighthouse's: Lighthouse does not see the bytes a worker fetches
  const bytes = [...sent.values()].reduce((n, b) => n + b, 0);
  const code = [...sent].filter(([p]) => /\.(m?js|wasm)$/.test(p));
  return {
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcp: a["first-contentful-paint"].numericValue,
    lcp: a["largest-contentful-paint"].numericValue,
    tbt: a["total-blocking-time"].numericValue,
    cls: a["cumulative-layout-shift"].numericValue,
    bytes,
    codeBytes: code.reduce((n, [, b]) => n + b, 0),
    code: code.map(([p, b]) => `${p} ${b} B`),
    longTasks: (a["long-tasks"]?.details?.items ?? []).map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} ms (${t.url})`),
  };
}

/** The median of each figure over the runs (plus the last run's lists). */
function summarise(runs) {
  const pick = (k) => median(runs.map((r) => r[k]));
  return { ...runs.at(-1), performance: pick("performance"), fcp: pick("fcp"), lcp: pick("lcp"), tbt: pick("tbt"), cls: pick("cls"), bytes: pick("bytes"), codeBytes: pick("codeBytes") };
}

/** Replaces (or appends) this script's section of BENCHMARKS.md, in tests/bench/run.mjs's format. */
function writeSection(rows) {
  const file = join(root, "BENCHMARKS.md");
  let md = "";
  try { md = readFileSync(file, "utf8"); } catch { md = "# Benchmarks\n"; }
  const header = ["page", "performance", "FCP", "LCP", "TBT", "CLS", "transferred (all bodies)", "JS + wasm transferred"];
  const intro = `Lighthouse ${LH_VERSION} (\`tests/bench/lighthouse.mjs\`, run by \`make bench\`): default mobile settings (emulated phone, simulated slow 4G, 4× CPU slowdown) in Debian's headless Chromium, ` +
    `against \`www/serve.mjs\` on 127.0.0.1 (gzip / brotli, immutable versioned assets, ETag); median of ${RUNS} run${RUNS > 1 ? "s" : ""} on ${new Date().toISOString().slice(0, 10)}. ` +
    `Targets for \`www/embed.html\` (the four widgets on a storefront page): performance ≥ ${TARGETS.performance}, TBT ≤ ${TARGETS.tbt} ms, CLS ≤ ${TARGETS.cls}. The demo page is for information.`;
  let section = `## ${TITLE}\n\n${intro}\n\n| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`;
  for (const row of rows) section += `| ${row.join(" | ")} |\n`;
  const start = md.indexOf(`\n## ${TITLE}\n`);
  if (start < 0) md = `${md.trimEnd()}\n\n${section}`;
  else {
    const next = md.indexOf("\n## ", start + 1);
    md = `${md.slice(0, start)}\n\n${section}${next < 0 ? "" : md.slice(next)}`.replace(/\n{3,}/g, "\n\n");
  }
  writeFileSync(file, md);
}

let server, chrome, failed = false;
try {
  server = await start(0);
  countBytes(server);
  const base = `http://127.0.0.1:${server.address().port}`;
  // a CDN serves from its cache: compress every asset once before measuring
  const version = JSON.parse(readFileSync(join(root, "pkg", "package.json"), "utf8")).version;
  for (const file of readdirSync(join(root, "pkg")).filter((f) => /\.(js|wasm)$/.test(f))) {
    for (const enc of ["br", "gzip"]) await fetch(`${base}/pkg@${version}/${file}`, { headers: { "accept-encoding": enc } }).then((r) => r.arrayBuffer());
  }
  chrome = await launch({ chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium", chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const rows = [];
  for (const page of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(base + page.path, chrome.port));
    const s = summarise(runs);
    console.log(`${page.path}: performance ${s.performance}, FCP ${Math.round(s.fcp)} ms, LCP ${Math.round(s.lcp)} ms, TBT ${Math.round(s.tbt)} ms, CLS ${s.cls.toFixed(3)}, ` +
      `transferred ${kb(s.bytes)} (JS + wasm ${kb(s.codeBytes)}) [runs: ${runs.map((r) => `${r.performance}/${Math.round(r.tbt)}ms/${r.cls.toFixed(3)}`).join(", ")}]`);
    console.log(`  fetched: ${s.code.join(", ")}`);
    if (s.longTasks.length) console.log(`  long tasks (last run): ${s.longTasks.join("; ")}`);
    rows.push([`\`${page.path.split("?")[0].slice(1)}\``, s.performance, `${Math.round(s.fcp)} ms`, `${Math.round(s.lcp)} ms`, `${Math.round(s.tbt)} ms`,
      s.cls.toFixed(3), kb(s.bytes), kb(s.codeBytes)]);
    if (page.gated) {
      const misses = [s.performance < TARGETS.performance && `performance ${s.performance} < ${TARGETS.performance}`,
        s.tbt > TARGETS.tbt && `TBT ${Math.round(s.tbt)} ms > ${TARGETS.tbt} ms`, s.cls > TARGETS.cls && `CLS ${s.cls.toFixed(3)} > ${TARGETS.cls}`].filter(Boolean);
      if (misses.length) { failed = true; console.log(`FAILED: ${page.path}: ${misses.join(", ")}`); }
      else console.log(`ok: ${page.path} meets performance ≥ ${TARGETS.performance}, TBT ≤ ${TARGETS.tbt} ms, CLS ≤ ${TARGETS.cls}`);
    }
  }
  writeSection(rows);
  console.log("lighthouse: wrote the Web Vitals section of BENCHMARKS.md");
} catch (error) {
  failed = true;
  console.log(`FAILED: lighthouse run: ${error?.stack ?? error}`);
} finally {
  chrome?.kill();
  server?.closeAllConnections?.();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
}
process.exit(failed ? 1 : 0);
