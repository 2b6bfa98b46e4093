#!/usr/bin/env bash
# Refreshes the console's API types after the server's API changed: runs OpenApiContractTests (which writes the
# running app's /v3/api-docs, normalised, to target/openapi.json), copies it to console/src/api/openapi.json and
# regenerates console/src/api/schema.d.ts. Commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/openapi.json
mvn -B -o -q test -DskipConsole=true -Dtest=OpenApiContractTests -Dsurefire.failIfNoSpecifiedTests=false || true
[ -f target/openapi.json ] || { echo "update-api-types: target/openapi.json was not written" >&2; exit 1; }
cp target/openapi.json console/src/api/openapi.json
cd console
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
npm run --silent gen:api
echo "update-api-types: console/src/api/openapi.json and schema.d.ts refreshed"
