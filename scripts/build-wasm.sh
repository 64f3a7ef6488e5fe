#!/usr/bin/env bash
# Builds the Wasm modules into www/pkg/: cargo for wasm32, wasm-bindgen
# --target web, then wasm-opt from the npm package binaryen (Debian's is too
# old). Two modules from the one crate:
#   workforce_ecosystem  the editor's and the classroom's (all of the API)
#   diagram              the embeddable diagram's (element.js): the crate
#                        without its `editor` feature, so a page that only
#                        shows a diagram loads about two thirds of the bytes
#                        (docs/design.md, "Two Wasm modules")
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

# build NAME TARGET_DIR [CARGO FLAGS...]: www/pkg/NAME.js, NAME_bg.wasm, NAME.d.ts
build() {
  local name=$1 target=$2
  shift 2
  cargo build --lib --profile wasm --target wasm32-unknown-unknown --target-dir "$target" "$@"
  wasm-bindgen --target web --out-dir www/pkg --out-name "$name" \
    "$target/wasm32-unknown-unknown/wasm/workforce_ecosystem.wasm"
  node_modules/.bin/wasm-opt --low-memory-unused --flatten --rereloop -Oz -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.wasm"
  # The API's documentation stays in the .d.ts beside it (editors read it
  # there, through the glue's @ts-self-types); every page downloads the
  # glue, so its copies of the doc comments go (about 1.9 KB gzip).
  node -e 'const fs = require("fs"), f = process.argv[1];
fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(/^ *\/\*\*[^]*?\*\/\n/gm, ""));' "www/pkg/${name}.js"
  echo "built www/pkg/${name}_bg.wasm ($(wc -c < "www/pkg/${name}_bg.wasm") bytes)"
}

build workforce_ecosystem target
# its own target directory, so that neither build undoes the other's
build diagram target/diagram --no-default-features
