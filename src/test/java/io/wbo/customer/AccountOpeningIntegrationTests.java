package io.wbo.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.wbo.audit.IntegrationGuard;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The account-opening system's signed endpoint. */
@WboTest
class AccountOpeningIntegrationTests {

	static final String SECRET = "test-account-opening-secret";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp.Response send(String body, String signature) {
		return TestHttp.anonymous(port).postRaw("/api/integrations/account-opening", body,
				signature == null ? Map.of() : Map.of(IntegrationGuard.HEADER, signature));
	}

	static String sign(String body) {
		return IntegrationGuard.sign(SECRET, body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aSignedReportCreatesThenOpensTheCustomer() {
		String opening = """
				{"customerNo":"700001","status":"OPENING","nameEn":"Lai Wing Hong","nameZh":"黎永康","phone":"+852 6123 0001"}""";
		TestHttp.Response created = send(opening, sign(opening));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		assertThat(created.json().get("openingStatus").asText()).isEqualTo("OPENING");
		String opened = """
				{"customerNo":"700001","status":"OPENED","accountNo":"M70000001"}""";
		TestHttp.Response updated = send(opened, sign(opened));
		assertThat(updated.json().get("openingStatus").asText()).isEqualTo("OPENED");
		assertThat(updated.json().get("accountNo").asText()).isEqualTo("M70000001");
		long id = updated.json().get("id").asLong();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'Customer' AND entity_id = :id AND actor_kind = 'INTEGRATION'")
				.param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aReportSignedBeforeTheLastAppliedIsRefusedAndChangesNothing() {
		java.time.Instant t0 = java.time.Instant.now().minusSeconds(60);
		String opening = """
				{"customerNo":"700002","status":"OPENING","nameEn":"Ho Ka Man"}""";
		String openingSignature = IntegrationGuard.sign(SECRET, opening.getBytes(StandardCharsets.UTF_8), t0);
		assertThat(send(opening, openingSignature).status()).isEqualTo(200);
		String opened = """
				{"customerNo":"700002","status":"OPENED","accountNo":"M70000002"}""";
		String openedSignature = IntegrationGuard.sign(SECRET, opened.getBytes(StandardCharsets.UTF_8), t0.plusSeconds(30));
		assertThat(send(opened, openedSignature).json().get("openingStatus").asText()).isEqualTo("OPENED");

		// the OPENING report recorded on the way and sent again, its signature still within the five minutes
		TestHttp.Response replayed = send(opening, openingSignature);
		assertThat(replayed.status()).as(replayed.body()).isEqualTo(409);
		assertThat(replayed.json().get("detail").asText()).contains("700002", "Hong Kong time");
		assertThat(jdbc.sql("SELECT opening_status FROM customer WHERE customer_no = '700002'").query(String.class).single()).isEqualTo("OPENED");
		// the last report again changes nothing either way
		assertThat(send(opened, openedSignature).json().get("openingStatus").asText()).isEqualTo("OPENED");
	}

	@Test
	void aBadOrMissingSignatureIsRefusedAndAudited() {
		String body = """
				{"customerNo":"100001","status":"CLOSED"}""";
		long before = rejections();
		TestHttp.Response forged = send(body, IntegrationGuard.sign("guessed-secret", body.getBytes(StandardCharsets.UTF_8)));
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.json().get("type").asText()).endsWith("bad-signature");
		assertThat(send(body, null).status()).isEqualTo(401);
		String tampered = body.replace("CLOSED", "REJECTED");
		assertThat(send(tampered, sign(body)).status()).isEqualTo(401);
		assertThat(rejections()).isEqualTo(before + 3);
		assertThat(jdbc.sql("SELECT opening_status FROM customer WHERE customer_no = '100001'").query(String.class).single()).isEqualTo("OPENED");
	}

	@Test
	void aSignedButInvalidReportNamesTheField() {
		String body = """
				{"customerNo":"100001","status":"HALF_OPEN"}""";
		TestHttp.Response r = send(body, sign(body));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.fieldError("status")).isNotNull();
	}

	long rejections() {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'INTEGRATION_SIGNATURE_REJECTED'").query(Long.class).single();
	}
}
