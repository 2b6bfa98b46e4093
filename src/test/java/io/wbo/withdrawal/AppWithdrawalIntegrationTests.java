package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Withdrawals from the APP (W-1, X-9): idempotent creation, my own records only, never overdrawn under concurrency. */
@WboTest
class AppWithdrawalIntegrationTests extends WithdrawalIntegrationTest {

	static Map<String, String> key(String key) {
		return Map.of("Idempotency-Key", key);
	}

	@Test
	void aRetryWithTheSameKeyReturnsTheFirstApplicationAndFreezesOnce() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		TestHttp app = TestHttp.customer(port, c.customerNo());
		Map<String, Object> body = Map.of("currency", "HKD", "amount", "250.00", "bankCardId", c.cardId(), "remark", "rent");
		String k = UUID.randomUUID().toString();
		TestHttp.Response first = app.post("/app/v1/withdrawals", body, key(k));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		TestHttp.Response retry = app.post("/app/v1/withdrawals", body, key(k));
		assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(app.post("/app/v1/withdrawals", Map.of("currency", "HKD", "amount", "1.00", "bankCardId", c.cardId()), key(k)).status())
				.isEqualTo(422);
		assertThat(jdbc.sql("SELECT count(*) FROM withdrawal WHERE customer_id = :c").param("c", c.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("250.00");

		// it appears in the console's list on its own, as an APP application
		TestHttp maker = TestHttp.operator(port, "maker");
		JsonNode listed = maker.get("/api/withdrawals?customer=" + c.customerNo() + "&source=APP").json().get("items");
		assertThat(listed.size()).isEqualTo(1);
		assertThat(app.get("/app/v1/withdrawals").json().get("items").size()).isEqualTo(1);
		assertThat(first.json().get("accountNo").asText()).startsWith("*");
	}

	@Test
	void aCustomerCannotSeeAnotherCustomersWithdrawal() {
		WithdrawalFixtures.TestCustomer mine = fx.customer("100.00");
		WithdrawalFixtures.TestCustomer theirs = fx.customer("100.00");
		TestHttp other = TestHttp.customer(port, theirs.customerNo());
		long theirId = other.post("/app/v1/withdrawals", Map.of("currency", "HKD", "amount", "10.00", "bankCardId", theirs.cardId()),
				key(UUID.randomUUID().toString())).json().get("id").asLong();
		TestHttp me = TestHttp.customer(port, mine.customerNo());
		assertThat(me.get("/app/v1/withdrawals/" + theirId).status()).isEqualTo(404);
		assertThat(other.get("/app/v1/withdrawals/" + theirId).status()).isEqualTo(200);
		assertThat(me.get("/app/v1/withdrawals").json().get("items").size()).isZero();
		// nor use another customer's card
		TestHttp.Response card = me.post("/app/v1/withdrawals", Map.of("currency", "HKD", "amount", "10.00", "bankCardId", theirs.cardId()),
				key(UUID.randomUUID().toString()));
		assertThat(card.status()).isEqualTo(400);
		assertThat(card.fieldError("bankCardId")).isNotNull();
	}

	@Test
	void theCustomerFiltersTheirListByStateAndCurrencyButNeverSeesADeletedOne() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		TestHttp app = TestHttp.customer(port, c.customerNo());
		long first = app.post("/app/v1/withdrawals", Map.of("currency", "HKD", "amount", "10.00", "bankCardId", c.cardId()),
				key(UUID.randomUUID().toString())).json().get("id").asLong();
		long second = app.post("/app/v1/withdrawals", Map.of("currency", "HKD", "amount", "20.00", "bankCardId", c.cardId()),
				key(UUID.randomUUID().toString())).json().get("id").asLong();
		long third = app.post("/app/v1/withdrawals", Map.of("currency", "HKD", "amount", "30.00", "bankCardId", c.cardId()),
				key(UUID.randomUUID().toString())).json().get("id").asLong();
		TestHttp maker = TestHttp.operator(port, "maker");
		fx.awaitStatus(maker, first, "RISK_PASSED");
		fx.awaitStatus(maker, third, "RISK_PASSED");
		WithdrawalFixtures.ok(maker.post("/api/withdrawals/reject", Map.of("ids", List.of(first), "reason", "wrong card")));
		assertThat(maker.delete("/api/withdrawals/" + third + "?reason=duplicate").status()).isEqualTo(200);

		assertThat(app.get("/app/v1/withdrawals?status=REJECTED").json().get("items").findValuesAsString("id")).containsExactly(Long.toString(first));
		assertThat(app.get("/app/v1/withdrawals?status=REJECTED,RISK_PASSED,RISK_CHECKING&currency=HKD").json().get("items").findValuesAsString("id"))
				.containsExactly(Long.toString(second), Long.toString(first));
		assertThat(app.get("/app/v1/withdrawals?currency=USD").json().get("items").size()).isZero();
		assertThat(app.get("/app/v1/withdrawals").json().get("items").findValuesAsString("id")).doesNotContain(Long.toString(third));
		assertThat(app.get("/app/v1/withdrawals?status=DELETED").fieldError("status")).isEqualTo("unknown state 'DELETED'");
		assertThat(app.get("/app/v1/withdrawals?status=LOST").fieldError("status")).isEqualTo("unknown state 'LOST'");
	}

	@Test
	void twentyConcurrentWithdrawalsThatTogetherExceedTheBalanceNeverOverdraw() throws Exception {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		TestHttp app = TestHttp.customer(port, c.customerNo());
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			calls.add(() -> app.post("/app/v1/withdrawals", Map.of("currency", "HKD", "amount", "150.00", "bankCardId", c.cardId()),
					key(UUID.randomUUID().toString())).status());
		}
		int created = 0;
		int refused = 0;
		for (Future<Integer> f : pool.invokeAll(calls)) {
			int status = f.get();
			if (status == 201) {
				created++;
			}
			else if (status == 422) {
				refused++;
			}
		}
		pool.shutdown();
		assertThat(created).isEqualTo(6);
		assertThat(refused).isEqualTo(14);
		assertThat(fx.balance(c.id()).available().amount()).isEqualByComparingTo(new BigDecimal("100.00"));
		assertThat(fx.balance(c.id()).frozen().amount()).isEqualByComparingTo(new BigDecimal("900.00"));
		assertThat(jdbc.sql("SELECT count(*) FROM withdrawal WHERE customer_id = :c").param("c", c.id()).query(Long.class).single()).isEqualTo(6);
	}

	@Test
	void aFractionalCardIdIsRefusedAndAnEmptyApplicationNamesEveryMissingField() {
		WithdrawalFixtures.TestCustomer c = fx.customer("100.00");
		TestHttp app = TestHttp.customer(port, c.customerNo());
		// 1.5 was read as card 1: the application went to a card the customer never named
		TestHttp.Response fractional = app.postRaw("/app/v1/withdrawals",
				"{\"currency\":\"HKD\",\"amount\":\"10.00\",\"bankCardId\":" + c.cardId() + ".5}", key(UUID.randomUUID().toString()));
		assertThat(fractional.status()).as(fractional.toString()).isEqualTo(400);
		assertThat(fractional.fieldError("bankCardId")).isEqualTo("must be a whole number");

		// without a currency the missing amount was left unsaid, to be found on the next try
		TestHttp.Response empty = app.postRaw("/app/v1/withdrawals", "{}", key(UUID.randomUUID().toString()));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.fieldError("currency")).isEqualTo("is required");
		assertThat(empty.fieldError("amount")).isEqualTo("is required");
		assertThat(empty.fieldError("bankCardId")).isEqualTo("is required");
		assertThat(jdbc.sql("SELECT count(*) FROM withdrawal WHERE customer_id = :c").param("c", c.id()).query(Long.class).single()).isZero();
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("0.00");
	}
}
