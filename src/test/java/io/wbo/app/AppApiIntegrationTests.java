package io.wbo.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The APP API: bearer tokens, and a customer only ever sees their own data. */
@WboTest
class AppApiIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aCustomerSeesTheirOwnProfileBalancesAndCards() {
		TestHttp chan = TestHttp.customer(port, "100001");
		TestHttp.Response me = chan.get("/app/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("customerNo").asText()).isEqualTo("100001");
		assertThat(me.json().get("openingStatus").asText()).isEqualTo("OPENED");
		TestHttp.Response balances = chan.get("/app/v1/balances");
		assertThat(balances.json().size()).isGreaterThan(0);
		balances.json().forEach(b -> {
			assertThat(b.get("available").isString()).as("amounts are strings").isTrue();
			assertThat(b.get("withdrawable").asText()).isEqualTo(b.get("available").asText());
		});
		TestHttp.Response cards = chan.get("/app/v1/bank-cards");
		assertThat(cards.json().size()).isGreaterThan(0);
		assertThat(cards.json().get(0).get("accountNo").asText()).contains("*");
	}

	@Test
	void twoCustomersNeverSeeEachOthersData() {
		TestHttp a = TestHttp.customer(port, "100002");
		TestHttp b = TestHttp.customer(port, "100003");
		assertThat(a.get("/app/v1/me").json().get("customerNo").asText()).isEqualTo("100002");
		assertThat(b.get("/app/v1/me").json().get("customerNo").asText()).isEqualTo("100003");
		assertThat(a.get("/app/v1/balances").body()).isNotEqualTo(b.get("/app/v1/balances").body());
		assertThat(a.get("/app/v1/bank-cards").body()).isNotEqualTo(b.get("/app/v1/bank-cards").body());
	}

	@Test
	void requestsWithoutAValidTokenAreRefused() {
		TestHttp anonymous = TestHttp.anonymous(port);
		TestHttp.Response r = anonymous.get("/app/v1/me");
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.header("content-type")).contains("problem+json");
		TestHttp.Response forged = anonymous.postRaw("/app/v1/me", "", Map.of("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMDAwMDEifQ.x"));
		assertThat(forged.status()).isEqualTo(401);
		assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(forged.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
		assertThat(anonymous.post("/app/v1/dev/token", Map.of("customerNo", "999999")).fieldError("customerNo")).isNotNull();
	}

	@Test
	void anOperatorSessionDoesNotOpenTheAppApi() {
		TestHttp maker = TestHttp.operator(port, "maker");
		assertThat(maker.get("/app/v1/me").status()).isEqualTo(401);
	}
}
