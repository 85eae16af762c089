#!/usr/bin/env bash
# Installs what .ci/run's later steps need — pdftotext, Chromium, the node
# packages, the Python checkers — so that .ci/run can fetch them while its
# first build keeps both cores busy. Each script keeps its own pins; here
# they only run with --install-only. One after another: apt and pip each
# take a lock.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The progress report's test reads its PDF back with pdftotext (issue 14).
if ! command -v pdftotext >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
bash "$root/e2e/run.sh" --install-only
bash "$root/scripts/api-contract.sh" --install-only
bash "$root/scripts/ical-check.sh" --install-only
