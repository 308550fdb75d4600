// Serves each consumer page's folder on 127.0.0.1 (with the demo backend's /graphql and /api for the
// custom elements) and opens it in headless Debian Chromium: the page must show the expected
// numbers with no console error and no failed request; then a page's optional `after(page, urls)`
// runs (`urls`: every URL the page fetched so far, in order, kept up to date).
import { createServer } from "node:http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { chromium } from "playwright-core";
import { handleApi } from "../../www/backend/api.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css" };

/** A static server for `dir` (plus the demo backend); resolves to `{url, close}`. */
export function serve(dir) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/favicon.ico") return res.writeHead(204).end(); // the browser asks; not the package's
    const api = await handleApi(req, url, async () => "");
    if (api) return res.writeHead(api.status, api.headers).end(api.body);
    const file = normalize(join(dir, decodeURIComponent(url.pathname).replace(/\/$/, "/index.html")));
    if (!file.startsWith(dir + sep)) return res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }),
  })));
}

/** Opens every `{name, dir, expect, after?}` page; `check(name, fn)` records each result. */
export async function checkPages(check, assert, pages) {
  const userDataDir = await mkdtemp(join(tmpdir(), "impactkit-consumer-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    for (const { name, dir, expect, after } of pages) {
      await check(`${name} page in Chromium shows ${expect.join(" and ")}`, async () => {
        assert(dir, `${name} was not built`);
        const server = await serve(dir);
        const page = await context.newPage();
        const problems = [];
        const urls = [];
        page.on("request", (r) => urls.push(r.url()));
        page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
        page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
        page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
        page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
        try {
          await page.goto(server.url);
          await page.waitForFunction((want) => {
            const text = [document.body.innerText, ...[...document.querySelectorAll("*")].map((e) => e.shadowRoot?.textContent ?? "")].join(" ");
            return want.every((n) => text.includes(n));
          }, expect, { timeout: 20_000 }).catch(async () => {
            throw new Error(`page text: ${(await page.evaluate(() => document.body.innerText)).slice(0, 300)}\n${problems.join("\n")}`);
          });
          assert(problems.length === 0, problems.join("\n"));
          await after?.(page, urls);
          assert(problems.length === 0, problems.join("\n"));
        } finally {
          await page.close();
          await server.close();
        }
      });
    }
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
