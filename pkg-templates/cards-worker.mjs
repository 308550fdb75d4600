// One impactkit-cards worker thread (started by cards-cli.mjs): loads the package and the rasteriser
// once, then renders batches of cards and writes each card's file itself (only small results go back
// to the main thread). Fonts for PNGs are found once per worker (cards-fonts.mjs), not per card.
import { writeFileSync } from "node:fs";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { fontChooser } from "./cards-fonts.mjs";

const UNSUPPORTED = {
  code: "unsupported", path: "$",
  message: "PNG output needs the optional dependency @resvg/resvg-js: npm i @resvg/resvg-js (or use --format svg)",
};

/** `gc()` without `--expose-gc` on the command line (a no-op where V8 refuses). */
function gcFunction() {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc");
  } catch {
    return () => {};
  }
}

/** `render(task)` → `{bytes}` or `{error}` for this worker's format and scale. */
async function renderer({ format, scale }) {
  const { impactCard, readImpactProfile } = await import("./node.mjs");
  let Resvg = null;
  if (format === "png") Resvg = await import("@resvg/resvg-js").then((m) => m.Resvg, () => null);
  const fonts = fontChooser();
  const render = ({ input, graphql, extra, file }) => {
    try {
      const card = graphql == null ? input : { ...input, profile: { ...readImpactProfile(graphql), ...extra } };
      const svg = impactCard(card);
      if (format === "png" && !Resvg) return { error: UNSUPPORTED };
      const bytes = Resvg
        ? new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, font: fonts.optionsFor(svg) }).render().asPng()
        : Buffer.from(svg);
      writeFileSync(file, bytes);
      return { bytes: bytes.length };
    } catch (error) {
      return { error: { code: error.code ?? "error", path: error.path ?? "$", message: String(error.message) } };
    }
  };
  return { render, fonts: fonts.stats, png: Resvg != null };
}

const { render, fonts, png } = await renderer(workerData);
// A Resvg and its RenderedImage hold native memory (fonts, the 3 MB pixmap) that V8 does not see, so
// with a small JS heap the GC would seldom run and RSS would grow per card. PNG cards therefore render
// one per event-loop turn, each followed by a young-generation GC (they die young; cheap; a full one
// every 64th card for any that got promoted) and a turn of the loop (Node runs the native finalizers
// that free that memory from it). So a card's pixmap is freed before the next card allocates one: the
// worker reuses the same warm pages instead of cycling through a batch's worth (8 × 3 MB per worker,
// more cache misses, more page faults). SVG cards (no native memory) render a whole batch per turn.
const gc = png ? gcFunction() : null;
const perTurn = png ? 1 : Infinity;
let cards = 0;
const collect = () => gc?.((cards += 1) % 64 === 0 ? undefined : { type: "minor" });
const queue = [];
let peakHeap = 0;
let busy = false;
let current = null; // the batch being rendered: {batch, results}

function pump() {
  if (current === null) {
    const batch = queue.shift();
    if (batch === undefined) return void (busy = false);
    if (batch === null) {
      parentPort.postMessage({ stats: { peakHeap, fonts } });
      return parentPort.close();
    }
    current = { batch, results: [] };
  }
  const { batch, results } = current;
  for (const task of batch.slice(results.length, results.length + perTurn)) results.push(render(task));
  collect();
  if (results.length === batch.length) {
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size); // process.memoryUsage() costs ~0.3 ms
    parentPort.postMessage({ results });
    current = null;
  }
  setImmediate(pump);
}

parentPort.on("message", (batch) => {
  queue.push(batch);
  if (!busy) {
    busy = true;
    pump();
  }
});
