package io.wbo.statement.internal;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wbo.common.Asset;
import io.wbo.common.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * How one bank lays out its statement export (B-1): file type, encoding, rows to skip, which column holds what (1-based),
 * the date pattern, number separators, and how the direction is told: one signed amount column, two columns (debit
 * and credit), or an amount column plus a column of direction words (e.g. "DR"/"CR", "支出"/"存入").
 */
record TemplateDefinition(String fileType, String encoding, @Nullable String delimiter, int headerRows,
		Map<String, Integer> columns, String dateFormat, String amountMode, @Nullable String thousandsSeparator,
		@Nullable String decimalSeparator, @Nullable List<String> inWords, @Nullable List<String> outWords,
		@Nullable String currency) {

	static final Set<String> FIELDS = Set.of("bookingDate", "valueDate", "amount", "debit", "credit", "direction", "currency",
			"reference", "counterpartyName", "counterpartyAccount", "counterpartyBank", "description");
	static final List<String> ENCODINGS = List.of("UTF-8", "Big5", "Big5-HKSCS", "GB18030", "GBK");

	/** Refuses a definition that could not read any file, naming every problem. */
	TemplateDefinition validate() {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		errors.require("CSV".equals(fileType) || "XLSX".equals(fileType), "definition.fileType", "must be CSV or XLSX");
		errors.require(encoding != null && ENCODINGS.contains(encoding) && Charset.isSupported(encoding), "definition.encoding",
				"must be one of " + String.join(", ", ENCODINGS));
		errors.require(headerRows >= 0 && headerRows <= 100, "definition.headerRows", "must be between 0 and 100");
		errors.require(delimiter == null || delimiter.length() == 1, "definition.delimiter", "must be one character");
		if (columns == null) {
			errors.add("definition.columns", "is required");
		}
		else {
			columns.forEach((field, col) -> {
				errors.require(FIELDS.contains(field), "definition.columns." + field, "unknown field (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
				errors.require(col != null && col >= 1 && col <= 500, "definition.columns." + field, "must be a column number from 1 to 500");
			});
			errors.require(columns.containsKey("bookingDate"), "definition.columns.bookingDate", "is required");
			errors.require(columns.containsKey("currency") || (currency != null && !currency.isBlank()), "definition.currency",
					"is required when no currency column is mapped");
			switch (amountMode == null ? "" : amountMode) {
				case "SIGNED" -> errors.require(columns.containsKey("amount"), "definition.columns.amount", "is required for SIGNED amounts");
				case "DEBIT_CREDIT" -> errors.require(columns.containsKey("debit") && columns.containsKey("credit"), "definition.columns.debit",
						"debit and credit columns are required for DEBIT_CREDIT");
				case "DIRECTION_COLUMN" -> {
					errors.require(columns.containsKey("amount") && columns.containsKey("direction"), "definition.columns.direction",
							"amount and direction columns are required for DIRECTION_COLUMN");
					errors.require(inWords != null && !inWords.isEmpty() && outWords != null && !outWords.isEmpty(), "definition.inWords",
							"the words for inflow and outflow are required for DIRECTION_COLUMN");
				}
				default -> errors.add("definition.amountMode", "must be SIGNED, DEBIT_CREDIT or DIRECTION_COLUMN");
			}
		}
		try {
			DateTimeFormatter.ofPattern(dateFormat == null ? "" : dateFormat);
			errors.require(dateFormat != null && !dateFormat.isBlank(), "definition.dateFormat", "is required, e.g. dd/MM/yyyy");
		}
		catch (IllegalArgumentException e) {
			errors.add("definition.dateFormat", "is not a valid date pattern");
		}
		if (currency != null && !currency.isBlank()) {
			errors.attempt(() -> Asset.of(currency, "definition.currency"));
		}
		errors.require(thousandsSeparator == null || thousandsSeparator.length() <= 1, "definition.thousandsSeparator", "must be at most one character");
		errors.require(decimalSeparator == null || decimalSeparator.length() == 1, "definition.decimalSeparator", "must be one character");
		errors.throwIfAny();
		return this;
	}

	char delimiterChar() {
		return delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0);
	}

	@Nullable Integer column(String field) {
		return columns.get(field);
	}
}
