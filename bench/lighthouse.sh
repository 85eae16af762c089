#!/usr/bin/env bash
# Lighthouse 12 (mobile, simulated slow 4G) scores of Carryover's pages, as a
# Markdown table for BENCHMARKS.md. Starts its own `serve --demo` on a free
# port with a fresh data dir, so the numbers never depend on local data.
#
# Usage: bench/lighthouse.sh [PATH...]      default: /login /home
# Every path except / and /login is audited signed in as the demo caregiver.
# Binary: CARRYOVER_BIN, else ${CARGO_TARGET_DIR:-target}/debug/carryover.
# The JSON reports stay in e2e/lighthouse/ for a closer look.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="$REPO_ROOT/e2e"
REPORT_DIR="$E2E_DIR/lighthouse"
LIGHTHOUSE="$E2E_DIR/node_modules/lighthouse/cli/index.js"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PASSWORD="correct-horse-battery-staple-42"
PAGES=("$@")
[[ ${#PAGES[@]} -gt 0 ]] || PAGES=(/login /home)

log() { echo "lighthouse.sh: $*" >&2; }

[[ -x "$CHROME_PATH" ]] || { log "no Chromium at $CHROME_PATH (apt-get install -y chromium)"; exit 1; }
if [[ ! -f "$LIGHTHOUSE" ]]; then
  (cd "$E2E_DIR" && npm ci --no-audit --no-fund --loglevel=error)
fi

BIN="$("$REPO_ROOT/scripts/carryover-bin.sh")"
[[ -x "$BIN" ]] || { log "no binary at $BIN: cargo build -p carryover, or set CARRYOVER_BIN"; exit 1; }

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
BASE="http://127.0.0.1:$PORT"
CARRYOVER_DEMO_PASSWORD="$PASSWORD" RUST_LOG=warn \
  "$BIN" serve --demo --listen "127.0.0.1:$PORT" --data-dir "$WORK/data" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!

for _ in $(seq 1 300); do
  grep -qxF "Carryover is ready at $BASE" "$WORK/server.out" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { log "server exited:"; cat "$WORK/server.err" >&2; exit 1; }
  sleep 0.2
done
grep -qxF "Carryover is ready at $BASE" "$WORK/server.out" || { log "server not ready after 60 s"; exit 1; }
sleep 0.5 # the demo account lines follow the ready line

# Signs in as the demo caregiver in a real browser and writes the session
# cookie as Lighthouse's --extra-headers JSON (a file: no secret on a command line).
sign_in() {
  local account
  account="$(grep -m1 '^demo caregiver: ' "$WORK/server.out" || true)"
  [[ -n "$account" ]] || { log "the server printed no 'demo caregiver:' line"; return 1; }
  read -r _ _ EMAIL PW <<<"$account"
  BASE="$BASE" EMAIL="$EMAIL" PW="$PW" OUT="$WORK/headers.json" node --input-type=module -e "
    import { writeFileSync } from 'node:fs';
    import { launchBrowser, newContext, sessionCookie, signIn } from '$E2E_DIR/lib/browser.mjs';
    const browser = await launchBrowser();
    try {
      const context = await newContext(browser, { viewport: 'phone' });
      await signIn(await context.newPage(), process.env.BASE, { email: process.env.EMAIL, password: process.env.PW });
      const c = await sessionCookie(context);
      if (!c) throw new Error('signed in, but no __Host- session cookie');
      writeFileSync(process.env.OUT, JSON.stringify({ Cookie: c.name + '=' + c.value }), { mode: 0o600 });
    } finally { await browser.close(); }
  " >&2
}

# One row of the table from a Lighthouse JSON report (or the reason it has none).
row() {
  node -e "
    const [file, page] = process.argv.slice(1);
    let r;
    try { r = JSON.parse(require('fs').readFileSync(file, 'utf8')); }
    catch { console.log('| ' + page + ' | – | – | – | Lighthouse failed |'); process.exit(2); }
    const score = (id) => r.categories?.[id]?.score == null ? '–' : Math.round(r.categories[id].score * 100);
    const notes = [];
    if (r.runtimeError) notes.push(r.runtimeError.code);
    const final = new URL(r.finalDisplayedUrl || r.finalUrl || r.requestedUrl).pathname;
    if (final !== page) notes.push('ended on ' + final);
    console.log('| ' + [page, score('performance'), score('accessibility'), score('best-practices'), notes.join('; ')].join(' | ') + ' |');
    if (r.runtimeError) process.exitCode = 2;
  " "$1" "$2"
}

mkdir -p "$REPORT_DIR"
ROWS=()
status=0
for page in "${PAGES[@]}"; do
  extra=()
  if [[ "$page" != "/" && "$page" != "/login" ]]; then
    if [[ ! -f "$WORK/headers.json" ]] && ! sign_in; then
      ROWS+=("| $page | – | – | – | demo caregiver sign-in failed |"); status=1; continue
    fi
    extra=(--extra-headers "$WORK/headers.json")
  fi
  name="$(echo "${page#/}" | tr -c 'A-Za-z0-9\n' '_')"
  report="$REPORT_DIR/${name:-root}.json"
  rm -f "$report"
  log "auditing $page"
  node "$LIGHTHOUSE" "$BASE$page" --form-factor=mobile \
    --only-categories=performance,accessibility,best-practices --output=json --quiet \
    --output-path="$report" --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    "${extra[@]}" >&2 || status=1
  line="$(row "$report" "$page")" || status=1
  ROWS+=("$line")
done

LH_VERSION="$(node -p "require('$E2E_DIR/node_modules/lighthouse/package.json').version")"
CHROMIUM_VERSION="$("$CHROME_PATH" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1)"
echo "Lighthouse $LH_VERSION, mobile (simulated throttling), Chromium $CHROMIUM_VERSION, $("$BIN" version 2>/dev/null || echo carryover), $(date -u +%Y-%m-%d)"
echo
echo "| page | performance | accessibility | best practices | note |"
echo "|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
exit "$status"
