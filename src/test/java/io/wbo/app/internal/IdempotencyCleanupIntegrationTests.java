package io.wbo.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The hourly clean-up forgets the keys older than 48 hours and keeps the others (a retry within two days replays). */
@WboTest
class IdempotencyCleanupIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void forgetsKeysOlderThanTwoDaysOnly() {
		for (String[] key : new String[][] { { "old", "49 hours" }, { "edge", "47 hours" }, { "fresh", "1 minute" } }) {
			jdbc.sql("""
					INSERT INTO idempotency_key (customer_id, key, request_hash, response_status, response_body, created_at)
					VALUES (1, :k, 'h', 201, '{}', now() - CAST(:age AS interval))""").param("k", "cleanup-" + key[0]).param("age", key[1]).update();
		}
		assertThat(IdempotencyCleanup.forgetOld(jdbc)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT key FROM idempotency_key WHERE key LIKE 'cleanup-%' ORDER BY key").query(String.class).list())
				.containsExactly("cleanup-edge", "cleanup-fresh");
	}
}
