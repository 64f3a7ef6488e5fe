# The two commands: `make serve` and `make test`. Both set up what is missing.
SHELL := /bin/bash
PORT ?= 8080

.PHONY: all setup setup-browser build wasm site serve test test-rust test-e2e lint typecheck bench fuzz clean

all: build

setup:
	@scripts/setup.sh

setup-browser:
	@NEED_BROWSER=1 scripts/setup.sh

## build: the native CLI (target/release/wfe), the Wasm module (www/pkg/) and the site (dist/)
build: setup
	cargo build --release --bin wfe
	scripts/build-wasm.sh
	node scripts/build-page.mjs

wasm: setup
	scripts/build-wasm.sh

## site: the servable site in dist/: the pages of www/ bundled by esbuild, with the Wasm module
site: wasm
	node scripts/build-page.mjs

## serve: build, then serve dist/ with the sample organization on http://localhost:$(PORT)
serve: site
	PORT=$(PORT) node scripts/serve.mjs

## test: every test of the project
test: setup-browser lint test-rust site typecheck test-e2e

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib --quiet

## typecheck: the page's JavaScript against the .d.ts wasm-bindgen writes (after `make wasm`)
typecheck: wasm
	node_modules/.bin/tsc --noEmit -p jsconfig.json

test-rust:
	cargo test --all-targets
	cargo test --doc

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## bench: speed and size figures
bench: setup-browser site
	@echo "== Native analysis across model sizes"
	cargo run --quiet --release --example bench
	@echo "== In headless Chromium"
	node bench/cold.mjs
	node bench/browser.mjs
	node tests/e2e/bench.mjs
	node bench/export-png.mjs
	@echo "== Shipped assets"
	node scripts/sizes.mjs

clean:
	cargo clean
	rm -rf www/pkg dist

## fuzz: every fuzz target for FUZZ_SECONDS (default 60) each
fuzz: setup
	scripts/fuzz.sh
