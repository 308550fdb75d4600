#!/usr/bin/env node
// Golden snapshots of the package's public type declarations (as wasm-bindgen's reference tests
// keep theirs): any change to the built .d.ts files shows up as a diff here and must be accepted
// on purpose with `BLESS=1 node tests/types/snapshot.mjs` (after `make pkg`), then committed.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, "..", "..", "pkg");
/** Every .d.ts pkg/package.json's `exports` names (impactkit, node, elements, each capability module's
 * web and Node types); each .d.cts is written from the same text as its .d.ts. */
const FILES = [...new Set(JSON.stringify(JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).exports)
  .match(/[\w.]+\.d\.ts\b/g))];
let failed = 0;
for (const file of FILES) {
  const built = readFileSync(join(pkg, file), "utf8");
  const golden = join(here, "golden", file);
  if (process.env.BLESS) {
    writeFileSync(golden, built);
    console.log(`blessed tests/types/golden/${file}`);
    continue;
  }
  const want = existsSync(golden) ? readFileSync(golden, "utf8") : "";
  if (want === built) continue;
  failed += 1;
  const [a, b] = [want.split("\n"), built.split("\n")];
  const at = a.findIndex((line, i) => line !== b[i]);
  console.log(`FAIL pkg/${file} differs from tests/types/golden/${file} at line ${at + 1}:\n- ${a[at] ?? "(end)"}\n+ ${b[at] ?? "(end)"}`);
}
if (failed) console.log("If the change is intended: BLESS=1 node tests/types/snapshot.mjs, and commit tests/types/golden/.");
console.log(`d.ts snapshots: ${FILES.length - failed} equal, ${failed} changed`);
process.exit(failed ? 1 : 0);
