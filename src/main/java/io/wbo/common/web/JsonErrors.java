package io.wbo.common.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the field and the reason of a JSON body or a parameter that could not be read, in the words of what was
 * expected (one of the allowed values, a whole number, a date), without exposing parser internals or Java type names.
 */
final class JsonErrors {

	private JsonErrors() {
	}

	static String fieldOf(HttpMessageNotReadableException e) {
		JsonParser twice = duplicateAt(e);
		if (twice != null) {
			return pathOf(twice.streamReadContext());
		}
		if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			StringBuilder path = new StringBuilder();
			for (JacksonException.Reference ref : jackson.getPath()) {
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
		if (duplicateAt(e) != null) {
			return "is given twice";
		}
		if (e.getCause() instanceof UnrecognizedPropertyException) {
			return "is not a field of this request";
		}
		if (e.getCause() instanceof InvalidFormatException invalid && invalid.getValue() instanceof String text && NulCharacterGuard.hasNul(text)) {
			return NulCharacterGuard.MESSAGE;
		}
		if (e.getCause() instanceof InputCoercionException) {
			return "is out of range";
		}
		if (e.getCause() instanceof MismatchedInputException mismatch) {
			String expected = expected(mismatch.getTargetType());
			if (expected != null) {
				return expected;
			}
		}
		if (e.getCause() instanceof DatabindException) {
			return "has an invalid value or type";
		}
		if (e.getCause() instanceof JacksonException) {
			return "is not valid JSON";
		}
		return "is missing or unreadable";
	}

	/**
	 * The parser, standing on the second occurrence of a property, when a body names one twice in an object
	 * (spring.jackson.read.strict-duplicate-detection). Jackson has no exception type of its own for it, only its words.
	 */
	private static @Nullable JsonParser duplicateAt(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof StreamReadException read && read.getOriginalMessage() != null
				&& read.getOriginalMessage().startsWith("Duplicate Object property") && read.processor() != null) {
			return read.processor();
		}
		return null;
	}

	/** amount, items[2].amount: how a field error names a place in the body. */
	private static String pathOf(@Nullable TokenStreamContext context) {
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
			if (c.inObject() && c.currentName() != null) {
				path.insert(0, (path.isEmpty() || path.charAt(0) == '[' ? "" : ".")).insert(0, c.currentName());
			}
			else if (c.inArray()) {
				path.insert(0, "[" + c.getCurrentIndex() + "]" + (path.isEmpty() || path.charAt(0) == '[' ? "" : "."));
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/**
	 * What a value of this type must be, said for people; null when there is nothing clearer than "invalid". (The
	 * catalog test cannot see these messages made here; it lists them as made elsewhere, and the bad-input tests say them.)
	 */
	static @Nullable String expected(@Nullable Class<?> type) {
		if (type == null) {
			return null;
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
		}
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return "must be a whole number";
		}
		if (type == String.class) {
			return "must be text in quotes (an amount too: \"100.50\")";
		}
		if (type == java.time.LocalDate.class) {
			return "must be a date (2026-12-04)";
		}
		if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
			return "must be a time with offset (2026-12-04T08:00:00Z)";
		}
		return null;
	}
}
