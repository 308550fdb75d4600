// The impactkit-cards batch CLI (pkg/cards-cli.mjs, needs a built pkg/): --jobs 2 writes the same bytes
// as --jobs 1, --shard I/N partitions the customers, --resume skips unchanged cards and re-renders
// changed ones, a bad customer is in the failure summary while the others render (exit 1), and
// --graphql reads seed-000 profiles from the demo backend started here on 127.0.0.1. PNG: the worker's
// font subset (and impactCardPng's in Node) draws the same pixels as resvg with all system fonts (Latin
// and non-Latin names), native memory stays flat over many cards and is not faulted in anew per card.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { handleApi } from "../www/backend/api.mjs";

const CLI = new URL("../pkg/cards-cli.mjs", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "cards-batch-"));

/** Runs the CLI; resolves with {code, stdout, stderr} (never rejects on a non-zero exit). */
function cli(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

const profiles = (n, bad = []) => Array.from({ length: n }, (_, i) => (bad.includes(i)
  ? { id: `cust_${i}`, totalCo2Saved: "lots", totalOrders: 1 }
  : { id: `cust_${i}`, displayName: `Customer ${i}`, totalCo2Saved: i * 12.5, totalOrders: i, streak: { current: i % 7, period: "week", state: "active" } }));

function write(name, value) {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

/** `{file name → bytes}` of a directory's cards (the manifest left out). */
function cards(out) {
  return Object.fromEntries(readdirSync(out).filter((f) => !f.startsWith(".")).sort().map((f) => [f, readFileSync(join(out, f))]));
}

async function jobsIdentical(format, n) {
  const input = write(`jobs-${format}.json`, profiles(n));
  const one = await cli(input, "--out", join(dir, `j1-${format}`), "--format", format, "--jobs", "1");
  const two = await cli(input, "--out", join(dir, `j2-${format}`), "--format", format, "--jobs", "2");
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  const a = cards(join(dir, `j1-${format}`));
  const b = cards(join(dir, `j2-${format}`));
  assert.equal(Object.keys(a).length, n);
  assert.deepEqual(Object.keys(b), Object.keys(a));
  for (const f of Object.keys(a)) assert.ok(a[f].equals(b[f]), `${f} differs between --jobs 1 and --jobs 2`);
}

/** PNGs through the per-worker font subset equal resvg's rendering with all system fonts. */
async function pngFonts() {
  const { Resvg } = await import("@resvg/resvg-js");
  const { impactCard, impactCardPng } = await import("../pkg/node.mjs");
  const names = ["Ada Lovelace", "Zoë Ωμέγα Дмитрий", "山田 太郎", "مريم", "Ana 🌳"];
  const list = names.map((displayName, i) => ({ ...profiles(i + 1)[i], displayName }));
  const out = join(dir, "fonts");
  const run = await cli(write("fonts.json", list), "--out", out, "--jobs", "1", "--stats");
  assert.equal(run.code, 0, run.stderr);
  const [{ fonts }] = JSON.parse(/stats (.*)/.exec(run.stderr)[1]).workers;
  const subset = fonts.subset; // 2 where a family of the card's stack is installed and covers Latin/Greek/Cyrillic
  assert.equal(subset + fonts.system, names.length, JSON.stringify(fonts));
  assert.ok(fonts.system >= 3, `CJK, Arabic and emoji fall back to all system fonts: ${JSON.stringify(fonts)}`);
  for (const p of list) {
    const reference = new Resvg(impactCard({ profile: p }), { fitTo: { mode: "zoom", value: 1 }, font: { loadSystemFonts: true } }).render().asPng();
    assert.ok(readFileSync(join(out, `${p.id}.png`)).equals(reference), `${p.displayName}: pixels differ from all system fonts`);
    // impactCardPng in Node chooses the fonts the same way (one scan per process).
    assert.ok(Buffer.from(await impactCardPng({ profile: p })).equals(reference), `${p.displayName}: impactCardPng differs`);
  }
  return subset;
}

/**
 * Native memory (resvg's pixmaps and fonts) is freed while batches queue back to back: RSS stays flat;
 * and the allocator reuses a card's pages for the next card instead of returning them to the OS and
 * faulting them in again (~800 minor faults a card: 3 MB of pixmap) — counted between 20 and 120 cards.
 */
async function pngMemory() {
  const stats = async (n) => {
    const run = await cli(write(`many${n}.json`, profiles(n)), "--out", join(dir, `many${n}`), "--jobs", "1", "--stats");
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(/stats (.*)/.exec(run.stderr)[1]);
  };
  const [few, many] = [await stats(20), await stats(120)];
  assert.ok(many.maxRss < 300 << 20, `peak RSS ${(many.maxRss / 1048576).toFixed(0)} MB over 120 PNG cards (a leak: ~3 MB a card)`);
  const faults = (many.minorFaults - few.minorFaults) / 100;
  assert.ok(faults < 300, `${faults.toFixed(0)} minor page faults per PNG card (pages returned to the OS and faulted in again)`);
}

async function shardsPartition() {
  const input = write("shards.json", profiles(60));
  const seen = new Map();
  for (let i = 0; i < 3; i += 1) {
    const out = join(dir, "shards");
    const run = await cli(input, "--out", out, "--format", "svg", "--jobs", "2", "--shard", `${i}/3`);
    assert.equal(run.code, 0, run.stderr);
    const files = run.stdout.trim().split("\n").filter(Boolean);
    assert.ok(files.length > 5 && files.length < 40, `shard ${i}/3 has ${files.length} of 60`);
    for (const f of files) {
      assert.ok(!seen.has(f), `${f} is in shard ${seen.get(f)} and ${i}`);
      seen.set(f, i);
    }
  }
  assert.equal(seen.size, 60);
  assert.equal(Object.keys(cards(join(dir, "shards"))).length, 60);
  for (const bad of ["3/3", "1/0", "x/2", "-1/2"]) assert.equal((await cli(input, "--shard", bad, "--format", "svg")).code, 2, bad);
}

async function resume() {
  const list = profiles(20);
  const input = write("resume.json", list);
  const out = join(dir, "resume");
  const args = ["--out", out, "--format", "svg", "--jobs", "2", "--resume"];
  const first = await cli(input, ...args);
  assert.equal(first.stdout.trim().split("\n").length, 20);
  const again = await cli(input, ...args);
  assert.equal(again.code, 0);
  assert.equal(again.stdout, "", "an unchanged run renders nothing");
  assert.match(again.stderr, /20 card\(s\) unchanged/);
  list[3].totalCo2Saved = 999;
  rmSync(join(out, "cust_7.svg"));
  write("resume.json", list);
  const changed = await cli(input, ...args);
  assert.deepEqual(changed.stdout.trim().split("\n").sort(), [join(out, "cust_3.svg"), join(out, "cust_7.svg")]);
  assert.match(readFileSync(join(out, "cust_3.svg"), "utf8"), /999/);
  const options = await cli(input, ...args.slice(0, -1), "--resume", "--theme", "dark");
  assert.equal(options.stdout.trim().split("\n").length, 20, "changed options re-render everything");
}

async function failures() {
  const input = write("bad.json", profiles(12, [4]));
  const out = join(dir, "bad");
  const report = join(dir, "failures.json");
  const run = await cli(input, "--out", out, "--format", "svg", "--jobs", "2", "--failures", report);
  assert.equal(run.code, 1);
  assert.equal(Object.keys(cards(out)).length, 11);
  assert.match(run.stderr, /1 card\(s\) failed:\n {2}cust_4: invalid_type at \$\.profile\.totalCo2Saved/);
  const [f, ...rest] = JSON.parse(readFileSync(report, "utf8"));
  assert.deepEqual(rest, []);
  assert.equal(f.id, "cust_4");
  assert.equal(f.code, "invalid_type");
  assert.equal(f.path, "$.profile.totalCo2Saved");
  const stale = profiles(12, [5]);
  const again = await cli(write("bad.json", stale), "--out", out, "--format", "svg", "--resume");
  assert.equal(again.code, 1);
  assert.ok(!existsSync(join(out, "cust_5.svg")), "a customer that fails now keeps no stale card");
  assert.ok(existsSync(join(out, "cust_4.svg")), "cust_4 is fixed and rendered");
  const clean = await cli(write("good.json", profiles(3)), "--out", out, "--format", "svg", "--failures", report);
  assert.equal(clean.code, 0);
  assert.deepEqual(JSON.parse(readFileSync(report, "utf8")), []);
  assert.equal((await cli(input, "--jobs", "0")).code, 2);
  assert.equal((await cli(input, "--format", "gif")).code, 2);
}

async function graphql() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = async () => { let s = ""; for await (const c of req) s += c; return s; };
    const api = await handleApi(req, url, body);
    if (api) return res.writeHead(api.status, api.headers).end(api.body);
    res.writeHead(404).end();
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  try {
    const endpoint = `http://127.0.0.1:${server.address().port}/graphql`;
    const ids = write("ids.json", ["cust_new", { id: "cust_123", displayName: "Sam Seed" }, "cust_nobody"]);
    const out = join(dir, "graphql");
    const report = join(dir, "gq-failures.json");
    const run = await cli(ids, "--graphql", endpoint, "--out", out, "--format", "svg", "--jobs", "2", "--failures", report);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(Object.keys(cards(out)), ["cust_123.svg", "cust_new.svg"]);
    const svg = readFileSync(join(out, "cust_123.svg"), "utf8");
    assert.match(svg, /Sam Seed/);
    assert.match(svg, /248[.,]5/);
    assert.deepEqual(JSON.parse(readFileSync(report, "utf8")).map((f) => f.id), ["cust_nobody"]);
    const down = await cli(ids, "--graphql", "http://127.0.0.1:9/graphql", "--out", join(dir, "down"), "--format", "svg");
    assert.equal(down.code, 1);
    assert.match(down.stderr, /3 card\(s\) failed/);
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

let hasResvg = true;
try {
  await import("@resvg/resvg-js");
} catch {
  hasResvg = false;
}
try {
  await jobsIdentical("svg", 40);
  let subset = "no PNG";
  if (hasResvg) {
    await jobsIdentical("png", 12); // > 8 (one batch), so --jobs 2 does start two workers
    subset = `${await pngFonts()} of 5 cards on the font subset`;
    await pngMemory();
  }
  await shardsPartition();
  await resume();
  await failures();
  await graphql();
  console.log(`cards-batch: jobs 1 = jobs 2 (svg${hasResvg ? ", png" : ""}), png fonts (${subset}) and memory, shards, resume, failures, graphql ok`);
} finally {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
