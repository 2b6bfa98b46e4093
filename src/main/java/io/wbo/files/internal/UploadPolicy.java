package io.wbo.files.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What an upload must be to be kept: not empty, at most {@code wbo.files.max-size} (10 MB unless configured), and
 * one of the {@link FileType}s by its content. Every refusal names the field and the reason.
 */
@Component
class UploadPolicy {

	static final int MAX_NAME_LENGTH = 200;

	private final DataSize maxSize;

	UploadPolicy(@Value("${wbo.files.max-size:10MB}") String maxSize, Environment env) {
		this.maxSize = DataSize.parse(maxSize);
		// a request larger than the servlet's multipart limit never reaches this policy; make sure ours is the one that bites
		for (String limit : new String[] { "max-file-size", "max-request-size" }) {
			String property = "spring.servlet.multipart." + limit;
			DataSize multipart = DataSize.parse(env.getProperty(property, "1MB"));
			if (multipart.toBytes() < this.maxSize.toBytes()) {
				throw new IllegalStateException(property + " (" + multipart + ") must be at least wbo.files.max-size (" + this.maxSize + ")");
			}
		}
	}

	long maxBytes() {
		return maxSize.toBytes();
	}

	/** Checks the size before the bytes are read, so an oversized upload is refused without loading it. */
	void checkSize(String field, long size) {
		if (size <= 0) {
			throw InvalidInputException.of(field, "is empty");
		}
		if (size > maxSize.toBytes()) {
			String message = "is " + human(size) + "; at most " + human(maxSize.toBytes()) + " is allowed";
			throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", field + " " + message,
					Map.of("errors", List.of(Map.of("field", field, "message", message)), "maxSize", maxSize.toBytes()));
		}
	}

	FileType checkType(String field, byte[] content) {
		return FileType.detect(Arrays.copyOf(content, Math.min(content.length, FileType.HEAD)))
				.orElseThrow(() -> InvalidInputException.of(field, "is not an accepted file type (" + FileType.allowedNames()
						+ "); its content was checked, not its name"));
	}

	/** The original name without any path, control characters or excess length; a name is only ever a label. */
	static String cleanName(@Nullable String original, FileType type) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.length() > MAX_NAME_LENGTH) {
			name = name.substring(name.length() - MAX_NAME_LENGTH);
		}
		return name.isEmpty() ? "proof." + type.name().toLowerCase() : name;
	}

	static String human(long bytes) {
		if (bytes >= 1024 * 1024) {
			return new java.math.BigDecimal(bytes).divide(new java.math.BigDecimal(1024 * 1024), 1, java.math.RoundingMode.HALF_UP)
					.stripTrailingZeros().toPlainString() + " MB";
		}
		if (bytes >= 1024) {
			return (bytes + 1023) / 1024 + " KB";
		}
		return bytes + " bytes";
	}
}
