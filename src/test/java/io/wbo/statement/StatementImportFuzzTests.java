package io.wbo.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;

import io.wbo.statement.internal.FuzzMutations;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mutated files through the real import endpoint: each is imported completely or refused with 422 — never a 500, never
 * half. Each file is first made a statement of the account it goes into, so a mutation of its account is refused too.
 */
@WboTest
class StatementImportFuzzTests {

	static final int PER_FILE = 120;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	int lines(long account) {
		return jdbc.sql("SELECT count(*) FROM statement_line WHERE account_id = :a").param("a", account).query(Integer.class).single();
	}

	void fuzz(String format, String fixture) {
		TestHttp finance = TestHttp.operator(port, "finance");
		Random random = new Random(7);
		int imported = 0;
		int refused = 0;
		for (int i = 0; i < PER_FILE; i++) {
			long account = StatementFixtures.account(jdbc);
			byte[] original = StatementFixtures.statementOf(fixture, StatementFixtures.accountNo(jdbc, account));
			TestHttp.Response r = finance.multipart("/api/statements/import", Map.of("format", format, "accountId", Long.toString(account)), "file",
					fixture, FuzzMutations.mutate(original, random));
			assertThat(r.status()).as("mutation %d: %s", i, r.body()).isIn(200, 422);
			if (r.status() == 200) {
				imported++;
				assertThat(lines(account)).isEqualTo(r.json().get("created").asInt()).isEqualTo(r.json().get("total").asInt() - r.json().get("duplicates").asInt());
			}
			else {
				refused++;
				assertThat(r.json().get("errors").size()).isPositive();
				assertThat(lines(account)).isZero();
			}
		}
		assertThat(refused).isPositive();
		assertThat(imported).as("mutations that leave the file sound are imported").isPositive();
		assertThat(imported + refused).isEqualTo(PER_FILE);
	}

	@Test
	void mt940ImportsAreAllOrNothing() {
		fuzz("MT940", "hsbc-2031-02.mt940");
	}

	@Test
	void camt053ImportsAreAllOrNothing() {
		fuzz("CAMT053", "hsbc-2031-03.camt053.02.xml");
	}
}
