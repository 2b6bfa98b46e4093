package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

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

/** 處理異常出金 (seed 000 / W-13): the four actions, each reviewed by a second person; nothing is paid twice. */
@WboTest
class WithdrawalAbnormalIntegrationTests extends WithdrawalIntegrationTest {

	WithdrawalFixtures.TestCustomer c;

	@BeforeEach
	void setUp() {
		c = fx.customer("5000.00");
	}

	/** A direct payout the bank rejected. */
	long abnormal(String amount) {
		long id = fx.submitted(maker, c, amount, "2.00");
		JsonNode direct = WithdrawalFixtures.ok(checker.post("/api/withdrawals/" + id + "/direct-payout",
				Map.of("payingAccountId", fx.payingAccountId(), "channel", "TT"))).json();
		WithdrawalFixtures.approve(approver, direct.get("workOrder").get("id").asLong());
		TestHttp.Response failed = checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "FAILED", "reason", "rejected by bank"));
		assertThat(failed.json().get("status").asText()).as(failed.toString()).isEqualTo("ABNORMAL");
		return id;
	}

	long handle(long id, String action) {
		JsonNode r = WithdrawalFixtures.ok(checker.post("/api/withdrawals/abnormal/handle",
				Map.of("ids", List.of(id), "action", action, "remark", "handled " + action))).json();
		assertThat(r.get("results").get(0).get("ok").asBoolean()).as(r.toString()).isTrue();
		assertThat(fx.status(maker, id)).isEqualTo("ABNORMAL_PENDING_REVIEW");
		return maker.get("/api/withdrawals/" + id).json().get("withdrawal").get("abnormalWorkOrderId").asLong();
	}

	@Test
	void aResultOrAHandlingWithTextLongerThanItsFieldMayHoldIsRefusedByNameAndChangesNothing() {
		long id = fx.submitted(maker, c, "100.00", "0");
		JsonNode direct = WithdrawalFixtures.ok(checker.post("/api/withdrawals/" + id + "/direct-payout",
				Map.of("payingAccountId", fx.payingAccountId(), "channel", "TT"))).json();
		WithdrawalFixtures.approve(approver, direct.get("workOrder").get("id").asLong());
		TestHttp.Response longReference = checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS", "bankReference", "R".repeat(101)));
		assertThat(longReference.status()).isEqualTo(400);
		assertThat(longReference.fieldError("bankReference")).isEqualTo("must be at most 100 characters");
		TestHttp.Response longReason = checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "FAILED", "reason", "x".repeat(501)));
		assertThat(longReason.fieldError("reason")).isEqualTo("must be at most 500 characters");
		assertThat(fx.status(maker, id)).isEqualTo("DIRECT_PROCESSING");

		TestHttp.Response failed = checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "FAILED", "reason", "rejected by bank"));
		assertThat(failed.json().get("status").asText()).as(failed.toString()).isEqualTo("ABNORMAL");
		TestHttp.Response longRemark = checker.post("/api/withdrawals/abnormal/handle", Map.of("ids", List.of(id), "action", "TO_FAILURE", "remark",
				"y".repeat(501)));
		assertThat(longRemark.fieldError("remark")).isEqualTo("must be at most 500 characters");
		assertThat(fx.status(maker, id)).isEqualTo("ABNORMAL");
	}

	@Test
	void toSuccessCompletesAndDebitsTheFrozenFunds() {
		long id = abnormal("100.00");
		long wo = handle(id, "TO_SUCCESS");
		assertThat(checker.post("/api/work-orders/" + wo + "/approve", Map.of("comment", "mine")).status()).isEqualTo(403);
		WithdrawalFixtures.approve(approver, wo);
		assertThat(fx.status(maker, id)).isEqualTo("COMPLETED");
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("0.00");
		assertThat(fx.balance(c.id()).available().text()).isEqualTo("4898.00");
	}

	@Test
	void toFailureReturnsTheFrozenFundsToAvailable() {
		long id = abnormal("100.00");
		WithdrawalFixtures.approve(approver, handle(id, "TO_FAILURE"));
		assertThat(fx.status(maker, id)).isEqualTo("FAILED");
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("0.00");
		assertThat(fx.balance(c.id()).available().text()).isEqualTo("5000.00");
	}

	@Test
	void repayCreatesANewPayoutOrderAndCannotPayTwiceWhileItIsProcessing() {
		long id = abnormal("100.00");
		WithdrawalFixtures.approve(approver, handle(id, "REPAY"));
		assertThat(fx.status(maker, id)).isEqualTo("DIRECT_PROCESSING");
		JsonNode payouts = maker.get("/api/withdrawals/" + id).json().get("payouts");
		assertThat(payouts.size()).isEqualTo(2);
		assertThat(payouts.get(0).get("status").asText()).isEqualTo("FAILED");
		assertThat(payouts.get(1).get("status").asText()).isEqualTo("PROCESSING");

		// a second re-pay while the new order is processing is refused, naming the state
		JsonNode again = WithdrawalFixtures.ok(checker.post("/api/withdrawals/abnormal/handle",
				Map.of("ids", List.of(id), "action", "REPAY", "remark", "again"))).json();
		assertThat(again.get("results").get(0).get("ok").asBoolean()).isFalse();
		assertThat(again.get("results").get(0).get("error").asText()).contains("DIRECT_PROCESSING");
		// and the database itself refuses a second open payout order of one application
		Integer open = jdbc.sql("SELECT count(*) FROM withdrawal_payout WHERE withdrawal_id = :id AND status IN ('PENDING_APPROVAL', 'PROCESSING')")
				.param("id", id).query(Integer.class).single();
		assertThat(open).isEqualTo(1);
		try {
			tx.executeWithoutResult(s -> jdbc.sql("""
					INSERT INTO withdrawal_payout (withdrawal_id, attempt, mode, paying_account_id, channel, status, created_by)
					VALUES (:id, 99, 'DIRECT', 1, 'TT', 'PROCESSING', 'test')""").param("id", id).update());
			throw new AssertionError("a second open payout order was accepted");
		}
		catch (org.springframework.dao.DataIntegrityViolationException expected) {
			// refused
		}

		TestHttp.Response ok = checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS"));
		assertThat(ok.json().get("status").asText()).isEqualTo("COMPLETED");
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("0.00");
		assertThat(fx.balance(c.id()).available().text()).isEqualTo("4898.00");
	}

	@Test
	void resubmitSendsTheSameOrderAgain() {
		long id = abnormal("100.00");
		WithdrawalFixtures.approve(approver, handle(id, "RESUBMIT"));
		assertThat(fx.status(maker, id)).isEqualTo("DIRECT_PROCESSING");
		JsonNode payouts = maker.get("/api/withdrawals/" + id).json().get("payouts");
		assertThat(payouts.size()).isEqualTo(1);
		assertThat(payouts.get(0).get("status").asText()).isEqualTo("PROCESSING");
		assertThat(payouts.get(0).get("sentCount").asInt()).isEqualTo(2);
	}

	@Test
	void aRefusedHandlingReturnsToAbnormalAndBatchHandlingReportsEachId() {
		long id = abnormal("100.00");
		long wo = handle(id, "TO_SUCCESS");
		assertThat(approver.post("/api/work-orders/" + wo + "/reject", Map.of("comment", "not proven")).status()).isEqualTo(200);
		assertThat(fx.status(maker, id)).isEqualTo("ABNORMAL");

		long pending = fx.submitted(maker, c, "10.00", "0");
		JsonNode r = WithdrawalFixtures.ok(checker.post("/api/withdrawals/abnormal/handle",
				Map.of("ids", List.of(id, pending, 987654321L), "action", "TO_FAILURE", "remark", "batch"))).json().get("results");
		assertThat(r.get(0).get("ok").asBoolean()).isTrue();
		assertThat(r.get(1).get("ok").asBoolean()).isFalse();
		assertThat(r.get(1).get("error").asText()).contains("SUBMITTED");
		assertThat(r.get(2).get("error").asText()).contains("not found");
		TestHttp.Response bad = checker.post("/api/withdrawals/abnormal/handle", Map.of("ids", List.of(id), "action", "PAY_TWICE", "remark", ""));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.fieldError("action")).isNotNull();
		assertThat(bad.fieldError("remark")).isNotNull();
	}
}
