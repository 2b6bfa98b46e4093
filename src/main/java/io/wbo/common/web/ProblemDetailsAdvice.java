package io.wbo.common.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.InvalidInputException.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error into RFC 9457 problem details: validation errors list {field, message}, refused transitions name
 * the current state, and nothing unexpected ever leaks a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	public static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://wbo.io/problems/" + type));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
		return respond(validation(e.errors()));
	}

	public static ProblemDetail validation(List<FieldError> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input",
				errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
		problem.setProperty("errors", errors.stream().map(ProblemDetailsAdvice::fieldError).toList());
		return problem;
	}

	/** {field, message}, plus {code, args} when the message is a standard one the console translates. */
	private static Map<String, Object> fieldError(FieldError f) {
		InvalidInputException.Coded coded = f.coded();
		if (coded == null) {
			return Map.of("field", f.field(), "message", f.message());
		}
		return Map.of("field", f.field(), "message", f.message(), "code", coded.code(), "args", coded.args());
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException e) {
		ProblemDetail problem = problem(e.status(), e.type(), e.getMessage());
		e.properties().forEach(problem::setProperty);
		return respond(problem);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
		List<FieldError> errors = e.getBindingResult().getFieldErrors().stream().map(f -> new FieldError(f.getField(), messageOf(f))).toList();
		return respond(validation(errors));
	}

	/** A query parameter bound into a filter object that is not of its type is told what is expected, as a lone one is. */
	private static String messageOf(org.springframework.validation.FieldError f) {
		if (f.isBindingFailure() && f.contains(org.springframework.beans.TypeMismatchException.class)) {
			String expected = JsonErrors.expected(f.unwrap(org.springframework.beans.TypeMismatchException.class).getRequiredType());
			return expected == null ? "has an invalid value" : expected;
		}
		return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		java.util.Optional<org.springframework.util.unit.DataSize> limit = RequestBodyLimits.BodyTooLargeException.in(e);
		if (limit.isPresent()) {
			// a body sent without its length, cut off at the limit while it was read
			return domain(RequestBodyLimits.tooLarge(limit.get()));
		}
		String field = JsonErrors.fieldOf(e);
		String message = JsonErrors.messageOf(e);
		return respond(validation(List.of(new FieldError(field, message))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
		return respond(validation(List.of(new FieldError(e.getParameterName(), "is required"))));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
		return respond(validation(List.of(new FieldError(e.getRequestPartName(), "is required"))));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
		return respond(validation(List.of(new FieldError(e.getHeaderName(), "header is required"))));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		String expected = JsonErrors.expected(e.getRequiredType());
		return respond(validation(List.of(new FieldError(e.getName(), expected == null ? "has an invalid value" : expected))));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
		return respond(problem(HttpStatus.CONFLICT, "concurrent-change", "the record was changed by someone else meanwhile; reload and try again"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
		return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMessage()));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
		return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", e.getMessage()));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
		return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "the uploaded file is larger than allowed"));
	}

	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ResponseEntity<ProblemDetail> badUpload(org.springframework.web.multipart.MultipartException e) {
		return respond(validation(List.of(new FieldError("file", "the upload is not a readable multipart/form-data request"))));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
		return respond(problem(HttpStatus.NOT_FOUND, "not-found", "no such resource: /" + e.getResourcePath()));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		if (e instanceof ErrorResponse known) {
			// Spring MVC's own client errors (406, 415, ...) already carry the right status and text
			HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
			if (status.is4xxClientError()) {
				return respond(problem(status, status.name().toLowerCase().replace('_', '-'), known.getBody().getDetail()));
			}
		}
		log.error("unexpected error", e);
		return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "an unexpected error occurred; it has been logged"));
	}
}
