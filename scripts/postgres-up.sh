#!/usr/bin/env bash
# Makes sure the local PostgreSQL answers, starting the Debian cluster if needed.
set -euo pipefail
url="${1:-postgres://postgres@127.0.0.1:5432/test}"
ready() { psql "$url" -Atqc 'SELECT 1' >/dev/null 2>&1; }
if ready; then exit 0; fi
if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
  echo "starting the local PostgreSQL cluster"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
fi
for _ in $(seq 1 30); do
  ready && exit 0
  sleep 1
done
echo "PostgreSQL at $url does not answer" >&2
exit 1
