#!/usr/bin/env bash
# Bank statement import and reconciliation at a million lines, with -Xmx512m; prints figures.
# Usage: scripts/bench-statements.sh [lines, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
# as in production: every commit waits for the disk (BENCH_SYNCHRONOUS_COMMIT=off measures the test setting)
durable="-Dwbo.embedded-postgres.synchronous-commit=${BENCH_SYNCHRONOUS_COMMIT:-on}"
mvn -B -ntp -q test -DskipConsole=true -Dtest=${BENCH_TEST:-StatementBenchmark} -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Xmx512m ${durable} -XX:+UseParallelGC -Dbench.lines=${1:-1000000}" 2>&1 \
  | grep -E "^(===|copy|import|ratio|ceiling|reimport|reconcile|scaling|seed|withdrawal results)|reconciliation run .*ms|statement import .*ms|ERROR|FAIL|Exception" \
  | sed -E "s/^.*(reconciliation run |statement import )/  \\1/" || true
