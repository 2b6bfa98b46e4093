#!/usr/bin/env bash
# The README's test command: every test (unit, integration on the embedded PostgreSQL, browser end-to-end in
# Debian's Chromium) on a fresh Debian machine with JDK 17, Maven and Node 20.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-tools.sh
mvn -B -ntp verify "$@"
