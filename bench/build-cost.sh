#!/usr/bin/env bash
# What the progress report's crate (Typst) costs a clean release build
# (issue 14). One cold `cargo build --release --timings` of the program in an
# empty target directory, then each compiled unit is attributed: to the
# crates only `carryover-report` brings in, or to the rest.
#
#   bench/build-cost.sh [TARGET_DIR]   (default: a new temporary directory)
#
# The target directory must not hold a release build yet, or the figure is
# not a clean build's.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGET="${1:-$(mktemp -d)}"
if [[ -d "$TARGET/release" ]]; then
  echo "$TARGET already holds a release build: give an empty directory" >&2
  exit 1
fi

tree() { cargo tree --locked -p carryover -e normal,build --prefix none -f '{p}' "$@" | sed 's/ (.*//' | sort -u; }
tree > "$TARGET/all-packages.txt"
tree --prune carryover-report > "$TARGET/without-report.txt"
comm -23 "$TARGET/all-packages.txt" "$TARGET/without-report.txt" > "$TARGET/report-only.txt"

start=$(date +%s)
CARGO_TARGET_DIR="$TARGET" cargo build --release --locked -p carryover --timings
wall=$(( $(date +%s) - start ))

python3 bench/build_cost.py --timings "$TARGET/cargo-timings/cargo-timing.html" \
  --report-only "$TARGET/report-only.txt" --wall "$wall" --binary "$TARGET/release/carryover"
