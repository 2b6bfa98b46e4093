package io.wbo.common;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** Input that fails validation: 400 with one {field, message} per problem. */
public class InvalidInputException extends DomainException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "invalid-input", summary(errors), Map.of());
		this.errors = List.copyOf(errors);
	}

	public static InvalidInputException of(String field, String message) {
		return new InvalidInputException(List.of(new FieldError(field, message)));
	}

	public List<FieldError> errors() {
		return errors;
	}

	private static String summary(List<FieldError> errors) {
		return errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input");
	}

	public record FieldError(String field, String message) {

		/**
		 * A stable code for the standard messages (Money's, Asset's, "is required", length limits), with the values
		 * the message names, so the console can say it in the operator's language; null for any other message, which
		 * the console shows as it is.
		 */
		public @org.jspecify.annotations.Nullable Coded coded() {
			return Coded.of(message);
		}
	}

	/** A standard field message as a code and its arguments (see {@link FieldError#coded()}). */
	public record Coded(String code, java.util.Map<String, String> args) {

		private static final java.util.regex.Pattern SCALE = java.util.regex.Pattern
				.compile("has more than (\\d+) decimals, the scale of (\\w+)");
		private static final java.util.regex.Pattern MAX_LENGTH = java.util.regex.Pattern.compile("must be at most (\\d+) characters");

		static @org.jspecify.annotations.Nullable Coded of(String message) {
			switch (message) {
				case "is required":
					return new Coded("required", java.util.Map.of());
				case "must be greater than zero":
					return new Coded("positive", java.util.Map.of());
				case "must not be negative":
					return new Coded("nonNegative", java.util.Map.of());
				case "is too large":
					return new Coded("tooLarge", java.util.Map.of());
				default:
					break;
			}
			if (message.startsWith("must be a plain decimal number")) {
				return new Coded("decimal", java.util.Map.of());
			}
			java.util.regex.Matcher m = SCALE.matcher(message);
			if (m.matches()) {
				return new Coded("scale", java.util.Map.of("max", m.group(1), "asset", m.group(2)));
			}
			m = MAX_LENGTH.matcher(message);
			if (m.matches()) {
				return new Coded("maxLength", java.util.Map.of("max", m.group(1)));
			}
			return null;
		}
	}

	/** Collects several field errors so a form learns about all of them at once. */
	public static final class Collector {
		private final java.util.ArrayList<FieldError> errors = new java.util.ArrayList<>();

		public Collector add(String field, String message) {
			errors.add(new FieldError(field, message));
			return this;
		}

		public Collector require(boolean condition, String field, String message) {
			if (!condition) {
				add(field, message);
			}
			return this;
		}

		/** Text an operator wrote, at most {@code max} characters (see {@link TextLimits}); the console says it by its code. */
		public Collector atMost(String field, @org.jspecify.annotations.Nullable String text, int max) {
			return text == null || text.length() <= max ? this : add(field, messageOf(max));
		}

		private static String messageOf(int maxLength) {
			return "must be at most " + maxLength + " characters";
		}

		/** Runs a parse step, turning its InvalidInputException into collected errors. */
		public <T> T attempt(java.util.function.Supplier<T> step) {
			try {
				return step.get();
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
				return null;
			}
		}

		public void throwIfAny() {
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
		}
	}
}
