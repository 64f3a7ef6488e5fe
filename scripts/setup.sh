#!/usr/bin/env bash
# Installs what `make build`, `make serve` and `make test` need and is missing:
# the wasm32 target, wasm-bindgen-cli at the crate's exact version, the npm
# packages of the lock file and (as root) Debian's chromium. Says what to do
# when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

need_browser=${NEED_BROWSER:-0}
fail() { echo "setup: $*" >&2; exit 1; }

command -v cargo >/dev/null || fail "cargo not found. Install Rust with rustup (https://rustup.rs) and try again."
command -v node >/dev/null || fail "node not found. Install Node.js 20 or newer (Debian: apt-get install nodejs npm)."
command -v npm >/dev/null || fail "npm not found. Install npm (Debian: apt-get install npm)."

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || fail "could not add the wasm32 target: run 'rustup target add wasm32-unknown-unknown' yourself."
fi

want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$want" ] || fail "Cargo.toml does not pin wasm-bindgen with =X.Y.Z"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (found: ${have:-none}); this takes several minutes, once"
  cargo install wasm-bindgen-cli --version "$want" \
    || fail "could not install wasm-bindgen-cli $want: run 'cargo install wasm-bindgen-cli --version $want' and try again."
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund || fail "npm ci failed: check that the npm registry is reachable and run 'npm ci'."
fi

if [ "$need_browser" = 1 ] && [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian's chromium for the browser tests"
    (apt-get update && apt-get install -y chromium) || fail "could not install chromium: run 'apt-get install chromium'."
  else
    fail "the browser tests need Chromium: run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium)."
  fi
fi
exit 0
