package io.wbo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.wbo.common.Actor;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@WboTest
class AuditChainIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void concurrentWritersProduceAVerifiableChain() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 400; i++) {
			int n = i;
			pool.submit(() -> tx.executeWithoutResult(s -> audit.record(AuditRecord.of(Actor.system("test"), "TEST_WRITE",
					"Test", n, List.of(FieldChange.of("n", null, n))))));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		TestHttp.Response verify = TestHttp.operator(port, "auditor").get("/api/audit/verify");
		assertThat(verify.status()).isEqualTo(200);
		assertThat(verify.json().get("ok").asBoolean()).as(verify.body()).isTrue();
		assertThat(verify.json().get("checked").asLong()).isGreaterThanOrEqualTo(400);
		long chainsUsed = jdbc.sql("SELECT count(DISTINCT chain_no) FROM audit_entry WHERE action = 'TEST_WRITE'").query(Long.class).single();
		assertThat(chainsUsed).as("concurrent writers spread over several chains").isGreaterThan(1);
	}

	@Test
	void theActionFilterOffersEachActionOfTheLogOnceInOrder() {
		for (String action : List.of("TEST_ZULU", "TEST_ALPHA", "TEST_ZULU", "TEST_MIKE", "TEST_ALPHA")) {
			tx.executeWithoutResult(s -> audit.record(AuditRecord.of(Actor.system("test"), action, "Test", 1, List.of())));
		}
		TestHttp.Response actions = TestHttp.operator(port, "auditor").get("/api/audit/actions");
		assertThat(actions.status()).isEqualTo(200);
		List<String> offered = new java.util.ArrayList<>();
		actions.json().forEach(a -> offered.add(a.asText()));
		assertThat(offered).isEqualTo(jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list())
				.containsSubsequence("TEST_ALPHA", "TEST_MIKE", "TEST_ZULU").doesNotHaveDuplicates();
	}

	@Test
	void entriesCannotBeUpdatedOrDeletedThroughSql() {
		long id = jdbc.sql("SELECT max(id) FROM audit_entry").query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET remark = 'x' WHERE id = :id").param("id", id).update())
				.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = :id").param("id", id).update())
				.hasMessageContaining("append-only");
	}

	@Test
	void verificationNamesTheRowAlteredInTheMiddleOfTheChain() {
		for (int i = 0; i < 30; i++) {
			int n = i;
			tx.executeWithoutResult(s -> audit.record(AuditRecord.of(Actor.system("test"), "TAMPER_TARGET", "Test", n,
					List.of(FieldChange.of("amount", "100.00", "200.00")))));
		}
		List<Long> ids = jdbc.sql("SELECT id FROM audit_entry WHERE action = 'TAMPER_TARGET' ORDER BY id").query(Long.class).list();
		long victim = ids.get(ids.size() / 2);
		String original = jdbc.sql("SELECT changes FROM audit_entry WHERE id = :id").param("id", victim).query(String.class).single();
		TestHttp auditor = TestHttp.operator(port, "auditor");
		try {
			// an attacker with database access, bypassing the append-only trigger
			jdbc.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update").update();
			jdbc.sql("UPDATE audit_entry SET changes = replace(changes, '200.00', '999.00') WHERE id = :id").param("id", victim).update();
			TestHttp.Response verify = auditor.get("/api/audit/verify");
			assertThat(verify.json().get("ok").asBoolean()).isFalse();
			assertThat(verify.json().get("firstBrokenId").asLong()).isEqualTo(victim);
			assertThat(verify.json().get("reason").asText()).contains("altered");
		}
		finally {
			jdbc.sql("UPDATE audit_entry SET changes = :c WHERE id = :id").param("c", original).param("id", victim).update();
			jdbc.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update").update();
		}
		assertThat(auditor.get("/api/audit/verify").json().get("ok").asBoolean()).isTrue();
	}

	@Test
	void searchFiltersByEntityAndActor() {
		TestHttp auditor = TestHttp.operator(port, "auditor");
		TestHttp.Response page = auditor.get("/api/audit?actor=auditor&action=OPERATOR_LOGIN&size=5");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("items").size()).isGreaterThan(0);
		page.json().get("items").forEach(e -> {
			assertThat(e.get("actor").asText()).isEqualTo("auditor");
			assertThat(e.get("action").asText()).isEqualTo("OPERATOR_LOGIN");
		});
		assertThat(auditor.get("/api/audit?size=0").status()).isEqualTo(400);
		TestHttp.Response badDate = auditor.get("/api/audit?from=yesterday");
		assertThat(badDate.fieldError("from")).as(badDate.body()).isNotNull();
		// a day alone is no time: the auditor is told the form the filter takes (it said "has an invalid value")
		assertThat(auditor.get("/api/audit?from=2026-12-01").fieldError("from")).isEqualTo("must be a time with offset (2026-12-04T08:00:00Z)");
		assertThat(auditor.speaking("zh-HK").get("/api/audit?to=2026-12-01").fieldError("to")).isEqualTo("必須為附時區偏移的時間（2026-12-04T08:00:00Z）");
		assertThat(TestHttp.operator(port, "checker").get("/api/work-orders?from=2026-12-01").fieldError("from"))
				.isEqualTo("must be a time with offset (2026-12-04T08:00:00Z)");
		assertThat(TestHttp.operator(port, "maker").get("/api/audit").status()).isEqualTo(403);
	}
}
