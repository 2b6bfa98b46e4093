#!/usr/bin/env bash
# Benchmarks of the withdrawal module (issue 4). Prints the figures (lines starting with BENCH).
#   scripts/bench-withdrawals.sh            all three
#   scripts/bench-withdrawals.sh app|batch|export
#   scripts/bench-withdrawals.sh floor   the lightest authenticated APP call (balances) against pgbench the same way
#   scripts/bench-withdrawals.sh ceiling how far creation could get here: its SQL alone by pgbench, plus the lightest call's JVM time
#   BENCH_STATEMENTS=1 scripts/bench-withdrawals.sh app    ... and the database's time statement by statement
# The export benchmark runs its whole JVM (application and client) with -Xmx256m.
set -euo pipefail
cd "$(dirname "$0")/.."
# as in production: every commit waits for the disk (BENCH_SYNCHRONOUS_COMMIT=off measures the test setting)
durable="-Dwbo.embedded-postgres.synchronous-commit=${BENCH_SYNCHRONOUS_COMMIT:-on}"
# BENCH_STATEMENTS=1: the APP run also prints where the database's time went, statement by statement (pg_stat_statements)
if [[ "${BENCH_STATEMENTS:-}" == 1 ]]; then
  durable="$durable -Dbench.statements=true -Dwbo.embedded-postgres.server-config=shared_preload_libraries=pg_stat_statements"
fi
bash scripts/install-bench-tools.sh
what="${1:-all}"
run() {
  local method="$1" jvm="$2"
  mvn -B -ntp -q test -DskipConsole=true -Dtest="WithdrawalBenchmark#${method}" -Dsurefire.failIfNoSpecifiedTests=false \
      "-DargLine=${jvm} ${durable}" ${BENCH_OPTS:-} >/tmp/bench-withdrawals-$$.log 2>&1 || { tail -50 /tmp/bench-withdrawals-$$.log; exit 1; }
  grep -h "^BENCH" target/surefire-reports/io.wbo.bench.WithdrawalBenchmark-output.txt /tmp/bench-withdrawals-$$.log 2>/dev/null | sort -u || true
}
[[ "$what" == all || "$what" == app ]] && run appCreationVersusPgbench "-Xmx1g -XX:+UseParallelGC"
[[ "$what" == all || "$what" == batch ]] && run batchSubmitAndBatchResultsOfTenThousand "-Xmx1g -XX:+UseParallelGC"
[[ "$what" == floor ]] && run appBalancesVersusPgbench "-Xmx1g -XX:+UseParallelGC"
[[ "$what" == ceiling ]] && run appCreationCeiling "-Xmx1g -XX:+UseParallelGC"
[[ "$what" == all || "$what" == export ]] && run exportOfAMillionRecordsToXlsx "-Xmx256m -XX:+UseParallelGC"
exit 0
