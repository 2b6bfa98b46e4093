package io.wbo.statement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.wbo.common.InvalidInputException;
import io.wbo.reconciliation.Direction;
import io.wbo.statement.BankLine;

/** Validates lines from a bank API, naming each bad field as lines[i].field. */
final class BankLines {

	private BankLines() {
	}

	static List<ParsedLine> parse(List<BankLine> lines) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		List<ParsedLine> out = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			BankLine l = lines.get(i);
			String at = "lines[" + i + "].";
			if (l == null) {
				errors.add("lines[" + i + "]", "is required");
				continue;
			}
			Direction direction = null;
			if (l.direction() == null || !(l.direction().equals("IN") || l.direction().equals("OUT"))) {
				errors.add(at + "direction", "must be IN or OUT");
			}
			else {
				direction = Direction.valueOf(l.direction());
			}
			String currency = l.currency() == null ? null : l.currency().trim().toUpperCase(Locale.ROOT);
			BigDecimal amount = null;
			if (l.amount() == null || !l.amount().matches("\\d{1,20}(\\.\\d{1,18})?")) {
				errors.add(at + "amount", "must be a positive plain decimal string such as \"1234.50\"");
			}
			else if (currency == null) {
				errors.add(at + "currency", "is required");
			}
			else {
				Amounts.Read<BigDecimal> scaled = Amounts.atScale(new BigDecimal(l.amount()), currency);
				if (scaled.error() != null) {
					errors.add(at + "amount", scaled.error());
				}
				amount = scaled.value();
			}
			LocalDate booking = date(l.bookingDate(), at + "bookingDate", true, errors);
			LocalDate value = date(l.valueDate(), at + "valueDate", false, errors);
			if (direction != null && amount != null && booking != null) {
				out.add(new ParsedLine(i + 1, direction, amount, currency, booking, value, Amounts.blankToNull(l.bankReference()),
						Amounts.blankToNull(l.counterpartyName()), Amounts.blankToNull(l.counterpartyAccount()), Amounts.blankToNull(l.counterpartyBank()),
						Amounts.blankToNull(l.description())));
			}
		}
		errors.throwIfAny();
		return out;
	}

	private static LocalDate date(String text, String field, boolean required, InvalidInputException.Collector errors) {
		if (text == null || text.isBlank()) {
			if (required) {
				errors.add(field, "is required");
			}
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			errors.add(field, "must be a date such as 2026-11-23");
			return null;
		}
	}
}
