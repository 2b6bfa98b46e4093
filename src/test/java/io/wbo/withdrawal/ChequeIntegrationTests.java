package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 支票列印 (W-12): first print and reprint with cheque numbers, one cheque per page, history per withdrawal. */
@WboTest
class ChequeIntegrationTests extends WithdrawalIntegrationTest {

	long completedByCheque(WithdrawalFixtures.TestCustomer c, String amount) {
		long id = fx.submitted(maker, c, amount, "0");
		long wo = WithdrawalFixtures.ok(checker.post("/api/withdrawals/" + id + "/direct-payout",
				Map.of("payingAccountId", fx.payingAccountId(), "channel", "CHEQUE"))).json().get("workOrder").get("id").asLong();
		WithdrawalFixtures.approve(approver, wo);
		WithdrawalFixtures.ok(checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS")));
		return id;
	}

	@Test
	void firstPrintAndReprintProduceOneChequePerPageAndKeepTheHistory() throws Exception {
		WithdrawalFixtures.TestCustomer c = fx.customer("50000.00");
		long a = completedByCheque(c, "1234.50");
		long b = completedByCheque(c, "10005.00");
		JsonNode listed = checker.get("/api/cheques?printed=false&size=500").json().get("items");
		assertThat(listed.findValuesAsString("withdrawalId")).isNotNull();
		assertThat(listed.toString()).contains("\"withdrawalId\":" + a).contains("\"withdrawalId\":" + b);

		String n1 = "C" + a;
		String n2 = "C" + b;
		HttpResponse<byte[]> pdf = post("checker", "/api/cheques/print",
				Map.of("items", List.of(Map.of("withdrawalId", a, "chequeNumber", n1), Map.of("withdrawalId", b, "chequeNumber", n2)),
						"reprint", false));
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		PdfReader reader = new PdfReader(pdf.body());
		assertThat(reader.getNumberOfPages()).isEqualTo(2);
		String page1 = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(page1).contains("ONE THOUSAND TWO HUNDRED THIRTY-FOUR HONG KONG DOLLARS AND FIFTY CENTS ONLY").contains(n1);

		// a first print happens once; a reprint needs a reason and a new cheque number
		assertThat(checker.post("/api/cheques/print", Map.of("items", List.of(Map.of("withdrawalId", a, "chequeNumber", "X" + a)),
				"reprint", false)).status()).isEqualTo(400);
		TestHttp.Response noReason = checker.post("/api/cheques/print",
				Map.of("items", List.of(Map.of("withdrawalId", a, "chequeNumber", "R" + a)), "reprint", true));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.fieldError("reason")).isNotNull();
		assertThat(checker.post("/api/cheques/print", Map.of("items", List.of(Map.of("withdrawalId", a, "chequeNumber", n2)),
				"reprint", true, "reason", "jammed")).fieldError("items[0].chequeNumber")).contains("already used");
		HttpResponse<byte[]> reprint = post("checker", "/api/cheques/print",
				Map.of("items", List.of(Map.of("withdrawalId", a, "chequeNumber", "R" + a)), "reprint", true, "reason", "printer jammed"));
		assertThat(reprint.statusCode()).isEqualTo(200);

		JsonNode prints = maker.get("/api/withdrawals/" + a).json().get("chequePrints");
		assertThat(prints.size()).isEqualTo(2);
		assertThat(prints.get(0).get("reprint").asBoolean()).isFalse();
		assertThat(prints.get(1).get("reprint").asBoolean()).isTrue();
		assertThat(prints.get(1).get("reason").asText()).isEqualTo("printer jammed");
		assertThat(prints.get(1).get("printedBy").asText()).isEqualTo("checker");
		TestHttp admin = TestHttp.operator(port, "admin");
		assertThat(admin.get("/api/audit?entityType=Withdrawal&entityId=" + a).body()).contains("WITHDRAWAL_CHEQUE_REPRINTED");
		// maker may not print
		assertThat(maker.post("/api/cheques/print", Map.of("items", List.of(), "reprint", false)).status()).isEqualTo(403);
	}

	private HttpResponse<byte[]> post(String user, String path, Object body) throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me")).build(), HttpResponse.BodyHandlers.ofString());
		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login")).header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", xsrf(cookies))
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + TestHttp.PASSWORD + "\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", xsrf(cookies))
				.POST(HttpRequest.BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(body))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String xsrf(CookieManager cookies) {
		return cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN")).findFirst()
				.map(HttpCookie::getValue).orElse("");
	}
}
