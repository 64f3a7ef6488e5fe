#!/usr/bin/env bash
# Builds the Wasm module into www/pkg/: cargo for wasm32, wasm-bindgen --target
# web, then wasm-opt from the npm package binaryen (Debian's is too old).
# wasm-opt runs its -Oz pipeline twice: the second pass finds about 0.4 KB
# gzip more than one (a third finds nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --lib --release --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir www/pkg \
  target/wasm32-unknown-unknown/release/workforce_ecosystem.wasm
node_modules/.bin/wasm-opt -Oz -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/workforce_ecosystem_bg.wasm -o www/pkg/workforce_ecosystem_bg.wasm
# The API's documentation stays in the .d.ts beside it (editors read it there,
# through the glue's @ts-self-types); every page downloads the glue, so its
# copies of the doc comments go (about 1.9 KB gzip).
node -e 'const fs = require("fs"), f = process.argv[1];
fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(/^ *\/\*\*[^]*?\*\/\n/gm, ""));' www/pkg/workforce_ecosystem.js
echo "built www/pkg/ ($(wc -c < www/pkg/workforce_ecosystem_bg.wasm) bytes of wasm)"
