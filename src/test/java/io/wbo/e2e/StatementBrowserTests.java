package io.wbo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.wbo.reconciliation.SystemRecord;
import io.wbo.reconciliation.TestRecords;
import io.wbo.statement.StatementFixtures;
import io.wbo.testing.WboTest;

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
		String report = browser.waitForText("import-bad-rows", "does not match the date format");
		assertThat(report).contains("is not a number", "both a debit and a credit");
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
		browser.escape();

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
	}
}
