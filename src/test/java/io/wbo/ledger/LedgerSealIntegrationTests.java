package io.wbo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.Money;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * X-2 for the ledger: a transfer is its own audit record (who, from where, when), sealed into the chain of seals once
 * committed, and the audit verification names a transfer altered, removed or slipped in afterwards, and a seal cut
 * off the end.
 */
@WboTest
class LedgerSealIntegrationTests {

	static final Actor OPERATOR = new Actor(Actor.Kind.OPERATOR, 42, "chain-tester", "10.1.2.3");

	@LocalServerPort
	int port;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.wbo.audit.AuditLog audit;

	static Money hkd(String amount) {
		return new Money(Asset.HKD, new BigDecimal(amount));
	}

	/** Ten transfers through a customer's AVAILABLE and FROZEN rows and the slots of two system accounts. */
	long customerWithHistory() {
		long customer = 7_000_000 + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		ledger.credit(customer, hkd("500.00"), AccountRef.system(AccountKind.ADJUSTMENT, Asset.HKD), "C:FUND:" + customer, "Test", "f", OPERATOR);
		for (int i = 0; i < 4; i++) {
			ledger.freeze(customer, hkd("10.00"), "C:F:" + customer + ":" + i, "Test", "f" + i, OPERATOR);
			ledger.unfreeze(customer, hkd("2.50"), "C:U:" + customer + ":" + i, "Test", "u" + i, OPERATOR);
		}
		ledger.debitFrozen(customer, hkd("1.00"), AccountRef.system(AccountKind.FEE_INCOME, Asset.HKD), "C:D:" + customer, "Test", "d",
				OPERATOR);
		return customer;
	}

	List<Long> transfersOf(long customer) {
		return jdbc.sql("SELECT id FROM ledger_transfer WHERE transfer_key LIKE 'C:%:' || :c || '%' ORDER BY id").param("c", customer)
				.query(Long.class).list();
	}

	JsonNode verify() {
		TestHttp.Response r = TestHttp.operator(port, "auditor").get("/api/audit/verify");
		assertThat(r.status()).isEqualTo(200);
		return r.json();
	}

	static JsonNode ledgerCheck(JsonNode verify) {
		for (JsonNode records : verify.get("records")) {
			if (records.get("records").asText().equals("ledger transfers")) {
				return records;
			}
		}
		throw new AssertionError("no ledger check in " + verify);
	}

	/** The seal listing the transfer: its number, or null when none lists it. */
	Long sealOf(long transferId) {
		return jdbc.sql("""
				SELECT seq FROM ledger_seal WHERE :id > after_id AND :id <= up_to_id AND position(int8send(:id) IN transfers) > 0""")
				.param("id", transferId).query(Long.class).optional().orElse(null);
	}

	@Test
	void aTransferRecordsWhoMovedTheMoneyAndIsSealedOnceCommitted() {
		long customer = customerWithHistory();
		List<Long> ids = transfersOf(customer);
		assertThat(ids).hasSize(10);
		Map<String, Object> freeze = jdbc.sql("SELECT * FROM ledger_transfer WHERE transfer_key = :k").param("k", "C:F:" + customer + ":1")
				.query().singleRow();
		assertThat(freeze.get("actor")).isEqualTo("OPERATOR:42:chain-tester");
		assertThat(freeze.get("ip")).isEqualTo("10.1.2.3");
		assertThat(freeze.get("occurred_at")).isNotNull();

		JsonNode check = verify();
		assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
		assertThat(ledgerCheck(check).get("checked").asLong()).isGreaterThanOrEqualTo(10);
		// the verification sealed everything committed before it: each transfer is listed in exactly one seal
		ids.forEach(id -> assertThat(sealOf(id)).as("seal of transfer %d", id).isNotNull());
		assertThat(jdbc.sql("SELECT seq = (SELECT max(seq) FROM ledger_seal) FROM ledger_seal_head").query(Boolean.class).single()).isTrue();
	}

	@Test
	void aTransferWithoutWhoAndWhenIsSealedAndVerifiedAlike() {
		// as transfers posted before V51 (and with auditing off): no actor, address or time of its own
		long customer = customerWithHistory();
		audit.setEnabledForBenchmark(false);
		try {
			ledger.unfreeze(customer, hkd("1.00"), "C:BARE:" + customer, "Test", "bare", OPERATOR);
		}
		finally {
			audit.setEnabledForBenchmark(true);
		}
		Map<String, Object> bare = jdbc.sql("SELECT * FROM ledger_transfer WHERE transfer_key = :k").param("k", "C:BARE:" + customer)
				.query().singleRow();
		assertThat(bare.get("actor")).isNull();
		assertThat(bare.get("occurred_at")).isNull();
		JsonNode check = verify();
		assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
		assertThat(sealOf((Long) bare.get("id"))).isNotNull();
	}

	@Test
	void verificationNamesATransferAlteredRemovedOrAddedAfterSealing() {
		long customer = customerWithHistory();
		List<Long> ids = transfersOf(customer);
		long victim = ids.get(5);
		assertThat(verify().get("ok").asBoolean()).isTrue();
		jdbc.sql("ALTER TABLE ledger_transfer DISABLE TRIGGER ledger_transfer_no_update").update();
		try {
			// an attacker with database access moves a transfer's amount (and the balances with it, so the books still agree)
			jdbc.sql("UPDATE ledger_transfer SET amount = amount + 1 WHERE id = :id").param("id", victim).update();
			JsonNode altered = verify();
			assertThat(altered.get("ok").asBoolean()).isFalse();
			assertThat(ledgerCheck(altered).get("firstBrokenId").asLong()).isEqualTo(victim);
			assertThat(altered.get("reason").asText()).contains("transfer " + victim).contains("altered");
			jdbc.sql("UPDATE ledger_transfer SET amount = amount - 1 WHERE id = :id").param("id", victim).update();
			assertThat(verify().get("ok").asBoolean()).isTrue();

			// ... or the address it came from
			jdbc.sql("UPDATE ledger_transfer SET ip = '10.9.9.9' WHERE id = :id").param("id", victim).update();
			assertThat(verify().get("reason").asText()).contains("transfer " + victim).contains("altered");
			jdbc.sql("UPDATE ledger_transfer SET ip = '10.1.2.3' WHERE id = :id").param("id", victim).update();

			// removed: its seal still lists it
			Map<String, Object> row = jdbc.sql("SELECT * FROM ledger_transfer WHERE id = :id").param("id", victim).query().singleRow();
			jdbc.sql("DELETE FROM ledger_transfer WHERE id = :id").param("id", victim).update();
			JsonNode removed = verify();
			assertThat(removed.get("ok").asBoolean()).isFalse();
			assertThat(ledgerCheck(removed).get("firstBrokenId").asLong()).isEqualTo(victim);
			assertThat(removed.get("reason").asText()).contains("transfer " + victim).contains("missing");

			// slipped in afterwards under an id the seals cover (one a rolled-back transfer left unused)
			long unused = jdbc.sql("SELECT nextval('ledger_transfer_id_seq')").query(Long.class).single();
			ledger.freeze(customer, hkd("1.00"), "C:LATER:" + customer, "Test", "later", OPERATOR);
			assertThat(verify().get("reason").asText()).contains("transfer " + victim);
			Map<String, Object> forged = new java.util.HashMap<>(row);
			forged.put("id", unused);
			forged.put("transfer_key", "C:FORGED:" + customer);
			restore(forged);
			restore(row);
			JsonNode slipped = verify();
			assertThat(ledgerCheck(slipped).get("firstBrokenId").asLong()).isEqualTo(unused);
			assertThat(slipped.get("reason").asText()).contains("transfer " + unused).contains("added afterwards");
			jdbc.sql("DELETE FROM ledger_transfer WHERE id = :id").param("id", unused).update();
		}
		finally {
			jdbc.sql("ALTER TABLE ledger_transfer ENABLE TRIGGER ledger_transfer_no_update").update();
		}
		assertThat(verify().get("ok").asBoolean()).isTrue();
	}

	@Test
	void verificationFindsASealCutOffTheEndOrAltered() {
		long customer = customerWithHistory();
		assertThat(verify().get("ok").asBoolean()).isTrue();
		Map<String, Object> last = jdbc.sql("SELECT * FROM ledger_seal ORDER BY seq DESC LIMIT 1").query().singleRow();
		assertThat(sealOf(transfersOf(customer).get(9))).isNotNull();
		jdbc.sql("ALTER TABLE ledger_seal DISABLE TRIGGER ledger_seal_no_update").update();
		try {
			jdbc.sql("DELETE FROM ledger_seal WHERE seq = :seq").param("seq", last.get("seq")).update();
			JsonNode cut = verify();
			assertThat(cut.get("ok").asBoolean()).isFalse();
			assertThat(cut.get("reason").asText()).contains("seals removed");
			restoreSeal(last);
			assertThat(verify().get("ok").asBoolean()).isTrue();

			// a seal's list rewritten to agree with an altered transfer no longer matches the seal's own hash
			jdbc.sql("UPDATE ledger_seal SET transfers = set_byte(transfers, 39, (get_byte(transfers, 39) + 1) % 256) WHERE seq = :seq")
					.param("seq", last.get("seq")).update();
			JsonNode altered = verify();
			assertThat(altered.get("reason").asText()).contains("seal " + last.get("seq")).contains("altered");
			jdbc.sql("DELETE FROM ledger_seal WHERE seq = :seq").param("seq", last.get("seq")).update();
			restoreSeal(last);
		}
		finally {
			jdbc.sql("ALTER TABLE ledger_seal ENABLE TRIGGER ledger_seal_no_update").update();
		}
		assertThat(verify().get("ok").asBoolean()).isTrue();
	}

	void restoreSeal(Map<String, Object> seal) {
		jdbc.sql("""
				INSERT INTO ledger_seal (seq, after_id, up_to_id, transfers, prev_hash, hash, sealed_at)
				VALUES (:seq, :after_id, :up_to_id, :transfers, :prev_hash, :hash, :sealed_at)""").params(seal).update();
	}

	void restore(Map<String, Object> row) {
		StringBuilder columns = new StringBuilder();
		StringBuilder values = new StringBuilder();
		row.keySet().forEach(c -> {
			columns.append(columns.isEmpty() ? "" : ", ").append(c);
			values.append(values.isEmpty() ? "" : ", ").append(':').append(c);
		});
		jdbc.sql("INSERT INTO ledger_transfer (" + columns + ") VALUES (" + values + ")").params(row).update();
	}

	@Test
	void theCustomersPageListsTheirTransfersNewestFirstWithWhoMovedThem() {
		List<Long> customers = jdbc.sql("SELECT id FROM customer ORDER BY id LIMIT 2").query(Long.class).list();
		long customer = customers.get(0);
		String run = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L));
		ledger.credit(customer, new Money(Asset.USD, new BigDecimal("7.00")), AccountRef.system(AccountKind.ADJUSTMENT, Asset.USD),
				"L:USD:" + run, "Test", "u", OPERATOR);
		ledger.credit(customer, hkd("100.00"), AccountRef.system(AccountKind.ADJUSTMENT, Asset.HKD), "L:FUND:" + run, "Test", "f", OPERATOR);
		ledger.freeze(customer, hkd("30.00"), "L:F:" + run, "Withdrawal", "W-" + run, OPERATOR);
		ledger.unfreeze(customer, hkd("30.00"), "L:U:" + run, "Withdrawal", "W-" + run, OPERATOR);
		ledger.credit(customers.get(1), hkd("5.00"), AccountRef.system(AccountKind.ADJUSTMENT, Asset.HKD), "L:OTHER:" + run, "Test", "o", OPERATOR);

		TestHttp operations = TestHttp.operator(port, "operations");
		TestHttp.Response first = operations.get("/api/customers/" + customer + "/transfers?size=2");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode items = first.json().get("items");
		assertThat(items.size()).isEqualTo(2);
		assertThat(items.get(0).get("key").asText()).isEqualTo("L:U:" + run);
		assertThat(items.get(0).get("kind").asText()).isEqualTo("UNFREEZE");
		assertThat(items.get(0).get("amount").asText()).isEqualTo("30.00");
		assertThat(items.get(0).get("debit").get("ownerRef").asText()).isEqualTo(Long.toString(customer));
		assertThat(items.get(0).get("debit").get("kind").asText()).isEqualTo("FROZEN");
		assertThat(items.get(0).get("credit").get("kind").asText()).isEqualTo("AVAILABLE");
		assertThat(items.get(0).get("referenceId").asText()).isEqualTo("W-" + run);
		assertThat(items.get(0).get("actor").asText()).isEqualTo("OPERATOR:42:chain-tester");
		assertThat(items.get(0).get("ip").asText()).isEqualTo("10.1.2.3");
		assertThat(items.get(1).get("key").asText()).isEqualTo("L:F:" + run);

		TestHttp.Response second = operations.get("/api/customers/" + customer + "/transfers?size=2&after=" + first.json().get("next").asText());
		assertThat(second.json().get("items").get(0).get("key").asText()).isEqualTo("L:FUND:" + run);
		assertThat(second.body()).doesNotContain("L:OTHER:" + run);
		assertThat(operations.get("/api/customers/" + customer + "/transfers?size=0").status()).isEqualTo(400);
		// one currency: the USD credit is listed, none of the HKD transfers
		JsonNode usd = operations.get("/api/customers/" + customer + "/transfers?asset=USD").json().get("items");
		assertThat(usd.get(0).get("key").asText()).isEqualTo("L:USD:" + run);
		usd.forEach(t -> assertThat(t.get("asset").asText()).isEqualTo("USD"));
		TestHttp.Response badAsset = operations.get("/api/customers/" + customer + "/transfers?asset=XYZ");
		assertThat(badAsset.fieldError("asset")).as(badAsset.body()).contains("unknown asset");
		assertThat(operations.get("/api/customers/999999999/transfers").status()).isEqualTo(404);

		// the same list as a file, in the operator's language: one currency, the customer's own transfers only
		String csv = new String(operations.download("/api/customers/" + customer + "/transfers/export?format=csv&asset=HKD&lang=zh-Hant"),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().skip(1).filter(l -> l.contains("W-" + run))).hasSize(2);
		assertThat(csv).contains("解凍", "凍結", "入帳", "調整帳戶", "可用", "30.00", "Withdrawal W-" + run, "10.1.2.3", "chain-tester (操作員)")
				.doesNotContain("USD", "Test o");
		String english = new String(operations.download("/api/customers/" + customer + "/transfers/export?format=csv"),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(english).contains("Unfreeze", "Available", "USD");
		assertThat(operations.download("/api/customers/" + customer + "/transfers/export?format=xlsx")).startsWith((byte) 'P', (byte) 'K');
		assertThat(operations.get("/api/customers/999999999/transfers/export?format=csv").status()).isEqualTo(404);
	}

	@Test
	void anAdministratorsLedgerOperationIsAuditedAsACommandWithItsRemark() {
		long customer = jdbc.sql("SELECT min(id) FROM customer").query(Long.class).single();
		TestHttp admin = TestHttp.operator(port, "admin");
		String key = "chain-test-" + ThreadLocalRandom.current().nextInt(1_000_000);
		TestHttp.Response r = admin.post("/api/customers/" + customer + "/ledger-operations",
				Map.of("operation", "CREDIT", "asset", "HKD", "amount", "12.30", "key", key, "remark", "opening balance migration"));
		assertThat(r.status()).as(r.body()).isEqualTo(202);
		long workOrder = r.json().get("id").asLong();
		TestHttp.Response approved = TestHttp.operator(port, "approver").post("/api/work-orders/" + workOrder + "/approve", Map.of());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		Map<String, Object> entry = jdbc.sql("SELECT * FROM audit_entry WHERE action = 'LEDGER_ADJUSTMENT' AND entity_id = :c ORDER BY id DESC LIMIT 1")
				.param("c", Long.toString(customer)).query().singleRow();
		assertThat(entry.get("remark")).isEqualTo("opening balance migration");
		assertThat((String) entry.get("changes")).contains("ADMIN:" + key).contains("12.30");
		assertThat(entry.get("actor_name")).as("made by the approval").isEqualTo("approver");
		// a replay proposes nothing new, moves nothing and records nothing
		assertThat(admin.post("/api/customers/" + customer + "/ledger-operations",
				Map.of("operation", "CREDIT", "asset", "HKD", "amount", "12.30", "key", key, "remark", "opening balance migration"))
				.json().get("id").asLong()).isEqualTo(workOrder);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'LEDGER_ADJUSTMENT' AND changes LIKE '%' || :k || '%'")
				.param("k", "ADMIN:" + key).query(Long.class).single()).isEqualTo(1L);
	}
}
