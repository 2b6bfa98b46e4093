package io.wbo.statement;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a JSON node back into a mutable map (to edit a template definition in a test). */
final class TestHttpJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TestHttpJson() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> toMap(JsonNode node) {
		return new LinkedHashMap<>(JSON.convertValue(node, Map.class));
	}
}
