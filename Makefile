# The two commands: `make serve` and `make test`. Both set up what is missing.
SHELL := /bin/bash
PORT ?= 8080

.PHONY: all setup setup-browser build wasm serve test test-rust test-e2e lint bench fuzz clean

all: build

setup:
	@scripts/setup.sh

setup-browser:
	@NEED_BROWSER=1 scripts/setup.sh

## build: the native CLI (target/release/wfe) and the Wasm module (www/pkg/)
build: setup
	cargo build --release --bin wfe
	scripts/build-wasm.sh

wasm: setup
	scripts/build-wasm.sh

## serve: build, then serve www/ with the sample organization on http://localhost:$(PORT)
serve: wasm
	PORT=$(PORT) node scripts/serve.mjs

## test: every test of the project
test: setup-browser lint test-rust wasm test-e2e

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

test-rust:
	cargo test --all-targets
	cargo test --doc

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## bench: speed and size figures
bench: setup-browser wasm
	cargo run --release --example bench
	node tests/e2e/bench.mjs

clean:
	cargo clean
	rm -rf www/pkg

## fuzz: every fuzz target for FUZZ_SECONDS (default 60) each
fuzz: setup
	scripts/fuzz.sh
