package io.wbo.common.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body may carry only the fields its endpoint knows. A misspelt optional field ({@code "chanel": "CHEQUE"},
 * {@code "remarks"}) would otherwise be dropped without a word and the request carried out with the default in its
 * place, which for money is the wrong payout, not a harmless extra. Only bodies read from requests are strict: the
 * application's own stored JSON (work-order payloads, events) is read by the shared mapper, which stays lenient so
 * that a field retired from a type does not make old rows unreadable.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies {

	/** Takes the JSON converter's place in the server's list, whichever customizer put that one there. */
	@Bean
	ServerHttpMessageConvertersCustomizer strictJsonRequestBodies(JsonMapper mapper) {
		return builder -> builder.configureMessageConvertersList(converters -> converters.replaceAll(
				converter -> converter instanceof JacksonJsonHttpMessageConverter ? new Strict(mapper) : converter));
	}

	private static final class Strict extends JacksonJsonHttpMessageConverter {

		Strict(JsonMapper mapper) {
			super(mapper);
		}

		@Override
		protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
			return reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		}
	}
}
