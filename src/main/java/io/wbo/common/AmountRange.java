package io.wbo.common;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The amount range of a list filter ({@code minAmount}, {@code maxAmount}): plain non-negative decimals of any asset,
 * either bound optional, the lower not above the upper. Bad bounds are added to the caller's collector, so a list
 * reports them with its other filter errors. The lists' queries take the range as {@link #condition} with {@link #params}.
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

	/** Neither bound given: the range selects everything and adds no condition. */
	public boolean isEmpty() {
		return min == null && max == null;
	}

	/**
	 * The range as a condition on a column, with the parameters {@code :minAmount} and {@code :maxAmount} of
	 * {@link #params}: the bare column against values of its type, so an index on the column can serve it.
	 */
	public String condition(String column) {
		if (min != null && max != null) {
			return column + " BETWEEN :minAmount AND :maxAmount";
		}
		if (min != null) {
			return column + " >= :minAmount";
		}
		return max != null ? column + " <= :maxAmount" : "TRUE";
	}

	/** The bounds given, by the names {@link #condition} uses. */
	public Map<String, Object> params() {
		Map<String, Object> params = new HashMap<>();
		if (min != null) {
			params.put("minAmount", min);
		}
		if (max != null) {
			params.put("maxAmount", max);
		}
		return params;
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
