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
