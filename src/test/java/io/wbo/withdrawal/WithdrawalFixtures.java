package io.wbo.withdrawal;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.Money;
import io.wbo.ledger.AccountKind;
import io.wbo.ledger.AccountRef;
import io.wbo.ledger.Balance;
import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Test data of the withdrawal tests: a fresh opened customer of our own (so balances are ours alone), with a verified
 * HKD card whose holder is the customer, credited through the ledger; and small HTTP helpers for the flows.
 */
public final class WithdrawalFixtures {

	private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

	public record TestCustomer(long id, String customerNo, long cardId) {
	}

	private final JdbcClient jdbc;
	private final Ledger ledger;
	private final TransactionTemplate tx;
	private final int port;

	public WithdrawalFixtures(JdbcClient jdbc, Ledger ledger, TransactionTemplate tx, int port) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.tx = tx;
		this.port = port;
	}

	public TestCustomer customer(String hkd) {
		String no = "9" + String.format("%08d", SEQ.incrementAndGet() % 100_000_000) + UUID.randomUUID().toString().substring(0, 4);
		String name = "Test Customer " + no;
		long id = jdbc.sql("""
				INSERT INTO customer (customer_no, name_en, name_zh, phone, email, account_no, opening_status)
				VALUES (:no, :name, '測試客戶', '+852 5000 0000', :email, :acct, 'OPENED') RETURNING id""")
				.param("no", no).param("name", name).param("email", no + "@example.hk").param("acct", "T" + no)
				.query(Long.class).single();
		long card = jdbc.sql("""
				INSERT INTO bank_card (customer_id, bank_name, bank_code, account_no, holder_name, currency, verified)
				VALUES (:c, 'HSBC Hong Kong', '004', :acct, :holder, 'HKD', true) RETURNING id""")
				.param("c", id).param("acct", "004-" + no + "-001").param("holder", name.toUpperCase())
				.query(Long.class).single();
		if (new BigDecimal(hkd).signum() > 0) {
			tx.executeWithoutResult(s -> ledger.credit(id, new Money(Asset.HKD, new BigDecimal(hkd)),
					AccountRef.system(AccountKind.ADJUSTMENT, Asset.HKD), "TEST:" + no + ":HKD", "Test", no, Actor.system("test")));
		}
		return new TestCustomer(id, no, card);
	}

	public Balance balance(long customerId) {
		return ledger.balance(customerId, Asset.HKD);
	}

	/** The HSBC paying account of the demo data (pays HKD by every channel). */
	public long payingAccountId() {
		return jdbc.sql("SELECT id FROM company_account WHERE account_no = '004-500-888001-838'").query(Long.class).single();
	}

	public static TestHttp.Response ok(TestHttp.Response r) {
		if (r.status() >= 300) {
			throw new AssertionError("unexpected " + r);
		}
		return r;
	}

	/** Creates a manual withdrawal as the maker and returns its id. */
	public long manual(TestHttp maker, TestCustomer c, String amount, String fee) {
		TestHttp.Response r = maker.post("/api/withdrawals", Map.of("customerId", c.id(), "currency", "HKD", "amount", amount, "fee", fee,
				"bankCardId", c.cardId(), "remark", "test"));
		if (r.status() != 201) {
			throw new AssertionError("create failed: " + r);
		}
		return r.json().get("id").asLong();
	}

	public JsonNode awaitStatus(TestHttp http, long id, String status) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			last[0] = http.get("/api/withdrawals/" + id).json().get("withdrawal");
			return status.equals(last[0].get("status").asText());
		});
		return last[0];
	}

	public String status(TestHttp http, long id) {
		return http.get("/api/withdrawals/" + id).json().get("withdrawal").get("status").asText();
	}

	/** Creates, passes the risk check and submits; returns the id. */
	public long submitted(TestHttp maker, TestCustomer c, String amount, String fee) {
		long id = manual(maker, c, amount, fee);
		awaitStatus(maker, id, "RISK_PASSED");
		TestHttp.Response r = ok(maker.post("/api/withdrawals/submit", Map.of("ids", List.of(id))));
		if (!r.json().get("results").get(0).get("ok").asBoolean()) {
			throw new AssertionError("submit refused: " + r);
		}
		return id;
	}

	/** 直接出帳 of a submitted application by FPS: the checker pays, the approver approves, success with the bank's reference. */
	public void paidDirectly(long id, String bankReference) {
		TestHttp checker = TestHttp.operator(port, "checker");
		long wo = ok(checker.post("/api/withdrawals/" + id + "/direct-payout", Map.of("payingAccountId", payingAccountId(), "channel", "FPS")))
				.json().get("workOrder").get("id").asLong();
		approve(TestHttp.operator(port, "approver"), wo);
		ok(checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS", "bankReference", bankReference)));
	}

	public static void approve(TestHttp checker, long workOrderId) {
		TestHttp.Response r = checker.post("/api/work-orders/" + workOrderId + "/approve", Map.of("comment", "ok"));
		if (r.status() != 200) {
			throw new AssertionError("approve failed: " + r);
		}
	}
}
