package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.wbo.common.web.MessageCatalog;
import io.wbo.common.web.MessageCatalog.Language;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;

/**
 * The server's messages in the caller's language ({@code Accept-Language}): field errors of the APP, a refused batch
 * item in the console, a problem's detail. Codes, fields and values stay as they are; no header means English.
 */
@WboTest
class LocalizedMessagesIntegrationTests extends WithdrawalIntegrationTest {

	private static final MessageCatalog CATALOG = MessageCatalog.get();

	static boolean han(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	@Test
	void theAppGetsItsFieldErrorsInThePhonesLanguage() {
		WithdrawalFixtures.TestCustomer c = fx.customer("100.00");
		Map<String, Object> bad = Map.of("currency", "HKD", "amount", "0", "bankCardId", c.cardId(), "remark", "x".repeat(501));
		TestHttp app = TestHttp.customer(port, c.customerNo());

		TestHttp.Response english = app.post("/app/v1/withdrawals", bad, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(english.status()).isEqualTo(400);
		assertThat(english.fieldError("amount")).isEqualTo("must be greater than zero");
		assertThat(english.header("Content-Language")).isEmpty();

		TestHttp.Response hongKong = app.speaking("zh-HK,zh;q=0.9,en;q=0.8").post("/app/v1/withdrawals", bad,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(hongKong.status()).isEqualTo(400);
		assertThat(hongKong.header("Content-Language")).isEqualTo("zh-Hant");
		String amount = hongKong.fieldError("amount");
		assertThat(amount).isEqualTo(CATALOG.say("must be greater than zero", Language.ZH_HANT)).matches(LocalizedMessagesIntegrationTests::han);
		assertThat(hongKong.fieldError("remark")).isEqualTo(CATALOG.say("must be at most 500 characters", Language.ZH_HANT)).contains("500");
		// the code a program reads is the same in every language
		assertThat(hongKong.json().get("errors").findValuesAsString("code")).containsAll(english.json().get("errors").findValuesAsString("code"));
		assertThat(hongKong.json().get("detail").asText()).contains(amount).doesNotContain("greater");

		// refusals written by the filters before any controller is reached are said too
		TestHttp.Response noKey = app.post("/app/v1/withdrawals", bad);
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(noKey.header("Content-Language")).isEqualTo("zh-Hant");
		assertThat(noKey.json().get("detail").asText()).contains("Idempotency-Key").matches(LocalizedMessagesIntegrationTests::han);
		assertThat(noKey.json().get("type").asText()).endsWith("/idempotency-key-required");

		TestHttp.Response mainland = app.speaking("zh-CN").post("/app/v1/withdrawals", bad, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(mainland.header("Content-Language")).isEqualTo("zh-Hans");
		assertThat(mainland.fieldError("amount")).isEqualTo(CATALOG.say("must be greater than zero", Language.ZH_HANS)).matches(LocalizedMessagesIntegrationTests::han);
	}

	@Test
	void aRefusedBatchItemIsExplainedInTheOperatorsLanguage() {
		WithdrawalFixtures.TestCustomer c = fx.customer("100.00");
		long id = fx.submitted(maker, c, "10.00", "0.00");
		String english = maker.post("/api/withdrawals/submit", Map.of("ids", List.of(id))).json().get("results").get(0).get("error").asText();
		assertThat(english).startsWith("cannot submit withdrawal ");

		String chinese = maker.speaking("zh-Hant").post("/api/withdrawals/submit", Map.of("ids", List.of(id))).json().get("results").get(0)
				.get("error").asText();
		assertThat(chinese).isEqualTo(CATALOG.say(english, Language.ZH_HANT)).matches(LocalizedMessagesIntegrationTests::han)
				.doesNotContain("cannot").doesNotContain("submit");
		String serial = english.substring("cannot submit withdrawal ".length(), english.indexOf(" in state"));
		assertThat(chinese).contains(serial);
	}

	@Test
	void aWorkOrderTheSystemOpenedIsDescribedInTheReadersLanguage() {
		WithdrawalFixtures.TestCustomer c = fx.customer("100.00");
		long id = fx.submitted(maker, c, "10.00", "0.00");
		long wo = WithdrawalFixtures.ok(checker.post("/api/withdrawals/" + id + "/direct-payout",
				Map.of("payingAccountId", fx.payingAccountId(), "channel", "FPS"))).json().get("workOrder").get("id").asLong();
		String serial = maker.get("/api/withdrawals/" + id).json().get("withdrawal").get("serial").asText();
		assertThat(maker.get("/api/work-orders/" + wo).json().get("workOrder").get("remark").asText()).isEqualTo("direct payout of " + serial);
		assertThat(maker.speaking("zh-Hant").get("/api/work-orders/" + wo).json().get("workOrder").get("remark").asText())
				.isEqualTo("直接出帳 " + serial);
		assertThat(maker.speaking("zh-Hans").get("/api/work-orders?status=PENDING&size=500").json().get("items").findValuesAsString("remark"))
				.contains("直接出账 " + serial);
	}

	@Test
	void aProblemsDetailIsSaidAndItsTypeIsKept() {
		TestHttp.Response missing = maker.speaking("zh-Hans").get("/api/withdrawals/987654321");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("type").asText()).endsWith("/not-found");
		assertThat(missing.json().get("detail").asText()).matches(LocalizedMessagesIntegrationTests::han).contains("987654321");
		assertThat(maker.speaking(null).get("/api/withdrawals/987654321").json().get("detail").asText()).isEqualTo("withdrawal 987654321 not found");
	}
}
