package io.wbo.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * What an integrator generates a client from must say what the endpoints take and answer. The document names each
 * body and answer type by its simple name, and of two types with one name it keeps one silently: the APP's
 * {@code /app/v1/me} was described as the operator's profile, and a payout batch's creation with the APP's withdrawal
 * body. Values the server fills in itself (the operator, the customer of the token) are no parameters of the request.
 */
@WboTest
class OpenApiDocumentTests {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void noTwoBodyOrAnswerTypesShareASchemaName() {
		Map<String, Set<String>> typesByName = new TreeMap<>();
		Set<Class<?>> seen = new HashSet<>();
		for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(RequestBody.class)) {
					collect(parameter.getGenericParameterType(), typesByName, seen);
				}
			}
			collect(handler.getReturnType().getGenericParameterType(), typesByName, seen);
		}
		Map<String, Set<String>> shared = new TreeMap<>();
		typesByName.forEach((name, types) -> {
			if (types.size() > 1) {
				shared.put(name, types);
			}
		});
		assertThat(shared).as("schema names given to more than one type (name one of them with @Schema(name = ...))").isEmpty();
	}

	@Test
	void theDocumentDescribesTheAppApiAsItIs() {
		JsonNode docs = TestHttp.anonymous(port).get("/v3/api-docs").json();
		JsonNode paths = docs.get("paths");
		List<String> filledInByTheServer = new ArrayList<>();
		paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
			JsonNode parameters = op.getValue().path("parameters");
			parameters.forEach(p -> {
				String ref = p.path("schema").path("$ref").asText("");
				if (ref.endsWith("/Actor") || ref.endsWith("/AppCustomer")) {
					filledInByTheServer.add(op.getKey() + " " + path.getKey() + " " + p.get("name").asText());
				}
			});
		}));
		assertThat(filledInByTheServer).as("the operator and the customer come from the session and the token").isEmpty();

		assertThat(schemaOf(docs, paths.at("/~1app~1v1~1me/get/responses/200/content/application~1json/schema")).has("customerNo")).isTrue();
		assertThat(schemaOf(docs, paths.at("/~1api~1auth~1me/get/responses/200/content/application~1json/schema")).has("username")).isTrue();
		assertThat(schemaOf(docs, paths.at("/~1app~1v1~1withdrawals/post/requestBody/content/application~1json/schema")).has("bankCardId"))
				.isTrue();
		JsonNode batch = schemaOf(docs, paths.at("/~1api~1payout-batches/post/requestBody/content/application~1json/schema"));
		assertThat(batch.has("payingAccountId") && batch.has("ids") && !batch.has("amount")).as(batch.toString()).isTrue();
		JsonNode removeItems = schemaOf(docs, paths.at("/~1api~1payout-batches~1{id}~1remove-items/post/requestBody/content/application~1json/schema"));
		assertThat(removeItems.has("ids") && !removeItems.has("reason")).as(removeItems.toString()).isTrue();

		JsonNode create = paths.at("/~1app~1v1~1withdrawals/post");
		List<String> headers = new ArrayList<>();
		create.path("parameters").forEach(p -> {
			if ("header".equals(p.path("in").asText()) && p.path("required").asBoolean()) {
				headers.add(p.get("name").asText());
			}
		});
		assertThat(headers).as("every creating POST of the APP needs its Idempotency-Key").contains("Idempotency-Key");
		assertThat(paths.at("/~1app~1v1~1withdrawals/get/parameters").toString()).doesNotContain("Idempotency-Key");
		assertThat(paths.at("/~1app~1v1~1dev~1token/post/parameters").toString()).doesNotContain("Idempotency-Key");

		// every upload is multipart/form-data, also those that take any content type to name a missing file themselves
		for (String upload : List.of("/~1api~1statements~1import/post", "/~1api~1statement-templates~1preview/post", "/~1api~1files/post",
				"/~1app~1v1~1files/post")) {
			JsonNode content = paths.at(upload + "/requestBody/content");
			assertThat(content.has("multipart/form-data") && !content.has("application/json")).as(upload + " " + content).isTrue();
			assertThat(content.at("/multipart~1form-data/schema/properties/file/format").asText()).isEqualTo("binary");
		}
	}

	private static JsonNode schemaOf(JsonNode docs, JsonNode schema) {
		String ref = schema.path("$ref").asText("");
		assertThat(ref).as("a named schema").startsWith("#/components/schemas/");
		return docs.at("/components/schemas/" + ref.substring("#/components/schemas/".length()) + "/properties");
	}

	/** The types the document names: wbo's own records and classes reachable from a body or an answer (enums are inlined). */
	private static void collect(Type type, Map<String, Set<String>> typesByName, Set<Class<?>> seen) {
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				collect(argument, typesByName, seen);
			}
			// a generic of wbo's (CursorPage<T>) is named after its argument: only its fields count
			if (parameterized.getRawType() instanceof Class<?> raw && raw.getName().startsWith("io.wbo.") && seen.add(raw)) {
				fields(raw, typesByName, seen);
			}
			return;
		}
		if (type instanceof GenericArrayType array) {
			collect(array.getGenericComponentType(), typesByName, seen);
			return;
		}
		if (!(type instanceof Class<?> c)) {
			return;
		}
		if (c.isArray()) {
			collect(c.getComponentType(), typesByName, seen);
			return;
		}
		if (!c.getName().startsWith("io.wbo.") || c.isEnum() || !seen.add(c)) {
			return;
		}
		Schema named = c.getAnnotation(Schema.class);
		String name = named != null && !named.name().isEmpty() ? named.name() : c.getSimpleName();
		typesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(c.getName());
		fields(c, typesByName, seen);
	}

	private static void fields(Class<?> c, Map<String, Set<String>> typesByName, Set<Class<?>> seen) {
		if (c.isRecord()) {
			for (RecordComponent component : c.getRecordComponents()) {
				collect(component.getGenericType(), typesByName, seen);
			}
			return;
		}
		for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
			for (Field field : k.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					collect(field.getGenericType(), typesByName, seen);
				}
			}
		}
	}
}
