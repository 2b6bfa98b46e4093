package io.wbo.statement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.wbo.reconciliation.Direction;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fingerprints computed while a file streams must be the ones the SQL of earlier imports stored (and V32 recomputed),
 * or a re-import of an old file would not see its lines as duplicates.
 */
@WboTest
class FingerprintsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReferencedLineHasTheFingerprintTheSqlGaveIt() {
		ParsedLine l = new ParsedLine(7, Direction.OUT, new BigDecimal("12500.00"), "HKD", LocalDate.of(2031, 1, 2), null, "FPS1", "陳大文", null,
				null, null);
		String sql = jdbc.sql("SELECT md5(concat_ws('|', 'R', DATE '2031-01-02', '12500.00', 'OUT', 'FPS1'))::uuid::text").query(String.class).single();
		assertThat(new Fingerprints().withReference(l, "12500.00", "FPS1").toString()).isEqualTo(sql);
	}

	@Test
	void aLineWithoutReferenceIsNumberedAmongTheIdenticalLinesOfTheFileAsTheSqlDid() {
		ParsedLine l = new ParsedLine(4, Direction.IN, new BigDecimal("3200.50"), "HKD", LocalDate.of(2031, 1, 3), LocalDate.of(2031, 1, 4), null,
				"李嘉欣", "004-1\0 23", null, "FPS\tIN");
		ParsedLine other = new ParsedLine(5, Direction.IN, new BigDecimal("3200.51"), "HKD", LocalDate.of(2031, 1, 3), null, null, null, null, null,
				null);
		String content = """
				md5(concat_ws('|', 'H', DATE '2031-01-03', DATE '2031-01-04', '3200.50', 'IN', 'HKD', '李嘉欣', '004-1 23', NULL, 'FPS' || chr(9) || 'IN'))""";
		List<String> sql = jdbc.sql("SELECT md5(" + content + " || '#' || n)::uuid::text FROM generate_series(1, 2) n ORDER BY n").query(String.class)
				.list();
		Fingerprints f = new Fingerprints();
		String first = f.content(l, "3200.50").toString();
		f.content(other, "3200.51");
		assertThat(List.of(first, f.content(l, "3200.50").toString())).isEqualTo(sql);
		assertThat(f.mayRepeat()).isFalse();
	}

	@Test
	void numbersEveryDistinctContentFromOneAcrossAGrowingTable() {
		Fingerprints f = new Fingerprints();
		java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 5_000; i++) {
				ParsedLine l = new ParsedLine(i, Direction.OUT, BigDecimal.valueOf(i), "HKD", LocalDate.of(2031, 1, 1), null, null, null, null, null,
						null);
				assertThat(seen.add(f.content(l, i + ".00"))).isTrue();
			}
		}
		assertThat(seen).hasSize(15_000);
	}

	@Test
	void onlyARepeatedReferencedLineRaisesTheRepeatFlag() {
		Fingerprints f = new Fingerprints();
		for (int i = 0; i < 20_000; i++) {
			f.withReference(new ParsedLine(i, Direction.OUT, BigDecimal.TEN, "HKD", LocalDate.of(2031, 1, 1 + i % 28), null, "R" + i, null, null, null,
					null), "10.00", "R" + i);
		}
		assertThat(f.mayRepeat()).isFalse();
		assertThat(f.firstDate()).isEqualTo(LocalDate.of(2031, 1, 1));
		assertThat(f.lastDate()).isEqualTo(LocalDate.of(2031, 1, 28));
		f.withReference(new ParsedLine(1, Direction.OUT, BigDecimal.TEN, "HKD", LocalDate.of(2031, 1, 2), null, "R1", null, null, null, null),
				"10.00", "R1");
		assertThat(f.mayRepeat()).isTrue();
	}
}
