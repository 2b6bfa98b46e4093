package io.wbo.common;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The amount range of a list filter ({@code minAmount}, {@code maxAmount}): plain non-negative decimals of any asset,
 * either bound optional, the lower not above the upper. Bad bounds are added to the caller's collector, so a list
 * reports them with its other filter errors.
 */
public record AmountRange(@Nullable BigDecimal min, @Nullable BigDecimal max) {

	public static AmountRange parse(@Nullable String min, @Nullable String max, InvalidInputException.Collector errors) {
		BigDecimal low = bound(min, "minAmount", errors);
		BigDecimal high = bound(max, "maxAmount", errors);
		if (low != null && high != null && low.compareTo(high) > 0) {
			errors.add("maxAmount", "must not be below minAmount");
		}
		return new AmountRange(low, high);
	}

	private static @Nullable BigDecimal bound(@Nullable String text, String field, InvalidInputException.Collector errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (!text.trim().matches("\\d{1,20}(\\.\\d{1,18})?")) {
			errors.add(field, Money.PLAIN_DECIMAL);
			return null;
		}
		return new BigDecimal(text.trim());
	}
}
