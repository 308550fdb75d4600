#!/usr/bin/env node
// The first widget as a storefront ships it: docs/modules.md's "bars-vite" page (one milestone and
// one tier bar with impactkit/bars) and the same page with impactkit/progress ("progress-vite"),
// each built by Vite for production from the packed tarball,
// served on 127.0.0.1 and opened in headless Chromium (Debian's, via playwright-core). Counts every
// response the page fetched until it shows the numbers and the network is idle: raw, gzip -9 and
// brotli bytes per file, and the total of JS + wasm (issue 16: ≤ 20 KB gzip, stretch 10 KB).
// Both pages are the same but for the import; the target applies to the first (the module a first widget uses).
// Writes its section into BENCHMARKS.md (replacing an earlier one; `make bench` runs it after run.mjs).
// Usage: node tests/bench/first-widget.mjs   (needs `make pkg`)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { docSnippets, makeProject, packTarball, root } from "../consumers/project.mjs";
import { serve } from "../consumers/pages.mjs";
import { writeSection } from "./section.mjs";

const TARGET = 20_000;
const STRETCH = 10_000;
const TITLE = "First widget: bytes a page fetches (headless Chromium)";

/** The pages measured: [snippet project, module]. */
const PAGES = [["bars-vite", "impactkit/bars"], ["progress-vite", "impactkit/progress"]];

/** Builds page `project`; resolves to its dist folder (inside `work`). */
async function buildPage(work, snippets, tarball, project) {
  const made = await makeProject(work, snippets, project, tarball);
  return join(made.dir, "dist");
}

/** Opens the page once; resolves to `[{path, kind, raw, gzip, brotli}]`, one per response, in order. */
async function fetched(dist) {
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"], timeout: 30_000 });
  try {
    const page = await (await browser.newContext()).newPage();
    const bodies = [];
    page.on("response", (r) => bodies.push(r.body().then((body) => [r, body], () => [r, Buffer.alloc(0)])));
    await page.goto(server.url, { waitUntil: "networkidle" });
    await page.waitForFunction(() => ["49.7", "26.3"].every((n) => document.body.innerText.includes(n)), null, { timeout: 20_000 });
    return (await Promise.all(bodies)).map(([r, body]) => {
      const path = new URL(r.url()).pathname;
      const kind = /\.wasm$/.test(path) ? "wasm" : /\.m?js$/.test(path) ? "JS" : (r.headers()["content-type"] ?? "").split(";")[0];
      return { path, kind, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli: brotliCompressSync(body).length };
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** One page's table and total: `[markdown, JS + wasm gzip]`. */
function pageTable(project, module, files) {
  const code = files.filter((f) => f.kind === "JS" || f.kind === "wasm");
  const sum = (key) => code.reduce((n, f) => n + f[key], 0);
  const rows = files.map((f) => `| \`${f.path}\` | ${f.kind} | ${f.raw.toLocaleString("en")} | ${f.gzip.toLocaleString("en")} | ${f.brotli.toLocaleString("en")} |`);
  return [`### ${project} (\`${module}\`)\n\n| file | kind | raw | gzip -9 | brotli |\n|---|---|---|---|---|\n${rows.join("\n")}\n` +
    `| **JS + wasm** | | **${sum("raw").toLocaleString("en")}** | **${sum("gzip").toLocaleString("en")}** | **${sum("brotli").toLocaleString("en")}** |\n`, sum("gzip")];
}

/** The BENCHMARKS.md section for the pages measured (`[[project, module, files]]`, the first one judged). */
function section(pages) {
  const tables = pages.map(([project, module, files]) => pageTable(project, module, files));
  const first = tables[0][1];
  const verdict = first <= STRETCH ? "meets the stretch target" : first <= TARGET ? "meets the target" : `${(first - TARGET).toLocaleString("en")} B over the target`;
  return `## ${TITLE}\n\n` +
    `docs/modules.md's first-widget page (one milestone and one tier bar with \`impactkit/bars\`) and the same page with \`impactkit/progress\`, each built by Vite for production from the packed tarball (\`tests/bench/first-widget.mjs\`), loaded once in headless Chromium: every response until the numbers show and the network is idle, compressed here with gzip -9 and brotli. Target (issue 16): JS + wasm ≤ ${TARGET.toLocaleString("en")} B gzip (stretch ${STRETCH.toLocaleString("en")} B).\n\n` +
    tables.map(([text]) => text).join("\n") +
    `\nFirst widget (\`impactkit/bars\`), JS + wasm: ${first.toLocaleString("en")} B gzip — ${verdict}; with \`impactkit/progress\`: ${tables[1][1].toLocaleString("en")} B.\n`;
}

const work = await mkdtemp(join(tmpdir(), "impactkit-first-widget-"));
try {
  const [snippets, tarball] = [await docSnippets(), packTarball(work)];
  const pages = [];
  for (const [project, module] of PAGES) pages.push([project, module, await fetched(await buildPage(work, snippets, tarball, project))]);
  const text = section(pages);
  await writeSection(TITLE, text);
  console.log(text.split("\n").filter((l) => l.startsWith("|") || l.startsWith("#") || l.startsWith("First widget")).join("\n"));
  console.log("first widget: wrote BENCHMARKS.md");
} finally {
  await rm(work, { recursive: true, force: true });
}
