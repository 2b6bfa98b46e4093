#!/usr/bin/env bash
# Ledger and audit-chain benchmark beside pgbench TPC-B on the same embedded PostgreSQL; prints figures.
# Usage: scripts/bench-ledger.sh [seconds-per-run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
# as in production: every commit waits for the disk (BENCH_SYNCHRONOUS_COMMIT=off measures the test setting)
durable="-Dwbo.embedded-postgres.synchronous-commit=${BENCH_SYNCHRONOUS_COMMIT:-on}"
bash scripts/install-bench-tools.sh
mvn -B -ntp -q test -DskipConsole=true -Dtest=LedgerBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.seconds="${1:-20}" -DargLine="-Xmx1g ${durable} -Dbench.seconds=${1:-20}" 2>&1 | grep -E "^(===|pgbench|ledger|ratio|books| +CPU)|ERROR|FAIL" || true
