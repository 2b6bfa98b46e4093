#!/usr/bin/env bash
# Builds the operator console (React + Vite) into the given static-resources folder.
# Skips npm ci when node_modules matches the lock file, so repeated builds stay fast.
set -euo pipefail
out="${1:?usage: build-console.sh OUTPUT_DIR}"
dir="$(dirname "$0")/../console"
if [ ! -f "$dir/package.json" ]; then
  echo "build-console: no console/package.json, nothing to build"; exit 0
fi
cd "$dir"
stamp=node_modules/.lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
npm run --silent build -- --outDir "$out" --emptyOutDir
