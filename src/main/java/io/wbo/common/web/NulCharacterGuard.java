package io.wbo.common.web;

import io.wbo.common.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text: a value carrying one would fail deep in a query, as a 500,
 * after the request had already done part of its work. It is refused at the edge instead, as bad input naming its
 * field: in every string a JSON body holds, and in query and form parameters.
 *
 * <p>A text field of a JSON body also takes only a JSON string: an amount sent as a number has passed through a
 * binary float in the client already (API.md: amounts are strings, never numbers), and a number or true where a
 * remark or a reference belongs is a client's mistake rather than text.
 */
@Configuration(proxyBeanMethods = false)
class NulCharacterGuard implements WebMvcConfigurer {

	static final String MESSAGE = "must not contain the NUL character (U+0000)";

	static boolean hasNul(@Nullable String value) {
		return value != null && value.indexOf('\0') >= 0;
	}

	@Bean
	JacksonModule strictStrings() {
		return new SimpleModule("wbo-strict-strings").addDeserializer(String.class, new StrictStrings());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				InvalidInputException.Collector errors = new InvalidInputException.Collector();
				request.getParameterMap().forEach((name, values) -> {
					for (String value : values) {
						if (hasNul(value)) {
							errors.add(name, MESSAGE);
							return;
						}
					}
				});
				errors.throwIfAny();
				return true;
			}
		});
	}

	/**
	 * Takes a JSON string only (a number or a boolean is a type mismatch, told as such), reads it as Jackson does, then
	 * refuses one with a NUL (the path to the field is added on the way out).
	 */
	private static final class StrictStrings extends StdScalarDeserializer<String> {

		StrictStrings() {
			super(String.class);
		}

		@Override
		public LogicalType logicalType() {
			return LogicalType.Textual;
		}

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.currentToken() != null && (p.currentToken().isNumeric() || p.currentToken().isBoolean())) {
				return (String) ctxt.handleUnexpectedToken(String.class, p);
			}
			String value = StringDeserializer.instance.deserialize(p, ctxt);
			if (hasNul(value)) {
				throw InvalidFormatException.from(p, MESSAGE, value, String.class);
			}
			return value;
		}
	}
}
