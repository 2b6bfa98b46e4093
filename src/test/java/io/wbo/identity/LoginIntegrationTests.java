package io.wbo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.wbo.identity.internal.TotpCodes;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@WboTest
class LoginIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	void createOperator(String username) {
		TestHttp.Response r = TestHttp.operator(port, "admin").post("/api/operators",
				Map.of("username", username, "displayName", "Test " + username, "password", TestHttp.PASSWORD, "roles", List.of("MAKER")));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	TestHttp.Response login(TestHttp http, String username, String password) {
		return http.post("/api/auth/login", Map.of("username", username, "password", password));
	}

	@Test
	void loggingInReplacesACsrfTokenKnownBeforehand() {
		TestHttp browser = TestHttp.anonymous(port);
		browser.plantCsrf("known-to-an-attacker");
		TestHttp.Response in = login(browser, "maker", TestHttp.PASSWORD);
		assertThat(in.status()).isEqualTo(200);
		assertThat(browser.csrfToken()).isNotNull().isNotEqualTo("known-to-an-attacker");
		// the console reads the token from the cookie before each change: it goes on with the new one
		TestHttp.Response withNew = browser.post("/api/auth/totp/enrol", Map.of());
		assertThat(withNew.status()).as(withNew.body()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
		TestHttp http = TestHttp.anonymous(port);
		TestHttp.Response wrong = login(http, "maker", "not-the-password");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("type").asText()).endsWith("bad-credentials");
		TestHttp.Response unknown = login(http, "no-such-user", "whatever-123");
		assertThat(unknown.json().get("detail").asText()).isEqualTo(wrong.json().get("detail").asText());
		assertThat(http.get("/api/auth/me").status()).isEqualTo(401);
	}

	@Test
	void everyFailedLoginIsAuditedWithTheUsernameTriedAndTheAddressButNeverThePassword() {
		TestHttp http = TestHttp.anonymous(port);
		assertThat(login(http, "checker", "guess-number-one").status()).isEqualTo(401);
		assertThat(login(http, "nobody-by-that-name", "guess-number-two").status()).isEqualTo(401);
		List<Map<String, Object>> failures = jdbc.sql("""
				SELECT * FROM audit_entry WHERE action = 'OPERATOR_LOGIN_FAILED' AND (changes LIKE '%guess%' OR changes LIKE '%nobody-by-that-name%'
				   OR (actor_name = 'checker' AND changes LIKE '%WRONG_PASSWORD%')) ORDER BY id""").query().listOfRows();
		assertThat(failures).hasSize(2);
		assertThat(failures.get(0).get("actor_name")).isEqualTo("checker");
		assertThat((String) failures.get(1).get("changes")).contains("nobody-by-that-name").contains("UNKNOWN_USERNAME");
		assertThat(failures).allSatisfy(f -> {
			assertThat((String) f.get("ip")).isNotBlank().isNotEqualTo("-");
			assertThat(f.toString()).doesNotContain("guess-number");
		});
	}

	@Test
	void usernamesAreOneRegardlessOfCase() {
		TestHttp upper = TestHttp.anonymous(port);
		assertThat(login(upper, "MAKER", TestHttp.PASSWORD).status()).isEqualTo(200);
		assertThat(upper.get("/api/auth/me").json().get("username").asText()).isEqualTo("maker");
		TestHttp.Response twin = TestHttp.operator(port, "admin").post("/api/operators",
				Map.of("username", "Maker", "displayName", "Another maker", "password", TestHttp.PASSWORD, "roles", List.of("MAKER")));
		assertThat(twin.status()).isEqualTo(400);
		assertThat(twin.fieldError("username")).isEqualTo("is already taken");
		assertThat(jdbc.sql("SELECT count(*) FROM operator WHERE lower(username) = 'maker'").query(Long.class).single()).isEqualTo(1L);
	}

	@Test
	void fiveFailuresLockTheAccountForFifteenMinutesAndAreAudited() {
		createOperator("lockme");
		TestHttp http = TestHttp.anonymous(port);
		for (int i = 0; i < 4; i++) {
			assertThat(login(http, "lockme", "wrong-password").status()).isEqualTo(401);
		}
		TestHttp.Response fifth = login(http, "lockme", "wrong-password");
		assertThat(fifth.status()).isEqualTo(423);
		Instant until = Instant.parse(fifth.json().get("lockedUntil").asText());
		assertThat(until).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(16 * 60));
		TestHttp.Response rightPasswordWhileLocked = login(http, "lockme", TestHttp.PASSWORD);
		assertThat(rightPasswordWhileLocked.status()).isEqualTo(423);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'OPERATOR_LOCKED' AND actor_name = 'lockme'")
				.query(Long.class).single()).isEqualTo(1);
		// the lock ends by itself; simulate the 15 minutes passing
		jdbc.sql("UPDATE operator SET locked_until = now() - interval '1 second' WHERE username = 'lockme'").update();
		assertThat(login(http, "lockme", TestHttp.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void anEnrolledOperatorNeedsTheirAuthenticatorCode() {
		createOperator("totpuser");
		TestHttp http = TestHttp.operator(port, "totpuser");
		TestHttp.Response enrol = http.post("/api/auth/totp/enrol", Map.of());
		String secret = enrol.json().get("secret").asText();
		assertThat(enrol.json().get("otpauthUri").asText()).startsWith("otpauth://totp/wbo:totpuser");
		assertThat(http.post("/api/auth/totp/confirm", Map.of("code", "000000")).fieldError("code")).isNotNull();
		String confirmed = TotpCodes.now(secret);
		assertThat(http.post("/api/auth/totp/confirm", Map.of("code", confirmed)).status()).isEqualTo(200);
		assertThat(http.get("/api/auth/me").json().get("totpEnabled").asBoolean()).isTrue();

		TestHttp fresh = TestHttp.anonymous(port);
		TestHttp.Response step = login(fresh, "totpuser", TestHttp.PASSWORD);
		assertThat(step.status()).isEqualTo(401);
		assertThat(step.json().get("type").asText()).endsWith("totp-required");
		TestHttp.Response badCode = fresh.post("/api/auth/login", Map.of("username", "totpuser", "password", TestHttp.PASSWORD, "totp", "123456"));
		assertThat(badCode.json().get("type").asText()).endsWith("totp-invalid");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'OPERATOR_LOGIN_FAILED' AND actor_name = 'totpuser' AND changes LIKE '%WRONG_TOTP%'")
				.query(Long.class).single()).isEqualTo(1L);
		// the code that confirmed the enrolment was used up there
		TestHttp.Response confirmingCode = fresh.post("/api/auth/login",
				Map.of("username", "totpuser", "password", TestHttp.PASSWORD, "totp", confirmed));
		assertThat(confirmingCode.status()).isEqualTo(401);
		assertThat(confirmingCode.json().get("detail").asText()).contains("already used");
		String code = TotpCodes.next(secret);
		TestHttp.Response ok = fresh.post("/api/auth/login", Map.of("username", "totpuser", "password", TestHttp.PASSWORD, "totp", code));
		assertThat(ok.status()).isEqualTo(200);
		assertThat(fresh.get("/api/auth/me").json().get("username").asText()).isEqualTo("totpuser");

		// a code accepted once is refused when presented again, inside its window, and so is an older one
		TestHttp.Response replayed = TestHttp.anonymous(port).post("/api/auth/login",
				Map.of("username", "totpuser", "password", TestHttp.PASSWORD, "totp", code));
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.json().get("type").asText()).endsWith("totp-invalid");
		assertThat(replayed.json().get("detail").asText()).contains("already used");
		assertThat(TestHttp.anonymous(port).post("/api/auth/login",
				Map.of("username", "totpuser", "password", TestHttp.PASSWORD, "totp", TotpCodes.now(secret))).status()).isEqualTo(401);
		assertThat(fresh.post("/api/auth/totp/disable", Map.of("code", code)).fieldError("code")).contains("already used");
	}

	@Test
	void aDisabledOperatorLosesAccessAtOnceAndLogoutEndsTheSession() {
		createOperator("leaver");
		TestHttp leaver = TestHttp.operator(port, "leaver");
		assertThat(leaver.get("/api/customers?size=1").status()).isEqualTo(200);
		long id = jdbc.sql("SELECT id FROM operator WHERE username = 'leaver'").query(Long.class).single();
		TestHttp admin = TestHttp.operator(port, "admin");
		assertThat(admin.post("/api/operators/" + id + "/disable", Map.of()).json().get("enabled").asBoolean()).isFalse();
		assertThat(leaver.get("/api/customers?size=1").status()).isEqualTo(401);
		assertThat(login(TestHttp.anonymous(port), "leaver", TestHttp.PASSWORD).status()).isEqualTo(401);

		TestHttp maker = TestHttp.operator(port, "maker");
		long logouts = jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'OPERATOR_LOGOUT' AND actor_name = 'maker'").query(Long.class).single();
		assertThat(maker.post("/api/auth/logout", Map.of()).status()).isEqualTo(200);
		assertThat(maker.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'OPERATOR_LOGOUT' AND actor_name = 'maker'").query(Long.class).single())
				.isEqualTo(logouts + 1);
	}

	@Test
	void aNewPasswordEndsTheOperatorsOtherSessions() {
		createOperator("twodesks");
		TestHttp desk = TestHttp.operator(port, "twodesks");
		TestHttp laptop = TestHttp.operator(port, "twodesks");
		TestHttp.Response changed = desk.post("/api/auth/password",
				Map.of("currentPassword", TestHttp.PASSWORD, "newPassword", "another-password-2"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(desk.get("/api/auth/me").status()).as("the session it was changed from stays").isEqualTo(200);
		assertThat(laptop.get("/api/auth/me").status()).as("every other session ends").isEqualTo(401);

		// an administrator's reset ends them all
		TestHttp laptopAgain = TestHttp.anonymous(port);
		assertThat(login(laptopAgain, "twodesks", "another-password-2").status()).isEqualTo(200);
		long id = jdbc.sql("SELECT id FROM operator WHERE username = 'twodesks'").query(Long.class).single();
		TestHttp.Response reset = TestHttp.operator(port, "admin").post("/api/operators/" + id + "/reset-password",
				Map.of("password", TestHttp.PASSWORD));
		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		assertThat(desk.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(laptopAgain.get("/api/auth/me").status()).isEqualTo(401);
		assertThat(login(TestHttp.anonymous(port), "twodesks", TestHttp.PASSWORD).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT changes FROM audit_entry WHERE action = 'OPERATOR_PASSWORD_RESET' AND entity_id = :id")
				.param("id", Long.toString(id)).query(String.class).single()).contains("sessionsEnded");
	}

	@Test
	void passwordsAreStoredHashed() {
		String hash = jdbc.sql("SELECT password_hash FROM operator WHERE username = 'maker'").query(String.class).single();
		assertThat(hash).startsWith("$2").doesNotContain(TestHttp.PASSWORD);
	}

	@Test
	void sessionsLiveInTheDatabase() {
		TestHttp.operator(port, "checker");
		assertThat(jdbc.sql("SELECT count(*) FROM spring_session").query(Long.class).single())
				.isGreaterThan(0);
	}

	@Test
	void everyOperatorMayReadTheDirectoryOfNamesButNotTheAdministration() {
		TestHttp maker = TestHttp.operator(port, "maker");
		TestHttp.Response directory = maker.get("/api/operator-directory");
		assertThat(directory.status()).isEqualTo(200);
		List<String> usernames = new java.util.ArrayList<>();
		directory.json().forEach(o -> usernames.add(o.get("username").asText()));
		assertThat(usernames).contains("admin", "maker", "checker", "approver");
		assertThat(directory.body()).doesNotContain("password").doesNotContain("$2a$");
		assertThat(maker.get("/api/operators").status()).isEqualTo(403);
	}
}
