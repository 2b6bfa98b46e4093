package io.wbo.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An exact amount of one asset, always at the asset's scale. Amounts travel as strings and are parsed here,
 * so too many decimals, a sign or garbage is refused at the edge with the name of the field.
 */
public record Money(Asset asset, BigDecimal amount) implements Comparable<Money> {

	public Money {
		if (amount.scale() > asset.scale() && amount.stripTrailingZeros().scale() > asset.scale()) {
			throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more decimals than " + asset.code() + " allows (" + asset.scale() + ")");
		}
		amount = amount.setScale(asset.scale(), RoundingMode.UNNECESSARY);
	}

	public static Money zero(Asset asset) {
		return new Money(asset, BigDecimal.ZERO);
	}

	/** What a text that is not a plain decimal number is told. */
	static final String PLAIN_DECIMAL = "must be a plain decimal number such as \"1234.50\"";

	/** Parses a strictly positive amount. */
	public static Money positive(Asset asset, String text, String field) {
		Money money = parse(asset, text, field);
		if (money.amount.signum() <= 0) {
			throw InvalidInputException.of(field, "must be greater than zero");
		}
		return money;
	}

	/** Parses an amount that may be zero but not negative (fees). */
	public static Money nonNegative(Asset asset, String text, String field) {
		Money money = parse(asset, text, field);
		if (money.amount.signum() < 0) {
			throw InvalidInputException.of(field, "must not be negative");
		}
		return money;
	}

	private static Money parse(Asset asset, String text, String field) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of(field, "is required");
		}
		if (!text.matches("-?\\d+(\\.\\d+)?")) {
			throw InvalidInputException.of(field, PLAIN_DECIMAL);
		}
		BigDecimal value = new BigDecimal(text);
		if (value.stripTrailingZeros().scale() > asset.scale()) {
			throw InvalidInputException.of(field, "has more than " + asset.scale() + " decimals, the scale of " + asset.code());
		}
		if (value.precision() - value.scale() > 20) {
			throw InvalidInputException.of(field, "is too large");
		}
		return new Money(asset, value);
	}

	public Money plus(Money other) {
		requireSameAsset(other);
		return new Money(asset, amount.add(other.amount));
	}

	public Money minus(Money other) {
		requireSameAsset(other);
		return new Money(asset, amount.subtract(other.amount));
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	public boolean isPositive() {
		return amount.signum() > 0;
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	public boolean exceeds(Money other) {
		return compareTo(other) > 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameAsset(other);
		return amount.compareTo(other.amount);
	}

	private void requireSameAsset(Money other) {
		if (!asset.equals(other.asset)) {
			throw new IllegalArgumentException("cannot combine " + asset + " with " + other.asset);
		}
	}

	/** The plain decimal text used in the API ("1234.50"). */
	public String text() {
		return amount.toPlainString();
	}

	/** The amount as people read it in a message: grouped thousands, the asset's decimals, the code ("1,234.50 HKD"). */
	public String display() {
		return display(amount, asset);
	}

	/** An amount of {@code asset} as people read it, grouped with the asset's decimals ("1,234.50 HKD"). */
	public static String display(BigDecimal amount, Asset asset) {
		DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
		grouped.setMinimumFractionDigits(asset.scale());
		// every digit the amount has: a message never rounds money
		grouped.setMaximumFractionDigits(Math.max(asset.scale(), amount.stripTrailingZeros().scale()));
		grouped.setRoundingMode(RoundingMode.UNNECESSARY);
		return grouped.format(amount) + " " + asset.code();
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + asset.code();
	}
}
