# Two commands matter: `make run` and `make test` (see README.md).
# Which Rust toolchain builds what is decided in scripts/toolchain.sh, not here.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
TOOLCHAIN := ./scripts/toolchain.sh
TARGET_DIR := $(abspath $(or $(CARGO_TARGET_DIR),target))
# Debug builds share their compiled dependencies only if every cargo call uses the same flags;
# this is the flag cargo-leptos gives debug builds (faster compiles of view-heavy code).
DEBUG_RUSTFLAGS := --cfg erase_components

.PHONY: run test install release lint cargo-test api-fuzz front e2e

## Build in release mode and serve on http://127.0.0.1:3000 (or $LEPTOS_SITE_ADDR).
run: install release
	$(TARGET_DIR)/release/plugboard

## Everything CI checks: formatting, lints, cargo tests, Playwright with JavaScript on and off.
test: install lint cargo-test api-fuzz front e2e

install:
	$(TOOLCHAIN) install

# --precompress writes a brotli and a gzip copy beside every site file, served to browsers
# that accept them (a quarter of the wasm's size).
release:
	$(TOOLCHAIN) leptos build --release --precompress

lint:
	$(TOOLCHAIN) cargo fmt --all --check
	RUSTFLAGS="$(DEBUG_RUSTFLAGS)" $(TOOLCHAIN) cargo clippy --workspace --all-targets --features ssr -- -D warnings
	RUSTFLAGS="$(DEBUG_RUSTFLAGS)" $(TOOLCHAIN) cargo clippy --lib --no-default-features --features hydrate -- -D warnings
	cd end2end && npx tsc --noEmit

# Also builds target/debug/plugboard and target/debug/betterstack-double (their integration
# tests run them), which the Playwright suite runs.
cargo-test:
	RUSTFLAGS="$(DEBUG_RUSTFLAGS)" $(TOOLCHAIN) cargo test --workspace --features ssr

# Schemathesis against the served OpenAPI document, with a Read and a Manage key.
api-fuzz:
	PLUGBOARD_BIN=$(TARGET_DIR)/debug/plugboard \
		BETTERSTACK_DOUBLE_BIN=$(TARGET_DIR)/debug/betterstack-double scripts/api-fuzz.sh

# The browser bundle, styles and assets into target/site.
front:
	$(TOOLCHAIN) leptos build --frontend-only

e2e:
	cd end2end && PLUGBOARD_BIN=$(TARGET_DIR)/debug/plugboard \
		BETTERSTACK_DOUBLE_BIN=$(TARGET_DIR)/debug/betterstack-double npx playwright test
