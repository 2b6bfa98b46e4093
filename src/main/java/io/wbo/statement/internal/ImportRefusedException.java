package io.wbo.statement.internal;

import java.util.List;
import java.util.Map;

import io.wbo.common.DomainException;
import org.springframework.http.HttpStatus;

/** A statement file with problems: 422 with every problem as {line, message}; nothing of the file was stored. */
class ImportRefusedException extends DomainException {

	static final int MAX_REPORTED = 1000;

	ImportRefusedException(List<LineError> errors, int total) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "statement-file-refused",
				total > errors.size() ? "the file was refused: " + total + " problem(s), the first " + errors.size() + " listed; nothing was imported"
						: "the file was refused: " + total + " problem(s); nothing was imported",
				Map.of("errors", errors.stream().map(e -> Map.of("line", e.line(), "message", e.message())).toList(), "errorCount", total));
	}

	record LineError(int line, String message) {
	}
}
