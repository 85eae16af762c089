#!/usr/bin/env bash
# Throughput and latency under a realistic mix (see bench/load.py, BENCHMARKS.md).
#
#   bench/load.sh [small|clinic] [load.py options…]
#
# SQLite by default (each configuration on a fresh copy of the generated
# data); DATABASE_URL=postgres://… for PostgreSQL (add --processes 2 for two
# servers on one database). CARRYOVER_SQLITE_SYNC=each_commit measures one
# fsync per commit instead of grouped commits.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE="${1:-small}"
shift || true
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carryover-target}"
DATA="${BENCH_DATA:-$HOME/.cache/carryover-bench}/load-$SCALE${DATABASE_URL:+-pg}"
PASSWORD="bench-pass-phrase-42"

command -v wrk >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
}
cargo build --release --locked -p carryover
BIN="$CARGO_TARGET_DIR/release/carryover"

if [[ ! -f "$DATA/accounts.txt" ]]; then
  rm -rf "$DATA" && mkdir -p "$DATA"
  env CARRYOVER_DATA_DIR="$DATA" ${DATABASE_URL:+CARRYOVER_DATABASE_URL="$DATABASE_URL"} \
    "$BIN" generate --scale "$SCALE" --password "$PASSWORD" --accounts "$DATA/accounts.txt.tmp"
  mv "$DATA/accounts.txt.tmp" "$DATA/accounts.txt"
fi

exec python3 bench/load.py --bin "$BIN" --accounts "$DATA/accounts.txt" --password "$PASSWORD" \
  --data-dir "$DATA" ${DATABASE_URL:+--database-url "$DATABASE_URL"} --label "$SCALE" "$@"
