package io.wbo.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A NUL character (U+0000), which PostgreSQL cannot store, is bad input naming its field, never a 500, and writes nothing. */
@WboTest
class NulCharacterTests {

	static final String CUSTOMER = "100007";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long card() {
		return jdbc.sql("""
				SELECT min(b.id) FROM bank_card b JOIN customer c ON c.id = b.customer_id
				WHERE c.customer_no = :no AND b.currency = 'HKD'""").param("no", CUSTOMER).query(Long.class).single();
	}

	long withdrawals() {
		return jdbc.sql("SELECT count(*) FROM withdrawal w JOIN customer c ON c.id = w.customer_id WHERE c.customer_no = :no")
				.param("no", CUSTOMER).query(Long.class).single();
	}

	@Test
	void aJsonStringWithNulIsRefusedByNameAndTheKeyStaysFree() {
		TestHttp app = TestHttp.customer(port, CUSTOMER);
		long before = withdrawals();
		Map<String, String> key = Map.of("Idempotency-Key", "nul-remark-1");
		TestHttp.Response refused = app.post("/app/v1/withdrawals",
				Map.of("currency", "HKD", "amount", "10.00", "bankCardId", card(), "remark", "a\u0000b"), key);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("content-type")).contains("application/problem+json");
		assertThat(refused.fieldError("remark")).contains("NUL");
		assertThat(withdrawals()).as("nothing created").isEqualTo(before);
		// the refusal is not kept under the key: the corrected request goes through
		assertThat(app.post("/app/v1/withdrawals", Map.of("currency", "HKD", "amount", "10.00", "bankCardId", card(), "remark", "ab"), key)
				.status()).isEqualTo(201);
		assertThat(withdrawals()).isEqualTo(before + 1);
	}

	@Test
	void nulInsideNestedBodiesAndParametersIsRefusedByName() {
		TestHttp maker = TestHttp.operator(port, "maker");
		assertThat(maker.get("/api/customers?q=a%00b").fieldError("q")).contains("NUL");
		assertThat(maker.get("/api/withdrawals?customer=a%00b").fieldError("customer")).contains("NUL");
		TestHttp.Response manual = maker.post("/api/withdrawals", Map.of("customerId", 1, "currency", "HKD", "amount", "1.00",
				"bankCardId", card(), "remark", "x\u0000"));
		assertThat(manual.status()).isEqualTo(400);
		assertThat(manual.fieldError("remark")).contains("NUL");
		assertThat(maker.post("/api/withdrawals/reject", Map.of("ids", java.util.List.of(1), "reason", "\u0000")).fieldError("reason"))
				.contains("NUL");
	}
}
