package io.wbo.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request body over its endpoint's limit is refused with 413 naming the limit, before it is read. */
@WboTest
class RequestBodyLimitsTests {

	@LocalServerPort
	int port;

	static String jsonOf(String field, int size) {
		return "{\"" + field + "\": \"" + "x".repeat(size) + "\"}";
	}

	@Test
	void aLoginOverSixtyFourKilobytesIsRefusedNamingTheLimit() {
		TestHttp.Response r = TestHttp.anonymous(port).postRaw("/api/auth/login",
				"{\"username\": \"maker\", \"password\": \"" + "x".repeat(70_000) + "\"}", Map.of("content-type", "application/json"));
		assertThat(r.status()).isEqualTo(413);
		assertThat(r.header("content-type")).contains("application/problem+json");
		assertThat(r.json().get("detail").asText()).contains("64 KB");
	}

	@Test
	void aConsoleJsonBodyOverOneMegabyteIsRefusedAndOneUnderItIsRead() {
		TestHttp admin = TestHttp.operator(port, "admin");
		TestHttp.Response big = admin.postRaw("/api/customers/1/ledger-operations", jsonOf("remark", 1_100_000),
				Map.of("content-type", "application/json"));
		assertThat(big.status()).isEqualTo(413);
		assertThat(big.json().get("detail").asText()).contains("1 MB");
		// under the limit, the body reaches the endpoint (which says what is wrong with it)
		assertThat(admin.postRaw("/api/customers/1/ledger-operations", jsonOf("remark", 200_000), Map.of("content-type", "application/json"))
				.status()).isEqualTo(400);
	}

	@Test
	void anAppBodyOverSixtyFourKilobytesIsRefused() {
		TestHttp app = TestHttp.customer(port, "100001");
		TestHttp.Response r = app.postRaw("/app/v1/withdrawals", jsonOf("remark", 70_000),
				Map.of("content-type", "application/json", "Idempotency-Key", "too-large-body-1"));
		assertThat(r.status()).isEqualTo(413);
		assertThat(r.json().get("detail").asText()).contains("64 KB");
	}

	@Test
	void anIntegrationOrUploadOverSixteenMegabytesIsRefusedOnItsDeclaredLength() throws IOException {
		String integration = raw("POST /api/integrations/bank-statements HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + (17 * 1024 * 1024) + "\r\nConnection: close\r\n\r\n");
		assertThat(integration).startsWith("HTTP/1.1 413").contains("16 MB");
		String upload = raw("POST /api/files HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n"
				+ "Content-Length: " + (17 * 1024 * 1024) + "\r\nConnection: close\r\n\r\n");
		assertThat(upload).startsWith("HTTP/1.1 413").contains("16 MB");
	}

	@Test
	void aBodyWithoutItsLengthIsCutOffAtTheLimit() throws IOException {
		String chunk = "x".repeat(8192);
		StringBuilder request = new StringBuilder("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
		String start = "{\"username\": \"maker\", \"password\": \"";
		request.append(Integer.toHexString(start.length())).append("\r\n").append(start).append("\r\n");
		for (int i = 0; i < 10; i++) {
			request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
		}
		request.append("2\r\n\"}\r\n0\r\n\r\n");
		String answer = raw(request.toString());
		assertThat(answer).startsWith("HTTP/1.1 413").contains("64 KB");
	}

	/** The whole answer to a request written by hand: a declared length no client library lets a test lie about. */
	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// nothing more comes: the server, which would wait for the body it declined to read, sees the end at once
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
