// Reference workloads for the cards-batch bench: how well does *this machine* run two threads at once?
// Each kind is a fixed amount of work per worker thread, run on 1 and then 2 workers in one process;
// scaling = 2 × time(1 worker) / time(2 workers) (2.00 = perfect). `cpu` is a register-only integer loop
// (what a naive "is it 2 cores?" check measures), `memory` streams a 64 MB array (past every cache),
// `deflate` is zlib level 6 on a 4.8 MB image-like buffer — the kind of work a PNG encoder does.
import { Worker } from "node:worker_threads";

const WORK = {
  cpu: `let x = 0; for (let j = 0; j < 3e8; j++) x = (x * 31 + j) | 0; x;`,
  memory: `const a = new Float64Array(8 << 20); let s = 0;
    for (let r = 0; r < 24; r++) for (let j = 0; j < a.length; j += 8) { a[j] += j; s += a[j]; } s;`,
  deflate: `const { deflateSync } = require("node:zlib"); const px = Buffer.alloc(1200 * 1000 * 4);
    for (let i = 0; i < px.length; i++) px[i] = ((i >> 2) % 1200 < 600 ? 40 : 200) + ((i * 2654435761) >>> 29);
    for (let r = 0; r < 12; r++) deflateSync(px, { level: 6 });`,
};

/** Seconds for `workers` threads each doing one unit of `kind` (started together). */
function timed(kind, workers) {
  const start = performance.now();
  const runs = Array.from({ length: workers }, () => new Promise((resolve, reject) => {
    const w = new Worker(`const { parentPort } = require("node:worker_threads"); ${WORK[kind]}; parentPort.postMessage(0);`, { eval: true });
    w.once("message", () => resolve(w.terminate()));
    w.once("error", reject);
  }));
  return Promise.all(runs).then(() => (performance.now() - start) / 1000);
}

/** `[{kind, one, two, scaling}]`: each kind measured 1 worker, 2 workers, 1, 2 (best of two each). */
export async function referenceScaling() {
  const rows = [];
  for (const kind of Object.keys(WORK)) {
    const t = { 1: Infinity, 2: Infinity };
    for (const workers of [1, 2, 1, 2]) t[workers] = Math.min(t[workers], await timed(kind, workers));
    rows.push({ kind, one: t[1], two: t[2], scaling: (2 * t[1]) / t[2] });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await referenceScaling()) console.log(`${r.kind}: 1 worker ${r.one.toFixed(2)} s, 2 workers ${r.two.toFixed(2)} s, scaling ${r.scaling.toFixed(2)}×`);
}
