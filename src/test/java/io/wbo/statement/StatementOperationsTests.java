package io.wbo.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wbo.reconciliation.TestRecords;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@WboTest
class StatementOperationsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestRecords records;

	TestHttp finance;
	long account;
	byte[] file;

	@BeforeEach
	void setUp() {
		finance = TestHttp.operator(port, "finance");
		account = StatementFixtures.account(jdbc);
		file = ("Date,Value Date,Description,Reference,Counterparty,Counterparty Account,Withdrawal,Deposit,Balance,Currency\n"
				+ "02/02/2032,02/02/2032,PAYOUT,OPS-1,A,1,\"100.00\",,0,HKD\n"
				+ "02/02/2032,02/02/2032,REFUND,OPS-2,B,2,\"-250.00\",,0,HKD\n"
				+ "03/02/2032,03/02/2032,PAYOUT,OPS-3,C,3,\"300.00\",,0,HKD\n").getBytes(StandardCharsets.UTF_8);
		assertThat(importFile().status()).isEqualTo(200);
	}

	TestHttp.Response importFile() {
		long template = 0;
		for (JsonNode t : finance.get("/api/statement-templates").json()) {
			if (t.get("name").asText().startsWith("HSBC")) {
				template = t.get("id").asLong();
			}
		}
		return finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(template), "accountId", Long.toString(account)), "file",
				"ops.csv", file);
	}

	long line(String ref) {
		for (JsonNode l : finance.get("/api/statements?size=500&status=&accountId=" + account).json().get("items")) {
			if (ref.equals(l.path("bankReference").asText())) {
				return l.get("id").asLong();
			}
		}
		throw new AssertionError("no line " + ref);
	}

	List<String> audit(long lineId) {
		List<String> actions = new ArrayList<>();
		TestHttp.operator(port, "auditor").get("/api/audit?entityType=StatementLine&entityId=" + lineId).json().get("items")
				.forEach(e -> actions.add(e.get("action").asText()));
		return actions;
	}

	@Test
	void deletesAnUnmatchedLineWithAReasonAndAReimportDoesNotBringItBack() {
		long id = line("OPS-1");
		assertThat(finance.delete("/api/statements/" + id).status()).isEqualTo(400);
		// a reason longer than any other the operators give is refused by name, and the line stays as it was
		assertThat(finance.delete("/api/statements/" + id + "?reason=" + "x".repeat(501)).fieldError("reason")).isEqualTo("must be at most 500 characters");
		TestHttp.Response deleted = finance.delete("/api/statements/" + id + "?reason=duplicate%20of%20bank%20API%20line");
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(deleted.json().get("status").asText()).isEqualTo("DELETED");
		assertThat(finance.get("/api/statements?accountId=" + account).json().get("items")).hasSize(2);
		assertThat(finance.get("/api/statements?status=DELETED&accountId=" + account).json().get("items")).hasSize(1);
		TestHttp.Response again = finance.delete("/api/statements/" + id + "?reason=again");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("currentState").asText()).isEqualTo("DELETED");
		assertThat(importFile().json().get("created").asInt()).isZero();
		assertThat(audit(id)).contains("STATEMENT_LINE_DELETED");
	}

	@Test
	void flipsANegativeOutflowIntoAnInflowAndBack() {
		long id = line("OPS-2");
		TestHttp.Response flipped = finance.post("/api/statements/" + id + "/flip", Map.of("remark", "refund from the bank"));
		assertThat(flipped.json().get("direction").asText()).isEqualTo("IN");
		assertThat(flipped.json().get("originalDirection").asText()).isEqualTo("OUT");
		assertThat(finance.post("/api/statements/" + id + "/flip", Map.of()).json().get("direction").asText()).isEqualTo("OUT");
		assertThat(finance.post("/api/statements/" + id + "/flip", Map.of("remark", "y".repeat(501))).fieldError("remark"))
				.isEqualTo("must be at most 500 characters");
		assertThat(finance.get("/api/statements/" + id).json().get("direction").asText()).as("not flipped").isEqualTo("OUT");
		assertThat(audit(id)).filteredOn("STATEMENT_LINE_FLIPPED"::equals).hasSize(2);
	}

	@Test
	void tagsOnlyWhenAmountsAgreeOrAReasonIsGivenAndNeverTwice() {
		long id = line("OPS-3");
		var wrongAmount = records.taggable(account, "299.00");
		TestHttp.Response refused = finance.post("/api/statements/" + id + "/tag", Map.of("recordId", wrongAmount.serial(), "recordType", TestRecords.TYPE));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("reason");
		TestHttp.Response overridden = finance.post("/api/statements/" + id + "/tag",
				Map.of("recordId", wrongAmount.serial(), "recordType", TestRecords.TYPE, "reason", "bank charged HKD 1 fee"));
		assertThat(overridden.status()).as(overridden.body()).isEqualTo(200);
		assertThat(overridden.json().get("matched").get("serial").asText()).isEqualTo(wrongAmount.serial());
		long other = line("OPS-1");
		assertThat(finance.post("/api/statements/" + other + "/tag", Map.of("recordId", wrongAmount.serial(), "recordType", TestRecords.TYPE,
				"reason", "x")).status()).isEqualTo(409);
		assertThat(finance.post("/api/statements/" + other + "/reject-tag", Map.of()).status()).isEqualTo(409);
		assertThat(finance.post("/api/statements/" + other + "/tag", Map.of("recordId", "nope", "recordType", TestRecords.TYPE)).status()).isEqualTo(400);
		assertThat(finance.delete("/api/statements/" + id + "?reason=x").status()).isEqualTo(409);
		assertThat(audit(id)).contains("STATEMENT_LINE_TAGGED");
	}

	@Test
	void tagsOnlyAnOutflowLineToAWithdrawalNotAFlippedInflow() {
		long id = line("OPS-2");
		assertThat(finance.post("/api/statements/" + id + "/flip", Map.of("remark", "refund from the bank")).json().get("direction").asText())
				.isEqualTo("IN");
		var payout = records.taggable(account, "250.00");
		TestHttp.Response refused = finance.post("/api/statements/" + id + "/tag", Map.of("recordId", payout.serial(), "recordType", TestRecords.TYPE));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("inflow");
		assertThat(finance.get("/api/statements/" + id).json().get("status").asText()).isEqualTo("UNMATCHED");
		assertThat(finance.post("/api/statements/" + id + "/flip", Map.of()).json().get("direction").asText()).isEqualTo("OUT");
		TestHttp.Response tagged = finance.post("/api/statements/" + id + "/tag", Map.of("recordId", payout.serial(), "recordType", TestRecords.TYPE));
		assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
	}

	@Test
	void batchDeleteReportsEveryIdOnItsOwn() {
		long ok = line("OPS-1");
		TestHttp.Response r = finance.post("/api/statements/delete", Map.of("ids", List.of(ok, 999_999_999L), "reason", "redundant"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode results = r.json().get("results");
		assertThat(results.get(0).get("ok").asBoolean()).isTrue();
		assertThat(results.get(1).get("ok").asBoolean()).isFalse();
		assertThat(results.get(1).get("error").asText()).contains("not found");
	}
}
