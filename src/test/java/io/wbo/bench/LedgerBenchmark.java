package io.wbo.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.wbo.audit.AuditLog;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.Money;
import io.wbo.ledger.AccountKind;
import io.wbo.ledger.AccountRef;
import io.wbo.ledger.Ledger;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ledger throughput beside pgbench TPC-B on the same embedded PostgreSQL, 4 clients each: spread-out accounts, one
 * hot account, and the spread run with auditing off (a transfer is its own audit record: off, it is posted without
 * its actor, address and time, and the sealer that chains committed transfers is paused; on, a run ends when its
 * transfers are sealed). Prints figures; asserts nothing (run by scripts/bench-ledger.sh, excluded from the test suite).
 */
@WboTest
class LedgerBenchmark {

	static final int CLIENTS = 4;
	static final int SECONDS = Integer.getInteger("bench.seconds", 20);
	static final int CUSTOMERS = 2_000;
	static final long BASE = 50_000_000L;
	static final Actor BENCH = Actor.system("bench");

	@Autowired
	Ledger ledger;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Value("${wbo.embedded-postgres.actual-port}")
	int pgPort;

	@Autowired
	org.springframework.core.env.Environment env;

	/** Operations and seconds of several runs of one kind, for a rate over all of them. */
	static final class Totals {
		long operations;
		double seconds;
		double p99;
		/** Of {@link #seconds}: the time spent after the runs sealing what the sealer had not reached yet. */
		double drainSeconds;
		final StringBuilder rounds = new StringBuilder();
		long jvmNanos;
		long postgresNanos;

		/**
		 * Runs one round and adds its figures, with the CPU time the JVM and PostgreSQL spent meanwhile; then, timed
		 * as part of the round, the sealing of its transfers that the sealer had not done yet ({@code drain}).
		 */
		void measure(java.util.concurrent.Callable<LoadRun.Result> run, Runnable drain) throws Exception {
			CpuProbe before = CpuProbe.now();
			LoadRun.Result r = run.call();
			long drainStart = System.nanoTime();
			drain.run();
			double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
			CpuProbe after = CpuProbe.now();
			jvmNanos += after.jvmNanos() - before.jvmNanos();
			postgresNanos += after.postgresNanos() - before.postgresNanos();
			rounds.append(rounds.isEmpty() ? "" : " ").append(String.format("%,.0f", r.operations() / (r.seconds() + drainSeconds)));
			operations += r.operations();
			seconds += r.seconds() + drainSeconds;
			this.drainSeconds += drainSeconds;
			p99 = Math.max(p99, r.p99Millis());
		}

		double perSecond() {
			return operations / seconds;
		}

		@Override
		public String toString() {
			return String.format("%,.0f/s (%,d in %.1f s; rounds %s), worst round p99 %.2f ms%n%37sCPU per operation: JVM %.0f µs, PostgreSQL %.0f µs%s",
					perSecond(), operations, seconds, rounds, p99, "", jvmNanos / 1e3 / operations, postgresNanos / 1e3 / operations,
					drainSeconds >= 0.005 ? String.format("; of the time, %.2f s sealing what was left at the runs' ends", drainSeconds) : "");
		}
	}

	/** One timed run of a round. */
	interface Measured {
		void measure() throws Exception;
	}

	/** Ends a setup run early. */
	static final class StopSignal extends RuntimeException {
	}

	@Test
	void ledgerVersusPgbench() throws Exception {
		Money funding = new Money(Asset.HKD, new BigDecimal("1000000.00"));
		Money one = new Money(Asset.HKD, new BigDecimal("1.00"));
		AccountRef source = AccountRef.system(AccountKind.ADJUSTMENT, Asset.HKD);
		String run = Long.toString(System.nanoTime());
		Money half = new Money(Asset.HKD, new BigDecimal("500000.00"));
		// every customer gets a balance and a frozen part, so random freezes and unfreezes never run dry
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		LoadRun.run(CLIENTS, 3600, (t, n) -> {
			int c = next.getAndIncrement();
			if (c >= CUSTOMERS) {
				throw new StopSignal();
			}
			ledger.credit(BASE + c, funding, source, "BENCH:FUND:" + run + ":" + c, "Bench", "fund", BENCH);
			ledger.freeze(BASE + c, half, "BENCH:PREFREEZE:" + run + ":" + c, "Bench", "fund", BENCH);
		});

		LoadRun.Op spread = (t, n) -> {
			long customer = BASE + ThreadLocalRandom.current().nextInt(CUSTOMERS);
			String key = "BENCH:" + run + ":S:" + t + ":" + n;
			if ((n & 1) == 0) {
				ledger.freeze(customer, one, key, "Bench", key, BENCH);
			}
			else {
				ledger.unfreeze(customer, one, key, "Bench", key, BENCH);
			}
		};
		LoadRun.Op hotOp = (t, n) -> {
			long customer = BASE + ThreadLocalRandom.current().nextInt(CUSTOMERS);
			String key = "BENCH:" + run + ":H:" + t + ":" + n;
			ledger.credit(customer, one, source, key, "Bench", key, BENCH);
		};
		// warm the JIT and the connection pool before measuring, both ways
		LoadRun.run(CLIENTS, 10, (t, n) -> spread.run(t, n + 1_000_000_000L * (t + 1)));
		audit.setEnabledForBenchmark(false);
		try {
			LoadRun.run(CLIENTS, 10, (t, n) -> spread.run(t, n + 1_000_000_000L * (t + 1) + 500_000_000L));
		}
		finally {
			audit.setEnabledForBenchmark(true);
		}

		// the runs are interleaved in rounds, so a change in the machine's other load touches each of them alike; each
		// run starts after a checkpoint, and the ledger runs take turns at coming first after pgbench (whose writes
		// otherwise slow whichever run follows it by about a tenth)
		// an audited run ends once its transfers are sealed (the sealer runs every second or two meanwhile)
		Runnable sealing = ledger::sealCommitted;
		ledger.sealCommitted();
		int rounds = 6;
		int slice = Math.max(3, SECONDS / rounds);
		double pgbenchTps = 0;
		Totals spreadOn = new Totals();
		Totals hot = new Totals();
		Totals spreadOff = new Totals();
		for (int r = 0; r < rounds; r++) {
			long offset = 100_000_000L * (r + 1);
			jdbc.sql("CHECKPOINT").update();
			pgbenchTps += PgBench.tpcb(jdbc, PgBench.host(env), pgPort, CLIENTS, slice, 10) / rounds;
			List<Measured> runs = List.of(
					() -> spreadOn.measure(() -> LoadRun.run(CLIENTS, slice, (t, n) -> spread.run(t, n + offset + 10_000_000L * t)), sealing),
					() -> hot.measure(() -> LoadRun.run(CLIENTS, slice, (t, n) -> hotOp.run(t, n + offset + 10_000_000L * t)), sealing),
					() -> {
						audit.setEnabledForBenchmark(false);
						try {
							spreadOff.measure(() -> LoadRun.run(CLIENTS, slice, (t, n) -> spread.run(t, n + offset + 50_000_000L + 10_000_000L * t)),
									() -> { });
						}
						finally {
							audit.setEnabledForBenchmark(true);
						}
						// unaudited transfers are sealed too (the chain covers every id), but not on the clock of either run
						ledger.sealCommitted();
					});
			for (int i = 0; i < runs.size(); i++) {
				jdbc.sql("CHECKPOINT").update();
				runs.get((r + i) % runs.size()).measure();
			}
		}
		double pgbench = pgbenchTps;

		System.out.println();
		System.out.println("=== wbo ledger benchmark (" + CLIENTS + " clients, " + rounds + " interleaved rounds of " + slice
				+ " s per run, embedded PostgreSQL 17, synchronous_commit "
				+ jdbc.sql("SHOW synchronous_commit").query(String.class).single() + ") ===");
		System.out.printf("pgbench TPC-B (scale 10)          : %,.0f tps%n", pgbench);
		System.out.println("ledger, spread accounts, audit on : " + spreadOn);
		System.out.println("ledger, one hot account, audit on : " + hot);
		System.out.println("ledger, spread accounts, audit off: " + spreadOff);
		System.out.printf("ratio spread / pgbench            : %.2f (target >= 1.0)%n", spreadOn.perSecond() / pgbench);
		System.out.printf("ratio hot / spread                : %.2f (target >= 0.5)%n", hot.perSecond() / spreadOn.perSecond());
		System.out.printf("ratio audit on / off              : %.2f (target >= 0.9)%n", spreadOn.perSecond() / spreadOff.perSecond());
		System.out.println("books balanced after the run      : " + ledger.checkBooks().ok());
	}
}
