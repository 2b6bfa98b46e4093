package io.wbo.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.wbo.audit.IntegrationGuard;
import io.wbo.common.BusinessDay;
import io.wbo.testing.TestHttp;
import io.wbo.withdrawal.WithdrawalFixtures;
import io.wbo.withdrawal.WithdrawalIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The engine against real withdrawals (R-1 end to end): a completed payout and its bank line pushed by the bank are
 * MATCHED and the withdrawal list shows it (對帳結果); a payout the bank booked under another reference and amount is
 * MISSING_IN_BANK until an operator tags the line to it, then MATCHED.
 */
class WithdrawalReconciliationWiringTests extends WithdrawalIntegrationTest {

	TestHttp finance;
	long account;
	String unique;

	@BeforeEach
	void financeAndThePayingAccount() {
		finance = TestHttp.operator(port, "finance");
		account = fx.payingAccountId();
		unique = Long.toString(System.nanoTime());
	}

	long completed(String amount, String reference) {
		WithdrawalFixtures.TestCustomer c = fx.customer("50000.00");
		long id = fx.submitted(maker, c, amount, "0.00");
		TestHttp.Response direct = WithdrawalFixtures.ok(checker.post("/api/withdrawals/" + id + "/direct-payout",
				Map.of("payingAccountId", fx.payingAccountId(), "channel", "FPS", "bankReference", reference)));
		WithdrawalFixtures.approve(approver, direct.json().get("workOrder").get("id").asLong());
		WithdrawalFixtures.ok(checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS", "bankReference", reference)));
		return id;
	}

	void push(String amount, String reference, String counterparty) {
		String body = """
				{"accountId": %d, "lines": [{"direction": "OUT", "amount": "%s", "currency": "HKD", "bookingDate": "%s",
				  "bankReference": "%s", "counterpartyAccount": "%s"}]}""".formatted(account, amount, BusinessDay.today(), reference, counterparty);
		TestHttp.Response r = TestHttp.anonymous(port).postRaw("/api/integrations/bank-statements", body,
				Map.of(IntegrationGuard.HEADER, IntegrationGuard.sign("test-bank-webhook-secret", body.getBytes(StandardCharsets.UTF_8))));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	JsonNode run() {
		LocalDate today = BusinessDay.today();
		TestHttp.Response r = finance.post("/api/reconciliations", Map.of("direction", "OUT", "accountId", account, "from", today.minusDays(1).toString(),
				"to", today.toString()));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	JsonNode withdrawal(long id) {
		return maker.get("/api/withdrawals/" + id).json().get("withdrawal");
	}

	JsonNode lastHistory(TestHttp reader, long id) {
		JsonNode history = reader.get("/api/withdrawals/" + id).json().get("history");
		return history.get(history.size() - 1);
	}

	@Test
	void completedWithdrawalsAreReconciledAndTaggable() {
		long paid = completed("1234.56", "WIRE-" + unique);
		long booked = completed("2345.67", "WIRE-B-" + unique);
		long byAccount = completed("3456.78", "WIRE-C-" + unique);
		push("1234.56", "WIRE-" + unique, "");
		push("2345.68", "BANK-OWN-" + unique, "ZZ-" + unique);
		// a line without a reference, its counterparty written with spaces where the card has dashes
		String card = jdbc.sql("SELECT card_account_no FROM withdrawal WHERE id = :id").param("id", byAccount).query(String.class).single();
		push("3456.78", "", card.replace('-', ' ').toLowerCase(java.util.Locale.ROOT));

		long runId = run().get("id").asLong();
		assertThat(withdrawal(byAccount).get("reconciliationResult").asText()).isEqualTo("MATCHED");
		assertThat(withdrawal(byAccount).get("reconciliationReason").asText()).contains("counterparty account");
		assertThat(withdrawal(paid).get("reconciliationResult").asText()).isEqualTo("MATCHED");
		assertThat(withdrawal(paid).get("reconciliationReason").asText()).contains("WIRE-" + unique);
		assertThat(withdrawal(booked).get("reconciliationResult").asText()).isEqualTo("MISSING_IN_BANK");
		JsonNode list = maker.get("/api/withdrawals?reconciliation=MATCHED&size=500").json().get("items");
		assertThat(list.findValuesAsString("serial")).contains(withdrawal(paid).get("serial").asText());

		// the bank booked the second payout under its own reference and one cent more: tag it by hand, with a reason
		long lineId = 0;
		for (JsonNode l : finance.get("/api/statements?size=50&q=BANK-OWN-" + unique).json().get("items")) {
			lineId = l.get("id").asLong();
		}
		assertThat(lineId).isPositive();
		assertThat(finance.post("/api/statements/" + lineId + "/tag", Map.of("withdrawalId", Long.toString(booked))).status()).isEqualTo(422);
		TestHttp.Response tag = finance.post("/api/statements/" + lineId + "/tag",
				Map.of("withdrawalId", withdrawal(booked).get("serial").asText(), "reason", "bank fee of HKD 0.01"));
		assertThat(tag.status()).as(tag.body()).isEqualTo(200);
		// matched from the tag on, not from the next run, and the application's history says by whom and to which line
		assertThat(withdrawal(booked).get("reconciliationResult").asText()).isEqualTo("MATCHED");
		assertThat(withdrawal(booked).get("reconciliationReason").asText()).isEqualTo("tagged by hand");
		JsonNode tagged = lastHistory(maker, booked);
		assertThat(tagged.get("action").asText()).isEqualTo("BANK_LINE_TAGGED");
		assertThat(tagged.get("actor").asText()).isEqualTo("finance");
		assertThat(tagged.get("remark").asText()).contains("#" + lineId, "2,345.68 HKD", "BANK-OWN-" + unique, "bank fee of HKD 0.01");
		run();
		assertThat(withdrawal(booked).get("reconciliationResult").asText()).isEqualTo("MATCHED");
		assertThat(lastHistory(maker, booked).get("action").asText()).as("the run finds what the tag said: nothing new").isEqualTo("BANK_LINE_TAGGED");
		assertThat(finance.get("/api/statements/" + lineId).json().get("status").asText()).isEqualTo("TAGGED");

		// rejecting the tag frees both: the payout is missing in the bank again on the next run
		assertThat(finance.post("/api/statements/" + lineId + "/reject-tag", Map.of("reason", "wrong payout")).status()).isEqualTo(200);
		assertThat(withdrawal(booked).get("reconciliationResult").isNull()).isTrue();
		assertThat(lastHistory(maker, booked).get("action").asText()).isEqualTo("BANK_LINE_TAG_REJECTED");
		assertThat(lastHistory(maker, booked).get("remark").asText()).contains("#" + lineId, "wrong payout");
		assertThat(lastHistory(TestHttp.operator(port, "maker").speaking("zh-Hant"), booked).get("remark").asText())
				.startsWith("銀行流水 #" + lineId).endsWith("：wrong payout");
		run();
		assertThat(withdrawal(booked).get("reconciliationResult").asText()).isIn("MISSING_IN_BANK", "AMOUNT_MISMATCH");
		assertThat(runId).isPositive();
		assertThat(List.of(paid, booked)).doesNotHaveDuplicates();
	}

	@Test
	void aLineDeletedOrFlippedAfterARunFoundAMismatchTakesTheRecordsResultWithIt() {
		long deleted = completed("610.00", "MIS-D-" + unique);
		long flipped = completed("620.00", "MIS-F-" + unique);
		push("610.50", "MIS-D-" + unique, "");
		push("620.50", "MIS-F-" + unique, "");
		run();
		assertThat(withdrawal(deleted).get("reconciliationResult").asText()).isEqualTo("AMOUNT_MISMATCH");
		assertThat(withdrawal(flipped).get("reconciliationResult").asText()).isEqualTo("AMOUNT_MISMATCH");

		long deletedLine = finance.get("/api/statements?size=5&q=MIS-D-" + unique).json().get("items").get(0).get("id").asLong();
		long flippedLine = finance.get("/api/statements?size=5&q=MIS-F-" + unique).json().get("items").get(0).get("id").asLong();
		TestHttp.Response delete = finance.delete("/api/statements/" + deletedLine + "?reason=imported%20twice");
		assertThat(delete.status()).as(delete.body()).isEqualTo(200);
		TestHttp.Response flip = finance.post("/api/statements/" + flippedLine + "/flip", Map.of("remark", "a refund from the bank"));
		assertThat(flip.status()).as(flip.body()).isEqualTo(200);
		// the mismatch was with a line that is gone or is an inflow now: no result until the next run says one
		assertThat(withdrawal(deleted).get("reconciliationResult").isNull()).isTrue();
		assertThat(withdrawal(flipped).get("reconciliationResult").isNull()).isTrue();
		assertThat(maker.get("/api/withdrawals?reconciliation=AMOUNT_MISMATCH&size=500").json().get("items").findValuesAsString("serial"))
				.doesNotContain(withdrawal(deleted).get("serial").asText(), withdrawal(flipped).get("serial").asText());
		run();
		assertThat(withdrawal(deleted).get("reconciliationResult").asText()).isEqualTo("MISSING_IN_BANK");
		assertThat(withdrawal(flipped).get("reconciliationResult").asText()).isEqualTo("MISSING_IN_BANK");
	}
}
