package io.wbo.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.wbo.common.Hashing;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Idempotency-Key mechanism of the APP's creating POSTs, exercised on a real one: a withdrawal application. */
@WboTest
class IdempotencyIntegrationTests {

	static final String CUSTOMER = "100005";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Map<String, Object> application(String amount) {
		long card = jdbc.sql("""
				SELECT min(b.id) FROM bank_card b JOIN customer c ON c.id = b.customer_id
				WHERE c.customer_no = :no AND b.currency = 'HKD'""").param("no", CUSTOMER).query(Long.class).single();
		return Map.of("currency", "HKD", "amount", amount, "bankCardId", card, "remark", "idempotency test");
	}

	long withdrawalsOf(String remarkAmount) {
		return jdbc.sql("""
				SELECT count(*) FROM withdrawal w JOIN customer c ON c.id = w.customer_id
				WHERE c.customer_no = :no AND w.amount = CAST(:a AS numeric)""").param("no", CUSTOMER).param("a", remarkAmount)
				.query(Long.class).single();
	}

	@Test
	void aRetryWithTheSameKeyReturnsTheFirstResponseAndCreatesNothingNew() {
		TestHttp app = TestHttp.customer(port, CUSTOMER);
		String key = UUID.randomUUID().toString();
		TestHttp.Response first = app.post("/app/v1/withdrawals", application("11.11"), Map.of("Idempotency-Key", key));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		TestHttp.Response retry = app.post("/app/v1/withdrawals", application("11.11"), Map.of("Idempotency-Key", key));
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(withdrawalsOf("11.11")).isEqualTo(1);

		// the phone serialises the retry again: its keys in another order, spaced otherwise; the same request
		Map<String, Object> body = application("11.11");
		String reordered = "{\n  \"remark\" : \"idempotency test\", \"bankCardId\": " + body.get("bankCardId")
				+ ",\n  \"amount\": \"11.11\",  \"currency\":\"HKD\"\n}";
		TestHttp.Response again = app.post("/app/v1/withdrawals", reordered, Map.of("Idempotency-Key", key));
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(withdrawalsOf("11.11")).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefused() {
		TestHttp app = TestHttp.customer(port, CUSTOMER);
		String key = UUID.randomUUID().toString();
		assertThat(app.post("/app/v1/withdrawals", application("12.12"), Map.of("Idempotency-Key", key)).status()).isEqualTo(201);
		TestHttp.Response other = app.post("/app/v1/withdrawals", application("99.99"), Map.of("Idempotency-Key", key));
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("type").asText()).endsWith("idempotency-key-reused");
		assertThat(withdrawalsOf("99.99")).isZero();
	}

	@Test
	void concurrentDuplicatesCreateOneRecord() throws Exception {
		TestHttp app = TestHttp.customer(port, CUSTOMER);
		String key = UUID.randomUUID().toString();
		int n = 8;
		CyclicBarrier start = new CyclicBarrier(n);
		ExecutorService pool = Executors.newFixedThreadPool(n);
		List<Future<TestHttp.Response>> futures = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				return app.post("/app/v1/withdrawals", application("13.13"), Map.of("Idempotency-Key", key));
			}));
		}
		List<Long> ids = new ArrayList<>();
		for (Future<TestHttp.Response> f : futures) {
			TestHttp.Response r = f.get();
			assertThat(r.status()).as(r.body()).isIn(201, 409);
			if (r.status() == 201) {
				ids.add(r.json().get("id").asLong());
			}
			else {
				assertThat(r.json().get("type").asText()).endsWith("idempotency-key-in-use");
			}
		}
		pool.shutdown();
		assertThat(ids).isNotEmpty().allMatch(id -> id.equals(ids.get(0)));
		assertThat(withdrawalsOf("13.13")).isEqualTo(1);
	}

	@Test
	void aRequestWhoseKeyIsStoredByAnotherWhileItRunsAnswersWithThatResponseAndKeepsNothingOfItsOwn() throws Exception {
		// the stored request's body, as the filter identifies it: keys sorted, no spaces
		TestHttp.Response r = whileAnotherHoldsTheKey("16.16", "{\"amount\":\"16.16\",\"bankCardId\":%d,\"currency\":\"HKD\"}");
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(r.json().get("id").asLong()).isEqualTo(424242);
		assertThat(withdrawalsOf("16.16")).as("the second request's application rolled back with its key").isZero();
	}

	@Test
	void aRequestWhoseKeyIsStoredMeanwhileForAnotherBodyIsRefusedAndKeepsNothingOfItsOwn() throws Exception {
		TestHttp.Response r = whileAnotherHoldsTheKey("17.17", "{\"amount\":\"99.99\",\"bankCardId\":%d,\"currency\":\"HKD\"}");
		assertThat(r.status()).as(r.body()).isEqualTo(422);
		assertThat(r.json().get("type").asText()).endsWith("idempotency-key-reused");
		assertThat(withdrawalsOf("17.17")).as("the second request's application rolled back with its key").isZero();
	}

	/**
	 * Sends an application of the amount while another request holds its key uncommitted, having stored its answer for
	 * the body given (%d: the card): the second one does not see the key, runs, waits for the key's row, and answers.
	 */
	private TestHttp.Response whileAnotherHoldsTheKey(String amount, String storedBody) throws Exception {
		TestHttp app = TestHttp.customer(port, CUSTOMER);
		String key = UUID.randomUUID().toString();
		Object card = application(amount).get("bankCardId");
		String body = "{\"currency\":\"HKD\",\"amount\":\"" + amount + "\",\"bankCardId\":" + card + "}";
		long customerId = jdbc.sql("SELECT id FROM customer WHERE customer_no = :no").param("no", CUSTOMER).query(Long.class).single();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection first = dataSource.getConnection()) {
			first.setAutoCommit(false);
			try (PreparedStatement insert = first.prepareStatement("""
					INSERT INTO idempotency_key (customer_id, key, request_hash, response_status, response_body)
					VALUES (?, ?, ?, 201, '{"id":424242,"serial":"W-FIRST"}')""")) {
				insert.setLong(1, customerId);
				insert.setString(2, key);
				insert.setString(3, Hashing.sha256("/app/v1/withdrawals\n" + storedBody.formatted(card)));
				insert.executeUpdate();
			}
			Future<TestHttp.Response> second = pool.submit(() -> app.postRaw("/app/v1/withdrawals", body, Map.of("Idempotency-Key", key)));
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
					SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO idempotency_key%'""")
					.query(Long.class).single() == 1);
			first.commit();
			return second.get(30, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aCreatingPostWithoutAKeyIsRefusedAndARefusedRequestCanBeRetried() {
		TestHttp app = TestHttp.customer(port, CUSTOMER);
		TestHttp.Response noKey = app.post("/app/v1/withdrawals", application("14.14"));
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(noKey.json().get("type").asText()).endsWith("idempotency-key-required");
		String key = UUID.randomUUID().toString();
		TestHttp.Response invalid = app.post("/app/v1/withdrawals", application("14.149"), Map.of("Idempotency-Key", key));
		assertThat(invalid.status()).isEqualTo(400);
		TestHttp.Response fixed = app.post("/app/v1/withdrawals", application("14.14"), Map.of("Idempotency-Key", key));
		assertThat(fixed.status()).as("a refused request is not remembered").isEqualTo(201);
	}

	@Test
	void keysAreKeptPerCustomer() {
		String key = UUID.randomUUID().toString();
		TestHttp a = TestHttp.customer(port, CUSTOMER);
		TestHttp b = TestHttp.customer(port, "100007");
		long bCard = jdbc.sql("SELECT min(b.id) FROM bank_card b JOIN customer c ON c.id = b.customer_id WHERE c.customer_no = '100007'")
				.query(Long.class).single();
		assertThat(a.post("/app/v1/withdrawals", application("15.15"), Map.of("Idempotency-Key", key)).status()).isEqualTo(201);
		TestHttp.Response other = b.post("/app/v1/withdrawals",
				Map.of("currency", "HKD", "amount", "15.15", "bankCardId", bCard), Map.of("Idempotency-Key", key));
		assertThat(other.status()).isEqualTo(201);
		assertThat(other.json().get("id").asLong()).isNotEqualTo(0);
	}
}
