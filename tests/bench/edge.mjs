// The edge image Worker in workerd (needs a built pkg/): warm GET /card/….svg p50, PNG p50 against resvg-wasm's
// own time for the same SVG (same wasm, same fonts, in Node), and cold start (workerd spawn → first answer) with
// the Worker's share of it: cold start − a bare workerd's start (one-line Worker), paired per run.
// The backend is mocked in-process: a second Worker in the same workerd, bound as BACKEND (no network). PNGs
// are timed rendered (a workerd without a cache store) and as Cache API hits (edge/local-cache.mjs).
// workerd freezes the clock during execution (Spectre mitigation), so times are client round trips on
// 127.0.0.1 with keep-alive; the not_found route's round trip (no backend, no render) is the HTTP floor.
// Targets (issue 21): svg p50 ≤ 2 ms, png ≤ 1.2× resvg, Worker cold start ≤ 50 ms.
//
//   node tests/bench/edge.mjs [--write] [--quick]   (--write puts the section into BENCHMARKS.md)
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

import { Resvg, initWasm } from "@resvg/resvg-wasm";
import { freePort, startEdge } from "../../edge/workerd.mjs";
import { handleApi } from "../../www/backend/api.mjs";
import { writeSection } from "./section.mjs";

const root = new URL("../..", import.meta.url).pathname;
const TITLE = "Edge images (workerd)";
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const [SVG_N, PNG_N, COLD_N] = quick ? [200, 10, 3] : [1000, 40, 7];

const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(2)} ms`;

/** The seed customer's GraphQL response, as the demo backend answers it. */
async function seedResponse() {
  const body = JSON.stringify({ query: "query { customerImpactProfile(customerId: \"cust_123\") { totalCo2Saved totalOrders badges { id name description icon earnedAt tier } milestones { id name target current percentage isCompleted unit } ranking { position percentile description } } }" });
  const api = await handleApi({ method: "POST", headers: {} }, new URL("http://x/graphql"), async () => body);
  return api.body;
}

async function time(url, n) {
  const times = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status >= 500) throw new Error(`${url}: HTTP ${res.status}`);
    times.push(performance.now() - t);
  }
  return times;
}

/** workerd itself: a one-line Worker, spawn → first answer (the runtime's share of the cold start), from a
 * binary config as startEdge starts the edge Worker. */
async function bareWorkerd(dir) {
  const port = await freePort();
  writeFileSync(join(dir, "hello.mjs"), "export default { fetch() { return new Response('ok'); } };");
  writeFileSync(join(dir, "bare.capnp"), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (services = [(name = "main", worker = (modules = [(name = "hello.mjs", esModule = embed "hello.mjs")], compatibilityDate = "2025-09-01"))],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")]);`);
  const workerd = join(root, "node_modules/.bin/workerd");
  writeFileSync(join(dir, "bare.bin"), execFileSync(workerd, ["compile", "--config-only", join(dir, "bare.capnp"), "config"]));
  const t = performance.now();
  const child = spawn(workerd, ["serve", "--binary", join(dir, "bare.bin")], { stdio: "ignore" });
  try {
    for (;;) {
      try {
        await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer();
        return performance.now() - t;
      } catch {
        await new Promise((r) => setTimeout(r, 2));
      }
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

async function cold(mock) {
  const edge = await startEdge({ backendUrl: "http://backend/graphql", mockBackend: mock });
  const t = performance.now();
  await (await fetch(`${edge.url}/card/cust_123.png`)).arrayBuffer();
  const firstPng = performance.now() - t;
  await edge.stop();
  return { start: edge.coldMs, firstPng };
}

async function resvgOwn(svg, n) {
  await initWasm(readFileSync(join(root, "node_modules/@resvg/resvg-wasm/index_bg.wasm")));
  const fontBuffers = ["Regular", "Bold"].map((w) => readFileSync(join(root, `edge/fonts/LiberationSans-${w}.ttf`)));
  const font = { loadSystemFonts: false, defaultFontFamily: "Liberation Sans", sansSerifFamily: "Liberation Sans", fontBuffers };
  const render = () => new Resvg(svg, { fitTo: { mode: "original" }, font }).render().asPng();
  for (let i = 0; i < 3; i += 1) render();
  const times = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    render();
    times.push(performance.now() - t);
  }
  return times;
}

async function measure(dir) {
  const mock = join(dir, "mock-backend.mjs");
  writeFileSync(mock, `const body = ${JSON.stringify(await seedResponse())};
export default { fetch() { return new Response(body, { headers: { "content-type": "application/json" } }); } };`);
  const colds = [];
  const bare = [];
  for (let i = 0; i < COLD_N; i += 1) {
    colds.push(await cold(mock));
    bare.push(await bareWorkerd(dir));
  }
  const cached = await startEdge({ backendUrl: "http://backend/graphql", mockBackend: mock });
  const render = await startEdge({ backendUrl: "http://backend/graphql", mockBackend: mock, cache: false });
  try {
    const path = "/card/cust_123.svg";
    await time(cached.url + path, 50);
    await time(render.url + path, 50);
    const floor = p50(await time(`${cached.url}/not-a-route`, SVG_N));
    const svg = p50(await time(cached.url + path, SVG_N));
    await time(`${cached.url}/card/cust_123.png`, 3);
    const pngHit = p50(await time(`${cached.url}/card/cust_123.png`, SVG_N / 4));
    await time(`${render.url}/card/cust_123.png`, 3);
    const png = p50(await time(`${render.url}/card/cust_123.png`, PNG_N));
    const svgText = await (await fetch(render.url + path)).text();
    const own = p50(await resvgOwn(svgText, PNG_N));
    return {
      floor, svg, pngHit, png, own, coldStart: p50(colds.map((c) => c.start)), firstPng: p50(colds.map((c) => c.firstPng)), bare: p50(bare),
      worker: p50(colds.map((c, i) => c.start - bare[i])),
    };
  } finally {
    await cached.stop();
    await render.stop();
  }
}

function section(r, load) {
  const rows = [
    ["warm `GET /card/cust_123.svg` (og: backend call, ETag, render), p50 round trip", ms(r.svg), `${ms(r.svg - r.floor)} above the HTTP floor`, "≤ 2 ms"],
    ["warm `GET /card/cust_123.png`, Cache API hit, p50 round trip", ms(r.pngHit), "", ""],
    ["HTTP floor: `GET /not-a-route` (404 JSON, no backend, no render), p50", ms(r.floor), "", ""],
    ["warm `GET /card/cust_123.png` (og, 1200×630), rendered every time, p50", ms(r.png), `${(r.png / r.own).toFixed(2)}× resvg`, "≤ 1.2× resvg"],
    ["resvg-wasm 2.6.2 in Node, same SVG and fonts, p50", ms(r.own), "", ""],
    ["Worker startup cost: cold start − bare workerd, paired per run, p50", ms(r.worker), "the edge Worker's own share", "≤ 50 ms"],
    ["cold start: spawn workerd with the edge Worker → first answer, p50", ms(r.coldStart), "", ""],
    ["bare workerd (one-line Worker): spawn → first answer, p50", ms(r.bare), "", ""],
    ["first PNG after start (resvg-wasm and fonts loaded on this request), p50", ms(r.firstPng), "", ""],
  ];
  return `## ${TITLE}\n\n` +
    `Written by \`node tests/bench/edge.mjs --write\` (${new Date().toISOString().slice(0, 10)}), Node ${process.version}, ` +
    `workerd ${JSON.parse(readFileSync(join(root, "node_modules/workerd/package.json"), "utf8")).version}, load average ${load} at the start. ` +
    `Backend mocked by a second Worker in the same workerd (service binding); SVGs always render (no cache: cheaper than a ` +
    `lookup); "Cache API hit" uses edge/local-cache.mjs behind \`caches.default\` (the ETag still needs the backend call), ` +
    `"rendered every time" a workerd without a cache store. Client round trips on 127.0.0.1 (workerd freezes its clock while JS runs). ` +
    `Both workerds start from a binary config (\`workerd compile --config-only\`, done before the clock starts). ` +
    `Targets (issue 21): svg p50 ≤ 2 ms, png ≤ 1.2× resvg's own time, the Worker's cold start ≤ 50 ms.\n\n` +
    `| what | time | note | target |\n|---|---|---|---|\n${rows.map((c) => `| ${c.join(" | ")} |`).join("\n")}\n`;
}

const load = loadavg()[0].toFixed(1);
const dir = mkdtempSync(join(tmpdir(), "impactkit-edge-bench-"));
try {
  const text = section(await measure(dir), load);
  console.log(text);
  if (argv.includes("--write")) await writeSection(TITLE, text);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
