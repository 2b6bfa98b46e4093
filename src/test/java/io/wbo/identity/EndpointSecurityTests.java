package io.wbo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wbo.common.security.AnyOperator;
import io.wbo.common.security.PublicEndpoint;
import io.wbo.common.security.RequiresPermission;
import io.wbo.common.security.SignedIntegration;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Enumerates every {@code /api/**} endpoint from the application's own request mappings, so a new endpoint is covered
 * without anyone remembering to add it here: each must declare its access, anonymous calls get 401, and an operator
 * holding none of the declared permissions gets 403.
 */
@WboTest
class EndpointSecurityTests {

	/** The only endpoints reachable without logging in. */
	static final Set<String> PUBLIC = Set.of("POST /api/auth/login");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Endpoint(String method, String pattern, HandlerMethod handler, String contentType) {
		String path() {
			return pattern.replaceAll("\\{[^}]+}", "1");
		}

		@Override
		public String toString() {
			return method + " " + pattern;
		}
	}

	static TestHttp nobody;

	@BeforeAll
	static void createOperatorWithoutPermissions(@LocalServerPort int port) {
		TestHttp admin = TestHttp.operator(port, "admin");
		admin.put("/api/roles/NO_PERMISSIONS", Map.of("name", "No permissions", "permissions", List.of()));
		admin.post("/api/operators", Map.of("username", "nobody", "displayName", "Nobody", "password", TestHttp.PASSWORD,
				"roles", List.of("NO_PERMISSIONS")));
		nobody = TestHttp.operator(port, "nobody");
	}

	List<Endpoint> apiEndpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : e.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
				// send what the endpoint consumes (e.g. multipart for uploads), so the call reaches the access check
				String contentType = e.getKey().getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
						.map(Object::toString).orElse("application/json");
				for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpoints.add(new Endpoint(m.name(), pattern, e.getValue(), contentType));
				}
			}
		}
		assertThat(endpoints).as("the application has admin endpoints").hasSizeGreaterThan(20);
		return endpoints;
	}

	static boolean declares(HandlerMethod h, Class<? extends java.lang.annotation.Annotation> type) {
		return AnnotatedElementUtils.hasAnnotation(h.getMethod(), type) || AnnotatedElementUtils.hasAnnotation(h.getBeanType(), type);
	}

	@Test
	void everyEndpointDeclaresItsAccess() {
		List<String> undeclared = apiEndpoints().stream()
				.filter(e -> !declares(e.handler(), RequiresPermission.class) && !declares(e.handler(), AnyOperator.class)
						&& !declares(e.handler(), PublicEndpoint.class) && !declares(e.handler(), SignedIntegration.class))
				.map(Endpoint::toString).toList();
		assertThat(undeclared).as("endpoints without @RequiresPermission/@AnyOperator/@PublicEndpoint/@SignedIntegration").isEmpty();
		List<String> publicOnes = apiEndpoints().stream().filter(e -> declares(e.handler(), PublicEndpoint.class))
				.map(Endpoint::toString).toList();
		assertThat(PUBLIC).containsAll(publicOnes);
	}

	@Test
	void anonymousCallsAreRefusedWith401() {
		TestHttp anonymous = TestHttp.anonymous(port);
		anonymous.get("/api/auth/me"); // picks up the XSRF-TOKEN cookie like a browser would
		List<String> failures = new ArrayList<>();
		for (Endpoint e : apiEndpoints()) {
			if (PUBLIC.contains(e.toString())) {
				continue;
			}
			TestHttp.Response r = call(anonymous, e);
			if (r.status() != 401) {
				failures.add(e + " → " + r.status());
			}
		}
		assertThat(failures).as("anonymous calls not refused with 401").isEmpty();
	}

	@Test
	void anonymousStateChangesWithoutCsrfTokenAreAlso401() {
		TestHttp anonymous = TestHttp.anonymous(port);
		assertThat(anonymous.post("/api/operators", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void operatorsWithoutTheDeclaredPermissionGet403() {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Endpoint e : apiEndpoints()) {
			if (!declares(e.handler(), RequiresPermission.class)) {
				continue;
			}
			checked++;
			TestHttp.Response r = call(nobody, e);
			if (r.status() != 403) {
				failures.add(e + " → " + r.status() + " " + r.body());
			}
			else {
				assertThat(r.json().path("detail").asText()).contains("permission");
			}
		}
		assertThat(checked).isGreaterThan(10);
		assertThat(failures).as("calls without the permission not refused with 403").isEmpty();
	}

	@Test
	void aMalformedUploadIsAClientError() {
		TestHttp.Response r = TestHttp.operator(port, "finance").postRaw("/api/statements/import", "garbage",
				Map.of("Content-Type", "multipart/form-data; boundary=x"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.fieldError("file")).isNotNull();
	}

	@Test
	void loggedInStateChangesWithoutCsrfTokenAreRefused() {
		TestHttp admin = TestHttp.operator(port, "admin");
		admin.dropCsrf();
		TestHttp.Response r = admin.post("/api/operators", Map.of("username", "csrf-victim"));
		assertThat(r.status()).isEqualTo(403);
		assertThat(r.json().path("type").asText()).endsWith("csrf-token-invalid");
	}

	private static TestHttp.Response call(TestHttp http, Endpoint e) {
		return switch (e.method()) {
			case "GET" -> http.get(e.path());
			case "POST" -> e.contentType().startsWith("multipart/")
					? http.postRaw(e.path(), "--x--\r\n", Map.of("Content-Type", "multipart/form-data; boundary=x"))
					: http.post(e.path(), "{}");
			case "PUT" -> http.put(e.path(), "{}");
			case "PATCH" -> http.patch(e.path(), "{}");
			case "DELETE" -> http.delete(e.path());
			default -> http.send(e.method(), e.path());
		};
	}
}
