#!/usr/bin/env bash
# The one place that decides how Plugboard is built, installs what is missing, and runs
# build commands with the right environment. The Makefile calls it; nothing else should
# need to know which toolchain is in use.
#
#   scripts/toolchain.sh install          install whatever is missing (idempotent, skips what is present)
#   scripts/toolchain.sh cargo ARGS...    run cargo with the chosen toolchain
#   scripts/toolchain.sh leptos ARGS...   run cargo-leptos with the chosen toolchain
#   scripts/toolchain.sh which            print the chosen toolchain ("rustup" or "debian")
#   scripts/toolchain.sh schemathesis     install it if missing; print its path
#
# Two toolchains:
#   rustup  when `rustup target list --installed` shows wasm32-unknown-unknown, or
#           `rustup target add wasm32-unknown-unknown` succeeds (the ordinary setup).
#   debian  otherwise (registries only, no rustup downloads): Debian's rustc-web/cargo-web with
#           the matching std source; the wasm side is built with RUSTC_BOOTSTRAP=1,
#           -Zbuild-std=std,panic_abort and linked by wasm-ld. The server build is untouched.
# PLUGBOARD_TOOLCHAIN=rustup|debian forces one of them.
#
# Helper tools go under $PLUGBOARD_TOOLS_DIR (default ~/.cache/plugboard/tools), outside the
# checkout, so clean clones reuse them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="${PLUGBOARD_TOOLS_DIR:-$HOME/.cache/plugboard/tools}"
CARGO_LEPTOS_VERSION="0.3.11"
# cargo-leptos 0.3.11 and its locked dependencies need this rustc.
CARGO_LEPTOS_MIN_RUSTC="1.96"
DEBIAN_RUST_PACKAGES=(rustc-web cargo-web rust-web-src rust-web-clippy rustfmt-web lld)
WASM_TARGET="wasm32-unknown-unknown"

say() { printf 'toolchain: %s\n' "$*" >&2; }
die() { printf 'toolchain: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- detection

rustup_has_wasm() {
  command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"
}

chosen_toolchain() {
  case "${PLUGBOARD_TOOLCHAIN:-}" in
    rustup | debian) echo "$PLUGBOARD_TOOLCHAIN"; return ;;
    "") ;;
    *) die "PLUGBOARD_TOOLCHAIN must be 'rustup' or 'debian', not '$PLUGBOARD_TOOLCHAIN'" ;;
  esac
  if rustup_has_wasm; then echo rustup; else echo debian; fi
}

wasm_bindgen_version() {
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock"
}

version_at_least() { # version_at_least HAVE WANT
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

rustc_version_of() { "$1" --version 2>/dev/null | awk '{ print $2 }'; }

# ---------------------------------------------------------------- environment

# Sets PATH and friends for the chosen toolchain. Both toolchains get the helper tools on PATH,
# so cargo-leptos never tries to download them.
use_toolchain() {
  local mode="$1"
  local bindgen
  bindgen="$(wasm_bindgen_version)"
  export PATH="$TOOLS_DIR/wasm-bindgen-$bindgen/bin:$TOOLS_DIR/cargo-leptos-$CARGO_LEPTOS_VERSION/bin:$ROOT/tools/node_modules/.bin:$PATH"
  if [ "$mode" = debian ]; then
    # Debian's cargo and rustc first: rustup's proxies in ~/.cargo/bin would otherwise win.
    export PATH="/usr/bin:$PATH"
    export RUSTC=/usr/bin/rustc
  fi
  # Read by leptos at compile time to name the wasm file in the page; every build of the
  # server (cargo-leptos's, cargo test's, clippy's) sees the same value, so none rebuilds another's.
  export LEPTOS_OUTPUT_NAME=plugboard
}

run_cargo() {
  use_toolchain "$(chosen_toolchain)"
  exec cargo "$@"
}

# The standard library's source, which a release bundle is built from (small_release_std).
has_std_source() {
  [ -f "$(rustc --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library/std/Cargo.toml" ]
}

# The release browser bundle is built with its own std, optimised for size, panicking by
# aborting at once, without Debug formatting or panic locations: a fifteenth of the wasm's
# brotli size (bench/README.md). Unstable flags, so RUSTC_BOOTSTRAP, for the wasm build only:
# the server build is run without them. Without the std source (rust-src) the bundle is
# built the ordinary way, only larger.
small_release_std() {
  has_std_source || { say "no rust-src: the release wasm is built without size settings"; return; }
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
}

run_leptos() {
  local mode arg
  mode="$(chosen_toolchain)"
  use_toolchain "$mode"
  # cargo-leptos also reads LEPTOS_* settings from the environment; a value meant for the
  # running server (checked at its start-up) must not break or change the build.
  unset LEPTOS_SITE_ADDR LEPTOS_SITE_ROOT LEPTOS_SITE_PKG_DIR LEPTOS_RELOAD_PORT LEPTOS_ENV
  # The server build runs without the wasm build's unstable settings (stable semantics).
  export LEPTOS_BIN_CARGO_COMMAND="env -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u CARGO_UNSTABLE_BUILD_STD_FEATURES cargo"
  for arg in "$@"; do
    [ "$arg" = --release ] && small_release_std
  done
  if [ "$mode" = debian ]; then
    # Debian's std for wasm comes as source only: every wasm build builds it.
    export RUSTC_BOOTSTRAP=1
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld
    exec cargo leptos "$@" --lib-cargo-args=-Zbuild-std=std,panic_abort
  fi
  exec cargo leptos "$@"
}

# ---------------------------------------------------------------- installation

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*"
  fi
}

apt_install_missing() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return
  say "installing Debian packages: ${missing[*]}"
  # To stderr: installer_cargo's caller reads its stdout as the command to run.
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# A cargo new enough to build cargo-leptos: rustup's if it is, else Debian's cargo-web.
installer_cargo() {
  if command -v rustc >/dev/null && version_at_least "$(rustc_version_of rustc)" "$CARGO_LEPTOS_MIN_RUSTC"; then
    echo "cargo"
    return
  fi
  apt_install_missing rustc-web cargo-web
  echo "env PATH=/usr/bin:$PATH RUSTC=/usr/bin/rustc /usr/bin/cargo"
}

install_rust() {
  local mode="$1"
  if [ "$mode" = debian ]; then
    apt_install_missing "${DEBIAN_RUST_PACKAGES[@]}"
  else
    rustup component add clippy rustfmt rust-src >/dev/null 2>&1 || true
  fi
}

install_cargo_leptos() {
  if command -v cargo-leptos >/dev/null 2>&1; then return; fi
  local dir="$TOOLS_DIR/cargo-leptos-$CARGO_LEPTOS_VERSION"
  [ -x "$dir/bin/cargo-leptos" ] && return
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (a long compile, done once)"
  # no_downloads: a missing helper tool is a clear error rather than a download attempt.
  # Its release profile asks for fat LTO in one codegen unit (46 minutes here, measured);
  # the tool's own speed does not matter, so build it the quick way.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    $(installer_cargo) install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked \
    --features no_downloads --root "$dir"
}

install_wasm_bindgen() {
  local version dir
  version="$(wasm_bindgen_version)"
  [ -n "$version" ] || die "no wasm-bindgen in Cargo.lock"
  dir="$TOOLS_DIR/wasm-bindgen-$version"
  [ -x "$dir/bin/wasm-bindgen" ] && return
  say "installing wasm-bindgen-cli $version"
  # Not --locked: the crate's own lockfile pins versions the registry no longer offers.
  $(installer_cargo) install wasm-bindgen-cli --version "$version" --root "$dir"
}

npm_install() { # npm_install DIR: install DIR's locked packages unless that lockfile is installed
  local dir="$1" stamp want
  stamp="$dir/node_modules/.plugboard-lock.sha256"
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return
  say "installing npm packages in ${dir#"$ROOT"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

# The Python tools, from PyPI into a virtualenv named after the requirements' digest, so a
# changed pin gets a fresh one and clean clones share an unchanged one.
python_venv() {
  local want
  want="$(sha256sum "$ROOT/tools/python-requirements.txt" | cut -c1-12)"
  echo "$TOOLS_DIR/python-$want"
}

python_install() {
  local venv
  venv="$(python_venv)"
  [ -x "$venv/bin/schemathesis" ] && return
  python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install_missing python3-venv
  say "installing Python tools into ${venv#"$TOOLS_DIR"/}"
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/tools/python-requirements.txt" >&2
}

install_all() {
  local mode
  if [ -z "${PLUGBOARD_TOOLCHAIN:-}" ] && ! rustup_has_wasm && command -v rustup >/dev/null 2>&1; then
    rustup target add "$WASM_TARGET" >/dev/null 2>&1 || say "rustup cannot add $WASM_TARGET; using Debian's toolchain"
  fi
  mode="$(chosen_toolchain)"
  say "using the $mode toolchain"
  command -v node >/dev/null 2>&1 || apt_install_missing nodejs npm
  apt_install_missing chromium
  install_rust "$mode"
  install_cargo_leptos
  install_wasm_bindgen
  # wasm-opt comes from npm's binaryen: Debian's binaryen 108 emits wasm that breaks hydration.
  npm_install "$ROOT/tools"
  npm_install "$ROOT/end2end"
  python_install
}

case "${1:-}" in
  install) install_all ;;
  cargo) shift; run_cargo "$@" ;;
  leptos) shift; run_leptos "$@" ;;
  which) chosen_toolchain ;;
  schemathesis) python_install; echo "$(python_venv)/bin/schemathesis" ;;
  *) die "usage: $0 install | cargo ARGS... | leptos ARGS... | which | schemathesis" ;;
esac
