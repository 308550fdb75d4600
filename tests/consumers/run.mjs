#!/usr/bin/env node
// The package as users get it: `npm pack pkg`, then fresh consumer projects under a temporary
// folder, each made of the snippets of the README ("Install and use") and docs/*.md (docs/modules.md:
// the capability modules; tests/consumers/snippets.mjs), with the tarball installed by `npm i`. Node
// projects must print the seed numbers (49.7 and 26.3), also on the oldest Node that package.json's
// `engines.node` admits; TypeScript projects must compile (and misuse must not); pages (Vite, webpack,
// esbuild, import map, custom elements, impactkit/progress with Vite, impactkit/badges imported on a
// click) are served on 127.0.0.1 and must show the numbers in headless Chromium with no console error.
// Prints `consumers: N passed, N failed`. Bundlers come from the repo's node_modules (lockfile-pinned).
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { docSnippets, makeProject, packTarball, root, sh } from "./project.mjs";
import { nodeBinary } from "./old-node.mjs";
import { checkPages } from "./pages.mjs";

const SEED = ["49.7", "26.3"];
const counts = { passed: 0, failed: 0 };

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    counts.passed += 1;
    console.log(`ok: ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    counts.failed += 1;
    console.log(`FAILED: ${name}: ${String(error?.message ?? error).split("\n").slice(0, 12).join("\n  ")}`);
  }
}
function assert(ok, message) {
  if (!ok) throw new Error(message);
}

const MISUSE = `import { milestoneProgress, streak, tierProgress, type ImpactkitError } from "impactkit";
milestoneProgress({ current: "248.5", target: 500 });
milestoneProgress({ current: 1, target: 2 }).percent;
const code: ImpactkitError["code"] = "not_a_code";
streak({ activity: [], period: "fortnight", now: "2025-01-01T00:00:00Z" });
tierProgress();
export { code };
`;
/** A function of another module, imported from impactkit/progress: must not type-check (line 1). */
const MISUSE_PROGRESS = `import { badgePreview } from "impactkit/progress";
export { badgePreview };
`;
/** The exports of impactkit/progress (docs/modules.md), the same in every runtime. */
const PROGRESS_EXPORTS = "campaignProgress,default,initSync,milestoneProgress,tierProgress,version,wasmMemoryBytes";

/** Misuse must not type-check: tsc fails with an error on each of `lines` (default 2–6) of misuse.ts. */
function checkMisuse(dir, lines = [2, 3, 4, 5, 6]) {
  const r = spawnSync(join(root, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "."], { cwd: dir, encoding: "utf8" });
  assert(r.status !== 0, "misuse.ts type-checked");
  for (const line of lines) assert(new RegExp(`misuse\\.ts\\(${line},`).test(r.stdout), `no error on misuse.ts line ${line}:\n${r.stdout}`);
}

/** impactkit/progress in Node (docs/modules.md): ESM, CommonJS and TypeScript, alone in the package. */
async function checkProgressModule(project, made, printsSeed) {
  await project("progress-esm", printsSeed);
  await project("progress-cjs", printsSeed);
  await project("progress-ts", async (p) => {
    assert(p.out.includes("49.7 251.5"), p.out);
    await writeFile(join(p.dir, "misuse.ts"), MISUSE_PROGRESS);
    checkMisuse(p.dir, [1]);
  });
  await check("impactkit/progress has only its functions and runs without the other modules' .wasm (import, require)", () => {
    const dir = made["progress-esm"]?.dir;
    assert(dir, "progress-esm was not made");
    const installed = join(dir, "node_modules", "impactkit");
    for (const file of readdirSync(installed)) if (file.endsWith("_bg.wasm") && file !== "progress_bg.wasm") rmSync(join(installed, file));
    const esm = sh(`node -e 'import("impactkit/progress").then((m) => console.log(Object.keys(m).sort().join()))'`, dir).trim();
    const cjs = sh(`node -e 'console.log(Object.keys(require("impactkit/progress")).filter((k) => k !== "__esModule").sort().join())'`, dir).trim();
    assert(esm === PROGRESS_EXPORTS && cjs === PROGRESS_EXPORTS, `import: ${esm}\nrequire: ${cjs}`);
    printsSeed({ out: sh("node index.mjs", dir) });
  });
}

/** A page that fetches one .wasm: module `name`'s. */
const onlyWasmOf = (name) => (page, urls) => {
  const wasm = urls.filter((u) => new URL(u).pathname.endsWith(".wasm"));
  assert(wasm.length === 1 && new RegExp(`/${name}_bg[^/]*\\.wasm$`).test(wasm[0]), `.wasm fetched: ${wasm.join(", ") || "none"}`);
};
const onlyProgressWasm = onlyWasmOf("progress");

/** The lazy page fetches nothing of impactkit/badges until the button is clicked, then shows its answer. */
async function badgesOnClick(page, urls) {
  const badges = () => urls.filter((u) => /badges/.test(new URL(u).pathname));
  onlyProgressWasm(page, urls);
  assert(badges().length === 0, `fetched before the click: ${badges().join(", ")}`);
  await page.click("#show-badges");
  await page.waitForFunction(() => document.querySelector("#badges")?.textContent === "10 badges to earn", null, { timeout: 20_000 });
  assert(badges().some((u) => /\/badges_bg[^/]*\.wasm$/.test(u)), `after the click: ${badges().join(", ")}`);
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), "impactkit-consumers-"));
  const snippets = await docSnippets();
  const manifest = JSON.parse(await readFile(join(root, "pkg", "package.json"), "utf8"));
  const tarball = packTarball(work);
  console.log(`consumers: ${tarball} in ${work}`);
  const made = {};
  const project = async (name, fn) => check(name, async () => { made[name] = await makeProject(work, snippets, name, tarball); await fn?.(made[name]); });
  const printsSeed = ({ out }) => assert(SEED.every((n) => out.includes(n)), `output lacks ${SEED}:\n${out}`);

  await project("node-esm", printsSeed);
  await project("node-esm-init", printsSeed);
  await project("node-cjs", printsSeed);
  await project("ts-nodenext", async (p) => { printsSeed(p); await writeFile(join(p.dir, "misuse.ts"), MISUSE); checkMisuse(p.dir); });
  await project("ts-bundler", async (p) => { await writeFile(join(p.dir, "misuse.ts"), MISUSE); checkMisuse(p.dir); });
  const png = `import { impactCardPng } from "impactkit";
impactCardPng({ profile: { totalCo2Saved: 248.5, totalOrders: 15 }, size: "og", scale: 0.5 })
  .then((b) => console.log("png", b.constructor.name, b.length, new DataView(b.buffer, b.byteOffset).getUint32(16)),
    (e) => console.log(e.code, e.path, e.message));`;
  await check("impactCardPng in Node without @resvg/resvg-js rejects with code unsupported", async () => {
    await writeFile(join(made["node-esm"].dir, "png.mjs"), png);
    const out = sh("node png.mjs", made["node-esm"].dir);
    assert(/^unsupported \$ .*npm i @resvg\/resvg-js/.test(out), out);
  });
  await check("impactCardPng in Node with @resvg/resvg-js gives PNG bytes at the scaled width", async () => {
    const dir = made["node-esm"].dir;
    await mkdir(join(dir, "node_modules", "@resvg"), { recursive: true });
    sh(`ln -s ${JSON.stringify(join(root, "node_modules", "@resvg", "resvg-js"))} node_modules/@resvg/resvg-js`, dir);
    for (const pkg of ["resvg-js-linux-x64-gnu", "resvg-js-linux-x64-musl"]) {
      const from = join(root, "node_modules", "@resvg", pkg);
      if (existsSync(from)) sh(`ln -s ${JSON.stringify(from)} node_modules/@resvg/${pkg}`, dir);
    }
    const out = sh("node png.mjs", dir);
    assert(/^png Uint8Array \d{4,} 600$/m.test(out), out);
  });
  const oldNode = await nodeBinary(manifest.engines.node.replace(/^>=/, ""), join(root, "target", "node-versions"));
  for (const name of ["node-esm", "node-cjs"]) {
    await check(`${name} on Node ${oldNode.version} (engines.node ${manifest.engines.node})`, () => {
      let out = "";
      for (const line of snippets.runs.get(name)) if (/^node /.test(line)) out += sh(line.replace(/^node /, `${JSON.stringify(oldNode.path)} `), made[name].dir);
      printsSeed({ out });
    });
  }
  // The floor is real: the last Node 16 cannot compile the module (externref needs V8 ≥ 9.6).
  await check("below engines.node: Node 16.20.2 refuses the module (externref)", async () => {
    const node16 = await nodeBinary("16.20.2", join(root, "target", "node-versions"));
    const r = spawnSync(node16.path, ["index.mjs"], { cwd: made["node-esm"].dir, encoding: "utf8" });
    assert(r.status !== 0 && /externref/.test(r.stderr), `Node 16 exited ${r.status}: ${r.stdout}${r.stderr}`);
  });
  await checkProgressModule(project, made, printsSeed);
  await project("sessions-esm", (p) => assert(p.out.includes("badge_first_green | 9 more orders with over 50 % recycled content\n1"), p.out));
  for (const name of ["vite", "webpack", "esbuild", "importmap", "elements", "bars-vite", "progress-vite", "lazy-vite"]) await project(name);
  await checkPages(check, assert, [
    { name: "vite", dir: made.vite && join(made.vite.dir, "dist"), expect: SEED },
    { name: "webpack", dir: made.webpack && join(made.webpack.dir, "dist"), expect: SEED },
    { name: "esbuild", dir: made.esbuild && join(made.esbuild.dir, "dist"), expect: SEED },
    { name: "importmap", dir: made.importmap?.dir, expect: SEED },
    { name: "elements", dir: made.elements?.dir, expect: ["49.7"] },
    { name: "bars-vite (impactkit/bars, the first widget)", dir: made["bars-vite"] && join(made["bars-vite"].dir, "dist"), expect: SEED, after: onlyWasmOf("bars") },
    { name: "progress-vite (impactkit/progress)", dir: made["progress-vite"] && join(made["progress-vite"].dir, "dist"), expect: SEED, after: onlyProgressWasm },
    { name: "lazy-vite (impactkit/badges on click)", dir: made["lazy-vite"] && join(made["lazy-vite"].dir, "dist"), expect: ["49.7"], after: badgesOnClick },
  ]);
  if (!counts.failed && !process.env.KEEP) await rm(work, { recursive: true, force: true });
}

try {
  await main();
} catch (error) {
  counts.failed += 1;
  console.log(`FAILED: consumers setup: ${error?.stack ?? error}`);
}
console.log(`consumers: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed ? 1 : 0);
