package io.wbo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.wbo.audit.AuditLog;
import io.wbo.common.startup.InvalidSettingException;
import io.wbo.common.startup.InvalidSettingFailureAnalyzer;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** How the first operators come to be: WBO_ADMIN_PASSWORD on an empty database, WBO_DEMO_PASSWORD for the demo ones. */
@WboTest
@ExtendWith(OutputCaptureExtension.class)
class FirstOperatorsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OperatorStore operators;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AuditLog audit;

	@Autowired
	DemoOperators demo;

	@Autowired
	PlatformTransactionManager transactions;

	/** An empty database without the demo data, undone afterwards: the other tests need the demo operators. */
	void onAnEmptyDatabase(Runnable body) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("DELETE FROM operator").update();
			body.run();
			status.setRollbackOnly();
		});
	}

	@Test
	void withoutWboAdminPasswordTheStartSaysThatNobodyCanLogIn(CapturedOutput output) {
		onAnEmptyDatabase(() -> {
			new AdminBootstrap(operators, passwords, audit, "", new MockEnvironment()).run(null);
			assertThat(operators.any()).isFalse();
		});
		assertThat(output).contains("no operator exists, so nobody can log in: restart with WBO_ADMIN_PASSWORD");
	}

	@Test
	void theDemoProfileDoesNotWarnSinceItCreatesItsOperatorsNext(CapturedOutput output) {
		MockEnvironment demoProfile = new MockEnvironment();
		demoProfile.setActiveProfiles("demo");
		onAnEmptyDatabase(() -> new AdminBootstrap(operators, passwords, audit, "", demoProfile).run(null));
		assertThat(output).doesNotContain("nobody can log in");
	}

	@Test
	void wboAdminPasswordCreatesTheFirstAdmin() {
		onAnEmptyDatabase(() -> {
			new AdminBootstrap(operators, passwords, audit, "First-Admin-Pw-2026", new MockEnvironment()).run(null);
			Operator admin = operators.byUsername("admin").orElseThrow();
			assertThat(admin.roles()).containsExactly("SYSTEM_ADMIN");
			assertThat(passwords.matches("First-Admin-Pw-2026", admin.passwordHash())).isTrue();
		});
	}

	@Test
	void aTooShortWboAdminOrDemoPasswordStopsTheStartByName() {
		onAnEmptyDatabase(() -> {
			assertThatThrownBy(() -> new AdminBootstrap(operators, passwords, audit, "short", new MockEnvironment()).run(null))
					.isInstanceOf(InvalidSettingException.class).hasMessage("WBO_ADMIN_PASSWORD must be at least 8 characters");
			assertThat(operators.any()).isFalse();
		});
		assertThatThrownBy(() -> new DemoOperators(null, operators, passwords, "short").run(null))
				.isInstanceOf(InvalidSettingException.class).hasMessage("WBO_DEMO_PASSWORD must be at least 8 characters");
		FailureAnalysis analysis = new InvalidSettingFailureAnalyzer()
				.analyze(new IllegalStateException("Failed to execute ApplicationRunner", new InvalidSettingException("WBO_DEMO_PASSWORD", "must be at least 8 characters")));
		assertThat(analysis.getDescription()).isEqualTo("WBO_DEMO_PASSWORD must be at least 8 characters.");
		assertThat(analysis.getAction()).startsWith("Set WBO_DEMO_PASSWORD");
	}

	@Test
	void aLaterStartWithWboDemoPasswordReplacesThePublishedPasswordButNoChosenOne() {
		// a machine first started without WBO_DEMO_PASSWORD: its demo operators have the README's password
		jdbc.sql("UPDATE operator SET password_hash = :h WHERE username IN ('maker', 'finance')")
				.param("h", passwords.encode(DemoOperators.PUBLISHED_PASSWORD)).update();
		jdbc.sql("UPDATE operator SET password_hash = :h WHERE username = 'checker'").param("h", passwords.encode("checker-chose-this")).update();

		demo.run(null); // the next start, with WBO_DEMO_PASSWORD (the tests' wbo.demo.password)

		TestHttp http = TestHttp.anonymous(port);
		for (String username : new String[] { "maker", "finance" }) {
			assertThat(login(http, username, DemoOperators.PUBLISHED_PASSWORD)).as(username).isEqualTo(401);
			assertThat(login(http, username, TestHttp.PASSWORD)).as(username).isEqualTo(200);
		}
		assertThat(login(http, "checker", "checker-chose-this")).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'OPERATOR_PASSWORD_RESET'").query(Long.class).single())
				.isEqualTo(2);
	}

	int login(TestHttp http, String username, String password) {
		return http.post("/api/auth/login", Map.of("username", username, "password", password)).status();
	}
}
