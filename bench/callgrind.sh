#!/usr/bin/env bash
# Instructions per request under callgrind, as ratios to a bare axum handler
# and to Carryover's own trivial endpoint. See BENCHMARKS.md.
#
#   bench/callgrind.sh [demo|small|clinic|saas] [callgrind.py options…]
#
# Builds the release binary and the bare handler (bench/floor), makes the data
# once per scale under $BENCH_DATA (default ~/.cache/carryover-bench), then
# measures. DATABASE_URL=postgres://… measures on PostgreSQL instead: the
# database named there is filled once and reused.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE="${1:-demo}"
shift || true
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carryover-target}"
DATA="${BENCH_DATA:-$HOME/.cache/carryover-bench}/$SCALE"
PASSWORD="bench-pass-phrase-42"

command -v valgrind >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
}
cargo build --release --locked -p carryover -p carryover-floor
BIN="$CARGO_TARGET_DIR/release/carryover"
FLOOR="$CARGO_TARGET_DIR/release/carryover-floor"

mkdir -p "$DATA"
db_args=()
if [[ -n "${DATABASE_URL:-}" ]]; then
  db_args=(--database-url "$DATABASE_URL")
fi

if [[ ! -f "$DATA/.made" ]]; then
  if [[ "$SCALE" == demo ]]; then
    # The demo: start once with --demo, stop as soon as it is ready.
    CARRYOVER_DATA_DIR="$DATA" CARRYOVER_DEMO_PASSWORD="$PASSWORD" \
      "$BIN" serve --demo --listen 127.0.0.1:0 > "$DATA/serve.log" 2>&1 &
    pid=$!
    until grep -q "ready at" "$DATA/serve.log"; do sleep 0.5; done
    kill -TERM "$pid"; wait "$pid" || true
    echo "--caregiver ana.rivera@example.org --therapist therapist@example.org" > "$DATA/.made"
  else
    env CARRYOVER_DATA_DIR="$DATA" ${DATABASE_URL:+CARRYOVER_DATABASE_URL="$DATABASE_URL"} \
      "$BIN" generate --scale "$SCALE" --password "$PASSWORD" | tee "$DATA/generate.log"
    # The generator prints the accounts to measure with as its last line.
    tail -n 1 "$DATA/generate.log" | sed -n 's/^measure with: //p' > "$DATA/.made"
  fi
fi

# shellcheck disable=SC2046
exec python3 bench/callgrind.py --floor "$FLOOR" --bin "$BIN" --data-dir "$DATA" "${db_args[@]}" \
  $(cat "$DATA/.made") --password "$PASSWORD" --label "$SCALE" "$@"
