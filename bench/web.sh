#!/usr/bin/env bash
# Load benchmarks against the release build on 127.0.0.1. Each figure is printed beside the
# same load on a minimal axum "hello" route (crates/bench-hello), the machine's ceiling.
# Every load run is bounded: DURATION seconds (10 by default), so a bounded number of requests.
#
#   bench/web.sh                    # builds what is missing (release), then measures
#   BENCH_SKIP_BUILD=1 bench/web.sh # measure the binaries already built
#   DURATION=10 CONNECTIONS=1000 bench/web.sh
#
# It starts and stops everything it needs: the Better Stack test double, bench-hello and
# Plugboard with a fresh database in a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
DURATION="${DURATION:-10}"         # seconds per load run
WARMUP="${WARMUP:-2}"              # seconds of the same load before each, not counted
CONNECTIONS="${CONNECTIONS:-1000}" # connections the signed-in Admin sees
WITH_DATA="${WITH_DATA:-200}"      # of them, how many hold pulled data (issue 25's size)
CONCURRENCY=64
THREADS=2
PORT_APP="${PORT_APP:-3411}" PORT_HELLO="${PORT_HELLO:-3412}" PORT_DOUBLE="${PORT_DOUBLE:-3413}"
APP="http://127.0.0.1:$PORT_APP"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  local stuck=""
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  # A server that does not stop on SIGTERM is a finding, not a reason for this script to hang.
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "process $pid ($(tr '\0' ' ' <"/proc/$pid/cmdline")) did not stop within 10 s of SIGTERM; killed" >&2
      kill -9 "$pid" 2>/dev/null || true
      stuck=1
    fi
  done
  wait 2>/dev/null || true
  rm -rf "$WORK"
  [ -z "$stuck" ] || exit 1
}
trap cleanup EXIT

for tool in wrk sqlite3 brotli curl; do
  command -v "$tool" >/dev/null || apt-get install -y "$tool" >/dev/null
done
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./scripts/toolchain.sh install
  ./scripts/toolchain.sh leptos build --release --precompress
  ./scripts/toolchain.sh cargo build --release -p bench-hello -p betterstack-double
fi

wait_for() { for _ in $(seq 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }
rss_kb() { awk "/^$2:/ {print \$2}" "/proc/$1/status"; }

"$TARGET/release/betterstack-double" --port "$PORT_DOUBLE" >"$WORK/double.log" 2>&1 & PIDS+=($!)
"$TARGET/release/bench-hello" --port "$PORT_HELLO" & PIDS+=($!)
DATABASE_URL="sqlite://$WORK/bench.db" \
PLUGBOARD_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" \
LEPTOS_SITE_ADDR="127.0.0.1:$PORT_APP" \
LEPTOS_SITE_ROOT="$TARGET/site" \
BETTERSTACK_UPTIME_URL="http://127.0.0.1:$PORT_DOUBLE" \
PLUGBOARD_SYNC_INTERVAL=24h \
PLUGBOARD_TRUSTED_PROXIES=127.0.0.1 \
PLUGBOARD_API_RATE_PER_MINUTE=10000000 \
RUST_LOG="${RUST_LOG:-info}" \
  "$TARGET/release/plugboard" >"$WORK/app.log" 2>&1 & APP_PID=$!; PIDS+=($APP_PID)
wait_for "$APP/healthz"; wait_for "http://127.0.0.1:$PORT_HELLO/hello"

# --- seed: a workspace, a credential, one connection through the app; the rest in SQL ---
jar="$WORK/cookies"
action() { # action PAGE NAME: the URL of the server function the form on PAGE posts to
  curl -fsS -b "$jar" "$APP$1" | grep -o "action=\"/api/$2[0-9]*\"" | head -1 | cut -d'"' -f2
}
post() { curl -fsS -b "$jar" -c "$jar" -o /dev/null "$APP$1" "${@:2}"; }
PASSWORD="bench passphrase long enough"
post "$(action /setup create_workspace)" --data-urlencode workspace_name=Bench \
  --data-urlencode name="Ada Admin" --data-urlencode email=ada@bench.test --data-urlencode password="$PASSWORD"
new_credential="/settings/connections/new/credential?source=betterstack-uptime"
post "$(action "$new_credential" save_credential)" --data-urlencode source=betterstack-uptime \
  --data-urlencode name=Bench --data-urlencode token=team_benchmark0000TOKEN
credential=$(sqlite3 "$WORK/bench.db" "SELECT MAX(id) FROM credentials")
finish="/settings/connections/new?step=finish&source=betterstack-uptime&credential=$credential&name=Bench+1&privacy=workspace"
post "$(action "$finish" create_connection)" \
  --data-urlencode source=betterstack-uptime --data-urlencode credential="$credential" \
  --data-urlencode name="Bench 1" --data-urlencode privacy=workspace --data-urlencode team=
first=$(sqlite3 "$WORK/bench.db" "SELECT MIN(id) FROM connections")
# Its first sync, started by creating it, finishes before the seeded rows go in beside its own.
for _ in $(seq 600); do
  [ "$(sqlite3 "$WORK/bench.db" "SELECT COUNT(*) FROM sync_runs WHERE outcome = 'running'")" = 0 ] && break
  sleep 0.1
done
# Each also gets a sync that just worked: one never synced is due at once, and the scheduler
# would spend the loads below pulling 999 connections from the double (and replacing the data
# seeded next), when what is measured is serving pages between syncs.
sqlite3 "$WORK/bench.db" "PRAGMA busy_timeout = 5000; BEGIN;
  WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < $CONNECTIONS)
  INSERT INTO connections (source, name, owner_id, credential_id, privacy, team_id, created_at)
  SELECT source, 'Bench ' || i, owner_id, credential_id, privacy, team_id, created_at
  FROM connections, n WHERE connections.id = $first;
  INSERT INTO sync_runs (connection_id, trigger, started_at, finished_at, pages, outcome)
  SELECT id, 'schedule', unixepoch(), unixepoch(), 1, 'ok' FROM connections WHERE id <> $first;
  COMMIT;" >/dev/null
# Pulled data for the dashboard and the Overview: WITH_DATA connections of 130 monitors (every
# 31st down), 2,000 incidents over 90 days (every 50th open) and 130 availability figures; the
# first connection also a day of response times (130 monitors, every 15 minutes).
sqlite3 "$WORK/bench.db" "PRAGMA busy_timeout = 5000;
  CREATE TEMP TABLE seeded AS SELECT id FROM connections ORDER BY id LIMIT $WITH_DATA;
  WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 129)
  INSERT OR REPLACE INTO synced_records (connection_id, kind, remote_id, data)
  SELECT s.id, 'monitors', 1000 + i, json_object('name', 'Service ' || i,
      'status', CASE WHEN i % 31 = 3 THEN 'down' ELSE 'up' END)
  FROM seeded s, m
  UNION ALL
  SELECT s.id, 'availability', 1000 + i, json_object('name', 'Service ' || i, 'of', 'monitor',
      'availability_percent', 100.0 - (i % 17) * 0.07)
  FROM seeded s, m;
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999)
  INSERT OR REPLACE INTO synced_records (connection_id, kind, remote_id, data)
  SELECT s.id, 'incidents', 5000 + i, json_object('name', 'Service ' || (i % 130) || ' down',
      'started_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i % 90) || ' days', '-' || (i % 1440) || ' minutes'),
      'acknowledged_at', CASE WHEN i % 50 = 0 THEN NULL
          ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i % 90) || ' days', '-' || (i % 1440) || ' minutes', '+90 seconds') END,
      'acknowledged_by', CASE WHEN i % 50 = 0 THEN NULL ELSE 'Bo Oncall' END,
      'resolved_at', CASE WHEN i % 50 = 0 THEN NULL
          ELSE strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i % 90) || ' days', '-' || (i % 1440) || ' minutes', '+40 minutes') END)
  FROM seeded s, n;
  WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 129),
    t(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM t WHERE k < 95)
  INSERT OR REPLACE INTO synced_records (connection_id, kind, remote_id, data)
  SELECT $first, 'response_times', (1000 + i) || '-' || k, json_object('monitor', 'Service ' || i,
      'monitor_id', 1000 + i, 'region', 'eu',
      'at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || (k * 15) || ' minutes'),
      'response_time_seconds', 0.1 + (k % 7) * 0.01)
  FROM m, t;" >/dev/null
# The rows above came from another process, whose commits the server cannot count; making the
# API key below is a commit of its own, after which nothing it kept from before is served
# (server::read_cache).
COOKIE="$(awk '$6 == "plugboard_session" {print $6 "=" $7}' "$jar")"
[ -n "$COOKIE" ] || { echo "could not sign in" >&2; exit 1; }
# A Read key for the API's figures, made through the API Keys page as a person would.
post "$(action /settings/api-keys create_api_key)" -H 'Accept: text/html' \
  --data-urlencode name=Bench --data-urlencode scope=read --data-urlencode expires=
API_KEY=$(curl -fsS -b "$jar" "$APP/settings/api-keys" | grep -o 'value="pb_[A-Za-z0-9_-]*"' | head -1 | cut -d'"' -f2)
[ -n "$API_KEY" ] || { echo "could not make an API key" >&2; exit 1; }
list_html=$(curl -fsS -H "Cookie: $COOKIE" "$APP/connections/betterstack-uptime")
echo "seeded: $(sqlite3 "$WORK/bench.db" "SELECT COUNT(*) FROM connections") connections;" \
  "the list page is $(printf %s "$list_html" | wc -c) bytes with $(printf %s "$list_html" | grep -o 'Bench [0-9]*' | sort -u | wc -l) of them named"

# --- load ---
load() { # load LABEL URL [concurrency]: a bounded wrk run; prints throughput and latencies
  local label="$1" url="$2" conns="${3:-$CONCURRENCY}" out
  out="$(mktemp -p "$WORK")"
  # A short run first, not counted: the first requests of a route fill its caches (the
  # dashboard's first load reads every visible connection's records), and the figures are of
  # the route as it serves after that.
  wrk -t"$THREADS" -c"$conns" -d"${WARMUP}s" -s bench/wrk/request.lua "$url" >/dev/null
  wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --latency -s bench/wrk/request.lua "$url" >"$out"
  awk -v label="$label" '
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /requests in/ {n=$1}
    /Non-2xx/ {bad=$NF}
    END {printf "  %-44s %9s req/s  p50 %8s  p99 %8s  (%s requests%s)\n", label, rps, p50, p99, n, bad ? ", " bad " not 2xx" : ""}' "$out"
}
idle_rss=$(rss_kb "$APP_PID" VmRSS)
# The kernel updates VmHWM lazily (it read below the idle figure once), so the peak is also
# sampled here, every 0.2 s while the loads run.
peak_file="$WORK/peak_rss"
echo "$idle_rss" >"$peak_file"
( while kill -0 "$APP_PID" 2>/dev/null; do
    now=$(rss_kb "$APP_PID" VmRSS) || break
    [ "$now" -gt "$(cat "$peak_file")" ] && echo "$now" >"$peak_file"
    sleep 0.2
  done ) & PIDS+=($!)
runs_before=$(sqlite3 "$WORK/bench.db" "SELECT COUNT(*) FROM sync_runs")
echo "load: $DURATION s per run, $CONCURRENCY concurrent, $THREADS wrk threads"
load "hello route (ceiling)" "http://127.0.0.1:$PORT_HELLO/hello"
# What any page costs before its own data: the smallest, signed out, no session to read.
load "sign-in page, signed out (the lightest page)" "$APP/login"
WRK_COOKIE="$COOKIE" load "connections list page, $CONNECTIONS connections" "$APP/connections/betterstack-uptime"
WRK_COOKIE="$COOKIE" WRK_METHOD=POST WRK_BODY="source=betterstack-uptime&id=$first" \
  load "read server function (connection_detail)" "$APP/api/connection_detail"
WRK_BEARER="$API_KEY" load "API connection list (50 a page of $CONNECTIONS)" \
  "$APP/api/v1/connections?source=betterstack-uptime"
WRK_BEARER="$API_KEY" load "API one connection's read" "$APP/api/v1/connections/betterstack-uptime/$first"
WRK_COOKIE="$COOKIE" load "dashboard page (Home), $CONNECTIONS connections" "$APP/"
WRK_COOKIE="$COOKIE" WRK_METHOD=POST WRK_BODY="source=betterstack-uptime&id=$first" \
  load "Overview server function (connection_overview)" "$APP/api/connection_overview"
WRK_COOKIE="$COOKIE" load "connection page, Overview section" "$APP/connections/betterstack-uptime/$first"
load "healthz" "$APP/healthz"
loaded_rss=$(rss_kb "$APP_PID" VmHWM)
sampled_rss=$(cat "$peak_file")
[ "$sampled_rss" -gt "$loaded_rss" ] && loaded_rss=$sampled_rss

# Sign-in keeps argon2id's cost; other requests must still be served while 20 run at once.
echo "sign-in: 20 sign-ins at a time (argon2id) while healthz is measured beside them"
sign_in_url="$APP$(action /login sign_in)"
# Twenty people signing in, not one client twenty times: sign-in limits count per client.
WRK_SPREAD_CLIENTS=1 WRK_METHOD=POST WRK_BODY="email=ada%40bench.test&password=${PASSWORD// /+}" \
  load "sign-in, 20 at a time" "$sign_in_url" 20 &
sign_ins=$!
sleep 0.5
load "healthz while 20 sign-ins run" "$APP/healthz" 8
wait "$sign_ins"

echo "syncs started during the loads: $(($(sqlite3 "$WORK/bench.db" "SELECT COUNT(*) FROM sync_runs") - runs_before))"
echo "memory: resident $((idle_rss / 1024)) MiB idle (after seeding), peak $((loaded_rss / 1024)) MiB under the loads above"
echo "bundle (release, target/site/pkg), and what the server sends a browser that accepts br:"
for file in "$TARGET"/site/pkg/*.wasm "$TARGET"/site/pkg/*.js; do
  [ -f "$file" ] || { echo "  no bundle in $TARGET/site/pkg: build it (run without BENCH_SKIP_BUILD)"; break; }
  name="$(basename "$file")"
  served="$(curl -fsS -o /dev/null -H 'Accept-Encoding: br, gzip' \
    -w '%{size_download} bytes (%header{content-encoding})' "$APP/pkg/$name")"
  printf "  %-28s raw %8d bytes  brotli %8d bytes  served %s\n" "$name" \
    "$(wc -c <"$file")" "$(brotli -c -q 11 "$file" | wc -c)" "$served"
done
