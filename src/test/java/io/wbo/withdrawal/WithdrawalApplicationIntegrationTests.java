package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** 出金申請 before submission (W-3..W-6), risk settings and the records with filters and export (W-14). */
@WboTest
class WithdrawalApplicationIntegrationTests extends WithdrawalIntegrationTest {

	@Test
	void anEditAppliesOnlyOnApprovalTheFrozenAmountFollowsAndTheRiskCheckRunsAgain() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long id = fx.manual(maker, c, "100.00", "1.00");
		fx.awaitStatus(maker, id, "RISK_PASSED");

		TestHttp.Response edit = maker.patch("/api/withdrawals/" + id, Map.of("amount", "300.00", "fee", "3.00", "remark", "corrected"));
		assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
		long wo = edit.json().get("id").asLong();
		assertThat(edit.json().get("type").asText()).isEqualTo("WITHDRAWAL_EDIT");
		// nothing changes before approval; submission waits for the edit
		JsonNode before = maker.get("/api/withdrawals/" + id).json().get("withdrawal");
		assertThat(before.get("amount").asText()).isEqualTo("100.00");
		assertThat(before.get("pendingEditWorkOrderId").asLong()).isEqualTo(wo);
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("101.00");
		JsonNode submit = maker.post("/api/withdrawals/submit", Map.of("ids", List.of(id))).json();
		assertThat(submit.get("results").get(0).get("ok").asBoolean()).isFalse();
		assertThat(submit.get("results").get(0).get("error").asText()).contains("work order " + wo);
		assertThat(maker.patch("/api/withdrawals/" + id, Map.of("amount", "5.00")).status()).isEqualTo(422);

		WithdrawalFixtures.approve(checker, wo);
		JsonNode after = fx.awaitStatus(maker, id, "RISK_PASSED");
		assertThat(after.get("amount").asText()).isEqualTo("300.00");
		assertThat(after.get("remark").asText()).isEqualTo("corrected");
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("303.00");
		assertThat(fx.balance(c.id()).available().text()).isEqualTo("697.00");
		List<String> actions = new ArrayList<>();
		maker.get("/api/withdrawals/" + id).json().get("history").forEach(h -> actions.add(h.get("action").asText()));
		assertThat(actions).containsExactly("CREATED", "RISK_PASSED", "EDIT_PROPOSED", "EDIT_APPLIED", "RISK_PASSED");

		// a rejected edit changes nothing
		long wo2 = maker.patch("/api/withdrawals/" + id, Map.of("fee", "9.00")).json().get("id").asLong();
		assertThat(checker.post("/api/work-orders/" + wo2 + "/reject", Map.of("comment", "no")).status()).isEqualTo(200);
		JsonNode unchanged = maker.get("/api/withdrawals/" + id).json().get("withdrawal");
		assertThat(unchanged.get("fee").asText()).isEqualTo("3.00");
		assertThat(unchanged.get("pendingEditWorkOrderId").isNull()).isTrue();

		// rejecting the application with an edit waiting cancels the edit, and the history tells it in that order
		long wo3 = maker.patch("/api/withdrawals/" + id, Map.of("fee", "8.00")).json().get("id").asLong();
		WithdrawalFixtures.ok(maker.post("/api/withdrawals/reject", Map.of("ids", List.of(id), "reason", "customer called")));
		assertThat(checker.get("/api/work-orders/" + wo3).json().get("workOrder").get("status").asText()).isEqualTo("CANCELLED");
		List<String> closing = new ArrayList<>();
		maker.get("/api/withdrawals/" + id).json().get("history").forEach(h -> closing.add(h.get("action").asText()));
		assertThat(closing.subList(closing.size() - 3, closing.size())).containsExactly("EDIT_PROPOSED", "REJECTED", "EDIT_CANCELLED");
	}

	@Test
	void anEditCannotGiveARemarkLongerThanANewApplicationMayHave() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long id = fx.manual(maker, c, "100.00", "0");
		TestHttp.Response edit = maker.patch("/api/withdrawals/" + id, Map.of("remark", "x".repeat(501)));
		assertThat(edit.status()).as(edit.toString()).isEqualTo(400);
		assertThat(edit.fieldError("remark")).contains("500");
		assertThat(maker.get("/api/withdrawals/" + id).json().get("withdrawal").get("pendingEditWorkOrderId").isNull()).isTrue();
	}

	@Test
	void rejectAndDeleteReleaseTheFundsAndKeepTheRecordWithItsReason() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long a = fx.manual(maker, c, "100.00", "0");
		long b = fx.manual(maker, c, "200.00", "0");
		long d = fx.manual(maker, c, "300.00", "0");
		assertThat(fx.balance(c.id()).available().text()).isEqualTo("400.00");

		assertThat(maker.post("/api/withdrawals/reject", Map.of("ids", List.of(a, b))).status()).isEqualTo(400); // reason required
		JsonNode rejected = WithdrawalFixtures.ok(maker.post("/api/withdrawals/reject", Map.of("ids", List.of(a, b, 987654321L),
				"reason", "wrong card"))).json().get("results");
		assertThat(rejected.get(0).get("ok").asBoolean()).isTrue();
		assertThat(rejected.get(1).get("ok").asBoolean()).isTrue();
		assertThat(rejected.get(2).get("ok").asBoolean()).isFalse();
		assertThat(fx.status(maker, a)).isEqualTo("REJECTED");
		assertThat(maker.get("/api/withdrawals/" + a).json().get("withdrawal").get("closeReason").asText()).isEqualTo("wrong card");

		assertThat(maker.delete("/api/withdrawals/" + d).status()).isEqualTo(400);
		TestHttp.Response deleted = maker.delete("/api/withdrawals/" + d + "?reason=duplicate");
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.json().get("status").asText()).isEqualTo("DELETED");
		assertThat(fx.balance(c.id()).available().text()).isEqualTo("1000.00");
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("0.00");

		// soft delete: hidden from the default list, visible when asked for
		assertThat(maker.get("/api/withdrawals?customer=" + c.customerNo()).json().get("items").size()).isEqualTo(2);
		assertThat(maker.get("/api/withdrawals?customer=" + c.customerNo() + "&status=DELETED").json().get("items").size()).isEqualTo(1);
		// a closed application refuses further commands, naming the state
		TestHttp.Response again = maker.post("/api/withdrawals/reject", Map.of("ids", List.of(d), "reason", "x"));
		assertThat(again.json().get("results").get(0).get("error").asText()).contains("DELETED");
	}

	@Test
	void aFailedRiskRuleIsShownWithItsReasonAndBlocksSubmission() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		TestHttp admin = TestHttp.operator(port, "admin");
		JsonNode settings = admin.get("/api/risk/settings").json().get("settings");
		String cardAccount = jdbc.sql("SELECT account_no FROM bank_card WHERE id = :id").param("id", c.cardId()).query(String.class).single();
		List<String> blacklist = new ArrayList<>();
		settings.get("blacklistedAccounts").forEach(n -> blacklist.add(n.asText()));
		blacklist.add(cardAccount);
		Map<String, Object> body = new java.util.HashMap<>(TestHttpJson.toMap(settings));
		body.put("blacklistedAccounts", blacklist);
		TestHttp.Response saved = admin.put("/api/risk/settings", body);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(maker.put("/api/risk/settings", body).status()).isEqualTo(403);

		long id = fx.manual(maker, c, "10.00", "0");
		JsonNode failed = fx.awaitStatus(maker, id, "RISK_FAILED");
		assertThat(failed.get("riskReasons").get(0).asText()).startsWith("BLACKLISTED_ACCOUNT");
		// the reason in the operator's language, wherever it shows: the list, the findings, the history
		JsonNode chinese = TestHttp.operator(port, "maker").speaking("zh-Hant").get("/api/withdrawals/" + id).json();
		assertThat(chinese.get("withdrawal").get("riskReasons").get(0).asText()).startsWith("BLACKLISTED_ACCOUNT：").contains(cardAccount, "黑名單");
		assertThat(chinese.get("riskFindings").findValuesAsString("message")).anyMatch(m -> m.contains("黑名單"));
		assertThat(chinese.get("history").findValuesAsString("remark")).anyMatch(m -> m.startsWith("BLACKLISTED_ACCOUNT：") && m.contains("黑名單"));
		assertThat(maker.post("/api/withdrawals/submit", Map.of("ids", List.of(id))).json().get("results").get(0).get("error").asText())
				.contains("RISK_FAILED");

		// stale version → 409; bad values → 400 per field
		assertThat(admin.put("/api/risk/settings", body).status()).isEqualTo(409);
		Map<String, Object> bad = new java.util.HashMap<>(TestHttpJson.toMap(admin.get("/api/risk/settings").json().get("settings")));
		bad.put("maxWithdrawals24h", 0);
		bad.put("disabledRules", List.of("NO_SUCH_RULE"));
		TestHttp.Response refused = admin.put("/api/risk/settings", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.fieldError("maxWithdrawals24h")).isNotNull();
		assertThat(refused.fieldError("disabledRules[0]")).isNotNull();
		assertThat(admin.get("/api/audit?entityType=RiskSettings").json().get("items").size()).isGreaterThan(0);
	}

	@Test
	void recordsAreFilteredAndExportedExactlyAsSelected() throws Exception {
		WithdrawalFixtures.TestCustomer c = fx.customer("10000.00");
		fx.manual(maker, c, "10.00", "0");
		fx.manual(maker, c, "20.00", "0");
		fx.manual(maker, c, "500.00", "0");
		String base = "/api/withdrawals?customer=" + c.customerNo() + "&currency=HKD&from=2000-01-01&to=2999-12-31";
		assertThat(maker.get(base).json().get("items").size()).isEqualTo(3);
		assertThat(maker.get(base + "&minAmount=15&maxAmount=100").json().get("items").size()).isEqualTo(1);
		JsonNode page = maker.get(base + "&size=2").json();
		assertThat(page.get("items").size()).isEqualTo(2);
		assertThat(maker.get(base + "&size=2&after=" + page.get("next").asText()).json().get("items").size()).isEqualTo(1);
		assertThat(maker.get(base + "&status=NOPE").status()).isEqualTo(400);
		assertThat(maker.get(base + "&source=MANUAL&channel=").json().get("items").size()).isEqualTo(3);
		// a value no record can have is refused by name, not answered with an empty list
		assertThat(maker.get(base + "&source=BRANCH").fieldError("source")).isEqualTo("must be one of APP, MANUAL");
		assertThat(maker.get(base + "&channel=SWIFT").fieldError("channel")).isEqualTo("must be one of FPS, CHATS, RTGS, TT, LOCAL_TRANSFER, CHEQUE");
		assertThat(maker.get("/api/withdrawals/totals?reconciliation=OK").fieldError("reconciliation")).startsWith("must be one of MATCHED");
		assertThat(TestHttp.operator(port, "maker").speaking("zh-Hant").get(base + "&source=BRANCH").fieldError("source")).isEqualTo("必須為以下其中之一：APP, MANUAL");
		assertThat(maker.get("/api/withdrawals?from=yesterday").fieldError("from")).isNotNull();
		assertThat(maker.get("/api/withdrawals?minAmount=1e3").fieldError("minAmount")).isNotNull();
		assertThat(maker.get("/api/withdrawals?minAmount=100&maxAmount=15").fieldError("maxAmount")).isEqualTo("must not be below minAmount");
		// the list, its totals and its export read the same filter: a batch number that is no number is refused by name
		assertThat(maker.get("/api/withdrawals?batchId=B-1").fieldError("batchId")).isEqualTo("must be a whole number");
		assertThat(maker.get("/api/withdrawals/totals?batchId=B-1").fieldError("batchId")).isEqualTo("must be a whole number");
		assertThat(maker.get("/api/withdrawals/totals?" + base.substring(base.indexOf('?') + 1) + "&minAmount=15").json().get(0).get("count").asLong())
				.isEqualTo(2);

		TestHttp.Response csv = maker.get("/api/withdrawals/export?format=csv&customer=" + c.customerNo() + "&minAmount=15");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains("withdrawals-");
		assertThat(csv.body().lines().count()).isEqualTo(3); // header + 2
		assertThat(csv.body()).contains("500.00", "Manual").doesNotContain(",10.00,", ",MANUAL,");
		// the download link carries the operator's language: the codes in the cells come named in it
		assertThat(maker.get("/api/withdrawals/export?format=csv&customer=" + c.customerNo() + "&minAmount=15&lang=zh-Hant").body())
				.contains("手工").doesNotContain(",MANUAL,", ",Manual,");

		HttpResponse<byte[]> xlsx = bytes("/api/withdrawals/export?format=xlsx&customer=" + c.customerNo());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(3);
		}

		TestHttp.Response docs = maker.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/payout-batches/{id}/results").contains("/app/v1/withdrawals").contains("/api/cheques/print")
				.contains("/api/risk/settings");

		JsonNode cards = maker.get("/api/withdrawals/indicators").json();
		assertThat(cards.get(0).get("category").asText()).isEqualTo("PENDING");
		assertThat(cards.get(cards.size() - 1).get("category").asText()).isEqualTo("COMPLETED_TODAY");
	}

	@Test
	void theCompletedTodayCardFiltersTheListToWhatItCountedNotEveryCompletion() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long today = fx.submitted(maker, c, "10.00", "0");
		fx.paidDirectly(today, "FPS-TODAY-" + c.customerNo());
		long earlier = fx.submitted(maker, c, "20.00", "0");
		fx.paidDirectly(earlier, "FPS-EARLIER-" + c.customerNo());
		jdbc.sql("UPDATE withdrawal SET completed_at = now() - interval '3 days' WHERE id = :id").param("id", earlier).update();

		JsonNode card = null;
		for (JsonNode x : maker.get("/api/withdrawals/indicators").json()) {
			card = "COMPLETED_TODAY".equals(x.get("category").asText()) ? x : card;
		}
		assertThat(card.get("completedFrom").isTextual()).as(card.toString()).isTrue();
		String filter = "status=COMPLETED&completedFrom=" + card.get("completedFrom").asText();
		long listed = 0;
		for (JsonNode total : maker.get("/api/withdrawals/totals?" + filter).json()) {
			listed += total.get("count").asLong();
		}
		assertThat(listed).isEqualTo(card.get("count").asLong());
		List<Long> mine = new ArrayList<>();
		maker.get("/api/withdrawals?customer=" + c.customerNo() + "&" + filter).json().get("items").forEach(w -> mine.add(w.get("id").asLong()));
		assertThat(mine).containsExactly(today);
	}

	@Test
	void theListsTotalsCountAndSumWhatTheFilterSelectsPerCurrencyNotOnlyThePage() {
		WithdrawalFixtures.TestCustomer c = fx.customer("10000.00");
		fx.manual(maker, c, "1000.50", "1.00");
		fx.manual(maker, c, "20.00", "0");
		fx.manual(maker, c, "500.00", "2.00");
		String filter = "customer=" + c.customerNo();
		assertThat(maker.get("/api/withdrawals?size=1&" + filter).json().get("items").size()).as("one row on the page").isEqualTo(1);
		JsonNode totals = maker.get("/api/withdrawals/totals?" + filter).json();
		assertThat(totals).hasSize(1);
		assertThat(totals.get(0).get("currency").asText()).isEqualTo("HKD");
		assertThat(totals.get(0).get("count").asLong()).as("every row the filter selects").isEqualTo(3);
		assertThat(totals.get(0).get("amount").asText()).isEqualTo("1520.50");
		assertThat(totals.get(0).get("fee").asText()).isEqualTo("3.00");
		JsonNode filtered = maker.get("/api/withdrawals/totals?" + filter + "&minAmount=100").json();
		assertThat(filtered.get(0).get("count").asLong()).isEqualTo(2);
		assertThat(filtered.get(0).get("amount").asText()).isEqualTo("1500.50");
		assertThat(maker.get("/api/withdrawals/totals?" + filter + "&currency=USD").json()).isEmpty();
		assertThat(maker.get("/api/withdrawals/totals?minAmount=5,000.50").fieldError("minAmount")).as("the same refusals as the list")
				.isNotNull();
	}

	private HttpResponse<byte[]> bytes(String path) throws Exception {
		// the console session's cookie: log in on a raw client
		java.net.CookieManager cookies = new java.net.CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		HttpResponse<String> csrf = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me")).build(),
				HttpResponse.BodyHandlers.ofString());
		String token = cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN")).findFirst()
				.map(java.net.HttpCookie::getValue).orElse("");
		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login")).header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", token)
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"maker\",\"password\":\"" + TestHttp.PASSWORD + "\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(csrf).isNotNull();
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** JSON node to a plain map for re-sending. */
	static final class TestHttpJson {
		@SuppressWarnings("unchecked")
		static Map<String, Object> toMap(JsonNode node) {
			return tools.jackson.databind.json.JsonMapper.builder().build().convertValue(node, Map.class);
		}
	}
}
