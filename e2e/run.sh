#!/usr/bin/env bash
# Runs the real-browser journeys: Debian's Chromium + playwright-core + axe-core.
# Usage: e2e/run.sh [test files...]   (default: every file in e2e/tests/)
#        e2e/run.sh --install-only     (Chromium and the node packages, then stop)
# CARRYOVER_BIN or CARGO_TARGET_DIR choose the binary (default: target/debug/carryover).
set -euo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$E2E_DIR/.." && pwd)"

# Test tools cannot download browsers here; Debian's package is the browser.
if [[ ! -x /usr/bin/chromium ]]; then
  echo "e2e: installing chromium (apt-get)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

cd "$E2E_DIR"
# `npm ci` starts from nothing every time: skip it when the installed
# packages came from this very lock file.
stamp="node_modules/.installed-from-lock"
if ! { [[ -f "$stamp" ]] && cmp -s package-lock.json "$stamp"; }; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
[[ "${1:-}" == --install-only ]] && exit 0

BIN="$("$REPO_ROOT/scripts/carryover-bin.sh")"
if [[ ! -x "$BIN" ]]; then
  echo "e2e: $BIN missing, building it" >&2
  (cd "$REPO_ROOT" && cargo build -p carryover)
fi

status=0
if [[ $# -gt 0 ]]; then
  node --test --test-concurrency=1 "$@" || status=$?
else
  npm test --silent || status=$?
fi
echo "e2e: screenshots in $E2E_DIR/screenshots"
exit "$status"
