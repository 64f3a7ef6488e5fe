#!/usr/bin/env bash
# `make fuzz`: runs every fuzz target for a bounded time (FUZZ_SECONDS each,
# default 60) from the committed seed corpus. Works on stable Rust: cargo-fuzz
# needs nightly flags, which RUSTC_BOOTSTRAP allows, and no sanitizer (the
# core has no unsafe code; libFuzzer still catches panics, hangs and memory growth).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz (once)"
  cargo install cargo-fuzz || { echo "fuzz: could not install cargo-fuzz: run 'cargo install cargo-fuzz'" >&2; exit 1; }
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none -O
status=0
for target in parse render analyze text; do
  mkdir -p "fuzz/work/$target" "fuzz/corpus/$target"
  echo "fuzz: $target for ${seconds}s"
  # New inputs go to fuzz/work (ignored); the committed seeds stay as they are.
  if ! cargo fuzz run -s none -O "$target" "fuzz/work/$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -max_len=65536 -print_final_stats=1 \
      2> "fuzz/work/$target.log"; then
    echo "fuzz: $target FOUND A FAILURE; see fuzz/work/$target.log and fuzz/artifacts/$target/" >&2
    tail -30 "fuzz/work/$target.log" >&2
    status=1
  else
    grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "fuzz/work/$target.log" | tail -1
  fi
done
exit $status
