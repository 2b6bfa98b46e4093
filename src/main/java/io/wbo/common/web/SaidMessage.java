package io.wbo.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import io.wbo.common.web.MessageCatalog.Language;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Marks a text field (or a list of them) of a response that is a message for people (a batch item's error, a preview
 * line's refusal, a risk finding): it is written in the language of the request's {@code Accept-Language} (see
 * {@link MessageCatalog}). Only on response types: a value stored as JSON must stay in the code's English.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = SaidMessage.Serializer.class)
public @interface SaidMessage {

	final class Serializer extends ValueSerializer<Object> {

		private static final String LANGUAGE = SaidMessage.class.getName() + ".language";

		/** The language the current request asks for (read once per request: a list says many); English outside a request. */
		static Language requestLanguage() {
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
				HttpServletRequest request = attributes.getRequest();
				if (request.getAttribute(LANGUAGE) instanceof Language known) {
					return known;
				}
				Language language = Language.ofRequest(request);
				request.setAttribute(LANGUAGE, language);
				return language;
			}
			return Language.EN;
		}

		@Override
		public void serialize(Object value, JsonGenerator gen, SerializationContext context) {
			Language language = requestLanguage();
			if (value instanceof Iterable<?> messages) {
				gen.writeStartArray();
				for (Object message : messages) {
					gen.writeString(MessageCatalog.get().say(String.valueOf(message), language));
				}
				gen.writeEndArray();
			}
			else {
				gen.writeString(MessageCatalog.get().say(value.toString(), language));
			}
		}
	}
}
