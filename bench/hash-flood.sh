#!/usr/bin/env bash
# Anonymous requests that ask the server to hash a password: sign-in, reset-password and
# accept-invite, each flooded by 400 concurrent connections for DURATION seconds, while
# /healthz is measured beside them and the server's resident memory is sampled. Every flood
# request carries a new email, token and client address (the server trusts 127.0.0.1 as a
# proxy here, and wrk writes X-Forwarded-For), so only the hashing bound stands in the way.
#
#   bench/hash-flood.sh                     # builds what is missing (release), then measures
#   BENCH_SKIP_BUILD=1 bench/hash-flood.sh  # measure the binary already built
#   PLUGBOARD_BIN=/path/to/plugboard bench/hash-flood.sh  # another build, e.g. an older commit
#
# Targets (issue 22): resident memory grows by less than 100 MiB, and /healthz p99 stays under
# 50 ms while the floods run. Loads are bounded: DURATION seconds each (10 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="${PLUGBOARD_BIN:-$TARGET/release/plugboard}"
DURATION="${DURATION:-10}"
FLOOD=400
PORT_APP="${PORT_APP:-3421}" PORT_HELLO="${PORT_HELLO:-3422}"
APP="http://127.0.0.1:$PORT_APP"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk curl; do
  command -v "$tool" >/dev/null || apt-get install -y "$tool" >/dev/null
done
if [ -z "${BENCH_SKIP_BUILD:-}" ] && [ -z "${PLUGBOARD_BIN:-}" ]; then
  ./scripts/toolchain.sh install
  ./scripts/toolchain.sh cargo build --release --features ssr --bin plugboard
  ./scripts/toolchain.sh cargo build --release -p bench-hello
fi

wait_for() { for _ in $(seq 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

"$TARGET/release/bench-hello" --port "$PORT_HELLO" & PIDS+=($!)
export DATABASE_URL="sqlite://$WORK/bench.db"
export PLUGBOARD_MASTER_KEY="$(head -c 32 /dev/urandom | base64)"
export LEPTOS_SITE_ADDR="127.0.0.1:$PORT_APP" LEPTOS_SITE_ROOT="$TARGET/site"
export PLUGBOARD_TRUSTED_PROXIES=127.0.0.1
export RUST_LOG="${RUST_LOG:-warn}"
"$BIN" >"$WORK/app.log" 2>&1 & APP_PID=$!; PIDS+=($APP_PID)
wait_for "$APP/healthz"; wait_for "http://127.0.0.1:$PORT_HELLO/hello"

# --- seed: a workspace, and one real invite and reset link whose pages name the forms' URLs ---
jar="$WORK/cookies"
action() { curl -fsS -b "$jar" "$APP$1" | grep -o "action=\"/api/$2[0-9]*\"" | head -1 | cut -d'"' -f2; }
post() { curl -fsS -b "$jar" -c "$jar" -o /dev/null "$APP$1" "${@:2}"; }
post "$(action /setup create_workspace)" --data-urlencode workspace_name=Bench \
  --data-urlencode name="Ada Admin" --data-urlencode email=ada@bench.test \
  --data-urlencode password="bench passphrase long enough"
invite=$(curl -fsS -b "$jar" -H 'Accept: application/json' "$APP$(action /settings/members invite_member)" \
  --data-urlencode email=bea@bench.test --data-urlencode role=member | grep -o '/join/[A-Za-z0-9_-]*')
reset=$("$BIN" admin reset-password --email ada@bench.test | grep -o '/reset-password/[A-Za-z0-9_-]*')
declare -A URL=(
  [sign_in]="$(action /login sign_in)"
  [reset]="$(action "$reset" reset_password)"
  [join]="$(action "$invite" accept_invite)"
)
for kind in sign_in reset join; do
  [ -n "${URL[$kind]}" ] || { echo "no form URL for $kind" >&2; exit 1; }
done

summary() { # summary LABEL FILE
  awk -v label="$1" '
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /requests in/ {n=$1}
    /Non-2xx/ {bad=$NF}
    END {printf "  %-40s %9s req/s  p50 %8s  p99 %8s  (%s requests%s)\n", label, rps, p50, p99, n, bad ? ", " bad " not 2xx" : ""}' "$2"
}
healthz() { # healthz LABEL: a short, light load on /healthz
  wrk -t1 -c4 -d"${DURATION}s" --latency "$APP/healthz" >"$WORK/healthz"
  summary "$1" "$WORK/healthz"
}

echo "load: $DURATION s per run; floods $FLOOD concurrent; healthz 4 concurrent beside them"
wrk -t2 -c64 -d"${DURATION}s" --latency "http://127.0.0.1:$PORT_HELLO/hello" >"$WORK/hello"
summary "hello route (ceiling)" "$WORK/hello"
healthz "healthz, nothing else running"
for kind in sign_in reset join; do
  idle=$(rss_kb "$APP_PID")
  peak_file="$WORK/peak"; echo "$idle" >"$peak_file"
  ( while kill -0 "$APP_PID" 2>/dev/null; do
      now=$(rss_kb "$APP_PID") || break
      [ "$now" -gt "$(cat "$peak_file")" ] && echo "$now" >"$peak_file"
      sleep 0.2
    done ) & sampler=$!
  # The flood outlasts the healthz run beside it by two seconds on each side.
  WRK_KIND=$kind wrk -t2 -c"$FLOOD" -d"$((DURATION + 2))s" --timeout 30s --latency \
    -s bench/wrk/flood.lua "$APP${URL[$kind]}" >"$WORK/flood" &
  flood=$!
  sleep 1
  healthz "healthz while $kind is flooded"
  wait "$flood"
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
  summary "$kind flood" "$WORK/flood"
  echo "    resident memory: $((idle / 1024)) MiB before, peak $(( $(cat "$peak_file") / 1024 )) MiB," \
    "growth $(( ($(cat "$peak_file") - idle) / 1024 )) MiB"
  sleep 2
done
