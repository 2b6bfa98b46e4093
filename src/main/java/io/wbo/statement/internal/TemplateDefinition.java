package io.wbo.statement.internal;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wbo.common.Asset;
import io.wbo.common.BusinessDay;
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
	private static final Set<String> DECIMAL_SEPARATORS = Set.of(".", ",");
	/** A moment to print with the date pattern: day and month told apart, and a time and zone for patterns that print them. */
	private static final ZonedDateTime SAMPLE = ZonedDateTime.of(2031, 12, 25, 13, 45, 30, 0, BusinessDay.ZONE);

	/** Refuses a definition that could not read any file, naming every problem. */
	TemplateDefinition validate() {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		errors.require("CSV".equals(fileType) || "XLSX".equals(fileType), "definition.fileType", "must be CSV or XLSX");
		errors.require(encoding != null && ENCODINGS.contains(encoding) && Charset.isSupported(encoding), "definition.encoding",
				"must be one of " + String.join(", ", ENCODINGS));
		errors.require(headerRows >= 0 && headerRows <= 100, "definition.headerRows", "must be between 0 and 100");
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
					noWordInBothDirections(errors);
				}
				default -> errors.add("definition.amountMode", "must be SIGNED, DEBIT_CREDIT or DIRECTION_COLUMN");
			}
			eachColumnHoldsOneField(errors);
		}
		dateFormatReadsWholeDates(errors);
		if (currency != null && !currency.isBlank()) {
			errors.attempt(() -> Asset.of(currency, "definition.currency"));
		}
		separatorsKeepAmountsApart(errors);
		errors.throwIfAny();
		return this;
	}

	/** The parser reads a word case-blind and trimmed, the inflow words first: a word in both lists would make every such line an inflow. */
	private void noWordInBothDirections(InvalidInputException.Collector errors) {
		if (inWords == null || outWords == null) {
			return;
		}
		outWords.stream().filter(java.util.Objects::nonNull).filter(w -> TemplateParser.matches(inWords, w)).findFirst()
				.ifPresent(word -> errors.add("definition.outWords", "must not repeat an inflow word: " + word.trim()));
	}

	/**
	 * Two fields on one column would read one cell as both (a date as an amount, a debit as a credit). The value date
	 * alone may share the booking date's column: a bank that prints one date means both.
	 */
	private void eachColumnHoldsOneField(InvalidInputException.Collector errors) {
		Map<Integer, String> firstField = new HashMap<>();
		columns.entrySet().stream().filter(e -> e.getValue() != null).sorted(Map.Entry.comparingByKey()).forEach(e -> {
			String other = firstField.putIfAbsent(e.getValue(), e.getKey());
			boolean oneDate = "bookingDate".equals(other) && "valueDate".equals(e.getKey());
			if (other != null && !oneDate) {
				errors.add("definition.columns." + e.getKey(), "column " + e.getValue() + " is also mapped to " + other);
			}
		});
	}

	/**
	 * The pattern, built as the parser builds it, must print a date and read the same date back. A pattern without the
	 * year, month or day ("HH:mm", "yyyy-MM", "YYYY-MM-dd" with the week-based year) would refuse every row of every file
	 * as "does not match the date format". A time beside the date ("yyyy-MM-dd HH:mm") is fine: the parser keeps the date.
	 */
	private void dateFormatReadsWholeDates(InvalidInputException.Collector errors) {
		if (dateFormat == null || dateFormat.isBlank()) {
			errors.add("definition.dateFormat", "is required, e.g. dd/MM/yyyy");
			return;
		}
		DateTimeFormatter format;
		try {
			format = Amounts.pattern(dateFormat);
		}
		catch (IllegalArgumentException e) {
			errors.add("definition.dateFormat", "is not a valid date pattern");
			return;
		}
		boolean readsBack;
		try {
			readsBack = LocalDate.parse(format.format(SAMPLE), format).equals(SAMPLE.toLocalDate());
		}
		catch (DateTimeException e) {
			readsBack = false;
		}
		errors.require(readsBack, "definition.dateFormat", "must print and read back a whole date (year, month and day), e.g. dd/MM/yyyy");
	}

	/**
	 * An amount is read by dropping the thousands separator, then taking the decimal one, and a CSV row is split at the
	 * delimiter before that: a separator that is also the other one or the delimiter silently changes amounts (thousands
	 * and decimal both "." read 1234.56 as 123456.00). The delimiter may be the thousands separator: the banks quote such
	 * amounts ("12,500.00"), as the HSBC and Bank of China exports do.
	 */
	private void separatorsKeepAmountsApart(InvalidInputException.Collector errors) {
		boolean decimalKnown = decimalSeparator == null || DECIMAL_SEPARATORS.contains(decimalSeparator);
		errors.require(decimalKnown, "definition.decimalSeparator", "must be '.' or ','");
		char decimal = decimalSeparator == null ? '.' : decimalSeparator.charAt(0);
		if (thousandsSeparator != null && thousandsSeparator.length() > 1) {
			errors.add("definition.thousandsSeparator", "must be at most one character");
		}
		else if (thousandsSeparator != null && !thousandsSeparator.isEmpty()) {
			char thousands = thousandsSeparator.charAt(0);
			// a minus dropped as a thousands separator would turn an outflow into an inflow
			errors.require(!Character.isLetterOrDigit(thousands) && thousands != '-', "definition.thousandsSeparator",
					"must not be a letter, a digit or a minus sign");
			errors.require(!decimalKnown || thousands != decimal, "definition.thousandsSeparator", "must differ from the decimal separator '" + decimal + "'");
		}
		if (delimiter != null && delimiter.length() != 1) {
			errors.add("definition.delimiter", "must be one character");
		}
		else if ("CSV".equals(fileType)) {
			char d = delimiterChar();
			errors.require(!Character.isLetterOrDigit(d) && d != '"' && d != '\n' && d != '\r', "definition.delimiter",
					"must not be a letter, a digit, a quote or a line break");
			errors.require(!decimalKnown || d != decimal, "definition.delimiter", "must differ from the decimal separator '" + decimal + "'");
		}
	}

	char delimiterChar() {
		return delimiter == null || delimiter.isEmpty() ? ',' : delimiter.charAt(0);
	}

	@Nullable Integer column(String field) {
		return columns.get(field);
	}
}
