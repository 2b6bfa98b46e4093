package io.wbo.common;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal that belongs to the domain: it carries the HTTP status, a stable problem type and a message meant for
 * the operator or customer. Rendered as problem details by {@code ProblemDetailsAdvice}.
 */
public class DomainException extends RuntimeException {

	private final HttpStatus status;
	private final String type;
	private final Map<String, Object> properties;

	public DomainException(HttpStatus status, String type, String message) {
		this(status, type, message, Map.of());
	}

	public DomainException(HttpStatus status, String type, String message, Map<String, Object> properties) {
		super(message);
		this.status = status;
		this.type = type;
		this.properties = properties;
	}

	public HttpStatus status() {
		return status;
	}

	/** A short kebab-case code, published as {@code https://wbo.io/problems/<type>}. */
	public String type() {
		return type;
	}

	public Map<String, Object> properties() {
		return properties;
	}

	public static DomainException notFound(String entity, Object id) {
		return new DomainException(HttpStatus.NOT_FOUND, "not-found", entity + " " + id + " not found");
	}

	public static DomainException conflict(String message) {
		return new DomainException(HttpStatus.CONFLICT, "conflict", message);
	}

	public static DomainException rule(String type, String message) {
		return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, type, message);
	}

	public static DomainException forbidden(String message) {
		return new DomainException(HttpStatus.FORBIDDEN, "forbidden", message);
	}
}
