package io.wbo.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V30 landed in two forms; V32 must bring a database made from the first (text fingerprints) to the second, with the
 * fingerprints the importer computes today, and leave one already in the second form alone. Run in a scratch schema.
 */
@WboTest
class StatementMigrationTests {

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void v32RecomputesTextFingerprintsAndIsANoOpOnTheSecondForm() throws Exception {
		String v30 = new String(StatementFixtures.file("V30-first-form.sql"), StandardCharsets.UTF_8);
		String v32 = Files.readString(Path.of("src/main/resources/db/migration/V32__statement_line_lighter.sql"));
		try (var connection = dataSource.getConnection()) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			jdbc.execute("DROP SCHEMA IF EXISTS v32_scratch CASCADE");
			jdbc.execute("CREATE SCHEMA v32_scratch");
			jdbc.execute("SET search_path TO v32_scratch");
			try {
				jdbc.execute(v30);
				jdbc.execute("""
						INSERT INTO statement_line (account_id, direction, original_direction, amount, currency, booking_date, value_date, bank_reference,
						  counterparty_name, source, import_id, line_no, fingerprint)
						VALUES (1, 'OUT', 'OUT', 12500, 'HKD', '2031-01-02', '2031-01-02', 'FPS1', 'A', 'IMPORT', 1, 2, 'R:x'),
						       (1, 'OUT', 'OUT', 3200.5, 'HKD', '2031-01-03', '2031-01-03', NULL, 'B', 'IMPORT', 1, 4, 'H:y#1'),
						       (1, 'OUT', 'OUT', 3200.5, 'HKD', '2031-01-03', '2031-01-03', NULL, 'B', 'IMPORT', 2, 3, 'H:y#2')""");
				jdbc.execute(v32);
				assertThat(jdbc.queryForObject("""
						SELECT data_type FROM information_schema.columns
						WHERE table_schema = 'v32_scratch' AND table_name = 'statement_line' AND column_name = 'fingerprint'""", String.class)).isEqualTo("uuid");
				assertThat(jdbc.queryForObject("SELECT fingerprint::text FROM statement_line WHERE bank_reference = 'FPS1'", String.class))
						.isEqualTo(jdbc.queryForObject("SELECT md5(concat_ws('|', 'R', DATE '2031-01-02', '12500.00', 'OUT', 'FPS1'))::uuid::text", String.class));
				String h = jdbc.queryForObject(
						"SELECT md5(concat_ws('|', 'H', DATE '2031-01-03', DATE '2031-01-03', '3200.50', 'OUT', 'HKD', 'B', NULL, NULL, NULL))", String.class);
				assertThat(jdbc.queryForList("SELECT fingerprint::text FROM statement_line WHERE bank_reference IS NULL ORDER BY import_id", String.class))
						.containsExactly(jdbc.queryForObject("SELECT md5(? || '#1')::uuid::text", String.class, h),
								jdbc.queryForObject("SELECT md5(? || '#2')::uuid::text", String.class, h));
				jdbc.execute(v32);
				assertThat(jdbc.queryForObject("SELECT count(*) FROM statement_line", Integer.class)).isEqualTo(3);
			}
			finally {
				jdbc.execute("SET search_path TO public");
				jdbc.execute("DROP SCHEMA v32_scratch CASCADE");
			}
		}
	}
}
