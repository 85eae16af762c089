#!/usr/bin/env bash
# Prints the path of the carryover binary the scripts should run:
# CARRYOVER_BIN if set, else the debug build in CARGO_TARGET_DIR (or ./target).
set -euo pipefail
if [[ -n "${CARRYOVER_BIN:-}" ]]; then
  echo "$CARRYOVER_BIN"
  exit 0
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-target}"
[[ "$target" = /* ]] || target="$root/$target"
echo "$target/debug/carryover"
