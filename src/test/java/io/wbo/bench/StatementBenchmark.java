package io.wbo.bench;

import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import io.wbo.common.Actor;
import io.wbo.reconciliation.Direction;
import io.wbo.reconciliation.internal.ReconciliationEngine;
import io.wbo.statement.StatementFixtures;
import io.wbo.statement.internal.StatementBenchSupport;
import io.wbo.statement.internal.StatementImporter;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * B-1 / R-1 at a million lines (scripts/bench-statements.sh; excluded from the test suite, asserts nothing):
 * the template importer against a bare PostgreSQL COPY of the same CSV, and reconciliation runs of 100,000 and
 * 1,000,000 lines against as many records, with the peak heap of each phase.
 */
@WboTest
class StatementBenchmark {

	static final int N = Integer.getInteger("bench.lines", 1_000_000);
	static final Actor BENCH = Actor.system("bench");

	@Autowired
	StatementImporter importer;

	@Autowired
	ReconciliationEngine engine;

	@Autowired
	BenchStatementData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	static long peakHeapMb() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
				.mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
	}

	@Test
	void importAndReconcile() throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "bench"));
		Path big = dir.resolve("statement-" + N + ".csv");
		Path small = dir.resolve("statement-" + N / 10 + ".csv");
		BenchStatementData.writeCsv(big, N);
		BenchStatementData.writeCsv(small, N / 10);
		long lines = Files.lines(big).count() - 1;
		System.out.printf("=== statement benchmark: %,d-line CSV (%,d MB), max heap %d MB, synchronous_commit %s%n", lines,
				Files.size(big) / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024),
				jdbc.sql("SHOW synchronous_commit").query(String.class).single());

		// 1. bare COPY of the same file into a table of text columns
		jdbc.sql("DROP TABLE IF EXISTS bench_copy").update();
		jdbc.sql("CREATE TABLE bench_copy (c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text, c10 text)").update();
		long t0 = System.nanoTime();
		try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(big, StandardCharsets.UTF_8)) {
			c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)", in, 65536);
		}
		double copySeconds = (System.nanoTime() - t0) / 1e9;
		jdbc.sql("DROP TABLE bench_copy").update();
		System.out.printf("copy      %,10.0f lines/s  (%.1f s)%n", lines / copySeconds, copySeconds);

		// 2. the template importer: parse, validate, stage, dedup by fingerprint, keep the original file
		long account = StatementFixtures.account(jdbc);
		resetPeaks();
		t0 = System.nanoTime();
		StatementImporter.ImportResult result = StatementBenchSupport.importHsbcCsv(importer, account, big, BENCH);
		double importSeconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf("import    %,10.0f lines/s  (%.1f s, %,d created, peak heap %d MB)%n", lines / importSeconds, importSeconds, result.created(),
				peakHeapMb());
		System.out.printf("ratio     %.2f x the COPY rate (target >= 0.25)%n", copySeconds / importSeconds);
		ceiling(copySeconds, result.importId());
		t0 = System.nanoTime();
		StatementImporter.ImportResult again = StatementBenchSupport.importHsbcCsv(importer, account, big, BENCH);
		System.out.printf("reimport  %.1f s, %,d created, %,d duplicates%n", (System.nanoTime() - t0) / 1e9, again.created(), again.duplicates());

		// 3. reconciliation, 100k then 1M, and a re-run of the 1M
		long smallAccount = StatementFixtures.account(jdbc);
		StatementBenchSupport.importHsbcCsv(importer, smallAccount, small, BENCH);
		data.register(smallAccount, N / 10);
		data.register(account, N);
		double smallSeconds = reconcile(smallAccount, N / 10, "first");
		double bigSeconds = reconcile(account, N, "first");
		reconcile(account, N, "re-run");
		System.out.printf("scaling   %.1f x the time for 10 x the lines (target <= 12)%n", bigSeconds / smallSeconds);
	}

	/**
	 * How fast any importer could store these lines: the lines the import stored, already parsed, validated and
	 * fingerprinted, written out and COPYed back into an empty table shaped like statement_line (same columns, keys,
	 * indexes and page fill), then without its duplicate guard, then with no index at all.
	 */
	void ceiling(double copySeconds, long importId) throws Exception {
		Path parsed = Path.of("target", "bench", "parsed-lines.copy");
		String columns = "account_id, direction, original_direction, amount, currency, booking_date, value_date, bank_reference, "
				+ "counterparty_name, counterparty_account, counterparty_bank, description, source, import_id, line_no, fingerprint";
		Path sorted = Path.of("target", "bench", "parsed-lines-sorted.copy");
		try (Connection c = dataSource.getConnection(); java.io.OutputStream out = Files.newOutputStream(parsed);
				java.io.OutputStream sortedOut = Files.newOutputStream(sorted)) {
			c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + columns + " FROM statement_line WHERE import_id = " + importId
					+ " ORDER BY line_no) TO STDOUT", out);
			// the same lines in the duplicate guard's order: its index then grows at a few places instead of everywhere
			c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + columns + " FROM statement_line WHERE import_id = " + importId
					+ " ORDER BY booking_date, fingerprint) TO STDOUT", sortedOut);
		}
		String[][] shapes = {
				{ "like statement_line", "" },
				{ "like statement_line, the lines in the duplicate guard's order", "ANALYZE bench_lines" },
				{ "without the duplicate guard", "ALTER TABLE bench_lines DROP CONSTRAINT bench_lines_period_fingerprint_uq" },
				{ "with a plain (account, booking date) index instead", "CREATE INDEX bench_lines_period_idx ON bench_lines (account_id, booking_date)" },
				{ "with that index, full pages", "ALTER TABLE bench_lines SET (fillfactor = 100)" },
				{ "without any index, full pages", "ALTER TABLE bench_lines DROP CONSTRAINT bench_lines_pkey; DROP INDEX bench_lines_period_idx" } };
		jdbc.sql("DROP TABLE IF EXISTS bench_lines").update();
		jdbc.sql("CREATE TABLE bench_lines (LIKE statement_line INCLUDING DEFAULTS INCLUDING IDENTITY)").update();
		for (String[] shape : shapes) {
			jdbc.sql("TRUNCATE bench_lines").update();
			if (shape[1].isEmpty()) {
				jdbc.sql("ALTER TABLE bench_lines ADD CONSTRAINT bench_lines_pkey PRIMARY KEY (id)").update();
				jdbc.sql("ALTER TABLE bench_lines ADD CONSTRAINT bench_lines_period_fingerprint_uq UNIQUE (account_id, booking_date, fingerprint)")
						.update();
				jdbc.sql("ALTER TABLE bench_lines SET (fillfactor = 40)").update();
			}
			else {
				jdbc.sql(shape[1]).update();
			}
			jdbc.sql("CHECKPOINT").update();
			long t0 = System.nanoTime();
			try (Connection c = dataSource.getConnection(); InputStream in = Files.newInputStream(shape[0].contains("order") ? sorted : parsed)) {
				c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_lines (" + columns + ") FROM STDIN", in, 65536);
			}
			double seconds = (System.nanoTime() - t0) / 1e9;
			System.out.printf("ceiling   COPY of the parsed lines into a table %s: %.1f s (%.2f x the bare COPY)%n", shape[0], seconds,
					copySeconds / seconds);
		}
		jdbc.sql("DROP TABLE bench_lines").update();
	}

	/**
	 * The same 1,000,000-line statement against 1,000,000 completed withdrawals in the withdrawal table (the real source,
	 * whose listener keeps each application's result with its history): what an operator's first run costs.
	 */
	@Test
	void reconcileAgainstCompletedWithdrawals() throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "bench"));
		Path big = dir.resolve("statement-" + N + ".csv");
		BenchStatementData.writeCsv(big, N);
		long account = StatementFixtures.account(jdbc);
		long customer = jdbc.sql("SELECT min(id) FROM customer").query(Long.class).single();
		long t0 = System.nanoTime();
		for (int done = 0; done < N; done += 100_000) {
			// record i as BenchStatementData describes it: amount, completion date, counterparty account, bank reference
			jdbc.sql("""
					INSERT INTO withdrawal (serial, customer_id, customer_no, customer_name, currency, amount, fee, bank_card_id,
					                        card_bank_name, card_bank_code, card_account_no, card_holder_name, source, status, created_by,
					                        channel, paying_account_id, bank_reference, completed_at)
					SELECT 'R' || lpad(g::text, 9, '0'), :c, 'BENCH', 'Bench Customer', 'HKD',
					       (10000 + (g::bigint * 7919) % 9000000) / 100.0, 0, 1, 'HSBC Hong Kong', '004', '004-' || g, 'BENCH CUSTOMER',
					       'APP', 'COMPLETED', 'bench', 'FPS', :account, CASE WHEN g % 10 = 0 THEN NULL ELSE 'BR' || g END,
					       ((DATE '2033-01-01' + (g::bigint * 28 / :n)::int) + TIME '12:00') AT TIME ZONE 'UTC'
					FROM generate_series(:from, :to) g WHERE g % 100 <> 3""")
					.param("c", customer).param("account", account).param("n", N).param("from", done).param("to", Math.min(N, done + 100_000) - 1).update();
		}
		jdbc.sql("ANALYZE withdrawal").update();
		System.out.printf("seed      %,d completed withdrawals in %.1f s%n", jdbc.sql("SELECT count(*) FROM withdrawal WHERE paying_account_id = :a")
				.param("a", account).query(Long.class).single(), (System.nanoTime() - t0) / 1e9);
		StatementBenchSupport.importHsbcCsv(importer, account, big, BENCH);
		reconcile(account, N, "withdrawals, first");
		reconcile(account, N, "withdrawals, re-run");
		System.out.printf("withdrawal results %s%n", jdbc.sql("""
				SELECT recon_result, count(*) FROM withdrawal_view WHERE paying_account_id = :a GROUP BY recon_result ORDER BY recon_result""")
				.param("a", account).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list());
	}

	double reconcile(long account, int n, String label) {
		resetPeaks();
		long t0 = System.nanoTime();
		long run = engine.run(Direction.OUT, account, LocalDate.of(2033, 1, 1), LocalDate.of(2033, 1, 28), 3, BENCH);
		double seconds = (System.nanoTime() - t0) / 1e9;
		Map<String, Object> counts = jdbc.sql("SELECT matched, amount_mismatch, missing_in_bank, missing_in_system FROM recon_run WHERE id = :id")
				.param("id", run).query().singleRow();
		System.out.printf("reconcile %,d lines (%s): %.1f s, peak heap %d MB, %s%n", n, label, seconds, peakHeapMb(), counts);
		return seconds;
	}
}
