// impactkit-cards batch throughput (needs a built pkg/): cards per second at --jobs 1 and --jobs 2 (SVG,
// and PNG when @resvg/resvg-js is installed), and memory: peak RSS of the process and peak JS heap per
// worker at 1,000 and 10,000 cards (flat = no per-card growth). Targets (issue 21): PNG scaling ≥ 1.8×
// from --jobs 1 to --jobs 2 on 2 cores; memory per worker flat over 10,000 cards.
//
//   node tests/bench/cards-batch.mjs [--write] [--png N]   (--write puts the section into BENCHMARKS.md)
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
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

async function measure(work, format, count, jobs) {
  const input = join(work, `p${count}.json`);
  await writeFile(input, JSON.stringify(Array.from({ length: count }, (_, i) => profile(i))));
  const out = join(work, `${format}-${count}-${jobs}`);
  const r = await run([input, "--out", out, "--format", format, "--jobs", String(jobs)]);
  await rm(out, { recursive: true, force: true });
  const heap = Math.max(...r.workers.map((w) => w.peakHeap));
  return { format, count, jobs, secs: r.secs, rate: count / r.secs, rss: r.maxRss, heap, cores: r.cpu / r.secs };
}

const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

function section(rows, load) {
  const lines = rows.map((r) => `| ${r.format} | ${r.count.toLocaleString("en")} | ${r.jobs} | ${r.secs.toFixed(2)} s | ` +
    `${r.rate.toFixed(1)} | ${r.cores.toFixed(2)} | ${mb(r.rss)} | ${mb(r.heap)} |`);
  const scaling = (format, count) => {
    const [a, b] = [1, 2].map((j) => rows.find((r) => r.format === format && r.count === count && r.jobs === j));
    return a && b ? `${format} ${count.toLocaleString("en")}: ${(b.rate / a.rate).toFixed(2)}×` : null;
  };
  const scal = [scaling("png", PNG_COUNT), scaling("svg", 1000), scaling("svg", 10000)].filter(Boolean).join("; ");
  return `## ${TITLE}\n\n` +
    `Written by \`node tests/bench/cards-batch.mjs --write\` (${new Date().toISOString().slice(0, 10)}), Node ${process.version}, ` +
    `${availableParallelism()} cores, load average ${load} at the start. Whole CLI runs (process start, workers loading the ` +
    `package, writing files) on generated \`og\` profiles. Targets (issue 21): PNG --jobs 2 ≥ 1.8× --jobs 1; memory per worker ` +
    `flat over 10,000 cards. \`cores used\` below ~1.9 at --jobs 2 means other work held the second core: the scaling then measures the machine, not the pool.\n\n` +
    `| format | cards | --jobs | wall | cards/s | cores used (CPU time / wall) | peak RSS (process) | peak JS heap per worker |\n|---|---|---|---|---|---|---|---|\n` +
    `${lines.join("\n")}\n\nScaling --jobs 2 / --jobs 1: ${scal}.\n`;
}

let png = true;
try {
  await import("@resvg/resvg-js");
} catch {
  png = false;
}
const load = loadavg()[0].toFixed(1);
const work = await mkdtemp(join(tmpdir(), "impactkit-cards-batch-"));
try {
  const rows = [];
  const plan = [...(png ? [["png", PNG_COUNT]] : []), ["svg", 1000], ["svg", 10000]];
  for (const [format, count] of plan) {
    for (const jobs of [1, 2]) {
      const r = await measure(work, format, count, jobs);
      console.log(`${format} ${count} --jobs ${jobs}: ${r.rate.toFixed(1)} cards/s, RSS ${mb(r.rss)}, heap/worker ${mb(r.heap)}`);
      rows.push(r);
    }
  }
  const text = section(rows, load);
  console.log(`\n${text}`);
  if (argv.includes("--write")) await writeSection(TITLE, text);
} finally {
  await rm(work, { recursive: true, force: true });
}
