package io.wbo.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input is answered with problem details naming the field, and writes nothing. */
@WboTest
class LedgerAndCustomerBadInputTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long customer() {
		return jdbc.sql("SELECT id FROM customer WHERE customer_no = '100020'").query(Long.class).single();
	}

	long transfers() {
		return jdbc.sql("SELECT count(*) FROM ledger_transfer").query(Long.class).single();
	}

	TestHttp.Response operate(TestHttp admin, Object body) {
		return admin.post("/api/customers/" + customer() + "/ledger-operations", body);
	}

	@Test
	void ledgerOperationsRefuseBadAmountsAssetsAndJsonWithoutWriting() {
		TestHttp admin = TestHttp.operator(port, "admin");
		long before = transfers();
		assertThat(operate(admin, Map.of("operation", "CREDIT", "asset", "HKD", "amount", "10.001", "key", "bad-input-1")).fieldError("amount"))
				.contains("more than 2 decimals");
		assertThat(operate(admin, Map.of("operation", "CREDIT", "asset", "HKD", "amount", "-5.00", "key", "bad-input-2")).fieldError("amount"))
				.contains("greater than zero");
		assertThat(operate(admin, Map.of("operation", "CREDIT", "asset", "HKD", "amount", "0", "key", "bad-input-3")).fieldError("amount"))
				.contains("greater than zero");
		assertThat(operate(admin, Map.of("operation", "CREDIT", "asset", "HKD", "amount", "1e5", "key", "bad-input-4")).fieldError("amount"))
				.contains("plain decimal");
		assertThat(operate(admin, Map.of("operation", "CREDIT", "asset", "DOGE", "amount", "5.00", "key", "bad-input-5")).fieldError("asset"))
				.contains("unknown asset");
		assertThat(operate(admin, Map.of("operation", "TELEPORT", "asset", "HKD", "amount", "5.00", "key", "bad-input-6")).fieldError("operation"))
				.isNotNull();
		TestHttp.Response malformed = operate(admin, "{\"operation\": \"CREDIT\", \"amount\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("content-type")).contains("application/problem+json");
		TestHttp.Response twoErrors = operate(admin, Map.of("asset", "HKD", "amount", "abc"));
		assertThat(twoErrors.fieldError("operation")).isNotNull();
		assertThat(twoErrors.fieldError("key")).isNotNull();
		assertThat(twoErrors.fieldError("amount")).isNotNull();
		assertThat(admin.post("/api/customers/99999999/ledger-operations",
				Map.of("operation", "CREDIT", "asset", "HKD", "amount", "5.00", "key", "bad-input-7")).status()).isEqualTo(404);
		long workOrders = jdbc.sql("SELECT count(*) FROM work_order").query(Long.class).single();
		assertThat(transfers()).as("nothing written").isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM work_order").query(Long.class).single()).as("nothing proposed").isEqualTo(workOrders);
	}

	@Test
	void aValueOfTheWrongKindIsToldWhatIsExpected() {
		TestHttp admin = TestHttp.operator(port, "admin");
		assertThat(operate(admin, Map.of("operation", "TELEPORT", "asset", "HKD", "amount", "5.00", "key", "bad-kind-1")).fieldError("operation"))
				.isEqualTo("must be one of CREDIT, FREEZE, UNFREEZE, DEBIT_FROZEN");
		assertThat(admin.get("/api/customers/" + customer() + "/transfers?size=abc").fieldError("size")).isEqualTo("must be a whole number");
		assertThat(TestHttp.operator(port, "finance").get("/api/statements?direction=SIDEWAYS").fieldError("direction"))
				.isEqualTo("must be one of IN, OUT");
		assertThat(TestHttp.operator(port, "finance").get("/api/statements?from=yesterday").fieldError("from")).isEqualTo("must be a date (2026-12-04)");
		// a period that ends before it starts is refused on its end, in every list; one day is a period
		TestHttp finance = TestHttp.operator(port, "finance");
		assertThat(finance.get("/api/statements?from=2026-12-02&to=2026-12-01").fieldError("to")).isEqualTo("must not be before from");
		assertThat(finance.get("/api/statements?from=2026-12-01&to=2026-12-01").status()).isEqualTo(200);
		TestHttp maker = TestHttp.operator(port, "maker");
		assertThat(maker.get("/api/withdrawals?from=2026-12-02&to=2026-12-01").fieldError("to")).isEqualTo("must not be before from");
		assertThat(TestHttp.operator(port, "maker").speaking("zh-Hant").get("/api/withdrawals?from=2026-12-02&to=2026-12-01").fieldError("to")).isEqualTo("不可早於 from（起始）");
		assertThat(maker.get("/api/withdrawals?completedFrom=2026-12-02&completedTo=2026-12-01").fieldError("completedTo"))
				.isEqualTo("must not be before completedFrom");
		assertThat(maker.get("/api/withdrawals?from=2026-12-01&to=2026-12-01").status()).isEqualTo(200);
		assertThat(maker.get("/api/withdrawals?from=2026-12-01T10:00:00Z&to=2026-12-01").status()).isEqualTo(200);
		assertThat(TestHttp.operator(port, "auditor").get("/api/audit?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00%2B08:00").fieldError("to"))
				.isEqualTo("must not be before from");
		assertThat(admin.get("/api/work-orders?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z").fieldError("to")).isEqualTo("must not be before from");
		// a state filter names the states there are, in the reader's language too; an empty one filters nothing
		assertThat(TestHttp.operator(port, "finance").get("/api/statements?status=LOST").fieldError("status"))
				.isEqualTo("must be one of UNMATCHED, MATCHED, TAGGED, DELETED");
		assertThat(admin.get("/api/customers?status=ACTIVE").fieldError("status")).isEqualTo("must be one of OPENING, OPENED, REJECTED, CLOSED");
		assertThat(admin.get("/api/work-orders?status=DONE").fieldError("status")).isEqualTo("must be one of PENDING, APPROVED, REJECTED, CANCELLED");
		assertThat(TestHttp.operator(port, "admin").speaking("zh-Hant").get("/api/customers?status=ACTIVE").fieldError("status"))
				.isEqualTo("必須為 OPENING、OPENED、REJECTED 或 CLOSED");
		assertThat(admin.get("/api/customers?status=").status()).isEqualTo(200);
		assertThat(admin.get("/api/work-orders?status=&size=1").status()).isEqualTo(200);
		TestHttp.Response huge = TestHttp.operator(port, "maker").postRaw("/api/withdrawals", """
				{"customerId": %d, "currency": "HKD", "amount": "1.00", "bankCardId": 99999999999999999999999}""".formatted(customer()),
				Map.of("content-type", "application/json"));
		assertThat(huge.fieldError("bankCardId")).isEqualTo("is out of range");
		// an amount is a string: a number has been through a binary float in the client; nor is a number or true a remark
		TestHttp.Response number = TestHttp.operator(port, "maker").postRaw("/api/withdrawals", """
				{"customerId": %d, "currency": "HKD", "amount": 100.10, "bankCardId": 1, "remark": true}""".formatted(customer()),
				Map.of("content-type", "application/json"));
		assertThat(number.status()).isEqualTo(400);
		assertThat(number.fieldError("amount")).isEqualTo("must be text in quotes (an amount too: \"100.50\")");
		long transfersBefore = transfers();
		assertThat(operate(admin, "{\"operation\": \"CREDIT\", \"asset\": \"HKD\", \"amount\": 5, \"key\": \"bad-kind-2\"}").fieldError("amount"))
				.startsWith("must be text in quotes");
		// which of two amounts was meant? A body naming a field twice is refused, not read as its last value
		TestHttp.Response twice = operate(admin, "{\"operation\": \"CREDIT\", \"asset\": \"HKD\", \"amount\": \"5.00\", \"amount\": \"5000.00\", \"key\": \"bad-kind-3\"}");
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.fieldError("amount")).isEqualTo("is given twice");
		// a misspelt field is named, not dropped (an optional one would otherwise leave its default in place)
		TestHttp.Response misspelt = operate(admin, "{\"operation\": \"CREDIT\", \"asset\": \"HKD\", \"amount\": \"5.00\", \"remarks\": \"x\", \"key\": \"bad-kind-4\"}");
		assertThat(misspelt.status()).isEqualTo(400);
		assertThat(misspelt.fieldError("remarks")).isEqualTo("is not a field of this request");
		assertThat(transfers()).as("nothing written").isEqualTo(transfersBefore);
	}

	@Test
	void aCreditIsIdempotentByItsKey() {
		TestHttp admin = TestHttp.operator(port, "admin");
		Map<String, String> credit = Map.of("operation", "CREDIT", "asset", "USD", "amount", "12.34", "key", "credit-once-100020");
		TestHttp.Response first = operate(admin, credit);
		TestHttp.Response second = operate(admin, credit);
		assertThat(first.status()).isEqualTo(202);
		assertThat(second.status()).isEqualTo(202);
		assertThat(second.json().get("id").asLong()).as("one work order").isEqualTo(first.json().get("id").asLong());
		assertThat(operate(admin, Map.of("operation", "CREDIT", "asset", "USD", "amount", "99.00", "key", "credit-once-100020")).status())
				.isEqualTo(422);
	}

	@Test
	void customerEndpointsValidateTheirInput() {
		TestHttp maker = TestHttp.operator(port, "maker");
		assertThat(maker.get("/api/customers?status=HAPPY").fieldError("status")).contains("OPENING");
		assertThat(maker.get("/api/customers?size=501").fieldError("size")).isNotNull();
		assertThat(maker.get("/api/customers?after=xyz").fieldError("after")).isNotNull();
		assertThat(maker.get("/api/customers/abc").fieldError("id")).isNotNull();
		assertThat(maker.get("/api/customers/99999999").status()).isEqualTo(404);
		long card = jdbc.sql("SELECT min(id) FROM bank_card WHERE customer_id = :c").param("c", customer()).query(Long.class).single();
		long workOrders = jdbc.sql("SELECT count(*) FROM work_order").query(Long.class).single();
		TestHttp.Response bad = maker.post("/api/customers/" + customer() + "/bank-cards/" + card + "/change-requests",
				Map.of("bankName", "", "bankCode", "x", "accountNo", "12", "holderName", "A", "currency", "DOGE"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.fieldError("bankName")).isNotNull();
		assertThat(bad.fieldError("bankCode")).isNotNull();
		assertThat(bad.fieldError("accountNo")).isNotNull();
		assertThat(bad.fieldError("currency")).contains("unknown asset");
		TestHttp.Response otherCustomersCard = maker.post("/api/customers/" + customer() + "/bank-cards/1/change-requests",
				Map.of("bankName", "HSBC", "bankCode", "004", "accountNo", "004-111-222333-001", "holderName", "A", "currency", "HKD"));
		assertThat(otherCustomersCard.fieldError("cardId")).isNotNull();
		assertThat(jdbc.sql("SELECT count(*) FROM work_order").query(Long.class).single()).isEqualTo(workOrders);
	}

	@Test
	void searchFindsCustomersByNumberNamePhoneAndAccount() {
		TestHttp maker = TestHttp.operator(port, "maker");
		assertThat(maker.get("/api/customers?q=100001").json().get("items").get(0).get("nameEn").asText()).isEqualTo("Chan Tai Man");
		assertThat(maker.get("/api/customers?q=" + java.net.URLEncoder.encode("陳大文", java.nio.charset.StandardCharsets.UTF_8)).json().get("items").get(0).get("customerNo").asText()).isEqualTo("100001");
		assertThat(maker.get("/api/customers?q=tai%20man").json().get("items").get(0).get("customerNo").asText()).isEqualTo("100001");
		assertThat(maker.get("/api/customers?q=M60100001").json().get("items").get(0).get("customerNo").asText()).isEqualTo("100001");
		String phone = maker.get("/api/customers/" + jdbc.sql("SELECT id FROM customer WHERE customer_no='100001'").query(Long.class).single())
				.json().get("phone").asText();
		assertThat(maker.get("/api/customers?q=" + phone.substring(5).replace(" ", "")).json().get("items").get(0).get("customerNo").asText())
				.isEqualTo("100001");
		assertThat(maker.get("/api/customers?status=OPENING").json().get("items").size()).isGreaterThanOrEqualTo(3);
		TestHttp.Response page = maker.get("/api/customers?size=10");
		assertThat(page.json().get("items").size()).isEqualTo(10);
		TestHttp.Response next = maker.get("/api/customers?size=10&after=" + page.json().get("next").asText());
		assertThat(next.json().get("items").get(0).get("id").asLong()).isGreaterThan(page.json().get("items").get(9).get("id").asLong());
	}
}
