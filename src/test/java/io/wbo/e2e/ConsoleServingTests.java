package io.wbo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;

/**
 * The app serves the built console at / and answers its client-side routes with index.html (so a reload keeps the
 * page), while API paths and missing files keep their own answers.
 */
@WboTest
class ConsoleServingTests {

	@LocalServerPort
	int port;

	@Test
	void servesTheConsoleAndItsRoutesButNotForApiPathsOrFiles() {
		TestHttp http = TestHttp.anonymous(port);
		for (String route : new String[] { "/", "/login", "/customers/1", "/work-orders/42", "/settings/approval-policies" }) {
			TestHttp.Response page = http.get(route);
			assertThat(page.status()).as(route).isEqualTo(200);
			assertThat(page.body()).as(route).contains("<div id=\"root\"></div>");
			// its own scripts only; inline styles for antd's CSS-in-JS (ConsoleBrowserTests shows the pages still work)
			assertThat(page.header("Content-Security-Policy")).as(route).contains("default-src 'self'", "script-src 'self';",
					"style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'");
		}
		TestHttp.Response api = http.get("/api/customers/1");
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
		assertThat(http.get("/api/no-such-thing").body()).doesNotContain("<div id=\"root\">");
		assertThat(http.get("/assets/no-such-file.js").status()).isEqualTo(404);
		assertThat(http.get("/no-such-file.txt").status()).isEqualTo(404);
		assertThat(http.get("/v3/api-docs").body()).startsWith("{");
	}
}
