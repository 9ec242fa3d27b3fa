#!/usr/bin/env bash
# Fuzzes the REST API against its own OpenAPI document with Schemathesis, once with a Read key
# and once with a Manage key: no 5xx, and every status, content type and body as documented.
#
#   scripts/api-fuzz.sh    # uses target/debug/plugboard and target/debug/betterstack-double
#
# PLUGBOARD_BIN and BETTERSTACK_DOUBLE_BIN name other builds; FUZZ_EXAMPLES sets how many
# cases Schemathesis generates per operation and phase (bounded, so the run is too).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${CARGO_TARGET_DIR:-$PWD/target}"
PLUGBOARD_BIN="${PLUGBOARD_BIN:-$TARGET/debug/plugboard}"
BETTERSTACK_DOUBLE_BIN="${BETTERSTACK_DOUBLE_BIN:-$TARGET/debug/betterstack-double}"
SCHEMATHESIS="$(./scripts/toolchain.sh schemathesis)"
EXAMPLES="${FUZZ_EXAMPLES:-25}"
PORT_APP="${PORT_APP:-3421}" PORT_DOUBLE="${PORT_DOUBLE:-3422}"
APP="http://127.0.0.1:$PORT_APP"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$BETTERSTACK_DOUBLE_BIN" --port "$PORT_DOUBLE" >"$WORK/double.log" 2>&1 & PIDS+=($!)
DATABASE_URL="sqlite://$WORK/fuzz.db" \
PLUGBOARD_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" \
LEPTOS_SITE_ADDR="127.0.0.1:$PORT_APP" \
BETTERSTACK_UPTIME_URL="http://127.0.0.1:$PORT_DOUBLE" \
PLUGBOARD_API_RATE_PER_MINUTE=100000 \
RUST_LOG=warn \
  "$PLUGBOARD_BIN" >"$WORK/app.log" 2>&1 & PIDS+=($!)
for _ in $(seq 200); do curl -fsS -o /dev/null "$APP/healthz" 2>/dev/null && break; sleep 0.1; done
curl -fsS -o /dev/null "$APP/healthz" || { cat "$WORK/app.log" >&2; exit 1; }

# A workspace and two keys, made through the pages as a person would; then a credential and
# a connection made through the API, for the fuzzer to find.
jar="$WORK/cookies"
action() { curl -fsS -b "$jar" "$APP$1" | grep -o "action=\"/api/$2[0-9]*\"" | head -1 | cut -d'"' -f2; }
post() { curl -fsS -b "$jar" -c "$jar" -o /dev/null -H 'Accept: text/html' "$APP$1" "${@:2}"; }
post "$(action /setup create_workspace)" --data-urlencode workspace_name=Fuzz \
  --data-urlencode name="Ada Admin" --data-urlencode email=ada@fuzz.test \
  --data-urlencode password="fuzzing passphrase long enough"
new_key() {
  post "$(action /settings/api-keys create_api_key)" --data-urlencode name="$1" \
    --data-urlencode scope="$1" --data-urlencode expires=
  curl -fsS -b "$jar" "$APP/settings/api-keys" | grep -o 'value="pb_[A-Za-z0-9_-]*"' | head -1 | cut -d'"' -f2
}
READ_KEY="$(new_key read)"
MANAGE_KEY="$(new_key manage)"
[ -n "$READ_KEY" ] && [ -n "$MANAGE_KEY" ] || { echo "could not make API keys" >&2; exit 1; }
api() { curl -fsS -H "Authorization: Bearer $MANAGE_KEY" -H 'Content-Type: application/json' "$APP/api/v1$1" "${@:2}"; }
credential="$(api /credentials -d '{"source":"betterstack-uptime","name":"Fuzz","token":"team_fuzzToken0000"}' \
  | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)"
connection="$(api /connections -d "{\"source\":\"betterstack-uptime\",\"credential\":$credential,\"name\":\"Fuzzed\",\"privacy\":\"workspace\"}" \
  | grep -o '"facts":{"id":[0-9]*' | cut -d: -f3)"
# The same number names both, so one path parameter reaches each (a fresh database).
[ "$credential" = "$connection" ] || { echo "credential $credential, connection $connection" >&2; exit 1; }

fuzz() { # fuzz KEY known|generated [RUN OPTIONS...]: the operations, with the checks the API promises
  local key="$1" paths="$2" config=()
  shift 2
  [ "$paths" = known ] && config=(--config-file tools/schemathesis.toml)
  # No coverage phase: on this Python, Hypothesis's lambda descriptions fail inside it
  # ("AST constructor recursion depth mismatch"), an error of the tool, not of a response.
  "$SCHEMATHESIS" "${config[@]}" run "$APP/api/v1/openapi.json" \
    --url "$APP/api/v1" \
    -H "Authorization: Bearer $key" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,fuzzing \
    --max-examples "$EXAMPLES" \
    --workers 2 \
    --seed 2026 \
    --generation-database none \
    --no-color \
    "$@"
}
# First with the path naming what exists (the Manage key not deleting it yet), then with
# every path parameter generated too, deletes included.
export FUZZ_ID="$credential"
echo "api-fuzz: a Read key, on the connection and credential that exist"
fuzz "$READ_KEY" known
echo "api-fuzz: a Manage key, on the connection and credential that exist (no deletes)"
fuzz "$MANAGE_KEY" known --exclude-method DELETE
echo "api-fuzz: a Read key, every parameter generated"
fuzz "$READ_KEY" generated
echo "api-fuzz: a Manage key, every parameter generated"
fuzz "$MANAGE_KEY" generated
if grep -qi "panicked" "$WORK/app.log"; then
  echo "the server panicked:" >&2; grep -i -A5 panicked "$WORK/app.log" >&2; exit 1
fi
