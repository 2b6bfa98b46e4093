package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The risk rules that look at the customer's recent withdrawals (X-7 DAILY_LIMIT, FREQUENCY_24H), read from the
 * database: what counts (open and finished applications, not rejected or deleted ones) and over which window. In a class
 * of its own: it changes the global risk settings.
 */
@WboTest
class RiskActivityIntegrationTests extends WithdrawalIntegrationTest {

	@Test
	void todaysTotalAndTheCountOf24HoursCountTheCustomersLiveApplicationsOfTheWindowOnly() {
		TestHttp admin = TestHttp.operator(port, "admin");
		JsonNode current = admin.get("/api/risk/settings").json().get("settings");
		Map<String, Object> settings = new HashMap<>(JsonMapper.builder().build().convertValue(current, Map.class));
		settings.put("maxWithdrawals24h", 2);
		settings.put("limits", List.of(Map.of("currency", "HKD", "dailyLimit", "250.00", "largeAmount", "100000.00")));
		assertThat(admin.put("/api/risk/settings", settings).status()).isEqualTo(200);

		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		WithdrawalFixtures.TestCustomer other = fx.customer("1000.00");
		long a = fx.manual(maker, c, "100.00", "0");
		assertThat(checked(a).get("status").asText()).isEqualTo("RISK_PASSED");
		long b = fx.manual(maker, c, "100.00", "0");
		assertThat(checked(b).get("status").asText()).isEqualTo("RISK_PASSED");
		// another customer's applications are theirs alone
		assertThat(checked(fx.manual(maker, other, "200.00", "0")).get("status").asText()).isEqualTo("RISK_PASSED");

		// a rejected application no longer counts
		assertThat(maker.post("/api/withdrawals/reject", Map.of("ids", List.of(b), "reason", "duplicate")).status()).isEqualTo(200);
		long d = fx.manual(maker, c, "100.00", "0");
		assertThat(checked(d).get("status").asText()).isEqualTo("RISK_PASSED"); // a and d: 2 in 24 h, 200.00 today

		long e = fx.manual(maker, c, "100.00", "0");
		JsonNode failed = checked(e);
		assertThat(failed.get("status").asText()).isEqualTo("RISK_FAILED");
		assertThat(failed.get("riskReasons").toString()).contains("FREQUENCY_24H", "3 withdrawals in 24 hours", "DAILY_LIMIT", "300.00 HKD");

		// older than 24 hours (and so before today): out of both windows
		jdbc.sql("UPDATE withdrawal SET created_at = now() - interval '25 hours' WHERE id IN (:ids)").param("ids", List.of(a, d)).update();
		long f = fx.manual(maker, c, "100.00", "0");
		assertThat(checked(f).get("status").asText()).as("e and f: 2 in 24 h, 200.00 today").isEqualTo("RISK_PASSED");
	}

	private JsonNode checked(long id) {
		JsonNode[] last = new JsonNode[1];
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
			last[0] = maker.get("/api/withdrawals/" + id).json().get("withdrawal");
			return !"RISK_CHECKING".equals(last[0].get("status").asText());
		});
		return last[0];
	}
}
