package io.wbo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import io.wbo.withdrawal.WithdrawalFixtures;

/**
 * The quick start of the withdrawal manual (seed 000) in the console, in real browsers: the maker applies and submits,
 * the checker pays out (directly, and in a batch), the approver approves the work orders in the inbox (the checker made
 * them, so by the four-eyes rule they may not), the checker records the results and sees the balances. Screenshots of
 * each step go to target/e2e-screenshots/.
 */
@WboTest
class WithdrawalBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate tx;

	private final List<Browser> browsers = new ArrayList<>();
	private WithdrawalFixtures fx;
	private String testName;

	@BeforeAll
	static void consoleIsBuilt() {
		assertThat(WithdrawalBrowserTests.class.getResource("/static/index.html"))
				.as("the console must be built into target/classes/static (run Maven without -DskipConsole)").isNotNull();
	}

	@BeforeEach
	void setUp(TestInfo info) {
		testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
		fx = new WithdrawalFixtures(jdbc, ledger, tx, port);
	}

	@AfterEach
	void close() {
		for (int i = 0; i < browsers.size(); i++) {
			browsers.get(i).screenshot(testName + "-end-" + (i + 1));
			browsers.get(i).close();
		}
		browsers.clear();
	}

	private Browser browser(String username) {
		Browser b = new Browser(port);
		browsers.add(b);
		return b.login(username);
	}

	private void shot(Browser b, String step) {
		b.screenshot("withdrawal-" + testName + "-" + step);
	}

	/** Ticks the selection box of a table row. */
	private static void tick(Browser b, String rowTestId) {
		b.find(rowTestId);
		b.waitUntil(d -> {
			try {
				WebElement row = d.findElement(Browser.testId(rowTestId));
				if (!row.findElements(By.cssSelector(".ant-checkbox-checked")).isEmpty()) {
					return true;
				}
				row.findElement(By.cssSelector(".ant-checkbox-wrapper, .ant-checkbox")).click();
				Thread.sleep(300);
				return !row.findElements(By.cssSelector(".ant-checkbox-checked")).isEmpty();
			}
			catch (RuntimeException | InterruptedException e) {
				return false;
			}
		});
	}

	/** Clicks 刷新 until the row shows the text (the risk check runs in the background). */
	private static void refreshUntil(Browser b, String rowTestId, String text) {
		b.waitUntil(d -> {
			try {
				if (b.present(rowTestId) && b.driver.findElement(Browser.testId(rowTestId)).getText().contains(text)) {
					return true;
				}
				b.driver.findElement(Browser.testId("wd-refresh")).click();
				Thread.sleep(500);
				return false;
			}
			catch (RuntimeException | InterruptedException e) {
				return false;
			}
		});
	}

	private static void filterByCustomer(Browser b, String customerNo) {
		b.type("wd-filter-customer", customerNo);
		b.click("wd-filter-submit");
	}

	/** Picks an option of an antd Select whose text contains the part. */
	private static void choose(Browser b, String testId, String part) {
		b.find(testId).click();
		By option = By.xpath("//div[contains(@class,'ant-select-item-option') and not(contains(@class,'disabled'))][contains(normalize-space(.), '"
				+ part + "')]");
		b.waitUntil(d -> d.findElements(option).stream().anyMatch(WebElement::isDisplayed));
		b.driver.findElements(option).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
	}

	/** The approver opens the work order from the inbox and approves it. */
	private void approveInInbox(long workOrderId, String comment) {
		Browser approver = browser("approver");
		approver.click("menu-workOrders");
		approver.find("work-order-row-" + workOrderId);
		approver.click("work-order-link-" + workOrderId);
		approver.waitForUrl("/work-orders/" + workOrderId);
		approver.click("wo-approve");
		approver.type("wo-decide-comment", comment);
		approver.click("wo-decide-confirm");
		approver.waitForText("state-workOrder", "已通過");
		shot(approver, "approved-" + workOrderId);
		browsers.remove(approver);
		approver.close();
	}

	/** Chooses a file in an upload field (antd hides the input; the browser still accepts a path sent to it). */
	private static void attach(Browser b, String uploadTestId, java.nio.file.Path file) {
		WebElement input = b.find(uploadTestId).findElement(By.cssSelector("input[type=file]"));
		b.script("arguments[0].style.display = 'block';", input);
		input.sendKeys(file.toAbsolutePath().toString());
	}

	@Test
	void aProofUploadedInTheManualModalIsShownInTheDetail() throws Exception {
		WithdrawalFixtures.TestCustomer c = fx.customer("5000.00");
		TestHttp api = TestHttp.operator(port, "admin");
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wbo-proofs");
		java.nio.file.Path slip = java.nio.file.Files.write(dir.resolve("bank-slip.png"), io.wbo.withdrawal.ProofSamples.png(0x2E7D32));
		java.nio.file.Path fake = java.nio.file.Files.writeString(dir.resolve("fake.png"), "not an image at all");

		Browser maker = browser("maker");
		maker.open("/withdrawals");
		openManualWithdrawal(maker, c.customerNo(), "5,000.00");
		maker.type("wd-manual-amount", "300.00");
		attach(maker, "wd-manual-proofs", slip);
		maker.waitUntil(d -> !maker.all("[data-testid='wd-manual-proofs'] .ant-upload-list-item-done").isEmpty());
		// a text file named .png is refused by the server, shown as a failed item, and not attached
		attach(maker, "wd-manual-proofs", fake);
		maker.waitUntil(d -> !maker.all("[data-testid='wd-manual-proofs'] .ant-upload-list-item-error").isEmpty());
		shot(maker, "1-proofs-uploaded");
		maker.click("wd-manual-ok");
		maker.waitUntil(d -> maker.all("[data-testid='wd-manual-ok']").stream().noneMatch(WebElement::isDisplayed));

		JsonNode created = api.get("/api/withdrawals?customer=" + c.customerNo()).json().get("items").get(0);
		String serial = created.get("serial").asText();
		JsonNode proofs = api.get("/api/withdrawals/" + created.get("id").asLong()).json().get("proofs");
		assertThat(proofs.size()).isEqualTo(1);
		assertThat(proofs.get(0).get("name").asText()).isEqualTo("bank-slip.png");

		filterByCustomer(maker, c.customerNo());
		maker.click("wd-open-" + serial);
		assertThat(maker.waitForText("wd-proofs", "bank-slip.png")).contains("bank-slip.png");
		// the thumbnail is the stored image, served through the application
		maker.waitUntil(d -> Boolean.TRUE.equals(maker.script(
				"const img = document.querySelector(\"[data-testid='wd-proofs'] img\"); return !!img && img.complete && img.naturalWidth > 0;")));
		shot(maker, "2-detail-with-proof");
	}

	@Test
	void quickStartManualWithdrawalDirectPayoutApprovedAndCompleted() {
		WithdrawalFixtures.TestCustomer c = fx.customer("50000.00");
		TestHttp api = TestHttp.operator(port, "admin");

		// 1. the maker: 手工提現 — the customer by search, the withdrawable balance shown, amount, fee, card
		Browser maker = browser("maker");
		maker.click("menu-funds");
		maker.click("menu-withdrawals");
		openManualWithdrawal(maker, c.customerNo(), "50,000.00");
		maker.type("wd-manual-amount", "1000.00");
		maker.type("wd-manual-fee", "10.00");
		maker.type("wd-manual-remark", "e2e quick start");
		shot(maker, "1-manual");
		maker.click("wd-manual-ok");
		maker.waitUntil(d -> maker.all("[data-testid='wd-manual-ok']").stream().noneMatch(WebElement::isDisplayed));

		JsonNode created = api.get("/api/withdrawals?customer=" + c.customerNo()).json().get("items").get(0);
		long id = created.get("id").asLong();
		String serial = created.get("serial").asText();
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("1010.00");

		// 2. the risk check passes in the background; the maker submits it
		filterByCustomer(maker, c.customerNo());
		refreshUntil(maker, "wd-row-" + serial, "風控通過");
		shot(maker, "2-risk-passed");
		tick(maker, "wd-row-" + serial);
		maker.click("wd-submit");
		maker.click("wd-confirm-ok");
		maker.waitUntil(d -> !maker.present("wd-row-" + serial));
		assertThat(fx.status(api, id)).isEqualTo("SUBMITTED");

		// 3. the checker: 提現處理 → the 待處理 card → 直接出帳 with the paying account, channel and bank reference
		Browser checker = browser("checker");
		checker.open("/withdrawals?tab=processing");
		checker.click("wd-indicator-PENDING");
		filterByCustomer(checker, c.customerNo());
		checker.find("wd-row-" + serial);
		shot(checker, "3-pending");
		checker.click("wd-direct-" + serial);
		choose(checker, "wd-direct-modal-account", "004-500-888001-838");
		choose(checker, "wd-direct-modal-channel", "FPS");
		checker.type("wd-direct-modal-reference", "FPS-E2E-0001");
		checker.click("wd-direct-modal-ok");
		checker.waitUntil(d -> !checker.present("wd-row-" + serial));
		assertThat(fx.status(api, id)).isEqualTo("DIRECT_PENDING_APPROVAL");

		// the work order link on the application, to the inbox of the approver (the checker made the work order)
		checker.click("wd-indicator-DIRECT_PENDING_APPROVAL");
		String link = checker.find("wd-wo-" + serial).getText();
		long workOrderId = Long.parseLong(link.replaceAll("\\D", ""));
		shot(checker, "4-direct-pending-approval");
		approveInInbox(workOrderId, "e2e: checked the payee");
		assertThat(fx.status(api, id)).isEqualTo("DIRECT_PROCESSING");

		// 4. the checker: 檢視並更新結果 → 成功
		checker.click("wd-refresh");
		checker.click("wd-indicator-DIRECT_PROCESSING");
		checker.find("wd-row-" + serial);
		checker.click("wd-result-" + serial);
		checker.type("wd-result-reference", "FPS-E2E-0001");
		// nothing is chosen for the operator: OK without a result is refused on the form
		checker.click("wd-result-ok");
		checker.waitForText("wd-result-form", "請選擇結果");
		assertThat(fx.status(api, id)).isEqualTo("DIRECT_PROCESSING");
		choose(checker, "wd-result-select", "成功");
		checker.click("wd-result-ok");
		checker.waitUntil(d -> !checker.present("wd-row-" + serial));
		assertThat(fx.status(api, id)).isEqualTo("COMPLETED");

		// 5. 出金記錄: completed, with its history; and the customer's balances
		checker.open("/withdrawals?tab=records");
		filterByCustomer(checker, c.customerNo());
		assertThat(checker.waitForText("wd-row-" + serial, "已完成")).contains("1,000.00");
		checker.click("wd-open-" + serial);
		String history = checker.waitForText("wd-history", "出款成功");
		assertThat(history).contains("建立").contains("風控通過").contains("approver");
		checker.script("arguments[0].scrollIntoView()", checker.find("wd-history"));
		shot(checker, "5-history");
		checker.open("/customers/" + c.id());
		String balances = checker.waitForText("balance-table", "HKD");
		assertThat(balances).contains("48,990.00");
		shot(checker, "6-balances");
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("0.00");
	}

	@Test
	void severalDirectPayoutsUpdatedTogetherGetEachItsOwnBankReference() {
		WithdrawalFixtures.TestCustomer c = fx.customer("5000.00");
		TestHttp api = TestHttp.operator(port, "admin");
		TestHttp maker = TestHttp.operator(port, "maker");
		TestHttp checkerApi = TestHttp.operator(port, "checker");
		List<Long> ids = new ArrayList<>();
		List<String> serials = new ArrayList<>();
		for (String amount : List.of("100.00", "200.00")) {
			long id = fx.submitted(maker, c, amount, "0");
			long wo = WithdrawalFixtures.ok(checkerApi.post("/api/withdrawals/" + id + "/direct-payout",
					Map.of("payingAccountId", fx.payingAccountId(), "channel", "FPS"))).json().get("workOrder").get("id").asLong();
			WithdrawalFixtures.approve(TestHttp.operator(port, "approver"), wo);
			ids.add(id);
			serials.add(api.get("/api/withdrawals/" + id).json().get("withdrawal").get("serial").asText());
		}

		Browser checker = browser("checker");
		checker.open("/withdrawals?tab=processing");
		checker.click("wd-indicator-DIRECT_PROCESSING");
		filterByCustomer(checker, c.customerNo());
		serials.forEach(s -> tick(checker, "wd-row-" + s));
		checker.click("wd-results");
		choose(checker, "wd-result-select", "成功");
		assertThat(checker.present("wd-result-reference")).as("no one reference for two transfers").isFalse();
		checker.type("wd-result-reference-" + serials.get(0), "FPS-EACH-1");
		checker.type("wd-result-reference-" + serials.get(1), "FPS-EACH-2");
		shot(checker, "references-each");
		checker.click("wd-result-ok");
		serials.forEach(s -> checker.waitUntil(d -> !checker.present("wd-row-" + s)));
		for (int i = 0; i < 2; i++) {
			JsonNode w = api.get("/api/withdrawals/" + ids.get(i)).json().get("withdrawal");
			assertThat(w.get("status").asText()).isEqualTo("COMPLETED");
			assertThat(w.get("bankReference").asText()).isEqualTo("FPS-EACH-" + (i + 1));
		}
	}

	@Test
	void batchPayoutWithAnItemRemovedApprovedAndResultsReviewed() {
		WithdrawalFixtures.TestCustomer c = fx.customer("50000.00");
		TestHttp makerApi = TestHttp.operator(port, "maker");
		TestHttp api = TestHttp.operator(port, "admin");
		long a = fx.submitted(makerApi, c, "100.00", "1.00");
		long b = fx.submitted(makerApi, c, "200.00", "1.00");
		long removed = fx.submitted(makerApi, c, "300.00", "1.00");
		String serialA = api.get("/api/withdrawals/" + a).json().get("withdrawal").get("serial").asText();
		String serialB = api.get("/api/withdrawals/" + b).json().get("withdrawal").get("serial").asText();
		String serialRemoved = api.get("/api/withdrawals/" + removed).json().get("withdrawal").get("serial").asText();

		// 打包提審: the checker selects the three and packs them with a paying account and channel
		Browser checker = browser("checker");
		checker.open("/withdrawals?tab=processing");
		checker.click("wd-indicator-PENDING");
		filterByCustomer(checker, c.customerNo());
		for (String s : List.of(serialA, serialB, serialRemoved)) {
			tick(checker, "wd-row-" + s);
		}
		checker.click("wd-pack");
		choose(checker, "wd-pack-modal-account", "004-500-888001-838");
		choose(checker, "wd-pack-modal-channel", "CHATS");
		checker.click("wd-pack-modal-ok");
		checker.waitUntil(d -> checker.present("wd-row-" + serialA) && checker.find("wd-row-" + serialA).getText().contains("已打包"));
		long batchId = api.get("/api/withdrawals/" + a).json().get("withdrawal").get("batchId").asLong();
		String batchSerial = api.get("/api/payout-batches/" + batchId).json().get("serial").asText();

		// the list names each application's batch by its serial and opens it from there
		assertThat(checker.find("wd-batch-of-" + serialA).getText()).isEqualTo(batchSerial);
		checker.click("wd-batch-of-" + serialA);
		checker.waitForUrl("batch=" + batchId);
		assertThat(checker.waitForText("wd-batch-paying-account", "004-500-888001-838")).contains("004-500-888001-838");
		// closed as an operator would, once the packing's toast no longer covers the drawer's close button
		checker.waitUntil(d -> {
			try {
				d.findElement(org.openqa.selenium.By.cssSelector(".ant-drawer-open .ant-drawer-close")).click();
			}
			catch (org.openqa.selenium.WebDriverException e) {
				return false;
			}
			return true;
		});
		checker.waitUntil(d -> !d.getCurrentUrl().contains("batch="));

		// remove one item before submission, then submit for approval; the drawer names the paying account and the totals
		checker.click("wd-batch-open-" + batchSerial);
		assertThat(checker.waitForText("wd-batch-paying-account", "004-500-888001-838")).contains("004-500-888001-838");
		assertThat(checker.waitForText("wd-batch-totals", "600.00")).contains("HKD").contains("600.00");
		assertThat(checker.find("wd-batch-count").getText()).isEqualTo("3");
		tick(checker, "wd-batch-item-" + serialRemoved);
		checker.click("wd-batch-remove");
		checker.click("wd-confirm-ok");
		checker.waitUntil(d -> !checker.present("wd-batch-item-" + serialRemoved));
		assertThat(fx.status(api, removed)).isEqualTo("SUBMITTED");
		shot(checker, "1-batch-draft");
		checker.click("wd-batch-submit");
		checker.click("wd-confirm-ok");
		String wo = checker.waitForText("wd-batch-wo", "#");
		long workOrderId = Long.parseLong(wo.replaceAll("\\D", ""));
		shot(checker, "2-batch-submitted");
		approveInInbox(workOrderId, "e2e: batch checked");
		assertThat(fx.status(api, a)).isEqualTo("BATCH_PROCESSING");

		// 檢視並更新結果 for both items at once → results go to review → approved → completed; the batch is opened from
		// the payout work order's link, in the drawer over the processing tab
		checker.open("/work-orders/" + workOrderId);
		checker.click("wo-subject-link-" + workOrderId);
		checker.waitForUrl("batch=" + batchId);
		checker.waitForText("wd-batch-body", "處理中");
		tick(checker, "wd-batch-item-" + serialA);
		tick(checker, "wd-batch-item-" + serialB);
		checker.click("wd-batch-results");
		choose(checker, "wd-result-select", "成功");
		checker.type("wd-result-reference", "CHATS-E2E");
		checker.click("wd-result-ok");
		String review = checker.waitForText("wd-batch-review-wo", "#");
		long firstReview = Long.parseLong(review.replaceAll("\\D", ""));
		shot(checker, "3-results-entered");
		// the list behind the drawer follows what was done in it (read as the page holds it: the drawer's mask covers it)
		checker.waitUntil(d -> String.valueOf(d.findElement(org.openqa.selenium.By.cssSelector("[data-testid='wd-batch-row-" + batchSerial + "']"))
				.getDomProperty("textContent")).contains("結果待審核"));

		// the review refuses the results: the checker enters B's again and sends the set back
		TestHttp.Response refused = TestHttp.operator(port, "approver").post("/api/work-orders/" + firstReview + "/reject",
				Map.of("comment", "e2e: B's reference is wrong"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
		checker.open("/withdrawals?tab=processing");
		checker.click("wd-batch-open-" + batchSerial);
		checker.waitForText("wd-batch-refused", "駁回");
		tick(checker, "wd-batch-item-" + serialB);
		checker.click("wd-batch-results");
		choose(checker, "wd-result-select", "成功");
		checker.type("wd-result-reference", "CHATS-E2E-B");
		checker.click("wd-result-ok");
		checker.waitForText("wd-batch-item-" + serialB, "CHATS-E2E-B");
		shot(checker, "3b-result-entered-again");
		checker.click("wd-batch-submit-results");
		checker.click("wd-confirm-ok");
		checker.waitUntil(d -> !checker.present("wd-batch-refused") && checker.find("wd-batch-body").getText().contains("結果待審核"));
		long reviewId = api.get("/api/payout-batches/" + batchId).json().get("reviewWorkOrderId").asLong();
		assertThat(reviewId).isNotEqualTo(firstReview);
		approveInInbox(reviewId, "e2e: results match the bank");
		assertThat(fx.status(api, a)).isEqualTo("COMPLETED");
		assertThat(fx.status(api, b)).isEqualTo("COMPLETED");

		// the results review work order links to its batch, which opens in its drawer
		checker.open("/work-orders/" + reviewId);
		checker.click("wo-subject-link-" + reviewId);
		checker.waitForUrl("batch=" + batchId);
		assertThat(checker.waitForText("wd-batch-body", "已完成")).contains("004-500-888001-838");

		checker.open("/withdrawals?tab=records");
		filterByCustomer(checker, c.customerNo());
		checker.waitForText("wd-row-" + serialB, "已完成");
		// 合計 of what the filter selects: the three applications of the customer, removed one included
		assertThat(checker.waitForText("wd-totals", "600.00")).contains("合計 3 筆").contains("HKD 600.00");
		shot(checker, "4-records");
		// 50000 - (101 + 201 + 301) available; the removed one (301) is still frozen and pending
		checker.open("/customers/" + c.id());
		assertThat(checker.waitForText("balance-table", "HKD")).contains("49,397.00");
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("301.00");
	}

	@Test
	void aDraftBatchIsDiscardedWithAReasonAndItsApplicationWaitsAgain() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		TestHttp api = TestHttp.operator(port, "admin");
		long a = fx.submitted(TestHttp.operator(port, "maker"), c, "10.00", "0");
		String batchSerial = TestHttp.operator(port, "checker").post("/api/payout-batches",
				Map.of("ids", List.of(a), "payingAccountId", fx.payingAccountId(), "channel", "FPS")).json().get("batch").get("serial").asText();

		Browser checker = browser("checker");
		checker.open("/withdrawals?tab=processing");
		checker.click("wd-batch-open-" + batchSerial);
		checker.click("wd-batch-discard");
		checker.click("reason-ok"); // the reason is required: nothing happens without one
		assertThat(checker.waitForText("wd-batch-body", "待提交")).contains("待提交");
		checker.type("reason-input", "e2e: wrong paying account");
		checker.click("reason-ok");
		checker.waitForText("wd-batch-body", "已作廢");
		shot(checker, "batch-discarded");
		assertThat(fx.status(api, a)).isEqualTo("SUBMITTED");
	}

	@Test
	void theManualModalReadsTheCardsAgainWhenReopenedAndOffersOnlyTheCurrencysCards() {
		WithdrawalFixtures.TestCustomer c = fx.customer("100.00");
		Browser maker = browser("maker");
		maker.open("/withdrawals");
		openManualWithdrawal(maker, c.customerNo(), "100.00");
		// the customer's only HKD card is chosen for HKD
		maker.waitForText("wd-manual-card", "004-" + c.customerNo() + "-001");
		maker.escapeDialog();

		// a USD card added while the modal is closed is offered when it opens again, for USD only
		jdbc.sql("""
				INSERT INTO bank_card (customer_id, bank_name, bank_code, account_no, holder_name, currency, verified)
				VALUES (:c, 'Bank of China (Hong Kong)', '012', :acct, 'TEST', 'USD', true)""")
				.param("c", c.id()).param("acct", "012-" + c.customerNo() + "-USD").update();
		maker.click("wd-manual");
		maker.waitForText("wd-manual-card", "004-" + c.customerNo() + "-001");
		choose(maker, "wd-manual-currency", "USD");
		assertThat(maker.waitForText("wd-manual-card", "012-" + c.customerNo() + "-USD")).doesNotContain("-001");
		maker.find("wd-manual-card").click();
		By option = By.cssSelector(".ant-select-item-option");
		List<String> offered = new ArrayList<>();
		maker.waitUntil(d -> {
			offered.clear();
			d.findElements(option).stream().filter(WebElement::isDisplayed).map(WebElement::getText).filter(text -> text.contains(c.customerNo()))
					.forEach(offered::add);
			return !offered.isEmpty();
		});
		assertThat(offered).as("only the USD card").hasSize(1).allMatch(text -> text.contains("-USD"));
		shot(maker, "usd-card-only");
	}

	@Test
	void manualWithdrawalShowsTheServersFieldErrorsOnTheFields() {
		WithdrawalFixtures.TestCustomer c = fx.customer("100.00");
		Browser maker = browser("maker");
		maker.open("/withdrawals");
		openManualWithdrawal(maker, c.customerNo(), "100.00");
		maker.type("wd-manual-amount", "1.001");
		maker.click("wd-manual-ok");
		maker.waitUntil(d -> maker.all(".ant-form-item-has-error [data-testid='wd-manual-amount']").size() == 1);
		// the server's standard message, said in the console's language (zh-Hant) with the values it names
		maker.waitUntil(d -> maker.all(".ant-form-item-explain-error").stream().anyMatch(e -> e.getText().equals("HKD 最多 2 位小數")));
		shot(maker, "field-error");
		// a refusal of the ledger, said by the server in the language the console asks for (Accept-Language: zh-Hant)
		maker.type("wd-manual-amount", "1000.00");
		maker.click("wd-manual-ok");
		maker.waitUntil(d -> d.findElement(org.openqa.selenium.By.tagName("body")).getText().contains("可用餘額不足"));
		shot(maker, "refusal-in-chinese");
		maker.find("wd-manual-amount").sendKeys(Keys.ESCAPE);
	}

	/** Submitted, paid directly by the channel, approved: returns the id (DIRECT_PROCESSING). */
	private long directProcessing(WithdrawalFixtures.TestCustomer c, String amount, String channel) {
		TestHttp makerApi = TestHttp.operator(port, "maker");
		TestHttp checkerApi = TestHttp.operator(port, "checker");
		long id = fx.submitted(makerApi, c, amount, "0");
		TestHttp.Response r = WithdrawalFixtures.ok(checkerApi.post("/api/withdrawals/" + id + "/direct-payout",
				Map.of("payingAccountId", fx.payingAccountId(), "channel", channel)));
		WithdrawalFixtures.approve(TestHttp.operator(port, "approver"), r.json().get("workOrder").get("id").asLong());
		return id;
	}

	private static WebElement input(Browser b, String testId) {
		WebElement el = b.find(testId);
		return "input".equals(el.getTagName()) ? el : el.findElement(By.cssSelector("input"));
	}

	private static String serial(TestHttp api, long id) {
		return api.get("/api/withdrawals/" + id).json().get("withdrawal").get("serial").asText();
	}

	@Test
	void theRowActionsStayInViewOnA1440PixelScreenInEnglish() {
		WithdrawalFixtures.TestCustomer c = fx.customer("10000.00");
		TestHttp api = TestHttp.operator(port, "maker");
		long id = fx.submitted(api, c, "123.00", "0");
		String serial = serial(api, id);

		Browser checker = browser("checker");
		checker.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
		checker.select("language-switch", "English");
		checker.open("/withdrawals?tab=processing");
		checker.click("wd-indicator-PENDING");
		filterByCustomer(checker, c.customerNo());
		checker.find("wd-row-" + serial);
		WebElement direct = checker.driver.findElement(Browser.testId("wd-direct-" + serial));
		shot(checker, "processing-1440-en");
		// inside the part of the table the operator sees, not beyond its right edge in the scrolled-away part
		Boolean inView = (Boolean) checker.driver.executeScript("""
				const link = arguments[0].getBoundingClientRect();
				const table = arguments[0].closest('.ant-table').getBoundingClientRect();
				return link.left >= table.left && link.right <= table.right && link.right <= window.innerWidth;""", direct);
		assertThat(inView).as("the direct payout link is in view without scrolling the table").isTrue();
		direct.click();
		checker.find("wd-direct-modal-account");
	}

	@Test
	void abnormalWithdrawalsAreHandledInBatchWithARemarkAndWaitForReview() {
		WithdrawalFixtures.TestCustomer c = fx.customer("10000.00");
		TestHttp api = TestHttp.operator(port, "admin");
		TestHttp checkerApi = TestHttp.operator(port, "checker");
		long a = directProcessing(c, "100.00", "FPS");
		long b = directProcessing(c, "200.00", "FPS");
		for (long id : List.of(a, b)) {
			WithdrawalFixtures.ok(checkerApi.post("/api/withdrawals/" + id + "/result", Map.of("result", "FAILED", "reason", "account closed")));
		}
		String serialA = serial(api, a);
		String serialB = serial(api, b);

		Browser checker = browser("checker");
		checker.open("/withdrawals?tab=abnormal");
		filterByCustomer(checker, c.customerNo());
		assertThat(checker.waitForText("wd-row-" + serialA, "account closed")).contains("異常");
		tick(checker, "wd-row-" + serialA);
		tick(checker, "wd-row-" + serialB);
		checker.click("wd-abnormal-TO_FAILURE");
		checker.type("wd-abnormal-remark", "e2e: the customer will give another card");
		checker.click("wd-abnormal-ok");
		checker.waitForText("wd-row-" + serialA, "異常處理待審核");
		checker.waitForText("wd-row-" + serialB, "異常處理待審核");
		checker.find("wd-wo-" + serialA);
		shot(checker, "pending-review");
		assertThat(fx.status(api, a)).isEqualTo("ABNORMAL_PENDING_REVIEW");
		assertThat(fx.status(api, b)).isEqualTo("ABNORMAL_PENDING_REVIEW");
	}

	@Test
	void chequesArePrintedFirstThenReprintedWithAReason() {
		WithdrawalFixtures.TestCustomer c = fx.customer("10000.00");
		TestHttp api = TestHttp.operator(port, "admin");
		long id = directProcessing(c, "321.00", "CHEQUE");
		WithdrawalFixtures.ok(TestHttp.operator(port, "checker").post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS")));
		String serial = serial(api, id);

		Browser checker = browser("checker");
		checker.open("/withdrawals?tab=processing");
		checker.click("wd-to-cheques");
		WebElement search = input(checker, "wd-cheque-search");
		search.sendKeys(serial, Keys.ENTER);
		tick(checker, "wd-cheque-row-" + serial);
		checker.click("wd-cheque-print");
		checker.type("wd-cheque-number-" + id, "000123");
		checker.click("wd-cheque-ok");
		checker.waitUntil(d -> !checker.present("wd-cheque-row-" + serial));
		assertThat(api.get("/api/withdrawals/" + id).json().get("chequePrints").size()).isEqualTo(1);

		checker.click("wd-cheques-printed");
		search = input(checker, "wd-cheque-search");
		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), serial, Keys.ENTER);
		assertThat(checker.waitForText("wd-cheque-row-" + serial, "000123")).contains("321.00");
		tick(checker, "wd-cheque-row-" + serial);
		checker.click("wd-cheque-print");
		checker.type("wd-cheque-number-" + id, "000124");
		checker.click("wd-cheque-ok");
		checker.waitUntil(d -> !checker.all(".ant-form-item-has-error [data-testid='wd-cheque-reason']").isEmpty());
		checker.type("wd-cheque-reason", "e2e: the first cheque was spoiled");
		checker.click("wd-cheque-ok");
		checker.waitForText("wd-cheque-row-" + serial, "000124");
		shot(checker, "reprinted");
		JsonNode prints = api.get("/api/withdrawals/" + id).json().get("chequePrints");
		assertThat(prints.size()).isEqualTo(2);
		assertThat(prints.toString()).contains("spoiled");
	}

	@Test
	void theMakerRejectsWithAReasonDeletesAndProposesAnEdit() {
		WithdrawalFixtures.TestCustomer c = fx.customer("10000.00");
		TestHttp makerApi = TestHttp.operator(port, "maker");
		TestHttp api = TestHttp.operator(port, "admin");
		long rejected = fx.manual(makerApi, c, "100.00", "0");
		long deleted = fx.manual(makerApi, c, "200.00", "0");
		long edited = fx.manual(makerApi, c, "300.00", "0");

		Browser maker = browser("maker");
		maker.open("/withdrawals");
		filterByCustomer(maker, c.customerNo());
		maker.find("wd-row-" + serial(api, edited));
		tick(maker, "wd-row-" + serial(api, rejected));
		maker.click("wd-reject");
		maker.click("wd-reason-ok");
		maker.waitUntil(d -> !maker.all(".ant-form-item-has-error [data-testid='wd-reason-input']").isEmpty());
		maker.type("wd-reason-input", "e2e: wrong amount");
		maker.click("wd-reason-ok");
		maker.waitUntil(d -> !maker.present("wd-row-" + serial(api, rejected)));
		assertThat(fx.status(api, rejected)).isEqualTo("REJECTED");

		maker.click("wd-delete-" + serial(api, deleted));
		maker.type("wd-reason-input", "e2e: duplicate");
		maker.click("wd-reason-ok");
		maker.waitUntil(d -> !maker.present("wd-row-" + serial(api, deleted)));
		assertThat(fx.status(api, deleted)).isEqualTo("DELETED");

		maker.click("wd-edit-" + serial(api, edited));
		maker.type("wd-edit-amount", "350.00");
		maker.click("wd-edit-ok");
		maker.waitForText("wd-row-" + serial(api, edited), "修改待審核");
		shot(maker, "edit-pending");
		assertThat(api.get("/api/withdrawals/" + edited).json().get("withdrawal").get("pendingEditWorkOrderId").isNull()).isFalse();
	}

	@Test
	void anAdminOpensTheRiskSettingsAndSavesThem() {
		TestHttp admin = TestHttp.operator(port, "admin");
		int before = admin.get("/api/risk/settings").json().get("settings").get("version").asInt();
		Browser b = browser("admin");
		b.click("menu-settings");
		b.click("menu-riskSettings");
		b.waitUntil(d -> !input(b, "risk-max24h").getAttribute("value").isEmpty());
		shot(b, "risk-settings");
		b.click("risk-save");
		b.waitUntil(d -> admin.get("/api/risk/settings").json().get("settings").get("version").asInt() > before);
	}

	/** Opens the manual withdrawal modal (手工提現) for a customer and waits for their withdrawable HKD balance. */
	private void openManualWithdrawal(Browser maker, String customerNo, String withdrawableHkd) {
		maker.click("wd-manual");
		maker.find("wd-manual-customer").click();
		maker.driver.switchTo().activeElement().sendKeys(customerNo);
		choose(maker, "wd-manual-customer", customerNo);
		assertThat(maker.waitForText("wd-withdrawable-HKD", withdrawableHkd)).isEqualTo(withdrawableHkd);
	}
}
