#!/usr/bin/env bash
# Builds the Wasm module into www/pkg/: cargo for wasm32, wasm-bindgen --target
# web, then wasm-opt from the npm package binaryen (Debian's is too old).
# wasm-opt runs its -Oz pipeline twice: the second pass finds about 0.4 KB
# gzip more than one (a third finds nothing). --low-memory-unused lets it fold
# constant offsets into loads and stores (about 2 KB gzip): it assumes the
# first 1 KB of linear memory is never addressed, which holds for Rust on
# wasm32 (statics start at 1 MB, the stack grows down from there and would
# have to be about 1 MB deep to reach it; a pointer sum that wraps below 1 KB
# is no valid pointer either). --flatten --rereloop first rebuilds every
# function's control flow from scratch, which the -Oz passes then shrink
# further than rustc's own structure (about 1.3 KB gzip; no slower here).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --lib --release --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir www/pkg \
  target/wasm32-unknown-unknown/release/workforce_ecosystem.wasm
node_modules/.bin/wasm-opt --low-memory-unused --flatten --rereloop -Oz -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/workforce_ecosystem_bg.wasm -o www/pkg/workforce_ecosystem_bg.wasm
# The API's documentation stays in the .d.ts beside it (editors read it there,
# through the glue's @ts-self-types); every page downloads the glue, so its
# copies of the doc comments go (about 1.9 KB gzip).
node -e 'const fs = require("fs"), f = process.argv[1];
fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(/^ *\/\*\*[^]*?\*\/\n/gm, ""));' www/pkg/workforce_ecosystem.js
echo "built www/pkg/ ($(wc -c < www/pkg/workforce_ecosystem_bg.wasm) bytes of wasm)"
