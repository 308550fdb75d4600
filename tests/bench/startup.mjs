// Start-up of the web build in headless Chromium (Debian's, via playwright-core): module fetch +
// compile + instantiate, each in a fresh browser context (cold HTTP cache), against fetching and
// parsing a JSON document of the same size from the same server.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pkg = join(root, "pkg");

const page = `<!doctype html><meta charset="utf-8"><script type="module">
const t0 = performance.now();
const mod = await import("/pkg/impactkit.js");
const t1 = performance.now();
await mod.default();
const t2 = performance.now();
const data = await (await fetch("/same-size.json")).json();
const t3 = performance.now();
window.result = { glue: t1 - t0, init: t2 - t1, json: t3 - t2, ok: typeof mod.milestoneProgress === "function" && Array.isArray(data) };
</script>`;

function serve() {
  const wasmSize = readFileSync(join(pkg, "impactkit_bg.wasm")).length;
  const sameSize = JSON.stringify(Array.from({ length: Math.ceil(wasmSize / 24) }, (_, i) => ({ id: i, v: i * 0.5 })));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x").pathname;
    if (url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(page);
    if (url === "/same-size.json") return res.writeHead(200, { "content-type": "application/json" }).end(sameSize);
    const file = normalize(join(pkg, url.replace(/^\/pkg\//, "")));
    if (!url.startsWith("/pkg/") || !file.startsWith(pkg + sep)) return res.writeHead(404).end();
    try {
      const type = file.endsWith(".wasm") ? "application/wasm" : "text/javascript";
      res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};

/** Runs `runs` cold starts; returns {glue, init, json} stats in ms. */
export async function startup(runs = 15) {
  const { chromium } = await import("playwright-core");
  const server = await serve();
  // playwright gives every launch a fresh, empty profile of its own.
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    timeout: 30_000,
  });
  try {
    const url = `http://127.0.0.1:${server.address().port}/`;
    const glue = [];
    const init = [];
    const json = [];
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(url, { timeout: 15_000 });
      const result = await tab.waitForFunction(() => window.result, null, { timeout: 15_000 }).then((h) => h.jsonValue());
      await context.close();
      if (!result.ok) throw new Error("the module did not load");
      if (i > 0) { glue.push(result.glue); init.push(result.init); json.push(result.json); } // run 0 warms the browser
    }
    return { glue: stats(glue), init: stats(init), json: stats(json) };
  } finally {
    await browser.close();
    server.close();
  }
}
