package io.wbo.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.wbo.audit.IntegrationGuard;
import io.wbo.common.Hashing;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@WboTest
class BankApiTests {

	static final String SECRET = "test-bank-webhook-secret";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long account;

	@BeforeEach
	void setUp() {
		account = StatementFixtures.account(jdbc);
	}

	TestHttp.Response push(String body, String signature) {
		return TestHttp.anonymous(port).postRaw("/api/integrations/bank-statements", body, Map.of(IntegrationGuard.HEADER, signature));
	}

	String body() {
		return """
				{"accountId": %d, "lines": [
				  {"direction": "IN", "amount": "15000.00", "currency": "HKD", "bookingDate": "2032-03-01", "bankReference": "GW-1",
				   "counterpartyName": "陳大文", "counterpartyAccount": "004-123-456789-001"},
				  {"direction": "OUT", "amount": "35.00", "currency": "HKD", "bookingDate": "2032-03-01", "description": "BANK CHARGES"}
				]}""".formatted(account);
	}

	@Test
	void storesSignedPushesOnceAndRefusesBadSignatures() {
		String body = body();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		TestHttp.Response bad = push(body, "t=" + java.time.Instant.now().getEpochSecond() + ",sha256=" + "0".repeat(64));
		assertThat(bad.status()).isEqualTo(401);
		assertThat(push(body, IntegrationGuard.sign("another-secret", bytes)).status()).isEqualTo(401);
		// the signature without a time (the old format) is a replay waiting to happen: refused
		assertThat(push(body, "sha256=" + Hashing.hmacSha256(SECRET, bytes)).status()).isEqualTo(401);
		// a request recorded six minutes ago, sent again: refused, though its signature is right for its time
		TestHttp.Response stale = push(body, IntegrationGuard.sign(SECRET, bytes, java.time.Instant.now().minusSeconds(360)));
		assertThat(stale.status()).isEqualTo(401);
		assertThat(stale.json().get("detail").asText()).contains("5 minutes");
		assertThat(push(body, IntegrationGuard.sign(SECRET, bytes, java.time.Instant.now().plusSeconds(360))).status()).isEqualTo(401);
		// the time is signed: moving it on makes the signature wrong
		String fresh = IntegrationGuard.sign(SECRET, bytes);
		long t = Long.parseLong(fresh.substring(2, fresh.indexOf(',')));
		assertThat(push(body, "t=" + (t + 1) + fresh.substring(fresh.indexOf(','))).status()).isEqualTo(401);
		JsonNode audit = TestHttp.operator(port, "auditor").get("/api/audit?entityType=Integration&entityId=bank-statements").json().get("items");
		assertThat(audit.get(0).get("action").asText()).isEqualTo("INTEGRATION_SIGNATURE_REJECTED");
		assertThat(audit.toString()).contains("5 minutes");

		String signature = IntegrationGuard.sign(SECRET, body.getBytes(StandardCharsets.UTF_8));
		TestHttp.Response first = push(body, signature);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("created").asInt()).isEqualTo(2);
		TestHttp.Response replay = push(body, signature);
		assertThat(replay.json().get("created").asInt()).isZero();
		assertThat(replay.json().get("duplicates").asInt()).isEqualTo(2);

		JsonNode lines = TestHttp.operator(port, "finance").get("/api/statements?accountId=" + account).json().get("items");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).get("source").asText()).isEqualTo("API");
	}

	@Test
	void refusesBadLinesNamingTheField() {
		String body = """
				{"accountId": %d, "lines": [{"direction": "SIDEWAYS", "amount": "1.001", "currency": "HKD", "bookingDate": "2032-02-30"}]}"""
				.formatted(account);
		TestHttp.Response r = push(body, IntegrationGuard.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.fieldError("lines[0].direction")).isNotNull();
		assertThat(r.fieldError("lines[0].amount")).isNotNull();
		assertThat(r.fieldError("lines[0].bookingDate")).isNotNull();
	}

	@Test
	void pullsTheSandboxBankAndShowsTheLastRun() {
		TestHttp finance = TestHttp.operator(port, "finance");
		TestHttp.Response first = finance.post("/api/bank-connections/" + account + "/pull", Map.of());
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("lastStatus").asText()).isEqualTo("OK");
		assertThat(first.json().get("linesCreated").asInt()).isPositive();
		TestHttp.Response second = finance.post("/api/bank-connections/" + account + "/pull", Map.of());
		assertThat(second.json().get("linesCreated").asInt()).isZero();
		List<JsonNode> connections = new java.util.ArrayList<>();
		finance.get("/api/bank-connections").json().forEach(connections::add);
		JsonNode mine = connections.stream().filter(c -> c.get("accountId").asLong() == account).findFirst().orElseThrow();
		assertThat(mine.get("connector").asText()).isEqualTo("sandbox");
		assertThat(mine.get("lastPull").get("lastStatus").asText()).isEqualTo("OK");
	}
}
