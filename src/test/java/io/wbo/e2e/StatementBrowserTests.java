package io.wbo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.wbo.audit.IntegrationGuard;
import io.wbo.common.BusinessDay;
import io.wbo.ledger.Ledger;
import io.wbo.reconciliation.SystemRecord;
import io.wbo.reconciliation.TestRecords;
import io.wbo.statement.StatementFixtures;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import io.wbo.withdrawal.WithdrawalFixtures;
import tools.jackson.databind.JsonNode;

/**
 * 銀行帳單 and 出金對帳 in a real browser: a statement file imported through the console, the bad-row report of a
 * broken one, a reconciliation run that finds the amount mismatch and the record missing in the bank. Screenshots
 * of each step go to target/e2e-screenshots/.
 */
@WboTest
class StatementBrowserTests {

	private static final Path FIXTURES = Path.of("src", "test", "resources", "statements");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestRecords records;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate tx;

	private Browser browser;

	@BeforeAll
	static void consoleIsBuilt() {
		assertThat(StatementBrowserTests.class.getResource("/static/index.html"))
				.as("the console must be built into target/classes/static (run Maven without -DskipConsole)").isNotNull();
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.close();
		}
	}

	/** Picks an option of a searchable antd Select by typing a part of its label. */
	private void search(String testId, String text) {
		WebElement select = browser.find(testId);
		select.click();
		WebElement input = select.findElement(By.cssSelector("input"));
		input.sendKeys(text);
		By option = By.xpath("//div[contains(@class,'ant-select-item-option') and not(contains(@class,'disabled'))][contains(., '" + text + "')]");
		browser.waitUntil(d -> !d.findElements(option).isEmpty() && d.findElements(option).get(0).isDisplayed());
		browser.driver.findElements(option).get(0).click();
	}

	private void chooseFile(String name) {
		WebElement input = browser.driver.findElement(By.cssSelector(".ant-modal input[type=file]"));
		input.sendKeys(FIXTURES.resolve(name).toAbsolutePath().toString());
	}

	@Test
	void importsAStatementShowsTheBadRowsOfABrokenOneAndReconcilesToTheMismatch() {
		long account = StatementFixtures.account(jdbc);
		String accountNo = jdbc.sql("SELECT account_no FROM company_account WHERE id = :id").param("id", account).query(String.class).single();
		// the system paid 12,400.00 with the bank reference of a 12,500.00 debit, and another payout the bank never booked
		SystemRecord mismatch = records.add(account, "12400.00", LocalDate.of(2031, 1, 2), "004-123-456789-001", "FPS3101020001", null);
		SystemRecord missing = records.add(account, "777.00", LocalDate.of(2031, 1, 5), "004-999-000000-001", "FPS3101059999", null);

		browser = new Browser(port).login("finance");
		browser.click("menu-funds");
		browser.click("menu-bankStatements");
		browser.click("menu-statementsOut");
		browser.find("statements-out");

		// a broken file: refused, every bad row with its line and reason, nothing imported
		browser.click("statement-import");
		search("import-account", accountNo);
		search("import-source", "HSBC");
		chooseFile("hsbc-bad-rows.csv");
		browser.click("import-submit");
		// each row's problem in the console's language (zh-Hant), with the row's own values
		String report = browser.waitForText("import-bad-rows", "「31/02/2031」不符合日期格式");
		assertThat(report).contains("金額「12,5x0.00」不是有效數字", "同時填寫了借方及貸方金額");
		for (int line : new int[] { 3, 4, 5 }) {
			assertThat(browser.present("bad-row-" + line)).as("bad row " + line).isTrue();
		}
		assertThat(browser.present("bad-row-2")).as("the good row is not reported").isFalse();
		browser.screenshot("statement-import-refused");

		// the good file: imported with its counts
		chooseFile("hsbc-2031-01.csv");
		browser.click("import-submit");
		browser.find("import-result");
		assertThat(browser.find("import-created").getText()).contains("5");
		assertThat(browser.find("import-duplicates").getText()).contains("0");
		browser.screenshot("statement-import-done");
		browser.escapeDialog();

		search("filter-account", accountNo);
		browser.click("statement-search");
		browser.waitForText("statement-table", "FPS3101020001");
		assertThat(browser.find("line-FPS3101020001").getText()).contains("12,500.00", "CHAN TAI MAN");
		assertThat(browser.present("line-FPS3101020002")).as("an inflow is not on the outflow statement").isFalse();
		browser.screenshot("statement-lines");

		// 出金對帳 of January 2031 for the account
		browser.open("/reconciliation/out?accountId=" + account + "&from=2031-01-01&to=2031-01-31");
		browser.find("reconciliation-out");
		browser.waitForText("recon-account", accountNo);
		browser.click("recon-run");
		browser.waitForText("recon-runs", accountNo);
		browser.waitForText("count-AMOUNT_MISMATCH", "1");
		assertThat(browser.find("count-MISSING_IN_BANK").getText()).contains("1");
		browser.click("count-AMOUNT_MISMATCH");
		WebElement row = browser.find("result-AMOUNT_MISMATCH-" + mismatch.serial());
		assertThat(row.getText()).contains("12,400.00", "12,500.00");
		browser.waitUntil(d -> d.findElements(By.cssSelector("[data-testid^='result-MISSING_IN_BANK']")).isEmpty());
		browser.screenshot("reconciliation-mismatch");

		// follow it up: assign and resolve with a reason
		row.findElement(By.cssSelector("[data-testid^='follow-up-']")).click();
		browser.find("follow-up-status");
		browser.type("follow-up-assignee", "finance");
		browser.click("follow-up-assign");
		browser.type("follow-up-reason", "bank charged a 100.00 fee; booked separately");
		browser.click("follow-up-resolve");
		browser.waitForText("follow-up-status", "已解決");
		browser.screenshot("reconciliation-follow-up");
		browser.driver.findElement(By.cssSelector(".ant-drawer-open .ant-drawer-close")).click();
		browser.waitUntil(d -> d.findElements(By.cssSelector(".ant-drawer-open")).isEmpty());

		browser.click("count-MISSING_IN_BANK");
		browser.find("result-MISSING_IN_BANK-" + missing.serial());

		// an amount as the console shows it finds the mismatch by its bank side (12,500.00); the export carries the range
		browser.click("count-ALL");
		browser.find("result-AMOUNT_MISMATCH-" + mismatch.serial());
		browser.type("recon-min-amount", "12,450.00");
		browser.type("recon-max-amount", "12,500");
		browser.click("recon-search");
		browser.waitUntil(d -> d.findElements(By.cssSelector("[data-testid^='result-MISSING_IN_BANK']")).isEmpty());
		browser.find("result-AMOUNT_MISMATCH-" + mismatch.serial());
		browser.click("recon-export");
		assertThat(browser.find("recon-export-CSV").getAttribute("href")).contains("/results/export", "minAmount=12450.00", "maxAmount=12500",
				"format=CSV");
		browser.screenshot("reconciliation-amount-filter");
	}

	@Test
	void tagsALineToAWithdrawalWithAnOverrideReasonRejectsTheTagFlipsAndDeletesIt() {
		WithdrawalFixtures fx = new WithdrawalFixtures(jdbc, ledger, tx, port);
		TestHttp maker = TestHttp.operator(port, "maker");
		TestHttp checker = TestHttp.operator(port, "checker");
		TestHttp approver = TestHttp.operator(port, "approver");
		String unique = Long.toString(System.nanoTime());
		// a completed payout of 2,345.67 that the bank booked under its own reference, one cent more
		WithdrawalFixtures.TestCustomer c = fx.customer("50000.00");
		long id = fx.submitted(maker, c, "2345.67", "0.00");
		TestHttp.Response direct = WithdrawalFixtures.ok(checker.post("/api/withdrawals/" + id + "/direct-payout",
				Map.of("payingAccountId", fx.payingAccountId(), "channel", "FPS", "bankReference", "WIRE-T-" + unique)));
		WithdrawalFixtures.approve(approver, direct.json().get("workOrder").get("id").asLong());
		WithdrawalFixtures.ok(checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS", "bankReference", "WIRE-T-" + unique)));
		String serial = maker.get("/api/withdrawals/" + id).json().get("withdrawal").get("serial").asText();
		String reference = "BANK-OWN-" + unique;
		String body = """
				{"accountId": %d, "lines": [{"direction": "OUT", "amount": "2345.68", "currency": "HKD", "bookingDate": "%s",
				  "bankReference": "%s", "counterpartyAccount": "ZZ-%s"}]}""".formatted(fx.payingAccountId(), BusinessDay.today(), reference, unique);
		TestHttp.Response pushed = TestHttp.anonymous(port).postRaw("/api/integrations/bank-statements", body,
				Map.of(IntegrationGuard.HEADER, IntegrationGuard.sign("test-bank-webhook-secret", body.getBytes(StandardCharsets.UTF_8))));
		assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);

		browser = new Browser(port).login("finance");
		browser.open("/statements/out");
		browser.type("filter-q", reference);
		browser.click("statement-search");
		WebElement row = browser.find("line-" + reference);
		assertThat(row.getText()).contains("2,345.68", "未匹配");

		// tag: the amounts differ, so the console asks for a reason to tag anyway
		row.findElement(By.cssSelector("[data-testid^='tag-']")).click();
		browser.type("tag-serial", serial);
		browser.click("tag-ok");
		assertThat(browser.find("tag-mismatch").getText()).contains("2,345.68 HKD", "2,345.67 HKD");
		browser.type("tag-reason", "bank fee of HKD 0.01");
		browser.click("tag-ok");
		browser.waitForText("line-" + reference, "已打標");
		assertThat(browser.find("line-" + reference).getText()).contains(serial);
		browser.screenshot("statement-tagged");

		// reject the tag: the line is free again
		browser.find("line-" + reference).findElement(By.cssSelector("[data-testid^='reject-']")).click();
		browser.type("reason-input", "wrong payout");
		browser.click("reason-ok");
		browser.waitForText("line-" + reference, "未匹配");

		// flip it to an inflow: it leaves the outflow statement and shows on the inflow one, marked as flipped
		browser.find("line-" + reference).findElement(By.cssSelector("[data-testid^='flip-']")).click();
		browser.click("reason-ok");
		browser.waitUntil(d -> d.findElements(Browser.testId("line-" + reference)).isEmpty());
		browser.open("/statements/in");
		browser.type("filter-q", reference);
		browser.click("statement-search");
		assertThat(browser.find("line-" + reference).getText()).contains("入帳", "↺");
		// flipping here would turn the inflow back into an outflow, and the confirmation says so
		browser.find("line-" + reference).findElement(By.cssSelector("[data-testid^='flip-']")).click();
		browser.waitUntil(d -> d.findElements(By.cssSelector(".ant-modal")).stream().anyMatch(m -> m.getText().contains("入帳將轉為出帳")));
		browser.escapeDialog();

		// delete needs a reason; the deleted line leaves the list
		browser.find("line-" + reference).findElement(By.cssSelector("[data-testid^='delete-']")).click();
		browser.click("reason-ok");
		browser.waitUntil(d -> !d.findElements(By.cssSelector(".ant-modal .ant-form-item-explain-error")).isEmpty());
		browser.type("reason-input", "duplicate of the bank's correction");
		browser.click("reason-ok");
		browser.waitUntil(d -> d.findElements(Browser.testId("line-" + reference)).isEmpty());
		browser.screenshot("statement-deleted");
	}

	@Test
	void previewsASampleFileWithABankTemplateAndShowsTheBankConnections() throws Exception {
		long hsbc = 0;
		for (JsonNode t : TestHttp.operator(port, "finance").get("/api/statement-templates").json()) {
			if (t.get("name").asText().startsWith("HSBC")) {
				hsbc = t.get("id").asLong();
			}
		}
		assertThat(hsbc).isPositive();

		browser = new Browser(port).login("finance");
		browser.open("/statements/templates");
		browser.waitForText("template-table", "HSBC");
		browser.click("template-edit-" + hsbc);
		assertThat(browser.find("template-bank").getAttribute("value")).contains("HSBC");
		browser.driver.findElement(By.cssSelector(".ant-drawer input[type=file]"))
				.sendKeys(FIXTURES.resolve("hsbc-2031-01.csv").toAbsolutePath().toString());
		String preview = browser.waitForText("template-preview", "FPS3101020001");
		assertThat(preview).contains("CHAN TAI MAN", "12,500.00", "2031-01-02", "出帳");
		browser.script("arguments[0].scrollIntoView()", browser.find("template-preview"));
		browser.screenshot("template-preview");

		// the same statement exported tab-separated: Tab is chosen from the list (it cannot be typed into a text box)
		Path tabbed = Path.of("target", "hsbc-2031-01-tabbed.txt");
		try (java.io.Reader in = java.nio.file.Files.newBufferedReader(FIXTURES.resolve("hsbc-2031-01.csv"), StandardCharsets.UTF_8);
				org.apache.commons.csv.CSVPrinter out = new org.apache.commons.csv.CSVPrinter(
						java.nio.file.Files.newBufferedWriter(tabbed, StandardCharsets.UTF_8), org.apache.commons.csv.CSVFormat.TDF)) {
			for (org.apache.commons.csv.CSVRecord row : org.apache.commons.csv.CSVFormat.DEFAULT.parse(in)) {
				out.printRecord(java.util.Arrays.stream(row.values()).map(v -> v.replace("FPS31", "TAB31")).toArray());
			}
		}
		browser.select("tp-delimiter", "Tab 定位字元");
		browser.driver.findElement(By.cssSelector(".ant-drawer input[type=file]")).sendKeys(tabbed.toAbsolutePath().toString());
		// the line as the template reads it: its direction and date, not only its raw cells
		By tabLine = By.xpath("//*[@data-testid='template-preview']//tr[contains(., 'TAB3101020001') and contains(., '出帳')]");
		browser.waitUntil(d -> !d.findElements(tabLine).isEmpty());
		assertThat(browser.driver.findElement(tabLine).getText()).contains("CHAN TAI MAN", "12,500.00", "2031-01-02");

		browser.open("/statements/bank-connections");
		browser.find("connection-table");
		browser.waitUntil(d -> d.findElements(By.cssSelector("[data-testid='connection-table'] tbody tr.ant-table-row")).size() > 0);
		browser.screenshot("bank-connections");
	}
}
