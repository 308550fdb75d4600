// Reference workloads for the cards-batch bench: how well does *this machine* run two threads at once?
// Each kind is a fixed amount of work per worker thread, run on 1 and then 2 workers in one process;
// scaling = 2 × time(1 worker) / time(2 workers) (2.00 = perfect). `cpu` is a register-only integer loop
// (what a naive "is it 2 cores?" check measures: one dependent multiply chain leaves most of a core's
// execution units idle, so it scales even on two hyperthreads of one physical core), `alu` is six
// independent integer chains that keep those units busy (two hyperthreads of one core share them: ~1×
// there, 2× on two real cores), `memory` streams a 64 MB array (past every cache),
// `deflate` is zlib level 6 on a 4.8 MB image-like buffer — the kind of work a PNG encoder does, and
// `resvg` is the rasteriser itself: 60 `og` cards rendered to PNG with the CLI's fonts and allocator
// setting, one card freed before the next (no CLI, no pool, no files) — what no pool can beat.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// As impactkit-cards does (cards-cli.mjs): read by resvg's allocator when @resvg/resvg-js loads.
process.env.MIMALLOC_PURGE_DELAY ??= "1000";

const WORK = {
  cpu: `let x = 0; for (let j = 0; j < 3e8; j++) x = (x * 31 + j) | 0; x;`,
  alu: `let a = 1, b = 2, c = 3, d = 4, e = 5, f = 6;
    for (let j = 0; j < 3e8; j++) { a = (a + j) | 0; b ^= j; c = (c + (j << 1)) | 0; d ^= j >> 1; e = (e - j) | 0; f = (f | j) ^ a; }
    a + b + c + d + e + f;`,
  memory: `const a = new Float64Array(8 << 20); let s = 0;
    for (let r = 0; r < 24; r++) for (let j = 0; j < a.length; j += 8) { a[j] += j; s += a[j]; } s;`,
  deflate: `const { deflateSync } = require("node:zlib"); const px = Buffer.alloc(1200 * 1000 * 4);
    for (let i = 0; i < px.length; i++) px[i] = ((i >> 2) % 1200 < 600 ? 40 : 200) + ((i * 2654435761) >>> 29);
    for (let r = 0; r < 12; r++) deflateSync(px, { level: 6 });`,
  resvg: `const { Resvg } = require(workerData.resvg); require("node:v8").setFlagsFromString("--expose-gc");
    const gc = require("node:vm").runInNewContext("gc");
    const turn = () => new Promise((r) => setImmediate(r));
    await (async () => { for (let r = 0; r < 60; r++) {
      new Resvg(workerData.svg, { fitTo: { mode: "zoom", value: 1 }, font: workerData.font }).render().asPng(); gc({ type: "minor" }); await turn();
    } })();`,
};

/** What the `resvg` kind renders: an `og` card of the built package with the CLI's font choice (null without pkg/ or resvg). */
async function resvgCard() {
  try {
    const resvg = createRequire(import.meta.url).resolve("@resvg/resvg-js");
    const { impactCard } = await import("../../pkg/node.mjs");
    const { fontChooser } = await import("../../pkg/cards-fonts.mjs");
    const svg = impactCard({ profile: { displayName: "Customer 42", totalCo2Saved: 306.6, totalOrders: 42, streak: { current: 6, state: "active", period: "week" } } });
    return { resvg, svg, font: fontChooser().optionsFor(svg) };
  } catch {
    return null;
  }
}

/** Seconds for `workers` threads each doing one unit of `kind` (started together). */
function timed(kind, workers, workerData) {
  const start = performance.now();
  const runs = Array.from({ length: workers }, () => new Promise((resolve, reject) => {
    const code = `(async () => { const { parentPort, workerData } = require("node:worker_threads"); ${WORK[kind]}; parentPort.postMessage(0); })()`;
    const w = new Worker(code, { eval: true, workerData });
    w.once("message", () => resolve(w.terminate()));
    w.once("error", reject);
  }));
  return Promise.all(runs).then(() => (performance.now() - start) / 1000);
}

/** `[{kind, one, two, scaling}]`: each kind measured 1 worker, 2 workers, 1, 2 (best of two each). */
export async function referenceScaling() {
  const rows = [];
  const card = await resvgCard();
  for (const kind of Object.keys(WORK).filter((k) => k !== "resvg" || card)) {
    const t = { 1: Infinity, 2: Infinity };
    for (const workers of [1, 2, 1, 2]) t[workers] = Math.min(t[workers], await timed(kind, workers, card));
    rows.push({ kind, one: t[1], two: t[2], scaling: (2 * t[1]) / t[2] });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await referenceScaling()) console.log(`${r.kind}: 1 worker ${r.one.toFixed(2)} s, 2 workers ${r.two.toFixed(2)} s, scaling ${r.scaling.toFixed(2)}×`);
}
