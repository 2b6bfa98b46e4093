package io.wbo.common.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/** Names the field and the reason of a JSON body that could not be read, without exposing parser internals. */
final class JsonErrors {

	private JsonErrors() {
	}

	static String fieldOf(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference ref : databind.getPath()) {
				if (ref.getPropertyName() != null) {
					if (!path.isEmpty()) {
						path.append('.');
					}
					path.append(ref.getPropertyName());
				}
				else if (ref.getIndex() >= 0) {
					path.append('[').append(ref.getIndex()).append(']');
				}
			}
			return path.isEmpty() ? "body" : path.toString();
		}
		return "body";
	}

	static String messageOf(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text && NulCharacterGuard.hasNul(text)) {
			return NulCharacterGuard.MESSAGE;
		}
		if (e.getCause() instanceof DatabindException) {
			return "has an invalid value or type";
		}
		if (e.getCause() instanceof JacksonException) {
			return "is not valid JSON";
		}
		return "is missing or unreadable";
	}
}
