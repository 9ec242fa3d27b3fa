#!/usr/bin/env bash
# Sync benchmark: Plugboard (a real server on 127.0.0.1, real SQLite file) pulls 1,000
# monitors and 500 incidents from the Better Stack test double (also on 127.0.0.1).
# Prints wall time and request rate for a full and an incremental sync.
#
#   bench/sync.sh            # debug build, shared with `make test` (nothing new to compile)
#   bench/sync.sh --release  # optimised build (compiles the test crate in release first)
#
# The rate is bounded by design: at most 8 requests a second per token (Better Stack's limit).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=()
[[ "${1:-}" == "--release" ]] && profile=(--release)
RUSTFLAGS="--cfg erase_components" ./scripts/toolchain.sh cargo test "${profile[@]}" --features ssr \
    --test integration sync_bench -- --ignored --nocapture --test-threads 1 2>&1 |
    grep -E "sync benchmark:|^  (full|second) sync|test result|panicked" 
