package io.wbo.statement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

import io.wbo.common.Asset;
import org.jspecify.annotations.Nullable;

/** Reading amounts and dates as banks print them; every failure is a message for the operator, never an exception. */
final class Amounts {


	private Amounts() {
	}

	/** A result or the reason it could not be read. */
	record Read<T>(@Nullable T value, @Nullable String error) {
		static <T> Read<T> ok(T value) {
			return new Read<>(value, null);
		}

		static <T> Read<T> fail(String error) {
			return new Read<>(null, error);
		}
	}

	/** Parses "1,234.50", "(1,234.50)", "-1234,50" (with the given separators) into a signed decimal. */
	static Read<BigDecimal> signed(String raw, @Nullable String thousands, @Nullable String decimal) {
		String text = raw.trim().replace("\u00a0", "").replace(" ", "");
		boolean negative = false;
		if (text.startsWith("(") && text.endsWith(")")) {
			negative = true;
			text = text.substring(1, text.length() - 1);
		}
		if (text.endsWith("-")) {
			negative = !negative;
			text = text.substring(0, text.length() - 1);
		}
		if (text.startsWith("+")) {
			text = text.substring(1);
		}
		if (thousands != null && !thousands.isEmpty()) {
			text = text.replace(thousands, "");
		}
		if (decimal != null && !decimal.isEmpty() && !".".equals(decimal)) {
			text = text.replace(decimal, ".");
		}
		if (!plain(text)) {
			return Read.fail("amount '" + raw.trim() + "' is not a number");
		}
		BigDecimal value = new BigDecimal(text);
		return Read.ok(negative ? value.negate() : value);
	}

	/** -?\d{1,20}(\.\d{1,18})? — by hand, as it runs for every amount of a million-line file. */
	static boolean plain(String text) {
		int i = text.startsWith("-") ? 1 : 0;
		int integer = digits(text, i);
		if (integer < 1 || integer > 20) {
			return false;
		}
		i += integer;
		if (i == text.length()) {
			return true;
		}
		if (text.charAt(i) != '.') {
			return false;
		}
		int fraction = digits(text, i + 1);
		return fraction >= 1 && fraction <= 18 && i + 1 + fraction == text.length();
	}

	private static int digits(String text, int from) {
		int i = from;
		while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
			i++;
		}
		return i - from;
	}

	/** Checks an absolute amount against the currency's scale and returns it at that scale. */
	static Read<BigDecimal> atScale(BigDecimal amount, String currency) {
		Asset asset;
		try {
			asset = Asset.of(currency, "currency");
		}
		catch (RuntimeException e) {
			return Read.fail("unknown currency '" + currency + "'");
		}
		if (!Asset.isFiat(asset)) {
			return Read.fail("currency '" + currency + "' is not a bank currency");
		}
		if (amount.signum() <= 0) {
			return Read.fail("amount must not be zero");
		}
		if (amount.stripTrailingZeros().scale() > asset.scale()) {
			return Read.fail("amount " + amount.toPlainString() + " has more than " + asset.scale() + " decimals for " + currency);
		}
		return Read.ok(amount.setScale(asset.scale()));
	}

	/** Month names are read in any case: banks print "02-FEB-2032" as often as "02-Feb-2032". */
	static DateTimeFormatter pattern(String pattern) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern.replace("yyyy", "uuuu").replace("yy", "uu"))
				.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
	}

	static Read<LocalDate> date(String raw, DateTimeFormatter format, String what) {
		String text = raw.trim();
		try {
			return Read.ok(LocalDate.parse(text, format));
		}
		catch (DateTimeParseException e) {
			try {
				return Read.ok(LocalDate.parse(text)); // ISO dates from XLSX date cells
			}
			catch (DateTimeParseException iso) {
				return Read.fail(what + " '" + text + "' does not match the date format");
			}
		}
	}

	static @Nullable String blankToNull(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String t = text.strip();
		return t.isEmpty() ? null : t;
	}
}
