package io.wbo.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests that behaves like the console (session cookie, XSRF-TOKEN cookie echoed in
 * X-XSRF-TOKEN) or like the APP (bearer token, Idempotency-Key).
 */
public final class TestHttp {

	public static final String PASSWORD = "test-password-1";
	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;
	private final CookieManager cookies;
	private final HttpClient client;
	private String bearer;

	private TestHttp(int port) {
		this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
	}

	private TestHttp(int port, CookieManager cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
	}

	/** The same browser (cookies, token) talking to another instance of wbo on this machine. */
	private String language;

	/** Sends {@code Accept-Language} with every later request (null: none). */
	public TestHttp speaking(String acceptLanguage) {
		this.language = acceptLanguage;
		return this;
	}

	public TestHttp onPort(int otherPort) {
		TestHttp other = new TestHttp(otherPort, cookies);
		other.bearer = bearer;
		return other;
	}

	public static TestHttp anonymous(int port) {
		return new TestHttp(port);
	}

	/** A console session of the given demo operator. */
	public static TestHttp operator(int port, String username) {
		TestHttp http = new TestHttp(port);
		Response r = http.post("/api/auth/login", Map.of("username", username, "password", PASSWORD));
		if (r.status() != 200) {
			throw new IllegalStateException("login of " + username + " failed: " + r);
		}
		return http;
	}

	/** An APP client of the given customer, with a development token. */
	public static TestHttp customer(int port, String customerNo) {
		TestHttp http = new TestHttp(port);
		Response r = http.post("/app/v1/dev/token", Map.of("customerNo", customerNo));
		if (r.status() != 200) {
			throw new IllegalStateException("token for " + customerNo + " failed: " + r);
		}
		http.bearer = r.json().get("token").asText();
		return http;
	}

	/** The APP bearer token this client sends (null for an operator's client). */
	public String bearer() {
		return bearer;
	}

	public record Response(int status, String body, java.net.http.HttpHeaders headers) {
		public JsonNode json() {
			return JSON.readTree(body);
		}

		/** The message of a problem-details field error, or null. */
		public String fieldError(String field) {
			JsonNode errors = json().get("errors");
			if (errors == null) {
				return null;
			}
			for (JsonNode e : errors) {
				if (field.equals(e.path("field").asText())) {
					return e.path("message").asText();
				}
			}
			return null;
		}

		public String header(String name) {
			return headers.firstValue(name).orElse("");
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response get(String path, Map<String, String> headers) {
		HttpRequest.Builder b = request(path).GET();
		headers.forEach(b::setHeader);
		return send(b);
	}

	public Response post(String path, Object body) {
		return send(request(path).POST(body(body)).header("Content-Type", "application/json"));
	}

	public Response post(String path, Object body, Map<String, String> headers) {
		HttpRequest.Builder b = request(path).POST(body(body)).header("Content-Type", "application/json");
		headers.forEach(b::header);
		return send(b);
	}

	public Response postRaw(String path, String rawBody, Map<String, String> headers) {
		HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(rawBody)).header("Content-Type", "application/json");
		headers.forEach(b::setHeader);
		return send(b);
	}

	/** A multipart/form-data POST (file uploads): plain text fields plus one file part. */
	public Response multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
		return multipart(path, fields, fileField, fileName, content, Map.of());
	}

	/** A multipart POST with extra headers (an APP upload's Idempotency-Key). */
	public Response multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] content,
			Map<String, String> headers) {
		String boundary = "----wbo" + System.nanoTime();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> f : fields.entrySet()) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue() + "\r\n")
						.getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary);
		headers.forEach(b::header);
		return send(b);
	}

	/** Like {@link #multipart}, but the text parts are sent as JSON parts (for {@code @RequestPart} objects). */
	public Response multipartParts(String path, Map<String, String> jsonParts, String fileField, String fileName, byte[] content) {
		String boundary = "----wbo" + System.nanoTime();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> f : jsonParts.entrySet()) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\nContent-Type: application/json\r\n\r\n"
						+ f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary));
	}

	/** A GET returning the raw bytes (file downloads). */
	public byte[] download(String path) {
		Binary r = getBinary(path);
		if (r.status() != 200) {
			throw new IllegalStateException("download " + path + " -> " + r.status());
		}
		return r.body();
	}

	/** A GET of a file: status, bytes and headers, whatever the status. */
	public record Binary(int status, byte[] body, java.net.http.HttpHeaders headers) {
		public String header(String name) {
			return headers.firstValue(name).orElse("");
		}
	}

	public Binary getBinary(String path) {
		HttpResponse<byte[]> r = exchange(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
		return new Binary(r.statusCode(), r.body(), r.headers());
	}

	public Response put(String path, Object body) {
		return send(request(path).PUT(body(body)).header("Content-Type", "application/json"));
	}

	public Response patch(String path, Object body) {
		return send(request(path).method("PATCH", body(body)).header("Content-Type", "application/json"));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response send(String method, String path) {
		return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	private HttpRequest.BodyPublisher body(Object body) {
		return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
		String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue).findFirst().orElse(null);
		if (xsrf != null) {
			b.header("X-XSRF-TOKEN", xsrf);
		}
		if (bearer != null) {
			b.header("Authorization", "Bearer " + bearer);
		}
		if (language != null) {
			b.header("Accept-Language", language);
		}
		return b;
	}

	private Response send(HttpRequest.Builder builder) {
		HttpResponse<String> r = exchange(builder, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Response(r.statusCode(), r.body(), r.headers());
	}

	private <T> HttpResponse<T> exchange(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body) {
		try {
			return client.send(builder.build(), body);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The CSRF token this client holds (the XSRF-TOKEN cookie), or null. */
	public @org.jspecify.annotations.Nullable String csrfToken() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
				.findFirst().orElse(null);
	}

	/** Sets the XSRF-TOKEN cookie to a value someone else knows, as a cookie planted from a sibling domain would. */
	public void plantCsrf(String token) {
		try {
			// through the cookie manager, as a Set-Cookie header: stored exactly as the server's own cookie would be
			cookies.put(URI.create(base + "/"), Map.of("Set-Cookie", List.of("XSRF-TOKEN=" + token + "; Path=/")));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Forgets the CSRF cookie (to test that state changes without it are refused). */
	public void dropCsrf() {
		cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).toList()
				.forEach(c -> cookies.getCookieStore().remove(null, c));
	}
}
