#!/usr/bin/env bash
# Per-crate / per-module size of the wasm (name-keeping build), tab-separated "part<TAB>bytes".
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v twiggy >/dev/null || { echo "twiggy not installed (cargo install twiggy)" >&2; exit 1; }
tmp=$(mktemp -d)
# The stable build of the same code: it keeps readable function names (the shipped nightly
# build-std module is ~17 KB gzip smaller, mostly in `core`/`std` panic and formatting code).
cargo build -q --lib --release --target wasm32-unknown-unknown
wasm-bindgen target/wasm32-unknown-unknown/release/impactkit.wasm --target web --out-dir "$tmp" --keep-debug
node_modules/.bin/wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue "$tmp/impactkit_bg.wasm" -o "$tmp/named.wasm"
twiggy top -n 100000 "$tmp/named.wasm" | python3 -c '
import sys, re, collections
parts = collections.Counter()
for line in sys.stdin:
    cells = line.split("\u250a")
    if len(cells) < 3 or not cells[0].strip().isdigit():
        continue
    size, name = int(cells[0].strip()), cells[2].strip()
    if "names\" subsection" in name or name.startswith(("\u03a3", "...")):
        continue
    m = re.search(r"(impactkit::(?:adapters::)?\w+|serde_wasm_bindgen|serde_json|serde_core|serde|chrono|core|alloc|dlmalloc|wasm_bindgen|js_sys|hashbrown|std|compiler_builtins)", name)
    if m:
        key = m.group(1)
    elif name.startswith("data segment"):
        key = "static data (strings, tables)"
    elif "shim" in name:
        key = "exported functions (inlined bodies)"
    else:
        key = "other"
    parts[key] += size
for key, size in parts.most_common(25):
    print(f"{key}\t{size}")
'
rm -rf "$tmp"
