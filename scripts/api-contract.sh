#!/usr/bin/env bash
# The API contract check (PRODUCT.md §5): schemathesis from PyPI against a
# fresh `serve --demo` as five identities, then a cross-identity id check.
# Installs its tools in a virtualenv outside the clone, reused between runs
# (`--install-only` installs them and stops).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${CARRYOVER_VENV:-$HOME/.cache/carryover-venv}"
if [[ ! -x "$venv/bin/schemathesis" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.32.5" "requests==2.34.2"
fi
# .ci/run installs every tool while the first build runs (scripts/ci-tools.sh).
[[ "${1:-}" == --install-only ]] && exit 0
bin="$("$root/scripts/carryover-bin.sh")"
[[ -x "$bin" ]] || (cd "$root" && cargo build -p carryover)
data="$(mktemp -d)"
echo "api contract: data in $data" >&2
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export CARRYOVER_DEMO_PASSWORD="contract-check-pass-phrase-42"
RUST_LOG=warn "$bin" --data-dir "$data" serve --demo --listen "127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; [[ -n "${API_CONTRACT_KEEP:-}" ]] || rm -rf "$data"' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.5
done
CARRYOVER_URL="http://127.0.0.1:$port" CARRYOVER_BIN="$bin" CARRYOVER_DATA_DIR="$data" \
  "$venv/bin/python" "$root/scripts/api_contract.py"
