package io.wbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import io.wbo.withdrawal.WithdrawalFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of wbo on one database, as behind a load balancer: a console session started on one is valid on the
 * other, and background jobs (risk checks) scheduled by one are each carried out exactly once between the two.
 */
@WboTest
class TwoInstancesIntegrationTests {

	static ConfigurableApplicationContext second;
	static int secondPort;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate tx;

	@BeforeAll
	static void startASecondInstance(@Autowired Environment env) {
		second = new SpringApplicationBuilder(WboApplication.class).profiles("demo", "test")
				.properties(Map.of("server.port", "0", "spring.datasource.url", env.getProperty("spring.datasource.url"),
						"spring.datasource.username", "postgres", "spring.datasource.password", "postgres"))
				.run();
		secondPort = second.getEnvironment().getProperty("local.server.port", Integer.class);
	}

	@AfterAll
	static void stopIt() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aSessionStartedOnOneInstanceWorksOnTheOther() {
		TestHttp first = TestHttp.operator(port, "maker");
		TestHttp sameBrowserOnSecond = first.onPort(secondPort);
		assertThat(sameBrowserOnSecond.get("/api/auth/me").json().get("username").asText()).isEqualTo("maker");
		assertThat(sameBrowserOnSecond.post("/api/auth/logout", Map.of()).status()).isEqualTo(200);
		assertThat(first.get("/api/auth/me").status()).as("logged out everywhere").isEqualTo(401);
	}

	@Test
	void jobsScheduledOnOneInstanceRunOnceAcrossBoth() {
		WithdrawalFixtures fixtures = new WithdrawalFixtures(jdbc, ledger, tx, port);
		WithdrawalFixtures.TestCustomer customer = fixtures.customer("100000.00");
		TestHttp makerOnFirst = TestHttp.operator(port, "maker");
		TestHttp makerOnSecond = TestHttp.operator(secondPort, "maker");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			ids.add(fixtures.manual(i % 2 == 0 ? makerOnFirst : makerOnSecond, customer, "10.00", "1.00"));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE action IN ('WITHDRAWAL_RISK_PASSED', 'WITHDRAWAL_RISK_FAILED')
				AND entity_id IN (:ids)""").param("ids", ids.stream().map(String::valueOf).toList()).query(Long.class).single() == 20);
		Map<String, Long> perWithdrawal = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT entity_id, count(*) AS n FROM audit_entry WHERE action IN ('WITHDRAWAL_RISK_PASSED', 'WITHDRAWAL_RISK_FAILED')
				AND entity_id IN (:ids) GROUP BY entity_id""").param("ids", ids.stream().map(String::valueOf).toList())
				.query(rs -> {
					perWithdrawal.put(rs.getString(1), rs.getLong(2));
				});
		assertThat(perWithdrawal).hasSize(20).allSatisfy((id, n) -> assertThat(n).as("risk checks of " + id).isEqualTo(1));
	}
}
