#!/usr/bin/env bash
# The crash drill (issue 16): SIGKILL under concurrent writes, restart, and
# check that nothing acknowledged was lost; see bench/crash_drill.py.
#   bench/crash-drill.sh --db sqlite --cycles 20 --backup
#   bench/crash-drill.sh --db postgres --cycles 20 --pg-stops 2 --backup
# --pg-stops stops the machine's PostgreSQL in immediate mode: keep it small
# on a shared machine (the drill starts it again at once).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$("$root/scripts/carryover-bin.sh")"
[[ -x "$bin" ]] || (cd "$root" && cargo build -p carryover)
exec python3 "$root/bench/crash_drill.py" --bin "$bin" "$@"
