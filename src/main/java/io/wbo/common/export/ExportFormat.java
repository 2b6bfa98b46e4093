package io.wbo.common.export;

import java.util.Locale;

import io.wbo.common.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The formats every records page exports: CSV (UTF-8 with BOM, for Excel) and XLSX. */
public enum ExportFormat {
	CSV("text/csv; charset=UTF-8", "csv"),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final String contentType;
	private final String extension;

	ExportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return contentType;
	}

	public String extension() {
		return extension;
	}

	/** Parses the {@code format} request parameter; absent means XLSX. */
	public static ExportFormat parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return XLSX;
		}
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("format", "must be xlsx or csv");
		}
	}
}
