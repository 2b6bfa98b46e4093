package io.wbo.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bank-card change work order end to end: a maker proposes, a checker decides, the change applies once, and the
 * four-eyes rules hold.
 */
@WboTest
class WorkOrderIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long customerId(String no) {
		return jdbc.sql("SELECT id FROM customer WHERE customer_no = :n").param("n", no).query(Long.class).single();
	}

	long firstCard(long customerId) {
		return jdbc.sql("SELECT min(id) FROM bank_card WHERE customer_id = :c").param("c", customerId).query(Long.class).single();
	}

	Map<String, Object> change(String accountNo) {
		return Map.of("bankName", "HSBC Hong Kong", "bankCode", "004", "accountNo", accountNo, "holderName", "TEST HOLDER",
				"currency", "HKD", "remark", "customer called");
	}

	String cardAccount(long cardId) {
		return jdbc.sql("SELECT account_no FROM bank_card WHERE id = :id").param("id", cardId).query(String.class).single();
	}

	@Test
	void aCardEditAppliesOnlyWhenAnotherPersonApproves() {
		long customer = customerId("100010");
		long card = firstCard(customer);
		String before = cardAccount(card);
		TestHttp maker = TestHttp.operator(port, "maker");
		TestHttp.Response opened = maker.post("/api/customers/" + customer + "/bank-cards/" + card + "/change-requests", change("004-555-000111-001"));
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		long wo = opened.json().get("id").asLong();
		assertThat(opened.json().get("status").asText()).isEqualTo("PENDING");
		assertThat(opened.json().get("changes").toString()).contains("004-555-000111-001").contains(before);
		assertThat(cardAccount(card)).as("nothing changes before approval").isEqualTo(before);

		TestHttp.Response own = maker.post("/api/work-orders/" + wo + "/approve", Map.of("comment", "self"));
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.json().get("detail").asText()).contains("four-eyes");
		assertThat(maker.get("/api/work-orders/" + wo).json().get("canDecide").asBoolean()).isFalse();

		TestHttp checker = TestHttp.operator(port, "checker");
		assertThat(checker.get("/api/work-orders?inbox=true&type=BANK_CARD_CHANGE&size=500").body()).contains("\"id\":" + wo);
		TestHttp.Response approved = checker.post("/api/work-orders/" + wo + "/approve", Map.of("comment", "verified by phone"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
		assertThat(cardAccount(card)).isEqualTo("004-555-000111-001");

		TestHttp.Response again = checker.post("/api/work-orders/" + wo + "/approve", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("currentState").asText()).isEqualTo("APPROVED");
		TestHttp.Response history = checker.get("/api/customers/" + customer + "/history");
		assertThat(history.body()).contains("BANK_CARD_CHANGED").contains("work order " + wo);
	}

	@Test
	void aRejectedChangeChangesNothingAndNeedsAReason() {
		long customer = customerId("100011");
		long card = firstCard(customer);
		String before = cardAccount(card);
		long wo = TestHttp.operator(port, "maker")
				.post("/api/customers/" + customer + "/bank-cards/" + card + "/change-requests", change("004-777-000222-001")).json().get("id").asLong();
		TestHttp checker = TestHttp.operator(port, "checker");
		TestHttp.Response noReason = checker.post("/api/work-orders/" + wo + "/reject", Map.of());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.fieldError("comment")).isNotNull();
		assertThat(checker.post("/api/work-orders/" + wo + "/reject", Map.of("comment", "holder name does not match")).json()
				.get("status").asText()).isEqualTo("REJECTED");
		assertThat(cardAccount(card)).isEqualTo(before);
	}

	@Test
	void twoCheckersApprovingAtTheSameMomentApplyTheChangeOnce() throws Exception {
		long customer = customerId("100012");
		long card = firstCard(customer);
		long wo = TestHttp.operator(port, "maker")
				.post("/api/customers/" + customer + "/bank-cards/" + card + "/change-requests", change("004-888-000333-001")).json().get("id").asLong();
		TestHttp checker = TestHttp.operator(port, "checker");
		TestHttp approver = TestHttp.operator(port, "approver");
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<TestHttp.Response>> results = new ArrayList<>();
		for (TestHttp who : List.of(checker, approver)) {
			Callable<TestHttp.Response> call = () -> {
				start.await();
				return who.post("/api/work-orders/" + wo + "/approve", Map.of("comment", "ok"));
			};
			results.add(pool.submit(call));
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<TestHttp.Response> r : results) {
			statuses.add(r.get().status());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		long applied = jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'BANK_CARD_CHANGED' AND remark = :r")
				.param("r", "work order " + wo).query(Long.class).single();
		assertThat(applied).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM work_order_decision WHERE work_order_id = :id").param("id", wo).query(Long.class).single())
				.isEqualTo(1);
	}

	@Test
	void nobodyDecidesTwoLevelsOfTheSameWorkOrder() {
		TestHttp admin = TestHttp.operator(port, "admin");
		TestHttp.Response policy = admin.put("/api/approval-policies/BANK_CARD_CHANGE",
				Map.of("enabled", true, "levels", List.of("WORK_ORDER_APPROVE", "WORK_ORDER_APPROVE")));
		assertThat(policy.status()).as(policy.body()).isEqualTo(200);
		try {
			long customer = customerId("100013");
			long card = firstCard(customer);
			long wo = TestHttp.operator(port, "maker")
					.post("/api/customers/" + customer + "/bank-cards/" + card + "/change-requests", change("004-999-000444-001")).json().get("id").asLong();
			TestHttp checker = TestHttp.operator(port, "checker");
			TestHttp.Response first = checker.post("/api/work-orders/" + wo + "/approve", Map.of("comment", "level 1"));
			assertThat(first.json().get("status").asText()).isEqualTo("PENDING");
			assertThat(first.json().get("currentLevel").asInt()).isEqualTo(1);
			TestHttp.Response second = checker.post("/api/work-orders/" + wo + "/approve", Map.of("comment", "level 2"));
			assertThat(second.status()).isEqualTo(403);
			assertThat(second.json().get("detail").asText()).contains("earlier level");
			assertThat(cardAccount(card)).isNotEqualTo("004-999-000444-001");
			assertThat(TestHttp.operator(port, "approver").post("/api/work-orders/" + wo + "/approve", Map.of("comment", "level 2"))
					.json().get("status").asText()).isEqualTo("APPROVED");
			assertThat(cardAccount(card)).isEqualTo("004-999-000444-001");
		}
		finally {
			admin.put("/api/approval-policies/BANK_CARD_CHANGE", Map.of("enabled", true, "levels", List.of("WORK_ORDER_APPROVE")));
		}
	}

	@Test
	void policiesAreValidatedAndAudited() {
		TestHttp admin = TestHttp.operator(port, "admin");
		TestHttp.Response off = admin.put("/api/approval-policies/BANK_CARD_CHANGE", Map.of("enabled", false, "levels", List.of("WORK_ORDER_APPROVE")));
		assertThat(off.status()).isEqualTo(400);
		assertThat(off.fieldError("enabled")).contains("cannot be switched off");
		TestHttp.Response unknown = admin.put("/api/approval-policies/BANK_CARD_CHANGE", Map.of("enabled", true, "levels", List.of("FLY")));
		assertThat(unknown.fieldError("levels[0]")).contains("unknown permission");
		assertThat(TestHttp.operator(port, "checker").put("/api/approval-policies/BANK_CARD_CHANGE",
				Map.of("enabled", true, "levels", List.of("WORK_ORDER_APPROVE"))).status()).isEqualTo(403);
		admin.put("/api/approval-policies/BANK_CARD_CHANGE", Map.of("enabled", true, "levels", List.of("WORK_ORDER_APPROVE")));
		assertThat(admin.get("/api/audit?action=APPROVAL_POLICY_CHANGED&entityId=BANK_CARD_CHANGE").json().get("items").size()).isGreaterThan(0);
	}

	@Test
	void theMakerCanCancelAndCommentOnTheirWorkOrder() {
		long customer = customerId("100014");
		long card = firstCard(customer);
		TestHttp maker = TestHttp.operator(port, "maker");
		long wo = maker.post("/api/customers/" + customer + "/bank-cards/" + card + "/change-requests", change("004-123-000555-001"))
				.json().get("id").asLong();
		assertThat(maker.post("/api/work-orders/" + wo + "/comments", Map.of("text", "customer will send proof")).status()).isEqualTo(200);
		assertThat(TestHttp.operator(port, "checker").post("/api/work-orders/" + wo + "/cancel", Map.of()).status()).isEqualTo(403);
		assertThat(maker.post("/api/work-orders/" + wo + "/cancel", Map.of("comment", "wrong card")).json().get("status").asText())
				.isEqualTo("CANCELLED");
		TestHttp.Response detail = maker.get("/api/work-orders/" + wo);
		assertThat(detail.json().get("comments").get(0).get("text").asText()).isEqualTo("customer will send proof");
	}
}
