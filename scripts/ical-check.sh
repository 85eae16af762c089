#!/usr/bin/env bash
# The calendar feed through a real iCalendar parser (issue 12 part C): a
# fresh `serve --demo`, a demo caregiver makes a feed link through the API,
# and scripts/ical-check.py parses the feed with Python's `icalendar`.
# Installs the parser in a virtualenv outside the clone, reused between runs
# (`--install-only` installs it and stops).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${CARRYOVER_VENV:-$HOME/.cache/carryover-venv}"
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
if ! "$venv/bin/python" -c "import icalendar" 2>/dev/null; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check "icalendar==6.3.1"
fi
[[ "${1:-}" == --install-only ]] && exit 0
bin="$("$root/scripts/carryover-bin.sh")"
[[ -x "$bin" ]] || (cd "$root" && cargo build -p carryover)
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export CARRYOVER_DEMO_PASSWORD="ical-check-pass-phrase-42"
RUST_LOG=info "$bin" --data-dir "$data" serve --demo --listen "127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
CARRYOVER_URL="http://127.0.0.1:$port" CARRYOVER_SERVER_LOG="$data/server.log" \
  "$venv/bin/python" "$root/scripts/ical-check.py"
