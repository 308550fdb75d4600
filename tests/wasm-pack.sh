#!/usr/bin/env bash
# wasm-pack keeps working for contributors who use it: `wasm-pack build --target web|nodejs|bundler`
# with the pinned wasm-bindgen-cli and npm's wasm-opt on PATH (no downloads), then the nodejs output
# answers a seed example. `make pkg` (not wasm-pack) is how the published package is made.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/wasm-pack
for target in web nodejs bundler; do
  wasm-pack --log-level warn build --release --target "$target" --out-dir "$out/$target" --out-name impactkit >/dev/null
  test -s "$out/$target/impactkit_bg.wasm"
done
got=$(node -e 'const { milestoneProgress } = require("./'"$out"'/nodejs/impactkit.js");
console.log(milestoneProgress({ current: 248.5, target: 500 }).percentage)')
test "$got" = "49.7" || { echo "wasm-pack nodejs build answered $got, expected 49.7"; exit 1; }
echo "wasm-pack: web, nodejs, bundler built; nodejs build answers 49.7"
