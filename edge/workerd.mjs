// Runs the edge Worker in workerd (npm `workerd`, pinned in package.json): writes a Cap'n Proto config into a
// temp dir (modules embedded from edge/, pkg/ and node_modules/), encodes it once as a binary config (`workerd
// compile --config-only`: the deploy step; parsing 4 MB of text-config embeds at every start cost ~40 ms), starts
// `workerd serve --binary` on 127.0.0.1 and waits for the first answer. Used by `make edge`, tests/edge.e2e.mjs and tests/bench/edge.mjs.
//
//   node edge/workerd.mjs [--port N] [--backend-port N]   (starts the demo backend too; prints the URL)
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const at = (p) => join(root, p);
const WORKERD = at("node_modules/.bin/workerd");

/** The Worker's modules: name as imported → [kind, file]. The same names resolve under wrangler. */
export const MODULES = [
  ["worker.mjs", "esModule", "edge/worker.mjs"],
  ["backend.mjs", "esModule", "edge/backend.mjs"],
  ["progress.mjs", "esModule", "edge/progress.mjs"],
  ["png.mjs", "esModule", "edge/png.mjs"],
  ["renderer.mjs", "esModule", "edge/renderer.mjs"],
  ["fonts/LiberationSans-Regular.ttf", "data", "edge/fonts/LiberationSans-Regular.ttf"],
  ["fonts/LiberationSans-Bold.ttf", "data", "edge/fonts/LiberationSans-Bold.ttf"],
  ["fonts/DejaVuSans.ttf", "data", "edge/fonts/DejaVuSans.ttf"],
  ["fonts/DejaVuSans-Bold.ttf", "data", "edge/fonts/DejaVuSans-Bold.ttf"],
  ["impactkit", "esModule", "pkg/impactkit.js"],
  ["impactkit/impactkit_bg.wasm", "wasm", "pkg/impactkit_bg.wasm"],
  ["@resvg/resvg-wasm", "esModule", "node_modules/@resvg/resvg-wasm/index.mjs"],
  ["@resvg/resvg-wasm/index_bg.wasm", "wasm", "node_modules/@resvg/resvg-wasm/index_bg.wasm"],
];

const str = (s) => JSON.stringify(String(s)); // a Cap'n Proto text literal

/**
 * The workerd config. `bindings`: text bindings (BACKEND_URL, BACKEND_AUTH, …); `mockBackend`: a module
 * file for a second Worker bound as BACKEND (the bench's in-process backend); `cache`: back `caches.default`
 * with edge/local-cache.mjs (else the Cache API stores nothing, every request renders).
 */
export function config({ dir, port, bindings, mockBackend, cache = true }) {
  const embed = (file) => `embed ${str(relative(dir, file))}`; // embeds are relative to the config file
  const modules = MODULES.map(([name, kind, file]) => `(name = ${str(name)}, ${kind} = ${embed(at(file))})`);
  const textBindings = Object.entries(bindings).filter(([, v]) => v != null)
    .map(([name, v]) => `(name = ${str(name)}, text = ${str(v)})`);
  if (mockBackend) textBindings.push(`(name = "BACKEND", service = "backend")`);
  const services = [`(name = "edge", worker = .edge)`];
  let extra = "";
  if (cache) {
    services.push(`(name = "cache", worker = .cache)`);
    extra += `const cache :Workerd.Worker = (modules = [(name = "local-cache.mjs", esModule = ${embed(at("edge/local-cache.mjs"))})], ` +
      `compatibilityDate = "2025-09-01");\n`;
  }
  if (mockBackend) {
    services.push(`(name = "backend", worker = .backend)`);
    extra += `const backend :Workerd.Worker = (modules = [(name = "backend.mjs", esModule = ${embed(mockBackend)})], ` +
      `compatibilityDate = "2025-09-01");\n`;
  }
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [${services.join(", ")}, (name = "internet", network = (allow = ["public", "private", "local"]))],
  sockets = [(name = "http", address = ${str(`127.0.0.1:${port}`)}, http = (), service = "edge")],
);
const edge :Workerd.Worker = (
  modules = [${modules.join(",\n    ")}],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["new_module_registry"],
  bindings = [${textBindings.join(", ")}],
  globalOutbound = "internet",${cache ? `\n  cacheApiOutbound = "cache",` : ""}
);
${extra}`;
}

/** A free TCP port on 127.0.0.1 (asked from the OS, then released for workerd). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url, child, timeoutMs) {
  const start = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health-check-not-a-route`);
      await res.arrayBuffer();
      return;
    } catch {
      if (performance.now() - start > timeoutMs) throw new Error(`workerd did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}

/**
 * Starts workerd with the edge Worker. Resolves to `{url, port, coldMs, compileMs, stop()}`; `coldMs` is from
 * spawning workerd to its first HTTP answer, `compileMs` the config encoding before it (a build step, not part of
 * the start). stderr is collected (`logs()`), or echoed with `echo: true`.
 */
export async function startEdge({ port, backendUrl, backendAuth, backendAuthHeader, mockBackend, cache = true, echo = false, timeoutMs = 20_000 } = {}) {
  for (const [, , file] of MODULES) if (!existsSync(at(file))) throw new Error(`${file} is missing (run make pkg / npm ci)`);
  const dir = mkdtempSync(join(tmpdir(), "impactkit-edge-"));
  const listen = port ?? (await freePort());
  const file = join(dir, "edge.capnp");
  const bindings = { BACKEND_URL: backendUrl, BACKEND_AUTH: backendAuth, BACKEND_AUTH_HEADER: backendAuthHeader };
  writeFileSync(file, config({ dir, port: listen, bindings, mockBackend, cache }));
  const compiling = performance.now();
  const binary = join(dir, "edge.bin");
  try {
    writeFileSync(binary, execFileSync(WORKERD, ["compile", "--config-only", file, "config"], { maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] }));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`workerd compile failed: ${error.stderr ?? error.message}`);
  }
  const compileMs = performance.now() - compiling;
  const started = performance.now();
  const child = spawn(WORKERD, ["serve", "--binary", binary], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const collect = (chunk) => {
    log = (log + chunk).slice(-20_000);
    if (echo) process.stderr.write(chunk);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const url = `http://127.0.0.1:${listen}`;
  const stop = () => new Promise((resolve) => {
    const done = () => {
      rmSync(dir, { recursive: true, force: true });
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once("exit", done);
    child.kill("SIGTERM");
  });
  try {
    await waitUntilUp(url, child, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${log}`);
  }
  return { url, port: listen, coldMs: performance.now() - started, compileMs, stop, logs: () => log, pid: child.pid };
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const { start } = await import("../www/serve.mjs");
  const backend = await start(opt("--backend-port", 0));
  const backendUrl = `http://127.0.0.1:${backend.address().port}/graphql`;
  const edge = await startEdge({ port: opt("--port", 8787), backendUrl, echo: true });
  console.log(`impactkit edge (workerd): ${edge.url}/card/cust_123.png  ${edge.url}/progress/cust_123.png  (backend ${backendUrl})`);
  const quit = async () => {
    await edge.stop();
    backend.close(() => process.exit(0));
  };
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, quit);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
