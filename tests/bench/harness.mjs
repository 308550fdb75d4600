// A thin layer over tinybench: warm-up, many samples, median and spread, ratios in one run.
import { Bench } from "tinybench";

/** Runs `tasks` ({name: fn}) side by side; returns {name: {median, mad, samples}} in ms. */
export async function measure(tasks, { time = 1500, warmupTime = 300, iterations = 10 } = {}) {
  const bench = new Bench({ time, warmupTime, iterations });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  const out = {};
  for (const task of bench.tasks) {
    const latency = task.result?.latency;
    if (!latency) throw new Error(`benchmark ${task.name} failed: ${task.result?.error ?? "no result"}`);
    out[task.name] = { median: latency.p50, mad: latency.mad, samples: latency.samplesCount };
  }
  return out;
}

/** "12.3 ms ± 0.4" */
export const fmt = (r) => `${r.median < 1 ? r.median.toFixed(4) : r.median.toFixed(2)} ms ± ${r.mad.toFixed(r.median < 1 ? 4 : 2)}`;

/** Ratio `a / b` of medians, two decimals. */
export const ratio = (a, b) => (a.median / b.median).toFixed(2);
