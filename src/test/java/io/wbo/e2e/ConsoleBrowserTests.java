package io.wbo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.wbo.identity.internal.TotpCodes;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;

/**
 * The operator console in a real browser (Debian's headless Chromium) against the real application, its built console
 * and the embedded database with the demo data. Each test leaves a screenshot of its last page in
 * target/e2e-screenshots/ for a person to look at.
 */
@WboTest
class ConsoleBrowserTests {

	@LocalServerPort
	int port;

	private final List<Browser> browsers = new ArrayList<>();
	private String testName;

	@BeforeAll
	static void consoleIsBuilt() {
		assertThat(ConsoleBrowserTests.class.getResource("/static/index.html"))
				.as("the console must be built into target/classes/static (run Maven without -DskipConsole)").isNotNull();
	}

	@org.junit.jupiter.api.BeforeEach
	void name(TestInfo info) {
		testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
	}

	@AfterEach
	void screenshotsAndClose() {
		for (int i = 0; i < browsers.size(); i++) {
			browsers.get(i).screenshot(testName + (i == 0 ? "" : "-" + (i + 1)));
			browsers.get(i).consoleMessages().forEach(m -> System.out.println("[browser " + testName + "] " + m));
			browsers.get(i).close();
		}
		browsers.clear();
	}

	private Browser browser() {
		Browser b = new Browser(port);
		browsers.add(0, b);
		return b;
	}

	@Test
	void showsTheWrongPasswordMessageThenLogsInShowsOnlyPermittedMenusAndLogsOut() {
		Browser b = browser();
		b.open("/");
		b.waitForUrl("/login");
		b.type("login-username", "maker");
		b.type("login-password", "not-the-password");
		b.click("login-submit");
		assertThat(b.waitForText("login-error", "用戶名或密碼錯誤")).contains("用戶名或密碼錯誤");

		b.type("login-password", TestHttp.PASSWORD);
		b.click("login-submit");
		b.find("main-menu");
		assertThat(b.find("current-operator").getText()).contains("麥文迪");
		assertThat(b.present("menu-customers")).isTrue();
		assertThat(b.present("menu-workOrders")).isTrue();
		assertThat(b.present("menu-audit")).isFalse();
		assertThat(b.present("menu-settings")).isFalse();
		assertThat(b.present("menu-funds")).as("款項管理 › 出金 is built and the maker may apply").isTrue();

		b.click("logout");
		b.find("login-card");
		b.waitForUrl("/login");
	}

	@Test
	void aLockedAccountIsToldUntilWhen() {
		String username = "e2e-lock-" + System.nanoTime() % 1000000;
		TestHttp.Response created = TestHttp.operator(port, "admin").post("/api/operators",
				Map.of("username", username, "displayName", "Lock 測試", "password", TestHttp.PASSWORD, "roles", List.of("AUDITOR")));
		assertThat(created.status()).as(created.toString()).isBetween(200, 201);
		TestHttp anonymous = TestHttp.anonymous(port);
		int status = 0;
		for (int i = 0; i < 10 && status != 423; i++) {
			status = anonymous.post("/api/auth/login", Map.of("username", username, "password", "wrong-password")).status();
		}
		assertThat(status).as("the account locks after repeated failures").isEqualTo(423);

		Browser b = browser();
		b.open("/login");
		b.type("login-username", username);
		b.type("login-password", TestHttp.PASSWORD);
		b.click("login-submit");
		assertThat(b.waitForText("login-error", "鎖定")).containsPattern("鎖定至 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}（香港時間）");
	}

	@Test
	void switchesTheLanguageAndRemembersIt() {
		Browser b = browser().login("admin");
		assertThat(b.find("menu-customers").getText()).isEqualTo("客戶");
		b.select("language-switch", "English");
		b.waitForText("menu-customers", "Customers");
		assertThat(b.find("menu-settings").getText()).isEqualTo("Settings");

		b.driver.navigate().refresh();
		assertThat(b.waitForText("menu-customers", "Customers")).isEqualTo("Customers");

		b.select("language-switch", "简体中文");
		assertThat(b.waitForText("menu-customers", "客户")).isEqualTo("客户");
		b.click("menu-settings");
		assertThat(b.waitForText("menu-operators", "操作员")).isEqualTo("操作员");
	}

	@Test
	void searchesCustomersAndShowsTheirDetail() {
		Browser b = browser().login("maker");
		b.click("menu-customers");
		b.type("customer-search-input", "陳大文");
		b.click("customer-search-submit");
		b.waitForUrl("q=");
		b.find("customer-row-100001");
		b.click("customer-link-100001");

		assertThat(b.waitForText("customer-title", "100001")).contains("陳大文");
		assertThat(b.find("customer-info").getText()).contains("M60100001").contains("已開戶");
		String balances = b.waitForText("balance-table", "HKD");
		assertThat(balances).contains("HKD").contains("USD").contains("CNY").contains("可提現");
		assertThat(balances).containsPattern("\\d{1,3}(,\\d{3})+\\.\\d{2}");

		b.click("tab-bank-cards");
		assertThat(b.waitForText("bank-card-table", "CHAN TAI MAN")).contains("HKD");
		// the demo balances arrived as ledger transfers: listed with the account they went to and who posted them
		b.click("tab-transfers");
		assertThat(b.waitForText("customer-transfers", "入帳")).contains("可用").contains("調整帳戶").contains("HKD")
				.contains("demo-seed (系統)");
		assertThat(b.find("transfers-export-csv").getAttribute("href")).as("the export link carries the operator's language")
				.contains("/api/customers/").contains("/transfers/export").contains("format=csv").contains("lang=zh-Hant");
		b.driver.navigate().refresh();
		assertThat(b.waitForText("customer-title", "100001")).as("a console route survives a reload").contains("陳大文");
	}

	@Test
	void makerProposesABankCardChangeAndACheckerApprovesItInTheInbox() {
		TestHttp admin = TestHttp.operator(port, "admin");
		JsonNode customer = admin.get("/api/customers?q=100035").json().get("items").get(0);
		long customerId = customer.get("id").asLong();
		JsonNode card = admin.get("/api/customers/" + customerId + "/bank-cards").json().get(0);
		long cardId = card.get("id").asLong();
		String newBank = "E2E Bank " + System.nanoTime() % 100000;

		Browser maker = browser().login("maker");
		maker.open("/customers/" + customerId);
		maker.click("tab-bank-cards");
		maker.click("bank-card-edit-" + cardId);
		maker.type("bank-card-bankName", newBank);
		maker.type("bank-card-remark", "customer changed bank");
		maker.click("bank-card-submit");
		maker.find("bank-card-created");
		maker.click("bank-card-work-order-link");
		maker.waitForUrl("/work-orders/");
		String workOrderId = maker.driver.getCurrentUrl().replaceAll(".*/work-orders/(\\d+).*", "$1");
		assertThat(maker.waitForText("wo-changes", newBank)).contains(card.get("bankName").asText());
		assertThat(maker.find("wo-why-not").getText()).contains("四眼原則");
		assertThat(maker.find("wo-approve").isEnabled()).as("the maker cannot approve their own").isFalse();

		Browser checker = browser().login("checker");
		checker.find("menu-work-orders-count");
		checker.click("menu-workOrders");
		checker.find("work-order-row-" + workOrderId);
		checker.click("work-order-link-" + workOrderId);
		assertThat(checker.waitForText("wo-changes", newBank)).contains(newBank);
		assertThat(checker.find("wo-maker").getText()).contains("maker");
		checker.click("wo-approve");
		checker.type("wo-decide-comment", "checked with the customer by phone");
		checker.click("wo-decide-confirm");
		assertThat(checker.waitForText("state-workOrder", "已通過")).isEqualTo("已通過");
		checker.waitForText("wo-decisions", "checked with the customer by phone");

		JsonNode after = admin.get("/api/customers/" + customerId + "/bank-cards").json();
		assertThat(after.toString()).contains(newBank);
		maker.driver.navigate().refresh();
		maker.waitForText("state-workOrder", "已通過");
	}

	@Test
	void makerCannotApproveTheirOwnWorkOrderAndSeesWhy() {
		TestHttp makerApi = TestHttp.operator(port, "maker");
		JsonNode customer = makerApi.get("/api/customers?q=100034").json().get("items").get(0);
		long customerId = customer.get("id").asLong();
		JsonNode card = makerApi.get("/api/customers/" + customerId + "/bank-cards").json().get(0);
		TestHttp.Response proposed = makerApi.post("/api/customers/" + customerId + "/bank-cards/" + card.get("id").asLong()
				+ "/change-requests", Map.of("bankName", "E2E Own Bank " + System.nanoTime() % 100000, "bankCode", card.get("bankCode").asText(),
						"accountNo", card.get("accountNo").asText(), "holderName", card.get("holderName").asText(), "currency",
						card.get("currency").asText(), "remark", "e2e: the maker may not approve this"));
		assertThat(proposed.status()).as(proposed.toString()).isBetween(200, 201);
		long workOrderId = proposed.json().get("id").asLong();

		Browser b = browser().login("maker");
		b.open("/work-orders?view=mine");
		b.find("work-order-row-" + workOrderId);
		b.click("work-order-link-" + workOrderId);
		assertThat(b.waitForText("wo-why-not", "四眼")).contains("此工單由您發起");
		assertThat(b.find("wo-approve").isEnabled()).isFalse();
		assertThat(b.find("wo-reject").isEnabled()).isFalse();
	}

	@Test
	void auditorFindsAnAuditEntryWithItsChangesAndVerifiesTheChain() {
		TestHttp admin = TestHttp.operator(port, "admin");
		String username = "e2e-audit-" + System.nanoTime() % 1000000;
		TestHttp.Response created = admin.post("/api/operators",
				Map.of("username", username, "displayName", "E2E 審計", "password", "e2e-password-2026", "roles", List.of("AUDITOR")));
		assertThat(created.status()).as(created.toString()).isBetween(200, 201);
		String operatorId = created.json().get("id").asText();

		Browser b = browser().login("auditor");
		b.click("menu-audit");
		b.type("audit-filter-entity-type", "Operator");
		b.type("audit-filter-entity-id", operatorId);
		b.click("audit-search");
		b.waitUntil(d -> b.all("[data-testid^='audit-row-']").size() == 1
				&& b.all("[data-testid^='audit-row-']").get(0).getText().contains("admin"));
		b.all("[data-testid^='audit-row-']").get(0).click();
		assertThat(b.waitForText("audit-entry", "Operator #" + operatorId)).contains("OPERATOR_CREATED");
		assertThat(b.waitForText("audit-entry-changes", username)).contains(username);
		b.driver.findElement(org.openqa.selenium.By.cssSelector(".ant-drawer-close")).click();
		b.waitUntil(d -> !b.find("audit-verify").getText().isEmpty() && b.all(".ant-drawer-open").isEmpty());

		b.click("audit-verify");
		// the demo balances were credited through the ledger: their transfers are verified with the entries
		assertThat(b.waitForText("audit-verify-result", "審計鏈完整")).contains("審計鏈完整").containsPattern("及 [1-9][0-9]* 筆帳本轉帳");
	}

	@Test
	void anOperatorTurnsOnTotpAndThenLogsInThroughTheCodeStep() {
		String username = "e2e-totp-" + System.nanoTime() % 1000000;
		TestHttp.Response created = TestHttp.operator(port, "admin").post("/api/operators",
				Map.of("username", username, "displayName", "TOTP 測試", "password", TestHttp.PASSWORD, "roles", List.of("AUDITOR")));
		assertThat(created.status()).as(created.toString()).isBetween(200, 201);

		Browser b = browser().login(username);
		b.click("current-operator");
		b.click("totp-enrol");
		String secret = b.find("totp-secret").getText().trim();
		b.type("totp-code", TotpCodes.now(secret));
		b.click("totp-submit");
		b.find("totp-enrol-done");

		b.click("logout");
		b.type("login-username", username);
		b.type("login-password", TestHttp.PASSWORD);
		b.click("login-submit");
		b.type("login-totp", TotpCodes.next(secret)); // the enrolment used up the current code
		b.click("login-submit");
		b.find("main-menu");
		assertThat(b.find("current-operator").getText()).contains("TOTP 測試");
	}

	@Test
	void theWorkOrderHistoryFiltersByStatus() {
		TestHttp makerApi = TestHttp.operator(port, "maker");
		JsonNode customer = makerApi.get("/api/customers?q=100033").json().get("items").get(0);
		long customerId = customer.get("id").asLong();
		TestHttp.Response proposed = makerApi.post("/api/customers/" + customerId + "/bank-cards",
				Map.of("bankName", "HSBC", "bankCode", "004", "accountNo", "004-" + System.nanoTime() % 1000000 + "-838",
						"holderName", customer.get("nameEn").asText().toUpperCase(), "currency", "USD", "remark", "e2e: second card"));
		assertThat(proposed.status()).as(proposed.toString()).isBetween(200, 201);
		long workOrderId = proposed.json().get("id").asLong();
		TestHttp.Response rejected = TestHttp.operator(port, "checker").post("/api/work-orders/" + workOrderId + "/reject",
				Map.of("comment", "e2e: the card is not the customer's"));
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);

		Browser b = browser().login("checker");
		b.open("/work-orders?view=all");
		b.find("work-order-row-" + workOrderId);
		b.select("wo-filter-status", "已駁回");
		b.click("wo-filter-submit");
		b.waitUntil(d -> b.all("[data-testid^='work-order-row-']").stream()
				.allMatch(row -> row.getText().contains("已駁回")) && b.present("work-order-row-" + workOrderId));
		b.select("wo-filter-status", "已通過");
		b.click("wo-filter-submit");
		b.waitUntil(d -> !b.present("work-order-row-" + workOrderId));
	}

	@Test
	void anAdminSeesRolesPermissionsAndApprovalPolicies() {
		Browser b = browser().login("admin");
		b.click("menu-settings");
		b.click("menu-roles");
		assertThat(b.waitForText("role-table", "CHECKER")).contains("工單審批").contains("AUDITOR");
		b.click("menu-policies");
		assertThat(b.waitForText("policy-table", "BANK_CARD_CHANGE")).contains("銀行卡變更").contains("第 1 級: 工單審批");
		b.click("policy-edit-BANK_CARD_CHANGE");
		org.openqa.selenium.WebElement enabled = b.find("policy-enabled");
		assertThat(enabled.getAttribute("class")).as("on, and a control that may not be switched off").contains("ant-switch-checked");
		assertThat(enabled.isEnabled()).isFalse();
		b.escapeDialog();
		b.click("menu-operators");
		assertThat(b.waitForText("operator-table", "checker")).contains("Chris Cheung");
		b.click("menu-roles");
		b.click("role-edit-CHECKER");
		b.find("role-form");
	}

	@Test
	void aDirectUrlToAForbiddenPageShows403() {
		Browser b = browser().login("maker");
		b.open("/settings/operators");
		b.find("forbidden");
		b.open("/audit");
		b.find("forbidden");
		assertThat(b.present("menu-audit")).isFalse();
	}

	@Test
	void anExpiredSessionGoesToTheLoginAndBackToThePage() {
		Browser b = browser().login("admin");
		b.open("/customers?q=100002");
		b.find("customer-row-100002");
		b.driver.manage().deleteAllCookies();
		b.click("menu-audit");
		b.waitForUrl("/login");
		b.find("login-expired");
		b.type("login-username", "admin");
		b.type("login-password", TestHttp.PASSWORD);
		b.click("login-submit");
		b.waitForUrl("/audit");
		b.find("audit-verify");
	}

	@Test
	void operatorFormShowsTheServersFieldErrorNextToTheField() {
		Browser b = browser().login("admin");
		b.open("/settings/operators");
		b.click("operator-create");
		b.type("operator-username", "e2e-short-" + System.nanoTime() % 100000);
		b.type("operator-displayName", "Short Password");
		b.type("operator-password", "short");
		b.select("operator-roles", "Auditor (審計) (AUDITOR)");
		b.escape();
		b.click("operator-submit");
		b.waitUntil(d -> b.all(".ant-form-item-has-error [data-testid='operator-password']").size() == 1);
		// the message fades in: wait for its text rather than reading it once; the server says it in the console's language
		b.waitUntil(d -> b.all(".ant-form-item-explain-error").stream().map(e -> e.getText()).toList()
				.equals(List.of("至少需要 8 個字元")));
	}
}
