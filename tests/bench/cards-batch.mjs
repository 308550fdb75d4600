// impactkit-cards batch throughput (needs a built pkg/): cards per second at --jobs 1 and --jobs 2 (SVG,
// and PNG when @resvg/resvg-js is installed), CPU time per card, and memory: peak RSS of the process and
// peak JS heap per worker at 1,000 and 10,000 cards (flat = no per-card growth). PNG also runs as two
// --jobs 1 processes (--shard 0/2 and 1/2 at once): threads vs processes. Every pair is measured
// interleaved (1, 2, 1, 2; best of two) and scaling-reference.mjs measures what two threads of plain
// CPU, memory and deflate work get on this machine. Targets (issue 21): PNG scaling ≥ 1.8× from
// --jobs 1 to --jobs 2 on 2 cores; memory per worker flat over 10,000 cards.
//
//   node tests/bench/cards-batch.mjs [--write] [--png N]   (--write puts the section into BENCHMARKS.md)
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { referenceScaling } from "./scaling-reference.mjs";
import { writeSection } from "./section.mjs";

const root = new URL("../..", import.meta.url).pathname;
const CLI = join(root, "pkg/cards-cli.mjs");
const TITLE = "Batch cards CLI (Node)";
const argv = process.argv.slice(2);
const PNG_COUNT = Number(argv[argv.indexOf("--png") + 1] ?? 0) || 300;

const profile = (i) => ({
  id: `cust_${i}`, displayName: `Customer ${i}`, totalCo2Saved: (i * 7.3) % 900, totalOrders: i % 120,
  badges: [{ id: `b${i % 5}`, name: "Tree Saver", tier: ["BRONZE", "SILVER", "GOLD"][i % 3] }],
  milestones: [{ name: "500 kg CO2 Saved", target: 500, current: (i * 7.3) % 500, percentage: 0, isCompleted: false }],
  streak: { current: i % 9, state: "active", period: "week" },
});

/** One CLI run (`--stats`): `{secs, cards, maxRss, cpu, workers}`. */
function run(args) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    execFile(process.execPath, [CLI, ...args, "--stats"], { maxBuffer: 256 << 20 }, (error, stdout, stderr) => {
      const secs = Number(process.hrtime.bigint() - start) / 1e9;
      if (error) return reject(new Error(stderr));
      const stats = JSON.parse(/stats (.*)/.exec(stderr)[1]);
      resolve({ secs, ...stats });
    });
  });
}

/** `count` cards at `jobs` workers, or (`jobs` = "2 processes") two --jobs 1 shards at once. */
async function once(input, out, format, jobs) {
  const common = [input, "--out", out, "--format", format];
  if (jobs !== "2 processes") return run([...common, "--jobs", String(jobs)]);
  const start = process.hrtime.bigint();
  const parts = await Promise.all(["0/2", "1/2"].map((s) => run([...common, "--jobs", "1", "--shard", s])));
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const sum = (k) => parts.reduce((a, p) => a + p[k], 0);
  const totals = Object.fromEntries(["cards", "maxRss", "cpu", "sys", "minorFaults"].map((k) => [k, sum(k)]));
  return { secs, ...totals, workers: parts.flatMap((p) => p.workers) };
}

/** Rows for `count` cards of `format` at each of `variants`, measured interleaved, best of `rounds`. */
async function measure(work, format, count, variants, rounds = 2) {
  const input = join(work, `p${count}.json`);
  await writeFile(input, JSON.stringify(Array.from({ length: count }, (_, i) => profile(i))));
  const best = new Map();
  for (let round = 0; round < rounds; round += 1) {
    for (const jobs of variants) {
      // A fresh directory per run, all deleted at the end: on ext4 without a journal (this VM's root) a
      // create checks and skips every inode deleted in the last minute, so deleting 10,000 cards would slow the next run.
      const r = await once(input, join(work, `${format}-${count}-${jobs}-${round}`), format, jobs);
      if (!(best.get(jobs)?.secs <= r.secs)) best.set(jobs, r);
    }
  }
  return variants.map((jobs) => {
    const r = best.get(jobs);
    const heap = Math.max(...r.workers.map((w) => w.peakHeap));
    const perCard = { cpuPerCard: (1000 * r.cpu) / count, sysPerCard: (1000 * r.sys) / count, faultsPerCard: r.minorFaults / count };
    return { format, count, jobs, secs: r.secs, rate: count / r.secs, rss: r.maxRss, heap, cores: r.cpu / r.secs, ...perCard };
  });
}

const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

function scalingLine(rows) {
  const scaling = (format, count, two) => {
    const [a, b] = [1, two].map((j) => rows.find((r) => r.format === format && r.count === count && r.jobs === j));
    return a && b ? `${format} ${count.toLocaleString("en")}${two === 2 ? "" : ` (${two})`}: ${(b.rate / a.rate).toFixed(2)}×` : null;
  };
  return [scaling("png", PNG_COUNT, 2), scaling("png", PNG_COUNT, "2 processes"), scaling("svg", 1000, 2), scaling("svg", 10000, 2)]
    .filter(Boolean).join("; ");
}

// What issue 21's investigation found (measured with perf, strace and per-thread CPU time; see the report
// in the commit log). Kept here so the section explains its own figures.
const FINDINGS = "Where a PNG card's time went, and what changed: (1) resvg-js builds a new font database for every `Resvg`; " +
  "with `loadSystemFonts` that meant opening ~300 files and reading and parsing every system font (23 MB here) per card: a quarter to a third " +
  "of the card's CPU time and most of its kernel time (page faults, copies). Each worker now scans the fonts once and hands resvg only " +
  "the card's font family when it covers the text (`cards-fonts.mjs`; same pixels). (2) A worker had one batch in flight, so it idled " +
  "while the main thread appended the manifest and printed each card (one syscall each); now two batches are in flight, batch sizes " +
  "shrink towards the end, and the main thread writes once per batch. (3) resvg renders on the calling thread (no threads of its own, " +
  "the libuv pool unused) and workers write their own files (only sizes go back), so no copies of PNGs cross threads. With two workers " +
  "a card's CPU time is then what the hardware gives two threads of such work: rasterising (~10 ms) and deflate for the PNG (~20 ms) — " +
  "compare the `deflate` and `memory` references below, which no pool can beat. SVG at 10,000: this VM's ext4 has no journal, so " +
  "creating a file checks and skips every inode deleted in the last minute (five while its block is unwritten), under the directory lock; " +
  "the bench used to delete 10,000 cards " +
  "right before the next run (now: all at the end). (4) PNG memory: resvg-js allocates with mimalloc, which hands freed pages back to " +
  "the OS (madvise) 10 ms after they fall free, and a worker kept a batch's pixmaps (8 × 3 MB) until its GC: every card faulted its " +
  "pixmap in anew, ~850 minor faults a card at --jobs 1 and 1,000–1,270 at --jobs 2 (in one process each madvise also interrupts the " +
  "other worker's CPU to flush its TLB), 5–6 ms of kernel time a card. Now each worker frees a card's pixmap before the next card and " +
  "the CLI sets `MIMALLOC_PURGE_DELAY=1000`: 65–85 faults a card at --jobs 1, 120–150 at --jobs 2, kernel time 2.7–3.3 ms, peak RSS at " +
  "--jobs 2 176 → 130 MB (paired runs under load: the allocator setting alone gives the faults but not the RSS; freeing per card alone " +
  "still faulted ~860 a card at --jobs 2 when a worker lost its core for more than 10 ms). What is left in " +
  "the kernel is resvg reading the card's font files again for every glyph run (fontdb without memory maps: ~200 reads of 140 KB a " +
  "card, 3–4 % of its CPU time; resvg-js 2.6 takes no font buffers). The rest of a card is resvg's own rasterising, PNG filtering " +
  "and deflate (~90 % of its CPU time in perf): the `resvg` reference below renders the same card in bare threads, without the CLI. " +
  "Before/after, paired in one quiet window (300 PNGs, --jobs 1 then 2, best of two): 26.4 → 45.9 cards/s (1.74×, 823–1,027 faults " +
  "a card) before, 32.7 → 60.9 (1.86×, 62–103 faults) after.";

function section(rows, refs, load) {
  const lines = rows.map((r) => `| ${r.format} | ${r.count.toLocaleString("en")} | ${r.jobs} | ${r.secs.toFixed(2)} s | ` +
    `${r.rate.toFixed(1)} | ${r.cpuPerCard.toFixed(2)} ms | ${r.sysPerCard.toFixed(2)} ms | ${r.faultsPerCard.toFixed(0)} | ${r.cores.toFixed(2)} | ` +
    `${mb(r.rss)} | ${mb(r.heap)} |`);
  const refLines = refs.map((r) => `| ${r.kind} | ${r.one.toFixed(2)} s | ${r.two.toFixed(2)} s | ${r.scaling.toFixed(2)}× |`);
  return `## ${TITLE}\n\n` +
    `Written by \`node tests/bench/cards-batch.mjs --write\` (${new Date().toISOString().slice(0, 10)}), Node ${process.version}, ` +
    `${availableParallelism()} cores, load average ${load.start} at the start and ${load.end} at the end. Whole CLI runs (process start, workers loading the ` +
    `package, writing files) on generated \`og\` profiles; each pair measured interleaved, best of two. \`2 processes\`: two \`--jobs 1\` runs at once ` +
    `(\`--shard 0/2\`, \`1/2\`; RSS summed). Targets (issue 21): PNG --jobs 2 ≥ 1.8× --jobs 1; memory per worker ` +
    `flat over 10,000 cards. \`cores used\` below ~1.9 at --jobs 2 means other work held the second core: the scaling then measures the machine, not the pool.\n\n` +
    `| format | cards | --jobs | wall | cards/s | CPU time per card | of it kernel | minor page faults per card | cores used (CPU time / wall) | ` +
    `peak RSS (process) | peak JS heap per worker |\n|---|---|---|---|---|---|---|---|---|---|---|\n` +
    `${lines.join("\n")}\n\nScaling --jobs 2 / --jobs 1: ${scalingLine(rows)}.\n\n` +
    `${FINDINGS}\n\n` +
    `What two threads get on this machine at all (\`tests/bench/scaling-reference.mjs\`, same fixed work per thread, 1 then 2 threads, best of two; ` +
    `\`cpu\`: one dependent multiply chain, which scales even on two hyperthreads of one core; \`alu\`: six independent integer chains, ` +
    `which two hyperthreads of one core share (~1× there, 2× on two cores); \`memory\`: streaming 64 MB; \`deflate\`: zlib on a 4.8 MB ` +
    `image; \`resvg\`: the card of the PNG rows rendered by resvg in bare threads, no CLI):\n\n` +
    `| reference work | 1 thread | 2 threads | scaling |\n|---|---|---|---|\n${refLines.join("\n")}\n`;
}

let png = true;
try {
  await import("@resvg/resvg-js");
} catch {
  png = false;
}
const load = { start: loadavg()[0].toFixed(1) };
const work = await mkdtemp(join(tmpdir(), "impactkit-cards-batch-"));
try {
  const rows = [];
  const plan = [...(png ? [["png", PNG_COUNT, [1, 2, "2 processes"]]] : []), ["svg", 1000, [1, 2]], ["svg", 10000, [1, 2]]];
  for (const [format, count, variants] of plan) {
    for (const r of await measure(work, format, count, variants)) {
      console.log(`${format} ${count} --jobs ${r.jobs}: ${r.rate.toFixed(1)} cards/s, CPU ${r.cpuPerCard.toFixed(2)} ms/card ` +
        `(kernel ${r.sysPerCard.toFixed(2)} ms, ${r.faultsPerCard.toFixed(0)} faults), RSS ${mb(r.rss)}, heap/worker ${mb(r.heap)}`);
      rows.push(r);
    }
  }
  const refs = await referenceScaling();
  load.end = loadavg()[0].toFixed(1);
  const text = section(rows, refs, load);
  console.log(`\n${text}`);
  if (argv.includes("--write")) await writeSection(TITLE, text);
} finally {
  await rm(work, { recursive: true, force: true });
}
