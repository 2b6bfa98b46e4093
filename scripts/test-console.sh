#!/usr/bin/env bash
# Runs the console's unit tests (Vitest) in Maven's test phase. Usage: test-console.sh [SKIP_TESTS]
# Skipped when Maven's tests are skipped; -DskipConsole=true skips the execution itself (see pom.xml).
set -euo pipefail
if [ "${1:-false}" = "true" ]; then
  echo "test-console: tests skipped"; exit 0
fi
dir="$(dirname "$0")/../console"
[ -f "$dir/package.json" ] || { echo "test-console: no console"; exit 0; }
cd "$dir"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent test
