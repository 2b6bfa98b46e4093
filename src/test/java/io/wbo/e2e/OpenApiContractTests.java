package io.wbo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;

/**
 * The console's API types are generated from a committed copy of the server's OpenAPI document
 * (console/src/api/openapi.json). This test fails when the running server's document differs from that copy, so a
 * changed API cannot go unnoticed by the console: run scripts/update-api-types.sh and commit what it changes.
 */
@WboTest
class OpenApiContractTests {

	static final Path COMMITTED = Path.of("console", "src", "api", "openapi.json");
	static final Path CURRENT = Path.of("target", "openapi.json");
	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@LocalServerPort
	int port;

	@Test
	void consoleTypesMatchTheServersOpenApiDocument() throws IOException {
		TestHttp.Response docs = TestHttp.anonymous(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		Object current = normalise(JSON.readValue(docs.body(), Object.class));
		Files.createDirectories(CURRENT.getParent());
		Files.writeString(CURRENT, JSON.writeValueAsString(current) + "\n", StandardCharsets.UTF_8);

		Object committed = normalise(JSON.readValue(Files.readString(COMMITTED, StandardCharsets.UTF_8), Object.class));
		if (!committed.equals(current)) {
			throw new AssertionError("The server's OpenAPI document differs from " + COMMITTED + " ("
					+ differences(committed, current) + ").\nRun scripts/update-api-types.sh and commit "
					+ "console/src/api/openapi.json and console/src/api/schema.d.ts (the new document is in " + CURRENT + ").");
		}
	}

	/** Key order does not matter, and the server URL depends on the port. */
	@SuppressWarnings("unchecked")
	static Object normalise(Object node) {
		if (node instanceof Map<?, ?> map) {
			TreeMap<String, Object> sorted = new TreeMap<>();
			map.forEach((k, v) -> sorted.put(String.valueOf(k), normalise(v)));
			sorted.remove("servers");
			return sorted;
		}
		if (node instanceof List<?> list) {
			List<Object> out = new ArrayList<>();
			list.forEach(v -> out.add(normalise(v)));
			return out;
		}
		return node;
	}

	@SuppressWarnings("unchecked")
	private static String differences(Object committed, Object current) {
		List<String> out = new ArrayList<>();
		for (String section : List.of("paths", "components")) {
			Map<String, Object> a = (Map<String, Object>) ((Map<String, Object>) committed).getOrDefault(section, Map.of());
			Map<String, Object> b = (Map<String, Object>) ((Map<String, Object>) current).getOrDefault(section, Map.of());
			if ("components".equals(section)) {
				a = (Map<String, Object>) a.getOrDefault("schemas", Map.of());
				b = (Map<String, Object>) b.getOrDefault("schemas", Map.of());
			}
			TreeSet<String> keys = new TreeSet<>(a.keySet());
			keys.addAll(b.keySet());
			for (String key : keys) {
				if (!a.containsKey(key)) {
					out.add("new " + key);
				}
				else if (!b.containsKey(key)) {
					out.add("removed " + key);
				}
				else if (!a.get(key).equals(b.get(key))) {
					out.add("changed " + key);
				}
			}
		}
		if (out.isEmpty()) {
			return "other parts changed";
		}
		return out.size() <= 12 ? String.join(", ", out)
				: String.join(", ", out.subList(0, 12)) + " and " + (out.size() - 12) + " more";
	}
}
