// What `impactkit/bars` (src/bars.rs) may answer where impactkit answers something else: `unsupported`
// at a field of the input that pkg-templates/bars.json says it refuses (the pace, messages, tier
// retention), or at the `retainProgress` of the tier impactkit places the customer in. Shared by
// tests/run-vectors.mjs and tests/module-inputs.mjs.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const refuses = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "pkg-templates", "bars.json"), "utf8")).functions;

/**
 * Whether module `name`'s error `got` ({code, path, message}) for `fn(input)` is bars leaving the input
 * to impactkit/progress; `want` is impactkit's answer ({value} or {error}).
 */
export function leftToProgress(name, fn, input, got, want) {
  if (name !== "impactkit/bars" || got?.code !== "unsupported" || !got.message.includes("impactkit/progress")) return false;
  input ??= {};
  const field = /^\$\.(\w+)$/.exec(got.path)?.[1];
  if (field) return refuses[fn]?.refuses.includes(field) && input[field] != null;
  const tier = /^\$\.(?:current|tiers\[(\d+)\])\.retainProgress$/.exec(got.path);
  const entry = tier && (tier[1] === undefined ? input.current : input.tiers?.[Number(tier[1])]);
  // …of the tier impactkit places the customer in (when it answers at all: retention may fail there).
  const current = want.value ? want.value.current?.minProgress === entry?.minProgress : true;
  return fn === "tierProgress" && entry?.retainProgress != null && current;
}
