# impactkit — build, test and demo. `make test` is what CI runs (via .ci/run).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := test

# wasm-bindgen-cli must match the wasm-bindgen crate exactly (pinned with `=` in Cargo.toml).
WB_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\([^"]*\)".*/\1/p' Cargo.toml)
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The shipped module is built with a pinned nightly that rebuilds std for size
# (`-Zbuild-std`, `optimize_for_size`, panics compiled to a bare trap): ~17 KB gzip
# smaller than stable (see BENCHMARKS.md). Tests, clippy and the browser tests use stable.
NIGHTLY := nightly-2026-05-20
SIZE_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none
SIZE_TARGET_DIR := target/size
# Our code is built for size (opt-level s, Cargo.toml); the rebuilt std keeps opt-level 3 for its hot
# paths (allocator, memcpy, sorts): at z the 100k-record benchmarks ran 12-20 % slower.
STD_OPT := $(foreach p,core alloc std dlmalloc compiler_builtins,--config 'profile.release.package.$(p).opt-level=3')
WASM := $(SIZE_TARGET_DIR)/wasm32-unknown-unknown/release/impactkit.wasm
# The features rustc enables by default for wasm32-unknown-unknown.
WASM_OPT_FLAGS := -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue
# The capability modules: Cargo features of the same names (src/api.rs names each function's module).
MODULES := bars progress profile badges streaks cards sessions
# The stateless modules (all but `sessions`, whose openCustomer returns a class): built without wasm-bindgen from crates/impactkit-raw (plain wasm
# exports; time zones through two imports of the host's Intl), their glue pkg-templates/entries/raw.js
# (with impactCardPng's canvas code for cards).
RAW_MODULES := bars progress profile badges streaks cards
RAW_WASM := $(SIZE_TARGET_DIR)/wasm32-unknown-unknown/release/impactkit_raw.wasm
RAW_CARGO = $(SIZE_CARGO) -p impactkit-raw
# Modules built at opt-level z, their own code and std (progress −2.0 and −0.26 KB gzip, profile −1.1 KB
# and more): BENCHMARKS.md's speed ratios are the full build's (opt-level 3, std at 3), and these
# modules compute a widget's few numbers. streaks: −4.4 KB gzip; its daily streak from text 1.2–1.5× slower
# than at s (100k records, UTC: 64 → 79 ms; 1,000 records ~0.75 → 1.0 ms: a storefront streak widget
# reads hundreds to thousands; `node tests/bench/module-ab.mjs streaks S_PKG Z_PKG`, docs/modules.md).
# cards: −8.2 KB gzip; one card ~1.5× slower than at s (an og
# card 0.16 → 0.24 ms in Node, next to ~16 ms to rasterise it; docs/modules.md).
# badges: −8.4 KB gzip; badgePreview on 1,000 orders 13.4 ms against 8.1 ms at s (the full build: 2.9 ms):
# <impact-badges> sends histories over 64 KB of JSON to impactkit/sessions (docs/modules.md).
Z_MODULES := bars progress profile badges streaks cards
Z_CONFIG := --config 'profile.release.opt-level="z"' $(foreach p,core alloc std compiler_builtins,--config 'profile.release.package.$(p).opt-level="z"')
# And rustc's MIR optimisations at level 1 (no MIR inlining and the passes that duplicate code for it;
# LLVM still inlines what its cost model calls cheaper). With the rereloop below, against make pkg
# before both (docs/modules.md): bars −92, progress −117, profile −410, badges −321, streaks −115,
# cards −101 B gzip with glue.
Z_RUSTFLAGS := $(SIZE_RUSTFLAGS) -Zmir-opt-level=1
# impactkit/bars (the first widget's two functions, a few numbers each) also without LLVM inlining
# beyond what its cost model calls free (`-inline-threshold=0`, impactkit and the module crate):
# −0.5 KB raw, −0.12 KB gzip (docs/modules.md).
BARS_CONFIG := -Zprofile-rustflags $(foreach p,impactkit impactkit-raw,--config 'profile.release.package.$(p).rustflags=["-Cllvm-args=-inline-threshold=0"]')
# And wasm-opt's control flow rebuilt (flatten + rereloop, then -Oz twice) without the target_features
# section (browsers ignore it): bars −340 B gzip (docs/modules.md). Rebuilt twice (bars: its own
# passes below), on builds at MIR level 1: profile −146, badges −120, progress −65, cards −26,
# streaks −20 B gzip of the .wasm (a third time adds bytes).
Z_WASM_OPT := --flatten --rereloop -Oz --flatten --rereloop -Oz -Oz --strip-target-features
# impactkit/bars: the control flow rebuilt twice and the functions ordered by name (similar code
# together for gzip): −53 B gzip there (progress and profile grow with it, so only bars).
BARS_WASM_OPT := --flatten --rereloop -Oz --flatten --rereloop -Oz -Oz --reorder-functions-by-name --strip-target-features
# impactkit/streaks and impactkit/badges: wasm-opt may also assume the lowest 1 KB of memory unused
# (`--low-memory-unused`: it folds constant offsets into loads and stores; Rust's stack grows down from
# 1 MiB to it, so only a stack already overflowing would reach it): streaks −0.3, badges −0.5 KB gzip
# (docs/modules.md).
LOW_MEMORY_MODULES := badges streaks
LOW_MEMORY_WASM_OPT := $(Z_WASM_OPT) --low-memory-unused -Oz
SIZE_CARGO = RUSTFLAGS="$${rustflags:-$(SIZE_RUSTFLAGS)}" cargo +$(NIGHTLY) build $(STD_OPT) --lib --release --target wasm32-unknown-unknown \
  -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --target-dir $(SIZE_TARGET_DIR)
# The full build (`impactkit`: every function, for servers, batch jobs and pages with several
# widgets) is built for speed: its own code at opt-level 3 and `wasm-opt -O3`. Against `s` and `-Oz`
# it is ~35 KB gzip larger and openCustomer / streak on 100k records run ~30 % faster
# (BENCHMARKS.md "Size of the .wasm"); the capability modules stay built for size.
FULL_CONFIG := --config 'profile.release.opt-level=3'
FULL_WASM_OPT_FLAGS := $(subst -Oz,-O3,$(WASM_OPT_FLAGS))
# $(call finish_wasm,NAME,DIR[,WASM-OPT FLAGS]): target/wasm/NAME.wasm → wasm-bindgen (web) into
# target/bindgen/DIR → pkg/NAME_bg.wasm
finish_wasm = wasm-bindgen target/wasm/$(1).wasm --target web --out-dir target/bindgen/$(2) --out-name $(1) && \
  wasm-opt $(or $(3),$(WASM_OPT_FLAGS)) target/bindgen/$(2)/$(1)_bg.wasm -o pkg/$(1)_bg.wasm
DEMO_PORT ?= 8080
# For contributors who build with wasm-pack (tests/wasm-pack.sh); the package itself comes from `make pkg`.
WASM_PACK_VERSION := 0.15.0

.PHONY: setup pkg test e2e demo edge fuzz bench clean

## setup: idempotent install of every tool the build and tests need (seconds when done before)
setup:
	@test -n "$(WB_VERSION)" || { echo "no pinned wasm-bindgen version in Cargo.toml"; exit 1; }
	rustup target add wasm32-unknown-unknown
	rustup component add rustfmt clippy
	rustup toolchain install $(NIGHTLY) --profile minimal --component rust-src --target wasm32-unknown-unknown
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WB_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WB_VERSION)"; \
	  cargo install wasm-bindgen-cli --version $(WB_VERSION) --force; \
	else echo "wasm-bindgen-cli $(WB_VERSION) present"; fi
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
	  echo "installing Debian chromium + chromium-driver"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; \
	else echo "chromium + chromedriver present"; fi
	@if [ ! -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || \
	    [ ! -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ]; then \
	  echo "installing Debian fonts-noto-color-emoji + fonts-liberation (card PNG snapshots, demo screenshots)"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq fonts-noto-color-emoji fonts-liberation; \
	else echo "fonts-noto-color-emoji + fonts-liberation present"; fi
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  npm ci --no-audit --no-fund; \
	else echo "node_modules up to date"; fi
	@if [ "$$(wasm-pack --version 2>/dev/null)" != "wasm-pack $(WASM_PACK_VERSION)" ]; then \
	  echo "installing wasm-pack $(WASM_PACK_VERSION)"; \
	  cargo install wasm-pack --version $(WASM_PACK_VERSION) --force; \
	else echo "wasm-pack $(WASM_PACK_VERSION) present"; fi
	@wasm-opt --version

## pkg: the one npm package at pkg/ (release wasm from the pinned nightly, wasm-bindgen --target web,
## wasm-opt: -O3 for the full build, -Oz for the modules; then pkg-templates/generate.mjs bundles the
## entries); `npm pack pkg` is what we publish.
## The full build (`impactkit`, every function) and one capability module per entry of MODULES
## (`impactkit/<module>`: its own .wasm and glue) share one target dir, so std is built once; each
## module's wasm-bindgen + wasm-opt runs in the background while cargo builds the next one.
pkg:
	$(SIZE_CARGO) $(FULL_CONFIG)
	rm -rf pkg target/bindgen target/wasm
	mkdir -p pkg target/wasm
	cp $(WASM) target/wasm/impactkit.wasm
	$(call finish_wasm,impactkit,web,$(FULL_WASM_OPT_FLAGS)) & pids=$$!; \
	for m in $(MODULES); do \
	  z=(); zo=(); rustflags="$(SIZE_RUSTFLAGS)"; \
	  if [[ " $(Z_MODULES) " == *" $$m "* ]]; then z=($(Z_CONFIG)); zo=($(Z_WASM_OPT)); rustflags="$(Z_RUSTFLAGS)"; fi; \
	  if [[ $$m == bars ]]; then z+=($(BARS_CONFIG)); zo=($(BARS_WASM_OPT)); fi; \
	  if [[ " $(LOW_MEMORY_MODULES) " == *" $$m "* ]]; then zo=($(LOW_MEMORY_WASM_OPT)); fi; \
	  if [[ " $(RAW_MODULES) " == *" $$m "* ]]; then \
	    $(RAW_CARGO) --features $$m "$${z[@]}"; \
	    cp $(RAW_WASM) target/wasm/$$m.wasm; \
	    wasm-opt $(WASM_OPT_FLAGS) "$${zo[@]}" target/wasm/$$m.wasm -o pkg/$${m}_bg.wasm & pids="$$pids $$!"; \
	  else \
	    $(SIZE_CARGO) --no-default-features --features $$m "$${z[@]}"; \
	    cp $(WASM) target/wasm/$$m.wasm; \
	    $(call finish_wasm,$${m},$${m}) & pids="$$pids $$!"; \
	  fi; \
	done; \
	for pid in $$pids; do wait $$pid; done
	node pkg-templates/generate.mjs $(MODULES) --raw $(RAW_MODULES)

## test: everything CI checks
test: setup pkg
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
	cargo test
	cargo test -q --lib --features lean-numbers
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib -q
	cargo test -q --test vectors_native | grep 'golden vectors'
	node tests/run-vectors.mjs
	node tests/subset.mjs
	node tests/bytes.mjs
	node tests/module-inputs.mjs
	node tests/card-png-glue.mjs
	node tests/boundary.mjs
	tsc --noEmit --strict --module nodenext --moduleResolution nodenext --target es2022 --lib es2022,dom \
	  tests/types/usage.ts pkg/impactkit.d.ts pkg/elements.d.ts $(foreach m,$(MODULES),pkg/$(m).d.ts pkg/$(m).node.d.ts)
	node tests/types/vectors.mjs
	@echo "typescript: pkg/*.d.ts and tests/types/usage.ts type-check (strict)"
	node tests/types/snapshot.mjs
	node tests/memory.mjs
	node tests/sessions-memory.mjs
	node tests/zones.mjs
	node tests/size-budget.mjs
	node tests/consumers/run.mjs
	node tests/cards-batch.mjs
	node tests/edge.e2e.mjs
	bash tests/wasm-pack.sh
	cargo test --target wasm32-unknown-unknown --test browser -- --nocapture
	$(MAKE) --no-print-directory e2e

## e2e: the demo page against the local dev server in headless Debian Chromium (needs `make pkg`)
e2e:
	node tests/e2e/demo.e2e.mjs
	node tests/a11y/audit.mjs
	node tests/e2e/injection.e2e.mjs

## demo: serve the demo page, the package pkg/ and the local GraphQL + Gameball-shaped backend on http://127.0.0.1:$(DEMO_PORT)/
demo: setup pkg
	node www/serve.mjs $(DEMO_PORT)

## edge: the edge image Worker (edge/) in workerd on http://127.0.0.1:$(EDGE_PORT)/ with the demo backend (docs/edge.md)
EDGE_PORT ?= 8787
edge: setup pkg
	node edge/workerd.mjs --port $(EDGE_PORT)

## bench: impactkit vs the JS alternatives, ratios in one run, and the bytes of the first widget (impactkit/progress
## with Vite, in Chromium) -> BENCHMARKS.md (BENCH_ARGS=--quick: short run)
bench: setup pkg
	@command -v twiggy >/dev/null || cargo install twiggy
	node tests/bench/check-reference.mjs
	node tests/bench/run.mjs $(BENCH_ARGS)
	node tests/bench/first-widget.mjs
	node tests/bench/lighthouse.mjs
	node tests/bench/edge.mjs --write

## fuzz: libFuzzer on every entry point, FUZZ_SECONDS per function and target (the pinned NIGHTLY)
FUZZ_SECONDS ?= 30
fuzz: setup pkg
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
	node fuzz/seed-corpus.mjs
	@for fn in $$(sed -n 's/^ *[(]"\([A-Za-z]*\)", .*/\1/p' src/api.rs); do for target in json_bytes structured; do \
	  mkdir -p fuzz/corpus/$$target-$$fn; \
	  echo "== $$target / $$fn ($(FUZZ_SECONDS) s)"; \
	  IMPACTKIT_FUZZ_FN=$$fn cargo +$(NIGHTLY) fuzz run $$target fuzz/corpus/$$target-$$fn -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=1 -rss_limit_mb=2048 -max_len=8192 \
	    -dict=fuzz/json.dict -print_final_stats=1 2>&1 | grep -E 'number_of_executed_units|ERROR|panicked|SUMMARY' ; \
	done; done

clean:
	rm -rf pkg target node_modules
