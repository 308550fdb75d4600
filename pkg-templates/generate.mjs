#!/usr/bin/env node
// Writes package.json and README.md into each pkg/<target> from pkg-templates/,
// copies the drop-in custom elements (elements.js) into pkg/web, and prints the .wasm sizes
// (raw and gzip) of each build.
import { readFileSync, writeFileSync, existsSync, statSync, copyFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error("no version in Cargo.toml");
const template = readFileSync(join(root, "pkg-templates", "package.json"), "utf8");
const readme = readFileSync(join(root, "pkg-templates", "README.md"), "utf8");

const targets = {
  web: { sideEffects: '["./snippets/*", "./elements.js"]', type: "module" },
  node: { sideEffects: "false", type: null },
  bundler: { sideEffects: '["./impactkit.js", "./snippets/*"]', type: "module" },
};
for (const [dir, { sideEffects, type }] of Object.entries(targets)) {
  const out = join(root, "pkg", dir);
  if (!existsSync(out)) throw new Error(`missing ${out}: run wasm-bindgen first`);
  const pkg = JSON.parse(template.replace("@VERSION@", version).replace("@SIDE_EFFECTS@", sideEffects));
  if (type) pkg.type = type;
  if (dir === "web") {
    pkg.module = "impactkit.js";
    pkg.files.push("elements.js");
    copyFileSync(join(root, "pkg-templates", "elements.js"), join(out, "elements.js"));
  }
  if (dir === "node") {
    // The batch card CLI; PNG output uses the optional peer dependency @resvg/resvg-js.
    copyFileSync(join(root, "pkg-templates", "cards-cli.mjs"), join(out, "cards-cli.mjs"));
    pkg.files.push("cards-cli.mjs");
    pkg.bin = { "impactkit-cards": "cards-cli.mjs" };
    pkg.peerDependencies = { "@resvg/resvg-js": "^2.6.2" };
    pkg.peerDependenciesMeta = { "@resvg/resvg-js": { optional: true } };
  }
  writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  writeFileSync(join(out, "README.md"), readme.replaceAll("@VERSION@", version));
  const wasm = readFileSync(join(out, "impactkit_bg.wasm"));
  const gzip = gzipSync(wasm, { level: 9 }).length;
  console.log(`pkg/${dir}/impactkit_bg.wasm: ${wasm.length} bytes raw, ${gzip} bytes gzip (${(gzip / 1024).toFixed(1)} KiB)`);
}
