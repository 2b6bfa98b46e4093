package io.wbo.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.wbo.common.Asset;
import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** an administrator's ledger operation is a proposal; money moves once, when another person approves it. */
@WboTest
class LedgerAdjustmentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	long customer(String no) {
		return jdbc.sql("SELECT id FROM customer WHERE customer_no = :n").param("n", no).query(Long.class).single();
	}

	String available(long customer) {
		return ledger.balance(customer, Asset.HKD).available().text();
	}

	long transfers(String key) {
		return jdbc.sql("SELECT count(*) FROM ledger_transfer WHERE transfer_key = :k").param("k", "ADMIN:" + key).query(Long.class).single();
	}

	@Test
	void aCreditMovesNothingUntilAnotherPersonApprovesItAndThenMovesOnce() {
		long customer = customer("100021");
		String before = available(customer);
		TestHttp admin = TestHttp.operator(port, "admin");
		Map<String, Object> credit = Map.of("operation", "CREDIT", "asset", "HKD", "amount", "250.00", "key", "adjust-credit-1",
				"remark", "bank error in the customer's favour");
		TestHttp.Response proposed = admin.post("/api/customers/" + customer + "/ledger-operations", credit);
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
		long workOrder = proposed.json().get("id").asLong();
		assertThat(proposed.json().get("type").asText()).isEqualTo("LEDGER_ADJUSTMENT");
		assertThat(proposed.json().get("status").asText()).isEqualTo("PENDING");
		assertThat(available(customer)).as("nothing moves on a proposal").isEqualTo(before);
		assertThat(transfers("adjust-credit-1")).isZero();

		// the same proposal again is the same work order; another operation under the key is refused
		assertThat(admin.post("/api/customers/" + customer + "/ledger-operations", credit).json().get("id").asLong()).isEqualTo(workOrder);
		TestHttp.Response other = admin.post("/api/customers/" + customer + "/ledger-operations",
				Map.of("operation", "CREDIT", "asset", "HKD", "amount", "2500.00", "key", "adjust-credit-1"));
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("detail").asText()).contains("already used");
		assertThat(jdbc.sql("SELECT count(*) FROM work_order WHERE type = 'LEDGER_ADJUSTMENT' AND subject_id = :c")
				.param("c", Long.toString(customer)).query(Long.class).single()).isEqualTo(1L);

		// money created by one person: never
		TestHttp.Response own = admin.post("/api/work-orders/" + workOrder + "/approve", Map.of());
		assertThat(own.status()).isEqualTo(403);
		assertThat(available(customer)).isEqualTo(before);

		TestHttp.Response approved = TestHttp.operator(port, "approver").post("/api/work-orders/" + workOrder + "/approve",
				Map.of("comment", "checked the bank statement"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(available(customer)).isEqualTo(new java.math.BigDecimal(before).add(new java.math.BigDecimal("250.00")).toPlainString());
		assertThat(transfers("adjust-credit-1")).isEqualTo(1L);

		// proposing it once more answers the approved work order and moves nothing
		TestHttp.Response again = admin.post("/api/customers/" + customer + "/ledger-operations", credit);
		assertThat(again.json().get("status").asText()).isEqualTo("APPROVED");
		assertThat(transfers("adjust-credit-1")).isEqualTo(1L);
		assertThat(admin.get("/api/audit?entityType=Customer&entityId=" + customer).body()).contains("LEDGER_ADJUSTMENT_PROPOSED")
				.contains("\"LEDGER_ADJUSTMENT\"");
		assertThat(admin.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void anApprovalTheBalanceNoLongerCoversIsRefusedAndMovesNothing() {
		long customer = customer("100022");
		String before = available(customer);
		TestHttp admin = TestHttp.operator(port, "admin");
		TestHttp.Response proposed = admin.post("/api/customers/" + customer + "/ledger-operations",
				Map.of("operation", "FREEZE", "asset", "HKD", "amount", "999999999.00", "key", "adjust-freeze-1"));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
		long workOrder = proposed.json().get("id").asLong();
		TestHttp.Response refused = TestHttp.operator(port, "approver").post("/api/work-orders/" + workOrder + "/approve", Map.of());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("detail").asText()).contains("insufficient", "999,999,999.00 HKD requested");
		assertThat(available(customer)).isEqualTo(before);
		assertThat(transfers("adjust-freeze-1")).isZero();
		assertThat(admin.get("/api/work-orders/" + workOrder).json().get("workOrder").get("status").asText())
				.as("still waiting: it can be rejected").isEqualTo("PENDING");
		assertThat(TestHttp.operator(port, "approver").post("/api/work-orders/" + workOrder + "/reject", Map.of("comment", "too much"))
				.json().get("status").asText()).isEqualTo("REJECTED");
		assertThat(transfers("adjust-freeze-1")).isZero();
	}
}
