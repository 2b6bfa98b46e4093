package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/** The quick-start manual (seed 000), step by step over HTTP: manual withdrawal → risk → submit → direct payout → result. */
@WboTest
class WithdrawalQuickStartIntegrationTests extends WithdrawalIntegrationTest {

	@Test
	void manualWithdrawalIsRiskCheckedSubmittedPaidDirectlyAndCompletedWithTheLedger() {
		WithdrawalFixtures.TestCustomer c = fx.customer("10000.00");

		// 手工提現: amount + fee are frozen at once
		TestHttp.Response created = maker.post("/api/withdrawals", Map.of("customerId", c.id(), "currency", "HKD", "amount", "1000.00",
				"fee", "10.00", "bankCardId", c.cardId(), "remark", "quick start"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("serial").asText()).matches("W\\d{8}-\\d{6}");
		assertThat(created.json().get("status").asText()).isEqualTo("RISK_CHECKING");
		assertThat(created.json().get("source").asText()).isEqualTo("MANUAL");
		assertThat(fx.balance(c.id()).available().text()).isEqualTo("8990.00");
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("1010.00");

		// 風控: about 5 seconds later it has passed, with every rule's finding on the record
		fx.awaitStatus(maker, id, "RISK_PASSED");
		JsonNode detail = maker.get("/api/withdrawals/" + id).json();
		assertThat(detail.get("withdrawal").get("riskResult").asText()).isEqualTo("PASSED");
		assertThat(detail.get("riskFindings").size()).isGreaterThanOrEqualTo(7);

		// 提交
		JsonNode submit = WithdrawalFixtures.ok(maker.post("/api/withdrawals/submit", Map.of("ids", List.of(id)))).json();
		assertThat(submit.get("results").get(0).get("ok").asBoolean()).isTrue();
		assertThat(fx.status(maker, id)).isEqualTo("SUBMITTED");

		// 直接出帳 → 提交審核 (work order)
		TestHttp.Response direct = checker.post("/api/withdrawals/" + id + "/direct-payout",
				Map.of("payingAccountId", fx.payingAccountId(), "channel", "FPS", "bankReference", "FPS-0001"));
		assertThat(direct.status()).as(direct.toString()).isEqualTo(200);
		assertThat(direct.json().get("withdrawal").get("status").asText()).isEqualTo("DIRECT_PENDING_APPROVAL");
		long workOrder = direct.json().get("workOrder").get("id").asLong();
		assertThat(direct.json().get("workOrder").get("changes").toString()).as("the customer by the number operators know")
				.contains("\"field\":\"customer\",\"before\":null,\"after\":\"" + c.customerNo() + "\"");

		// the maker of the work order can never approve it
		assertThat(checker.post("/api/work-orders/" + workOrder + "/approve", Map.of("comment", "mine")).status()).isEqualTo(403);
		WithdrawalFixtures.approve(approver, workOrder);
		assertThat(fx.status(maker, id)).isEqualTo("DIRECT_PROCESSING");

		// the payout file exists once approved
		TestHttp.Response file = checker.get("/api/withdrawals/" + id + "/payout-file?format=pain001");
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.body()).contains("<EndToEndId>" + created.json().get("serial").asText() + "</EndToEndId>");

		// 檢視並更新結果 → 成功
		TestHttp.Response result = checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS", "bankReference", "FPS-0001"));
		assertThat(result.status()).as(result.toString()).isEqualTo(200);
		assertThat(result.json().get("status").asText()).isEqualTo("COMPLETED");
		assertThat(result.json().get("completedAt").isNull()).isFalse();

		// the frozen funds left the customer; the available balance is untouched
		assertThat(fx.balance(c.id()).available().text()).isEqualTo("8990.00");
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("0.00");

		// the full history, with who did what and under which work order
		JsonNode history = maker.get("/api/withdrawals/" + id).json().get("history");
		List<String> actions = new ArrayList<>();
		history.forEach(h -> actions.add(h.get("action").asText()));
		assertThat(actions).containsExactly("CREATED", "RISK_PASSED", "SUBMITTED", "DIRECT_PAYOUT_REQUESTED", "DIRECT_PAYOUT_APPROVED",
				"PAYOUT_SUCCEEDED");
		assertThat(history.get(4).get("workOrderId").asLong()).isEqualTo(workOrder);
		assertThat(history.get(4).get("actor").asText()).isEqualTo("approver");

		// a completed application refuses another result, naming its state
		TestHttp.Response again = checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asText()).contains("COMPLETED");

		TestHttp admin = TestHttp.operator(port, "admin");
		assertThat(admin.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
		assertThat(admin.get("/api/ledger/books-check").status()).isEqualTo(200);
	}

	@Test
	void notEnoughBalanceIsAClearErrorAndNothingIsCreated() {
		WithdrawalFixtures.TestCustomer c = fx.customer("100.00");
		TestHttp.Response r = maker.post("/api/withdrawals", Map.of("customerId", c.id(), "currency", "HKD", "amount", "100.00",
				"fee", "0.01", "bankCardId", c.cardId()));
		assertThat(r.status()).as(r.toString()).isEqualTo(422);
		assertThat(r.json().get("type").asText()).endsWith("insufficient-funds");
		assertThat(jdbc.sql("SELECT count(*) FROM withdrawal WHERE customer_id = :c").param("c", c.id()).query(Long.class).single()).isZero();
		assertThat(fx.balance(c.id()).available().text()).isEqualTo("100.00");
	}

	@Test
	void invalidInputIsReportedFieldByField() {
		WithdrawalFixtures.TestCustomer c = fx.customer("100.00");
		TestHttp.Response r = maker.post("/api/withdrawals", Map.of("customerId", c.id(), "currency", "HKD", "amount", "1.001",
				"fee", "-1", "bankCardId", 999999999));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.fieldError("amount")).isNotNull();
		assertThat(r.fieldError("fee")).isNotNull();
		assertThat(r.fieldError("bankCardId")).isNotNull();
		// an unknown customer in the body is the body's error, as an unknown card is (not a 404 of the resource posted to)
		for (Map<String, Object> body : List.<Map<String, Object>>of(
				Map.of("customerId", 987654321, "currency", "HKD", "amount", "1.00", "bankCardId", c.cardId()),
				Map.of("customerId", 987654321, "currency", "HKD", "amount", "1.00"))) {
			TestHttp.Response unknown = maker.post("/api/withdrawals", body);
			assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
			assertThat(unknown.fieldError("customerId")).isEqualTo("no customer with id 987654321");
		}
	}
}
