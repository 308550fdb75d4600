#!/usr/bin/env node
// Assembles the one npm package at pkg/ from wasm-bindgen's web output (written by `make pkg`) and
// pkg-templates/. Usage: node pkg-templates/generate.mjs [MODULE...] [--raw MODULE...] (the Makefile's
// MODULES, then those of them built without wasm-bindgen: crates/impactkit-raw, whose entry is
// pkg-templates/entries/raw.js with the module's functions from src/api.rs and whose types are the
// full entry's, kept to the module's functions).
// Entries: `impactkit` (every function; glue in target/bindgen/web) and one capability module per
// argument (`impactkit/<module>`; glue in target/bindgen/<module>). Each entry gets, from the same
// templates (pkg-templates/entries/): the browser / bundler / worker entry (<name>.js: glue and its
// inline snippet bundled into one module), the Node entries (node.mjs and its CommonJS bundle node.cjs
// for `impactkit`, <module>.node.mjs / .node.cjs for a module, both instantiated on import) and their
// types (the Node ones need no DOM lib). Then the custom elements, the card CLI, README, LICENSE and
// package.json, whose `exports` / `files` / `sideEffects` for each module mirror the full entry's.
// Prints the size of what ships.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, buildSync } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const templates = join(root, "pkg-templates");
const entriesDir = join(templates, "entries");
const out = join(root, "pkg");
/** The oldest Node release the package supports; tests/consumers.mjs runs the Node consumers on it. */
const NODE_MIN = "18.0.0";
/** The `@example` of `init()` in each entry's types: the first of these functions the entry exports. */
const EXAMPLES = {
  milestoneProgress: "milestoneProgress({ current: 248.5, target: 500 }).percentage; // → 49.7",
  readImpactProfile: "readImpactProfile({ data: { customerImpactProfile: { totalOrders: 15 } } }).totalOrders; // → 15",
  badgePreview: 'badgePreview({ orders: [], now: "2025-06-15T12:00:00Z" }).locked.length; // → 10',
  streak: 'streak({ activity: [{ date: "2025-03-07" }], period: "day", now: "2025-03-07T12:00:00Z" }).current; // → 1',
  impactCard: 'impactCard({ profile: { totalCo2Saved: 248.5, totalOrders: 15 } }); // → "<svg …"',
};

const read = (...parts) => readFileSync(join(...parts), "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(read(root, "Cargo.toml"))?.[1];
if (!version) throw new Error("no version in Cargo.toml");

/** The functions src/api.rs's table gives capability module `name`. */
const apiFunctions = (name) =>
  [...read(root, "src", "api.rs").matchAll(/^\s*\("(\w+)", \w+, "(\w+)",/gm)].filter((m) => m[2] === name).map((m) => m[1]);

/** The declarations of `api` (wasm-bindgen's .d.ts of the full entry) without the functions and classes not in `keep`. */
function keepDeclarations(api, keep) {
  const first = api.search(/^\/\*\*\n(?: \*.*\n)* \*\/\nexport (?:function|class) /m);
  if (first < 0) throw new Error("no function declarations in the full entry's .d.ts");
  const blocks = api.slice(first).trimEnd().split("\n\n");
  const kept = blocks.filter((block) => keep.has(/^export (?:function|class) (\w+)/m.exec(block)?.[1]));
  return api.slice(0, first) + kept.join("\n\n") + "\n";
}

/**
 * The declarations of a module outside src/api.rs's table (pkg-templates/<name>.json, e.g. bars.json):
 * each function's JSDoc from that file and its input typed without the fields the module refuses.
 */
function subsetDeclarations(name, api, exported) {
  const { functions } = JSON.parse(read(templates, `${name}.json`));
  const missing = exported.filter((f) => !functions[f]);
  if (missing.length) throw new Error(`pkg-templates/${name}.json describes no ${missing.join(", ")}`);
  for (const [fn, { refuses, doc }] of Object.entries(functions)) {
    const block = new RegExp(`/\\*\\*\\n(?: \\*.*\\n)* \\*/\\nexport function ${fn}\\(input: (\\w+) \\|`);
    const found = block.exec(api);
    if (!found) throw new Error(`no declaration of ${fn}(input: Type | …) for pkg-templates/${name}.json`);
    const without = refuses.map((f) => JSON.stringify(f)).join(" | ");
    api = api.replace(block, `/**\n${doc.map((l) => ` *${l}`).join("\n")}\n */\nexport function ${fn}(input: Without<${found[1]}, ${without}> |`);
  }
  const helper = "/** `T` (each member of a union on its own) without the fields `K`, which this module refuses. */\n" +
    "export type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> & { [P in K]?: never } : never;\n\n";
  const first = api.search(/^\/\*\*\n(?: \*.*\n)* \*\/\nexport (?:function|class) /m);
  return api.slice(0, first) + helper + api.slice(first);
}

/**
 * A module built without wasm-bindgen (crates/impactkit-raw): its functions and the full entry's types
 * of them. The functions are those its .wasm exports; for a module of src/api.rs's table they must be
 * exactly the table's (no function the module cannot be called for is linked in), a module outside
 * it (`impactkit/bars`, whose functions are src/bars.rs's) exports some of the full entry's.
 */
function rawEntry(name, full) {
  const wasm = new WebAssembly.Module(readFileSync(join(out, `${name}_bg.wasm`)));
  const exports = WebAssembly.Module.exports(wasm).map((x) => x.name);
  const exported = exports.filter((f) => full.functions.includes(f));
  const table = apiFunctions(name);
  const differ = table.length ? [...exported.filter((f) => !table.includes(f)), ...table.filter((f) => !exported.includes(f))] : [];
  if (differ.length || !exported.length) {
    throw new Error(`pkg/${name}_bg.wasm exports ${exported.join(", ") || "no function"}; src/api.rs gives ${name} ${table.join(", ") || "none"} (crates/impactkit-raw)`);
  }
  const zones = WebAssembly.Module.imports(wasm).some((x) => x.module === "impactkit");
  // A module that exports `__cardForPng` gets `impactCardPng` in its glue (rasterised by the host).
  const png = exports.includes("__cardForPng");
  let api = keepDeclarations(full.api, new Set([...exported, ...(png ? ["impactCardPng"] : []), "version", "wasmMemoryBytes"]));
  if (!table.length) api = subsetDeclarations(name, api, exported);
  const functions = [...api.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
  return { name, full: false, raw: true, zones, api, functions, png, specifier: `impactkit/${name}`, node: `${name}.node` };
}

/** An entry of the package: `impactkit` (the full build, subpath ".") or a capability module. */
function entry(name) {
  const full = name === "impactkit";
  const bindgen = join(root, "target", "bindgen", full ? "web" : name);
  if (!existsSync(join(bindgen, `${name}.js`))) throw new Error(`missing ${bindgen}/${name}.js: run wasm-bindgen first`);
  const dts = read(bindgen, `${name}.d.ts`);
  const cut = dts.indexOf("export type InitInput");
  if (cut < 0) throw new Error(`wasm-bindgen's ${name}.d.ts has no InitInput section`);
  const api = dts.slice(0, cut).trimEnd() + "\n";
  const functions = [...api.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
  const png = /^export function __cardForPng\b/m.test(read(bindgen, `${name}.js`));
  return { name, full, bindgen, api, functions, png, specifier: full ? "impactkit" : `impactkit/${name}`, node: full ? "node" : `${name}.node` };
}

/** The full entry's file name (or `./path`) as entry `e`'s: impactkit.js → progress.js, node.cjs → progress.node.cjs. */
const fileOf = (e, file) =>
  file.replace(/^(\.\/)?impactkit(?=[._])/, `$1${e.name}`).replace(/^(\.\/)?node\./, `$1${e.node}.`);

/** The limit on JSON text (src/limits.rs), which the raw entries check before converting a string. */
const MAX_INPUT_BYTES = /^pub const MAX_INPUT_BYTES: usize = ([\d *]+);/m.exec(read(root, "src", "limits.rs"))?.[1];

/** The inline JS of src/wasm/<file> (its `inline_js = r#"…"#`), which must define `fn`, without `export`s. */
function inlineScript(file, fn) {
  const script = /inline_js = r#"([\s\S]*?)"#/.exec(read(root, "src", "wasm", file))?.[1];
  if (!script?.includes(`function ${fn}(`)) throw new Error(`no ${fn} in src/wasm/${file}'s inline JS`);
  return script.trim().replace(/^export /gm, "");
}

/** src/card/png.rs's NO_RASTERISER message as a JS string literal (Rust's line continuations and escapes read). */
function noRasteriserMessage() {
  const message = /pub const NO_RASTERISER: &str =\s*"([\s\S]*?)";/.exec(read(root, "src", "card", "png.rs"))?.[1];
  if (!message) throw new Error("no NO_RASTERISER in src/card/png.rs");
  return JSON.stringify(message.replace(/\\\n\s*/g, "").replace(/\\(["\\])/g, "$1"));
}

/**
 * `template` (pkg-templates/entries/`file`) with its `//#if NAME` … `//#endif` blocks kept where
 * `flags[NAME]` is true and `//#if !NAME` blocks where it is false, the others dropped; every flag
 * must have a block.
 */
function conditional(template, file, flags) {
  for (const name of Object.keys(flags)) {
    if (!template.includes(`//#if ${name}\n`)) throw new Error(`entries/${file} has no //#if ${name} block`);
  }
  return template.replace(/^\/\/#if (!?)(\w+)\n([\s\S]*?)^\/\/#endif\n/gm, (_, not, name, body) => {
    if (!(name in flags)) throw new Error(`entries/${file}: //#if ${name} has no flag`);
    return Boolean(flags[name]) !== Boolean(not) ? body : "";
  });
}

/** A raw entry's glue: pkg-templates/entries/raw.js with one export per function of the module. */
function rawGlue(e) {
  const own = e.functions.filter((f) => f !== "version" && f !== "wasmMemoryBytes" && f !== "impactCardPng");
  if (!MAX_INPUT_BYTES) throw new Error("no MAX_INPUT_BYTES in src/limits.rs");
  let glue = conditional(read(entriesDir, "raw.js"), "raw.js", { zones: e.zones, png: e.png });
  if (e.zones) glue = glue.replace("\n@INTL_ZONES@\n", `\n${inlineScript("intl_tz.rs", "intlOffset")}\n`);
  else if (/@INTL_ZONES@|zoneIds|intlOffset/.test(glue)) throw new Error("pkg-templates/entries/raw.js: zone code left in a module without zones");
  if (e.png) glue = glue.replace("\n@RASTERISE@\n", `\n${inlineScript("card_png.rs", "rasterise")}\n`).replace("@NO_RASTERISER@", noRasteriserMessage());
  return glue.replace("\n@FUNCTIONS@\n", `\n${own.map((f) => `export const ${f} = (input) => call("${f}", input);`).join("\n")}\n`)
    .replaceAll("@VERSION@", version).replace("@MAX_INPUT_BYTES@", MAX_INPUT_BYTES).replace('"./impactkit_bg.wasm"', `"./${e.name}_bg.wasm"`);
}

/** The browser entry <name>.js: pkg-templates/entries/browser.js with the entry's wasm-bindgen glue bundled in (raw.js for a raw entry). */
function bundleBrowserEntry(e) {
  const contents = e.raw ? rawGlue(e) : read(entriesDir, "browser.js").replaceAll('"./impactkit.js"', `"./${e.name}.js"`);
  buildSync({
    stdin: { contents, resolveDir: e.raw ? entriesDir : e.bindgen, sourcefile: "entry.js", loader: "js" },
    outfile: join(out, `${e.name}.js`), bundle: true, format: "esm", platform: "neutral", target: "es2020",
    legalComments: "none", minifySyntax: true,
    // The modules exist to be small (storefront budgets count compressed bytes): their glue is minified.
    minifyWhitespace: !e.full, minifyIdentifiers: !e.full,
    // wasm-bindgen lists its inline snippet module twice in the imports object (same module): not ours to fix.
    logOverride: { "duplicate-object-key": "silent" },
    banner: { js: `// ${e.specifier} ${version} (MIT): browser, bundler and worker entry. Generated by make pkg.` },
  });
}

/** The capability modules' browser entries, which the elements import as they are (never bundled). */
const MODULE_FILES = ["progress", "profile", "badges", "streaks", "cards", "sessions", "impactkit"];
/** The widget chunks (pkg/elements/<name>.js): elements.js imports each when its widget comes on screen. */
const WIDGETS = ["impact-milestones", "impact-badges", "impact-streak", "impact-card", "impact-points"];
/** What the widget files import from the code they share, which is in pkg/elements/runtime.js. */
const SHARED = /^\.\/(base|data|dom|format|modules|styles)\.js$/;

/**
 * The custom elements, in three parts (source: pkg-templates/elements/, see elements.js):
 * - pkg/elements.js, the loader a page loads up front: the tags, the reserved boxes, the helpers;
 * - pkg/elements/<widget>.js, the rendering code of each widget, and pkg/elements/runtime.js, the code
 *   they share (module loader, data, base class, helpers), imported on demand together (one round
 *   trip): each widget file imports ./runtime.js. They never import elements.js (a CDN redirect such
 *   as unpkg's /pkg/ → /pkg@version/ would make that a second copy of it): the few helpers both use
 *   are in both, and shell.js links the chunks' classes in;
 * - pkg/elements-worker.js, the worker that runs impactkit's modules.
 * Imports of the capability modules stay dynamic imports of the files in pkg/. ignoreAnnotations: the
 * package's "sideEffects" list is for consumers; elements.js defines the elements.
 */
async function bundleElements() {
  const common = {
    bundle: true, format: "esm", platform: "browser", target: "es2022", legalComments: "none", minify: true, ignoreAnnotations: true,
    banner: { js: `// impactkit ${version} (MIT): custom elements (source: pkg-templates/elements/). Generated by make pkg.` },
  };
  buildSync({
    ...common, entryPoints: { elements: join(templates, "elements.js"), "elements-worker": join(templates, "elements", "worker.js") },
    outdir: out, external: [...MODULE_FILES.map((m) => `./${m}.js`), ...[...WIDGETS, "runtime"].map((n) => `./elements/${n}.js`)],
  });
  const modules = MODULE_FILES.map((m) => `../${m}.js`);
  buildSync({ ...common, entryPoints: [join(templates, "elements", "runtime.js")], outdir: join(out, "elements"), external: modules });
  const shared = {
    name: "shared",
    setup(b) { b.onResolve({ filter: SHARED }, () => ({ path: "./runtime.js", external: true })); },
  };
  await build({
    ...common, entryPoints: WIDGETS.map((n) => join(templates, "elements", `${n}.js`)), outdir: join(out, "elements"),
    plugins: [shared], external: modules,
  });
}

/** The Node entries: entries/node.mjs for this entry, and its CommonJS bundle (works without require(esm)). */
function buildNodeEntries(e) {
  const source = conditional(read(entriesDir, "node.mjs"), "node.mjs", { png: e.png })
    .replaceAll('"./impactkit.js"', `"./${e.name}.js"`).replaceAll('"./impactkit_bg.wasm"', `"./${e.name}_bg.wasm"`);
  writeFileSync(join(out, `${e.node}.mjs`), source);
  buildSync({
    entryPoints: [join(out, `${e.node}.mjs`)], outfile: join(out, `${e.node}.cjs`), bundle: true, format: "cjs",
    platform: "node", target: "node18", external: ["@resvg/resvg-js"], legalComments: "none", minifySyntax: true,
    logOverride: { "duplicate-object-key": "silent" },
    define: { "import.meta.url": "__impactkitUrl" },
    banner: { js: `// ${e.specifier} ${version} (MIT): Node CommonJS entry. Generated by make pkg.\nconst __impactkitUrl = require("node:url").pathToFileURL(__filename).href;` },
  });
}

/** Types: wasm-bindgen's declarations of the entry's API (up to its init section) + the init of each runtime. */
function writeTypes(e) {
  const exampleFn = Object.keys(EXAMPLES).find((fn) => e.functions.includes(fn)) ?? "version";
  const init = (file) => read(entriesDir, file).replaceAll("@ENTRY@", e.specifier).replaceAll("@WASM@", `${e.name}_bg.wasm`)
    .replaceAll("@EXAMPLE_FN@", exampleFn).replaceAll("@EXAMPLE@", EXAMPLES[exampleFn] ?? "version();");
  const from = e.full ? "" : ` (the ${e.name} module: ${e.functions.filter((f) => !f.startsWith("__")).join(", ")})`;
  const header = `// ${e.specifier} ${version} type declarations${from}. Generated by make pkg from Rust (src/api.rs) and pkg-templates/types.d.ts.\n`;
  writeFileSync(join(out, `${e.name}.d.ts`), header + e.api + "\n" + init("init-browser.d.ts"));
  const node = header + e.api + "\n" + init("init-node.d.ts");
  writeFileSync(join(out, `${e.node}.d.ts`), node);
  writeFileSync(join(out, `${e.node}.d.cts`), node);
}

/** package.json: the template's, plus for each module the full entry's exports, files and side effects renamed. */
function manifest(modules) {
  const text = read(templates, "package.json").replace("@VERSION@", version).replace("@NODE_MIN@", NODE_MIN);
  const pkg = JSON.parse(text);
  const rename = (e, value) => typeof value === "string" ? fileOf(e, value)
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(e, v)]));
  const exports = {};
  for (const [key, value] of Object.entries(pkg.exports)) {
    exports[key] = value;
    if (key === ".") for (const e of modules) exports[`./${e.name}`] = rename(e, value);
    if (key === "./impactkit_bg.wasm") for (const e of modules) exports[`./${e.name}_bg.wasm`] = `./${e.name}_bg.wasm`;
  }
  const perModule = (list) => list.flatMap((f) => [f, ...modules.map((e) => fileOf(e, f)).filter((g) => g !== f)]);
  return { ...pkg, exports, files: perModule(pkg.files), sideEffects: perModule(pkg.sideEffects) };
}

function copyStatic(modules) {
  for (const file of ["elements.d.ts", "cards-cli.mjs", "cards-worker.mjs", "cards-fonts.mjs"]) copyFileSync(join(templates, file), join(out, file));
  copyFileSync(join(root, "LICENSE"), join(out, "LICENSE"));
  writeFileSync(join(out, "README.md"), read(templates, "README.md").replaceAll("@VERSION@", version));
  writeFileSync(join(out, "package.json"), JSON.stringify(manifest(modules), null, 2) + "\n");
}

/** Every file listed in `files` exists, and nothing else is in pkg/ (the tarball is what we test). */
function checkFiles() {
  const listed = new Set(JSON.parse(read(out, "package.json")).files);
  for (const file of listed) if (!existsSync(join(out, file))) throw new Error(`pkg/package.json lists missing ${file}`);
  const extra = readdirSync(out).filter((f) => !listed.has(f) && !listed.has(`${f}/`) && f !== "package.json");
  if (extra.length) throw new Error(`pkg/ holds files the package does not list: ${extra.join(", ")}`);
}

/** `[raw, gzip -9, brotli]` bytes of a pkg/ file. */
function sizes(file) {
  const bytes = readFileSync(join(out, file));
  return [bytes.length, gzipSync(bytes, { level: 9 }).length, brotliCompressSync(bytes).length];
}

/** One row per entry: its .wasm, its browser glue and both together (what a page fetches), raw / gzip / brotli. */
function printSizes(entries) {
  const W = 34; // pkg/elements/<chunk>.js names
  const cells = (row) => "   " + row.map((n) => String(n).padStart(7)).join("");
  console.log(["", "wasm", "JS glue", "wasm + glue"].map((g, i) => i ? `   ${g.padEnd(21)}` : "".padEnd(W)).join(""));
  console.log("entry".padEnd(W) + cells(["raw", "gzip", "brotli"]).repeat(3));
  for (const e of entries) {
    const [wasm, glue] = [sizes(`${e.name}_bg.wasm`), sizes(`${e.name}.js`)];
    console.log(e.specifier.padEnd(W) + cells(wasm) + cells(glue) + cells(wasm.map((n, i) => n + glue[i])));
  }
  const chunks = readdirSync(join(out, "elements")).sort().map((f) => `elements/${f}`);
  for (const file of ["node.cjs", "elements.js", ...chunks, "elements-worker.js"]) console.log(`pkg/${file}`.padEnd(W) + cells(sizes(file)));
  const total = (dir) => readdirSync(dir).reduce((n, f) => {
    const stat = statSync(join(dir, f));
    return n + (stat.isDirectory() ? total(join(dir, f)) : stat.size);
  }, 0);
  console.log(`pkg/ total ${total(out)} bytes`);
}

const args = process.argv.slice(2);
const rawAt = args.indexOf("--raw");
const raw = new Set(rawAt < 0 ? [] : args.slice(rawAt + 1));
const full = entry("impactkit");
const entries = [full, ...(rawAt < 0 ? args : args.slice(0, rawAt)).map((name) => (raw.has(name) ? rawEntry(name, full) : entry(name)))];
mkdirSync(out, { recursive: true });
copyFileSync(join(entriesDir, "node-png.mjs"), join(out, "node-png.mjs")); // the Node entries that render cards import it
for (const e of entries) {
  bundleBrowserEntry(e);
  buildNodeEntries(e);
  writeTypes(e);
}
await bundleElements();
copyStatic(entries.filter((e) => !e.full));
checkFiles();
printSizes(entries);
