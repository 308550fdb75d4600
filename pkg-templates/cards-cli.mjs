#!/usr/bin/env node
// impactkit-cards: renders impact cards for a list of customers (email campaigns, batch jobs).
//
//   npx impactkit-cards profiles.json [--out DIR] [--format png|svg] [--size og|square|story|badge]
//       [--theme light|dark|auto] [--locale TAG] [--scale N] [--jobs N] [--shard I/N] [--resume]
//       [--progress] [--failures FILE] [--graphql URL]
//
// profiles.json is an array. Each entry is either a whole `impactCard` input ({profile, size?, theme?,
// locale?, options?}) or a bare profile (what readImpactProfile returns, plus displayName/streak);
// flags fill in what an entry leaves out. An entry's `id` (or its index) is its customer id and names
// the file. With --graphql URL the file lists customer ids instead (strings, or {id, displayName?,
// streak?}); each profile is fetched from the seed-000 `customerImpactProfile` query.
// --jobs N renders on N worker threads (cards-worker.mjs: each loads the package and finds the card's
// fonts once, and writes its own files); --shard I/N keeps the customers
// whose id hashes to shard I (0 ≤ I < N: first 4 bytes of SHA-256 of the UTF-8 id, big-endian, mod N);
// --resume skips a card whose file exists and whose input+options hash is recorded in DIR's manifest.
// A failing card is reported (and written to --failures FILE as JSON) without stopping the run; the
// exit code is 1 if any card failed, 2 for bad usage.
// PNG needs the optional peer dependency @resvg/resvg-js (`npm i @resvg/resvg-js`); SVG needs nothing.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import * as os from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

const USAGE = "usage: impactkit-cards profiles.json [--out DIR] [--format png|svg] [--size S] [--theme T] [--locale L] " +
  "[--scale N] [--jobs N] [--shard I/N] [--resume] [--progress] [--failures FILE] [--graphql URL]";
const FLAGS = new Set(["resume", "progress", "stats"]);
const BATCH = 8; // tasks per message to a worker

function usage(message) {
  console.error(message ? `impactkit-cards: ${message}\n${USAGE}` : USAGE);
  process.exit(2);
}

function parseArgs(argv) {
  const args = { out: "cards", format: "png", scale: "1", jobs: "1", files: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (!a.startsWith("--")) args.files.push(a);
    else if (FLAGS.has(a.slice(2))) args[a.slice(2)] = true;
    else if (i + 1 < argv.length) args[a.slice(2)] = argv[++i];
    else usage(`${a} needs a value`);
  }
  if (args.files.length !== 1) usage();
  if (!["png", "svg"].includes(args.format)) usage(`--format must be png or svg`);
  const jobs = Number(args.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) usage("--jobs must be a positive integer");
  args.jobs = Math.min(jobs, os.availableParallelism?.() ?? os.cpus().length); // availableParallelism: Node ≥ 18.14
  args.shard = parseShard(args.shard);
  return args;
}

function parseShard(text) {
  if (text == null) return { index: 0, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(count >= 1 && index < count)) usage("--shard must be I/N with 0 ≤ I < N");
  return { index, count };
}

/** The shard of a customer id: first 4 bytes of SHA-256 of its UTF-8 text, big-endian, mod `count`. */
export function shardOf(id, count) {
  return createHash("sha256").update(String(id), "utf8").digest().readUInt32BE(0) % count;
}

/** Whether customer `id` belongs to `shard` (no hashing for a single shard). */
const inShard = (id, { index, count }) => count === 1 || shardOf(id, count) === index;

/** Loads the optional rasteriser, or explains how to get it. */
async function loadResvg() {
  try {
    return (await import("@resvg/resvg-js")).Resvg;
  } catch {
    return null;
  }
}

// ---- input -------------------------------------------------------------------------------------

/** `{id, name, input | graphql, extra}` per entry of a profiles file (flags fill in the gaps). */
function taskOf(entry, i, args) {
  const input = entry && typeof entry === "object" && "profile" in entry ? { ...entry } : { profile: entry };
  for (const key of ["size", "theme", "locale"]) if (args[key] && input[key] == null) input[key] = args[key];
  return { id: String(entry?.id ?? i), input };
}

const QUERY = `query($id: ID!) { customerImpactProfile(customerId: $id) {
  totalCo2Saved totalOrders badges { id name description icon earnedAt tier }
  milestones { id name target current percentage isCompleted unit } ranking { position percentile description } } }`;

/** Fetches one customer's seed-000 profile response as text (HTTP failures become the task's error). */
async function fetchProfile(url, id) {
  try {
    const res = await fetch(url, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY, variables: { id } }),
    });
    const text = await res.text();
    return res.ok ? { graphql: text } : { error: { code: "http_error", path: "$", message: `HTTP ${res.status}` } };
  } catch (error) {
    return { error: { code: "fetch_error", path: "$", message: String(error.cause?.message ?? error.message) } };
  }
}

/** Tasks from the GraphQL endpoint: the file lists ids; 8 requests in flight. */
async function graphqlTasks(entries, args) {
  const tasks = entries.map((entry, i) => {
    const id = String(typeof entry === "object" && entry ? entry.id ?? i : entry);
    const extra = typeof entry === "object" && entry ? { ...entry } : {};
    delete extra.id;
    const input = {};
    for (const key of ["size", "theme", "locale"]) if (args[key]) input[key] = args[key];
    return { id, input, extra };
  }).filter((t) => inShard(t.id, args.shard));
  let next = 0;
  const pump = async () => {
    while (next < tasks.length) {
      const t = tasks[next++];
      Object.assign(t, await fetchProfile(args.graphql, t.id));
    }
  };
  await Promise.all(Array.from({ length: 8 }, pump));
  return tasks;
}

async function loadTasks(args) {
  let entries;
  try {
    entries = JSON.parse(readFileSync(args.files[0], "utf8"));
  } catch (error) {
    usage(`cannot read ${args.files[0]}: ${error.message}`);
  }
  if (!Array.isArray(entries)) usage(`${args.files[0]} must hold a JSON array`);
  if (args.graphql) return graphqlTasks(entries, args);
  return entries.map((e, i) => taskOf(e, i, args)).filter((t) => inShard(t.id, args.shard));
}

/** Names files and hashes each task's input with the options and the package version. */
function prepare(tasks, args, version) {
  const names = new Set();
  for (const t of tasks) {
    t.name = t.id.replace(/[^A-Za-z0-9_-]/g, "_");
    if (names.has(t.name)) t.error ??= { code: "duplicate_id", path: "$.id", message: `another customer's file is also ${t.name}` };
    names.add(t.name);
    t.file = join(args.out, `${t.name}.${args.format}`);
    const basis = { v: version, input: t.input, graphql: t.graphql, extra: t.extra, format: args.format, scale: args.scale };
    t.hash = createHash("sha256").update(JSON.stringify(basis)).digest("hex");
  }
}

// ---- resume manifest: one JSON line per written card ({name, hash, bytes}); last line wins -------

function manifestPath(args) {
  const { index, count } = args.shard;
  return join(args.out, count === 1 ? ".impactkit-cards.jsonl" : `.impactkit-cards.${index}-of-${count}.jsonl`);
}

function readManifest(path) {
  const map = new Map();
  if (!existsSync(path)) return map;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    try {
      const r = JSON.parse(line);
      map.set(r.name, r);
    } catch { /* a torn last line from an interrupted run */ }
  }
  return map;
}

const isCurrent = (t, manifest) => {
  const r = manifest.get(t.name);
  return r?.hash === t.hash && existsSync(t.file) && statSync(t.file).size === r.bytes;
};

function writeManifest(path, manifest) {
  const text = [...manifest.values()].map((r) => JSON.stringify(r)).join("\n");
  writeFileSync(`${path}.tmp`, text ? `${text}\n` : "");
  renameSync(`${path}.tmp`, path);
}

// ---- progress ----------------------------------------------------------------------------------

function progress(total, enabled) {
  const start = Date.now();
  let last = 0;
  const tty = process.stderr.isTTY;
  const line = (done, final) => {
    const secs = (Date.now() - start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : "?";
    const pct = total ? ((100 * done) / total).toFixed(1) : "100.0";
    const text = `cards ${done}/${total} (${pct} %) ${rate.toFixed(1)}/s ETA ${final ? 0 : eta}s`;
    process.stderr.write(tty ? `\r${text}\x1b[K${final ? "\n" : ""}` : `${text}\n`);
  };
  return (done, final = false) => {
    if (!enabled) return;
    const now = Date.now();
    if (final || now - last >= (tty ? 100 : 1000)) {
      last = now;
      line(done, final);
    }
  };
}

// ---- workers (cards-worker.mjs) -------------------------------------------------------------------

/**
 * The next batch's size: a quarter of each worker's remaining share, at most `max` (8 PNGs or 64 SVGs
 * per message), so messages are few while the queue is long and the last cards spread evenly.
 */
const batchSize = (left, jobs, max) => Math.max(1, Math.min(max, Math.ceil(left / (4 * jobs))));

/**
 * Runs `tasks` on `jobs` workers; `onResults(tasks, results)` per finished batch; resolves with
 * per-worker stats. Each worker has two batches in flight, so it never waits for the main thread.
 */
function runPool(tasks, args, onResults) {
  let next = 0;
  const max = args.format === "png" ? 8 : 64;
  const jobs = Math.max(1, Math.min(args.jobs, Math.ceil(tasks.length / max)));
  const workerData = { format: args.format, scale: Number(args.scale) };
  const stats = [];
  return new Promise((resolve, reject) => {
    let live = jobs;
    for (let w = 0; w < jobs; w += 1) {
      const worker = new Worker(new URL("./cards-worker.mjs", import.meta.url), { workerData });
      const inFlight = [];
      let ended = false;
      const feed = () => {
        const batch = tasks.slice(next, (next += batchSize(tasks.length - next, jobs, max)));
        if (batch.length) {
          inFlight.push(batch);
          worker.postMessage(batch.map(({ input, graphql, extra, file }) => ({ input, graphql, extra, file })));
        } else if (inFlight.length === 0 && !ended) {
          ended = true;
          worker.postMessage(null);
        }
      };
      worker.on("message", (msg) => {
        if (msg.stats) return stats.push(msg.stats);
        onResults(inFlight.shift(), msg.results);
        feed();
      });
      worker.on("error", reject);
      worker.on("exit", () => (--live === 0 ? resolve(stats) : undefined));
      feed();
      feed();
    }
  });
}

// ---- main --------------------------------------------------------------------------------------

function summarize(failures, args) {
  if (args.failures) writeFileSync(args.failures, JSON.stringify(failures, null, 2) + "\n");
  if (!failures.length) return;
  console.error(`${failures.length} card(s) failed:`);
  for (const f of failures.slice(0, 20)) console.error(`  ${f.id}: ${f.code} at ${f.path}: ${f.message}`);
  if (failures.length > 20) console.error(`  … and ${failures.length - 20} more${args.failures ? ` (all in ${args.failures})` : ""}`);
}

/**
 * resvg-js allocates with mimalloc, which returns freed pages to the OS 10 ms after they fall free: a
 * card takes longer than that, so every card faulted its 3 MB pixmap (and the font data resvg reads)
 * back in — ~800 minor faults, kernel zeroing and TLB flushes that interrupt the other worker threads
 * of the process. With 1 s the next card reuses those pages and idle memory still goes back. mimalloc
 * reads its options from the environment when the native module loads, so this runs before the first
 * import of @resvg/resvg-js (in this process; workers share it); a value set by the caller wins.
 */
function tuneAllocator() {
  process.env.MIMALLOC_PURGE_DELAY ??= "1000";
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  tuneAllocator();
  if (args.format === "png" && !(await loadResvg())) {
    console.error("PNG output needs the optional dependency @resvg/resvg-js: npm i @resvg/resvg-js (or use --format svg)");
    process.exit(2);
  }
  const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
  const tasks = await loadTasks(args);
  prepare(tasks, args, version);
  mkdirSync(args.out, { recursive: true });
  const mpath = manifestPath(args);
  const manifest = readManifest(mpath);
  const failures = [];
  const fail = (t, e) => failures.push({ id: t.id, file: t.file, ...e });
  let skipped = 0;
  const todo = tasks.filter((t) => {
    if (t.error) return fail(t, t.error), false;
    if (args.resume && isCurrent(t, manifest)) return (skipped += 1), false;
    return true;
  });
  const showProgress = args.progress || process.stderr.isTTY;
  const tick = progress(todo.length, showProgress);
  // The written files go to stdout, one a line, for scripts; not over the progress line on a terminal.
  const listFiles = !(showProgress && process.stderr.isTTY && process.stdout.isTTY);
  let done = 0;
  // One manifest append and one stdout write per finished batch (not per card): the main thread stays
  // free to hand out work.
  const stats = await runPool(todo, args, (batch, results) => {
    const lines = [];
    const listed = [];
    batch.forEach((t, i) => {
      const r = results[i];
      if (r.error) {
        fail(t, r.error);
        manifest.delete(t.name); // a card from an earlier run is stale now: never leave it to be sent
        rmSync(t.file, { force: true });
      } else {
        manifest.set(t.name, { name: t.name, hash: t.hash, bytes: r.bytes });
        lines.push(JSON.stringify(manifest.get(t.name)));
        listed.push(t.file);
      }
    });
    if (lines.length) appendFileSync(mpath, `${lines.join("\n")}\n`);
    if (listFiles && listed.length) process.stdout.write(`${listed.join("\n")}\n`);
    done += batch.length;
    tick(done);
  });
  tick(done, true);
  writeManifest(mpath, manifest);
  if (skipped) console.error(`${skipped} card(s) unchanged, skipped (--resume)`);
  summarize(failures, args);
  if (args.stats) {
    const ru = process.resourceUsage();
    const [cpu, sys] = [(ru.userCPUTime + ru.systemCPUTime) / 1e6, ru.systemCPUTime / 1e6];
    const totals = { cards: done, maxRss: ru.maxRSS * 1024, cpu, sys, minorFaults: ru.minorPageFault };
    console.error(`stats ${JSON.stringify({ ...totals, workers: stats })}`);
  }
  process.exit(failures.length ? 1 : 0);
}

await main();
