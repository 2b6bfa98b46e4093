package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** 打包處理 (seed 000, W-9/W-10): pack, remove an item, approve, update results one by one, review, complete. */
@WboTest
class WithdrawalBatchIntegrationTests extends WithdrawalIntegrationTest {

	@Test
	void batchWithItemRemovalResultsAndSecondReview() throws Exception {
		WithdrawalFixtures.TestCustomer c = fx.customer("10000.00");
		long a = fx.submitted(maker, c, "100.00", "1.00");
		long b = fx.submitted(maker, c, "200.00", "1.00");
		long d = fx.submitted(maker, c, "300.00", "1.00");

		// 打包提審: pack three, one id that is not pending is refused by itself
		long notPending = fx.manual(maker, c, "5.00", "0");
		TestHttp.Response created = checker.post("/api/payout-batches",
				Map.of("ids", List.of(a, b, d, notPending), "payingAccountId", fx.payingAccountId(), "channel", "CHATS"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long batch = created.json().get("batch").get("id").asLong();
		String batchSerial = created.json().get("batch").get("serial").asText();
		assertThat(maker.get("/api/withdrawals/export?format=csv&customer=" + c.customerNo()).body()).as("the batch by its serial in the export")
				.contains("," + batchSerial + ",");
		JsonNode results = created.json().get("results");
		assertThat(results.get(0).get("ok").asBoolean()).isTrue();
		assertThat(results.get(3).get("ok").asBoolean()).isFalse();
		assertThat(results.get(3).get("error").asText()).contains("RISK_");
		assertThat(fx.status(maker, a)).isEqualTo("IN_BATCH");

		// remove one item before submission: it goes back to pending
		JsonNode removed = WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/remove-items", Map.of("ids", List.of(d))))
				.json();
		assertThat(removed.get("results").get(0).get("ok").asBoolean()).isTrue();
		assertThat(fx.status(maker, d)).isEqualTo("SUBMITTED");
		JsonNode back = maker.get("/api/withdrawals/" + d).json().get("withdrawal");
		assertThat(back.get("channel").isNull()).as("no longer paid through the batch's channel").isTrue();
		assertThat(back.get("payingAccountId").isNull()).isTrue();

		// no file before approval
		assertThat(checker.get("/api/payout-batches/" + batch + "/file?format=csv").status()).isEqualTo(422);

		// 提交審核 → work order, approved by another person
		TestHttp.Response submitted = checker.post("/api/payout-batches/" + batch + "/submit", Map.of());
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
		long workOrder = submitted.json().get("workOrder").get("id").asLong();
		assertThat(submitted.json().get("batch").get("status").asText()).isEqualTo("PENDING_APPROVAL");
		assertThat(fx.status(maker, a)).isEqualTo("BATCH_PENDING_APPROVAL");
		assertThat(checker.post("/api/payout-batches/" + batch + "/remove-items", Map.of("ids", List.of(a))).status()).isEqualTo(409);
		WithdrawalFixtures.approve(approver, workOrder);
		assertThat(fx.status(maker, a)).isEqualTo("BATCH_PROCESSING");
		assertThat(checker.get("/api/payout-batches/" + batch).json().get("status").asText()).isEqualTo("PROCESSING");

		// the payment files: CSV, XLSX, pain.001.001.09
		TestHttp.Response csv = checker.get("/api/payout-batches/" + batch + "/file?format=csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
		assertThat(csv.body().lines().count()).isEqualTo(3);
		assertThat(checker.get("/api/payout-batches/" + batch + "/file?format=xlsx").status()).isEqualTo(200);
		TestHttp.Response pain = checker.get("/api/payout-batches/" + batch + "/file?format=pain001");
		assertThat(pain.status()).isEqualTo(200);
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(pain.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
		assertThat(xml.getElementsByTagNameNS("*", "NbOfTxs").item(0).getTextContent()).isEqualTo("2");
		assertThat(xml.getElementsByTagNameNS("*", "CtrlSum").item(0).getTextContent()).isEqualTo("300.00");
		assertThat(xml.getElementsByTagNameNS("*", "CdtTrfTxInf").getLength()).isEqualTo(2);

		// 檢視並更新結果: one by one; the second completes the set and sends it to review
		JsonNode first = WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/results",
				Map.of("items", List.of(Map.of("withdrawalId", a, "result", "SUCCESS", "bankReference", "CHATS-A"))))).json();
		assertThat(first.get("results").get(0).get("ok").asBoolean()).isTrue();
		assertThat(first.get("batchStatus").asText()).isEqualTo("PROCESSING");
		// outcomes come in the order of the items sent, a refused one included (it was listed first, whatever its place)
		JsonNode mixed = WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/results",
				Map.of("items", List.of(Map.of("withdrawalId", a, "result", "SUCCESS", "bankReference", "CHATS-A"),
						Map.of("withdrawalId", b, "result", "MAYBE"))))).json();
		assertThat(mixed.get("results").get(0).get("id").asLong()).isEqualTo(a);
		assertThat(mixed.get("results").get(0).get("ok").asBoolean()).isTrue();
		assertThat(mixed.get("results").get(1).get("id").asLong()).isEqualTo(b);
		assertThat(mixed.get("results").get(1).get("ok").asBoolean()).isFalse();
		assertThat(mixed.get("batchStatus").asText()).isEqualTo("PROCESSING");
		// a reference or a reason longer than the single result may have is refused for that item, which keeps no result
		JsonNode tooLong = WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/results",
				Map.of("items", List.of(Map.of("withdrawalId", b, "result", "SUCCESS", "bankReference", "R".repeat(101)),
						Map.of("withdrawalId", b, "result", "FAILED", "reason", "x".repeat(501)))))).json().get("results");
		assertThat(tooLong.get(0).get("error").asText()).isEqualTo("bankReference must be at most 100 characters");
		assertThat(tooLong.get(1).get("ok").asBoolean()).isFalse();
		JsonNode longReason = WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/results",
				Map.of("items", List.of(Map.of("withdrawalId", b, "result", "FAILED", "reason", "x".repeat(501)))))).json().get("results");
		assertThat(longReason.get(0).get("error").asText()).isEqualTo("reason must be at most 500 characters");
		JsonNode second = WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/results",
				Map.of("items", List.of(Map.of("withdrawalId", b, "result", "FAILED", "reason", "account closed"),
						Map.of("withdrawalId", d, "result", "SUCCESS"))))).json();
		assertThat(second.get("results").get(0).get("ok").asBoolean()).isTrue();
		assertThat(second.get("results").get(1).get("ok").asBoolean()).as("not an item of the batch").isFalse();
		assertThat(second.get("batchStatus").asText()).isEqualTo("RESULT_PENDING_REVIEW");
		long review = second.get("reviewWorkOrderId").asLong();
		assertThat(fx.status(maker, a)).isEqualTo("RESULT_PENDING_REVIEW");
		assertThat(fx.balance(c.id()).frozen().text()).as("nothing moves before the review").isEqualTo("608.00");

		// the second review: successes complete, failures become abnormal
		assertThat(checker.post("/api/work-orders/" + review + "/approve", Map.of("comment", "mine")).status()).isEqualTo(403);
		WithdrawalFixtures.approve(approver, review);
		assertThat(fx.status(maker, a)).isEqualTo("COMPLETED");
		assertThat(fx.status(maker, b)).isEqualTo("ABNORMAL");
		assertThat(checker.get("/api/payout-batches/" + batch).json().get("status").asText()).isEqualTo("COMPLETED");
		assertThat(fx.balance(c.id()).available().text()).isEqualTo(new java.math.BigDecimal("10000.00").subtract(
				new java.math.BigDecimal("608.00")).toPlainString());
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("507.00");
		JsonNode detailB = maker.get("/api/withdrawals/" + b).json();
		assertThat(detailB.get("withdrawal").get("failureReason").asText()).isEqualTo("account closed");
		assertThat(detailB.get("payouts").get(0).get("status").asText()).isEqualTo("FAILED");

		TestHttp admin = TestHttp.operator(port, "admin");
		assertThat(admin.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void whoPackedABatchOrEnteredItsResultsMayNotApproveIt() {
		TestHttp admin = TestHttp.operator(port, "admin");
		WithdrawalFixtures.ok(admin.post("/api/operators", Map.of("username", "checker2", "displayName", "Second checker",
				"password", TestHttp.PASSWORD, "roles", List.of("CHECKER"))));
		TestHttp checker2 = TestHttp.operator(port, "checker2");
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long a = fx.submitted(maker, c, "10.00", "0");
		long b = fx.submitted(maker, c, "20.00", "0");

		// the checker packs, a colleague submits: the packer may still not approve paying what they packed
		long batch = checker.post("/api/payout-batches", Map.of("ids", List.of(a, b), "payingAccountId", fx.payingAccountId(), "channel", "FPS"))
				.json().get("batch").get("id").asLong();
		long payout = WithdrawalFixtures.ok(checker2.post("/api/payout-batches/" + batch + "/submit", Map.of())).json().get("workOrder")
				.get("id").asLong();
		TestHttp.Response byPacker = checker.post("/api/work-orders/" + payout + "/approve", Map.of("comment", "looks fine"));
		assertThat(byPacker.status()).isEqualTo(403);
		assertThat(byPacker.json().get("detail").asText()).contains("four-eyes").contains("contributed");
		JsonNode detail = checker.get("/api/work-orders/" + payout).json();
		assertThat(detail.get("canDecide").asBoolean()).isFalse();
		assertThat(detail.get("workOrder").get("maker").asText()).isEqualTo("checker2");
		assertThat(detail.get("contributors").toString()).as("the packer, named to the checker").isEqualTo("[\"checker\"]");
		assertThat(checker.speaking("zh-Hant").get("/api/work-orders/" + payout).json().get("whyNot").asText()).as("said in the reader's language")
				.contains("四眼原則");
		assertThat(checker.get("/api/work-orders?inbox=true&type=WITHDRAWAL_BATCH_PAYOUT&size=500").body()).doesNotContain("\"id\":" + payout + ",");
		assertThat(checker.post("/api/work-orders/" + payout + "/reject", Map.of("comment", "no")).status()).isEqualTo(403);
		assertThat(fx.status(maker, a)).isEqualTo("BATCH_PENDING_APPROVAL");
		WithdrawalFixtures.approve(approver, payout);

		// two people enter the results: neither may approve the review, not only the one who entered the last
		WithdrawalFixtures.ok(checker2.post("/api/payout-batches/" + batch + "/results",
				Map.of("items", List.of(Map.of("withdrawalId", a, "result", "SUCCESS", "bankReference", "FPS-A")))));
		long review = WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/results",
				Map.of("items", List.of(Map.of("withdrawalId", b, "result", "SUCCESS", "bankReference", "FPS-B"))))).json()
				.get("reviewWorkOrderId").asLong();
		TestHttp.Response byEnterer = checker2.post("/api/work-orders/" + review + "/approve", Map.of("comment", "mine are right"));
		assertThat(byEnterer.status()).isEqualTo(403);
		assertThat(byEnterer.json().get("detail").asText()).contains("contributed");
		assertThat(approver.get("/api/work-orders/" + review).json().get("contributors").toString()).isEqualTo("[\"checker2\"]");
		assertThat(checker.post("/api/work-orders/" + review + "/approve", Map.of()).status()).as("the maker").isEqualTo(403);
		assertThat(fx.status(maker, a)).as("nothing completes on a refused approval").isEqualTo("RESULT_PENDING_REVIEW");
		WithdrawalFixtures.approve(approver, review);
		assertThat(fx.status(maker, a)).isEqualTo("COMPLETED");
		assertThat(fx.status(maker, b)).isEqualTo("COMPLETED");
		assertThat(admin.get("/api/audit?action=WORK_ORDER_OPENED&entityType=WorkOrder&entityId=" + review).body()).contains("contributors");
	}

	@Test
	void resultsRefusedInReviewAreEnteredAgainAuditedWithTheReplacedValueAndSentBack() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long a = fx.submitted(maker, c, "10.00", "0");
		long b = fx.submitted(maker, c, "20.00", "0");
		long batch = checker.post("/api/payout-batches", Map.of("ids", List.of(a, b), "payingAccountId", fx.payingAccountId(), "channel", "FPS"))
				.json().get("batch").get("id").asLong();
		JsonNode view = checker.get("/api/payout-batches/" + batch).json();
		assertThat(view.get("payingBankName").asText()).as("the paying account as the operator knows it").isNotBlank();
		assertThat(view.get("payingAccountNo").asText()).isNotBlank();
		assertThat(view.get("itemCount").asLong()).isEqualTo(2);
		assertThat(view.get("totals").get(0).get("amount").asText()).isEqualTo("30.00");
		WithdrawalFixtures.approve(approver, checker.post("/api/payout-batches/" + batch + "/submit", Map.of()).json().get("workOrder").get("id").asLong());
		TestHttp.Response early = checker.post("/api/payout-batches/" + batch + "/submit-results", Map.of());
		assertThat(early.status()).as("no result yet: nothing to review").isEqualTo(422);

		JsonNode entered = WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/results", Map.of("items", List.of(
				Map.of("withdrawalId", a, "result", "SUCCESS", "bankReference", "FPS-A"),
				Map.of("withdrawalId", b, "result", "SUCCESS", "bankReference", "FPS-B"))))).json();
		long firstReview = entered.get("reviewWorkOrderId").asLong();
		assertThat(approver.post("/api/work-orders/" + firstReview + "/reject", Map.of("comment", "b bounced")).status()).isEqualTo(200);
		assertThat(checker.get("/api/payout-batches/" + batch).json().get("status").asText()).isEqualTo("PROCESSING");
		assertThat(fx.status(maker, b)).isEqualTo("BATCH_PROCESSING");

		// the wrong result is entered again: it stays with the operator until they send the set back
		JsonNode again = WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/results",
				Map.of("items", List.of(Map.of("withdrawalId", b, "result", "FAILED", "reason", "account closed"))))).json();
		assertThat(again.get("results").get(0).get("ok").asBoolean()).isTrue();
		assertThat(again.get("batchStatus").asText()).isEqualTo("PROCESSING");
		assertThat(again.get("reviewWorkOrderId").isNull()).isTrue();
		JsonNode items = checker.get("/api/payout-batches/" + batch).json().get("items");
		assertThat(items.get(0).get("result").asText()).isEqualTo("SUCCESS");
		assertThat(items.get(1).get("result").asText()).isEqualTo("FAILED");

		JsonNode audit = TestHttp.operator(port, "auditor").get("/api/audit?entityType=Withdrawal&entityId=" + b + "&action=WITHDRAWAL_BATCH_RESULT_REENTERED")
				.json().get("items");
		assertThat(audit).hasSize(1);
		JsonNode result = null;
		for (JsonNode change : audit.get(0).get("changes")) {
			if (change.get("field").asText().equals("result")) {
				result = change;
			}
		}
		assertThat(result).as("the result change in " + audit).isNotNull();
		assertThat(result.get("before").asText()).as("the value it replaced").isEqualTo("SUCCESS");
		assertThat(result.get("after").asText()).isEqualTo("FAILED");
		assertThat(audit.get(0).get("changes").toString()).contains("account closed");

		// 重新提交結果審核: a new review; approved, the corrected results take effect
		assertThat(maker.post("/api/payout-batches/" + batch + "/submit-results", Map.of()).status()).isEqualTo(403);
		TestHttp.Response sent = checker.post("/api/payout-batches/" + batch + "/submit-results", Map.of());
		assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
		assertThat(sent.json().get("batch").get("status").asText()).isEqualTo("RESULT_PENDING_REVIEW");
		long secondReview = sent.json().get("workOrder").get("id").asLong();
		assertThat(secondReview).isNotEqualTo(firstReview);
		assertThat(checker.post("/api/payout-batches/" + batch + "/submit-results", Map.of()).status()).isEqualTo(409);
		WithdrawalFixtures.approve(approver, secondReview);
		assertThat(fx.status(maker, a)).isEqualTo("COMPLETED");
		assertThat(fx.status(maker, b)).isEqualTo("ABNORMAL");
		assertThat(maker.get("/api/withdrawals/" + b).json().get("withdrawal").get("failureReason").asText()).isEqualTo("account closed");
		assertThat(TestHttp.operator(port, "admin").get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void aRefusedBatchReturnsToDraftAndItsItemsWaitInIt() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long a = fx.submitted(maker, c, "10.00", "0");
		long batch = checker.post("/api/payout-batches", Map.of("ids", List.of(a), "payingAccountId", fx.payingAccountId(), "channel", "FPS"))
				.json().get("batch").get("id").asLong();
		long workOrder = checker.post("/api/payout-batches/" + batch + "/submit", Map.of()).json().get("workOrder").get("id").asLong();
		assertThat(approver.post("/api/work-orders/" + workOrder + "/reject", Map.of("comment", "wrong account")).status()).isEqualTo(200);
		assertThat(fx.status(maker, a)).isEqualTo("IN_BATCH");
		assertThat(checker.get("/api/payout-batches/" + batch).json().get("status").asText()).isEqualTo("DRAFT");
		// it can be fixed by removing items; once the last one is out, the empty batch is discarded, not left waiting
		WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/remove-items", Map.of("ids", List.of(a))));
		assertThat(checker.get("/api/payout-batches/" + batch).json().get("status").asText()).isEqualTo("DISCARDED");
		TestHttp.Response submitAgain = checker.post("/api/payout-batches/" + batch + "/submit", Map.of());
		assertThat(submitAgain.status()).isEqualTo(409);
		assertThat(submitAgain.json().get("detail").asText()).contains("DISCARDED");
	}

	@Test
	void aDraftBatchIsDiscardedWithAReasonAndItsItemsWaitAgain() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long a = fx.submitted(maker, c, "10.00", "0");
		long b = fx.submitted(maker, c, "20.00", "0");
		long batch = checker.post("/api/payout-batches", Map.of("ids", List.of(a, b), "payingAccountId", fx.payingAccountId(), "channel", "FPS"))
				.json().get("batch").get("id").asLong();
		assertThat(checker.post("/api/payout-batches/" + batch + "/discard", Map.of()).fieldError("reason")).isNotNull();
		assertThat(maker.post("/api/payout-batches/" + batch + "/discard", Map.of("reason", "x")).status()).as("needs WITHDRAWAL_PROCESS")
				.isEqualTo(403);
		JsonNode discarded = WithdrawalFixtures.ok(checker.post("/api/payout-batches/" + batch + "/discard", Map.of("reason", "wrong paying account")))
				.json();
		assertThat(discarded.get("results")).hasSize(2).allMatch(r -> r.get("ok").asBoolean());
		assertThat(fx.status(maker, a)).isEqualTo("SUBMITTED");
		assertThat(fx.status(maker, b)).isEqualTo("SUBMITTED");
		assertThat(checker.get("/api/payout-batches/" + batch).json().get("status").asText()).isEqualTo("DISCARDED");
		assertThat(checker.post("/api/payout-batches/" + batch + "/discard", Map.of("reason", "again")).status()).isEqualTo(409);
		JsonNode audit = TestHttp.operator(port, "auditor").get("/api/audit?entityType=PayoutBatch&entityId=" + batch).json().get("items");
		assertThat(audit.toString()).contains("PAYOUT_BATCH_DISCARDED").contains("wrong paying account");
	}

	@Test
	void aReceivingOnlyAccountOrAnUnsupportedChannelIsRefused() {
		long receiving = jdbc.sql("SELECT id FROM company_account WHERE purpose = 'RECEIVING' LIMIT 1").query(Long.class).single();
		TestHttp.Response r = checker.post("/api/payout-batches", Map.of("ids", List.of(1), "payingAccountId", receiving, "channel", "CHATS"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.fieldError("payingAccountId")).contains("only receives");
		assertThat(r.fieldError("channel")).isNotNull();
	}

	@Test
	void anApplicationTheAccountDoesNotPayIsRefusedSayingWhy() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long hkd = fx.submitted(maker, c, "10.00", "0");
		long usdOnly = jdbc.sql("SELECT id FROM company_account WHERE account_no = '447-0-998877-6'").query(Long.class).single();
		TestHttp.Response r = checker.post("/api/payout-batches", Map.of("ids", List.of(hkd), "payingAccountId", usdOnly, "channel", "TT"));
		assertThat(r.status()).as(r.toString()).isEqualTo(422);
		assertThat(r.json().get("detail").asText()).contains("account 447-0-998877-6 does not pay HKD").doesNotContain(" here");
		assertThat(fx.status(maker, hkd)).isEqualTo("SUBMITTED");
	}
}
