#!/usr/bin/env bash
# Sync benchmark against the release build on 127.0.0.1: Plugboard (a real server, a real
# SQLite file) pulls a large Better Stack account from the test double (`--world bench`: two
# teams, 1,000 monitors in 20 groups, 100 heartbeats, 2,000 incidents, 5 status pages) with a
# global token, reading All teams, at most 8 requests a second.
#
# It prints, for the first (complete) sync with and without the per-monitor details
# (PLUGBOARD_DETAILS_PER_SYNC=25 and 0): wall time, requests, rows written, the server's peak
# resident memory, and the p99 of another connection's page loaded while the sync runs, beside
# the hello route (crates/bench-hello) loaded the same way. Then the requests of an
# incremental sync when nothing changed, and when 10 old open incidents were resolved, next to
# the fewest the API allows for those lists.
#
#   bench/sync.sh                    # builds what is missing (release), then measures
#   BENCH_SKIP_BUILD=1 bench/sync.sh # measure the binaries already built
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
PORT_APP="${PORT_APP:-3421}" PORT_HELLO="${PORT_HELLO:-3422}" PORT_DOUBLE="${PORT_DOUBLE:-3423}"
APP="http://127.0.0.1:$PORT_APP"
DOUBLE="http://127.0.0.1:$PORT_DOUBLE"
TOKEN=global_benchmarkSync0000
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk sqlite3 curl jq; do
  command -v "$tool" >/dev/null || apt-get install -y "$tool" >/dev/null
done
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./scripts/toolchain.sh install
  ./scripts/toolchain.sh leptos build --release
  ./scripts/toolchain.sh cargo build --release -p bench-hello -p betterstack-double
fi

wait_for() { for _ in $(seq 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }
rss_kb() { awk "/^$2:/ {print \$2}" "/proc/$1/status"; }
requests_seen() { curl -fsS "$DOUBLE/__double/requests" | jq --arg t "Bearer $TOKEN" '[.[] | select(.authorization == $t)] | length'; }
# What the double saw with the token after the first N of them, by kind of request.
requests_kinds() {
  curl -fsS "$DOUBLE/__double/requests" | jq -r --arg t "Bearer $TOKEN" --argjson skip "$1" '
    [.[] | select(.authorization == $t)] | .[$skip:]
    | map(if (.path | test("/(sla|availability|response-times)$")) then "details"
          elif (.path | test("/[0-9]+$")) then "single reads" else "list pages" end)
    | group_by(.) | map("\(length) \(.[0])") | join(", ")'
}

"$TARGET/release/betterstack-double" --port "$PORT_DOUBLE" --world bench >"$WORK/double.log" 2>&1 & PIDS+=($!)
"$TARGET/release/bench-hello" --port "$PORT_HELLO" & PIDS+=($!)
wait_for "$DOUBLE/__double/health"; wait_for "http://127.0.0.1:$PORT_HELLO/hello"

# p99 (ms) of a bounded wrk run: LABEL URL SECONDS [cookie]
p99() {
  local out; out="$(mktemp -p "$WORK")"
  WRK_COOKIE="${4:-}" wrk -t2 -c8 -d"${3}s" --latency -s bench/wrk/request.lua "$2" >"$out"
  awk -v label="$1" '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /requests in/ {n=$1} /Non-2xx/ {bad=$NF}
    END {printf "    %-46s p50 %8s  p99 %8s  (%s requests%s)\n", label, p50, p99, n, bad ? ", " bad " not 2xx" : ""}' "$out"
}

# One server with a fresh database: DETAILS is PLUGBOARD_DETAILS_PER_SYNC. Sets APP_PID, DB,
# COOKIE, CONNECTION (the synced one) and OTHER (another connection, whose page is loaded).
start_server() {
  local details="$1" dir="$WORK/details-$1"
  mkdir -p "$dir"
  DB="$dir/bench.db"
  DATABASE_URL="sqlite://$DB" \
  PLUGBOARD_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" \
  LEPTOS_SITE_ADDR="127.0.0.1:$PORT_APP" \
  LEPTOS_SITE_ROOT="$TARGET/site" \
  BETTERSTACK_UPTIME_URL="$DOUBLE" \
  PLUGBOARD_SYNC_INTERVAL=24h \
  PLUGBOARD_DETAILS_PER_SYNC="$details" \
  RUST_LOG=warn \
    "$TARGET/release/plugboard" >"$dir/app.log" 2>&1 & APP_PID=$!; PIDS+=($APP_PID)
  wait_for "$APP/healthz"
  local jar="$dir/cookies"
  action() { curl -fsS -b "$jar" "$APP$1" | grep -o "action=\"/api/$2[0-9]*\"" | head -1 | cut -d'"' -f2; }
  post() { curl -fsS -b "$jar" -c "$jar" -o /dev/null "$APP$1" "${@:2}"; }
  post "$(action /setup create_workspace)" --data-urlencode workspace_name=Bench \
    --data-urlencode name="Ada Admin" --data-urlencode email=ada@bench.test \
    --data-urlencode password="bench passphrase long enough"
  post "$(action "/settings/connections/new/credential?source=betterstack-uptime" save_credential)" \
    --data-urlencode source=betterstack-uptime --data-urlencode name=Bench --data-urlencode token="$TOKEN"
  CREDENTIAL=$(sqlite3 "$DB" "SELECT MAX(id) FROM credentials")
  COOKIE="$(awk '$6 == "plugboard_session" {print $6 "=" $7}' "$jar")"
  # Another connection, made in SQL so that it does not sync: its page is what people load.
  sqlite3 -cmd ".timeout 5000" "$DB" "INSERT INTO connections (source, name, owner_id,
    credential_id, privacy, created_at, full_sync_at) VALUES ('betterstack-uptime', 'Other', 1,
    $CREDENTIAL, 'workspace', 0, strftime('%s'))"
  OTHER=$(sqlite3 "$DB" "SELECT MAX(id) FROM connections")
  sleep 1 # the server's read caches notice another process's rows after a second
  CREATE_URL="$APP$(action "/settings/connections/new?step=finish&source=betterstack-uptime&credential=$CREDENTIAL&name=Synced&privacy=workspace&team_scope=all" create_connection)"
  SYNC_NOW_URL="$APP$(curl -fsS -H "Cookie: $COOKIE" "$APP/connections/betterstack-uptime/$OTHER" | grep -o 'action="/api/sync_now[0-9]*"' | head -1 | cut -d'"' -f2)"
}

# Waits until connection $1 has $2 finished syncs, sampling the server's resident memory;
# prints the seconds waited.
wait_for_syncs() {
  local started peak=0 now
  started=$(date +%s.%N)
  until [ "$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT COUNT(*) FROM sync_runs WHERE connection_id = $1 AND finished_at IS NOT NULL")" -ge "$2" ]; do
    now=$(rss_kb "$APP_PID" VmRSS); [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.1
  done
  awk -v s="$started" -v e="$(date +%s.%N)" -v p="$peak" 'BEGIN {printf "%.2f %d\n", e - s, p}'
}

last_run() { sqlite3 -separator ' ' "$DB" "SELECT outcome, pages, rows_changed FROM sync_runs WHERE connection_id = $1 ORDER BY id DESC LIMIT 1"; }

first_sync() { # DETAILS
  start_server "$1"
  echo "  PLUGBOARD_DETAILS_PER_SYNC=$1, first sync (complete):"
  p99 "hello route (ceiling), before the sync" "http://127.0.0.1:$PORT_HELLO/hello" 3
  p99 "another connection's page, before the sync" "$APP/connections/betterstack-uptime/$OTHER" 3 "$COOKIE"
  local before started; before=$(requests_seen); started=$(date +%s.%N)
  curl -fsS -o /dev/null -H "Cookie: $COOKIE" "$CREATE_URL" --data-urlencode source=betterstack-uptime \
    --data-urlencode credential="$CREDENTIAL" --data-urlencode name=Synced \
    --data-urlencode privacy=workspace --data-urlencode team_scope=all
  CONNECTION=$(sqlite3 -cmd ".timeout 5000" "$DB" "SELECT MAX(id) FROM connections WHERE name = 'Synced'")
  p99 "another connection's page, during the sync" "$APP/connections/betterstack-uptime/$OTHER" "$LOAD_SECONDS" "$COOKIE" &
  local load=$!
  read -r _ peak < <(wait_for_syncs "$CONNECTION" 1)
  local took; took=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
  wait "$load"
  read -r outcome pages rows < <(last_run "$CONNECTION")
  local hwm; hwm=$(rss_kb "$APP_PID" VmHWM); [ "$hwm" -gt "$peak" ] && peak=$hwm
  printf "    outcome %s: wall %s s, %s requests (%s), %s rows written, peak resident %s MiB\n" \
    "$outcome" "$took" "$(( $(requests_seen) - before ))" "$(requests_kinds "$before")" "$rows" "$((peak / 1024))"
}

sync_now() { # LABEL: Sync now, then the requests it sent
  local before; before=$(requests_seen)
  local done_before; done_before=$(sqlite3 "$DB" "SELECT COUNT(*) FROM sync_runs WHERE connection_id = $CONNECTION AND finished_at IS NOT NULL")
  curl -fsS -o /dev/null -H "Cookie: $COOKIE" "$SYNC_NOW_URL" \
    --data-urlencode source=betterstack-uptime --data-urlencode id="$CONNECTION"
  read -r took _ < <(wait_for_syncs "$CONNECTION" $((done_before + 1)))
  read -r outcome _ rows < <(last_run "$CONNECTION")
  printf "  %s: outcome %s, wall %.1f s, %s requests (%s), %s rows written\n" \
    "$1" "$outcome" "$took" "$(( $(requests_seen) - before ))" "$(requests_kinds "$before")" "$rows"
}

echo "sync benchmark: two teams, 1,000 monitors in 20 groups, 100 heartbeats, 2,000 incidents, 5 status pages; a global token, All teams"
# The page is loaded for about as long as each sync takes (its lists are some 50 requests at
# 8 a second; the details 50 more).
LOAD_SECONDS=5 first_sync 0
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
LOAD_SECONDS=11 first_sync 25
# The fewest requests the API allows for the lists: a page per 250 monitor groups (1),
# monitors (4), heartbeat groups (1), heartbeats (1), status pages (1), on-call calendars (1)
# and policies (1); incidents from the newest day (100 on 2026-11-20: 2 pages of 50) and the
# open ones (200: 4 pages).
echo "  incremental syncs (the fewest list pages the API allows: 10 + 6 for incidents = 16):"
sync_now "nothing changed"
# Ten incidents of the oldest days, open until now, resolved in Better Stack.
curl -fsS -X POST "$DOUBLE/__double/resolve?ids=5000,5010,5020,5030,5040,5050,5060,5070,5080,5090"
sync_now "10 old incidents resolved (the fewest: 16 + 10 single reads)"
still_open=$(sqlite3 "$DB" "SELECT COUNT(*) FROM synced_records WHERE connection_id = $CONNECTION
  AND kind = 'incidents' AND remote_id IN ('5000','5010','5020','5030','5040','5050','5060','5070','5080','5090')
  AND json_extract(data, '$.status') != 'Resolved'")
echo "  of those 10, still shown open after the sync: $still_open"
