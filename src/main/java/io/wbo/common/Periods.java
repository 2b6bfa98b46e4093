package io.wbo.common;

import org.jspecify.annotations.Nullable;

/** Periods given by a from and a to (list filters, reconciliation runs). */
public final class Periods {

	private Periods() {
	}

	/** {@link #requireOrdered(String, String, Comparable, Comparable)} for the fields {@code from} and {@code to}. */
	public static <T extends Comparable<? super T>> void requireOrdered(@Nullable T from, @Nullable T to) {
		requireOrdered("from", "to", from, to);
	}

	/**
	 * A period that ends before it starts is a mistake in the request (the two ends swapped), said on its end field: an
	 * empty page would hide it. Either end may be open.
	 */
	public static <T extends Comparable<? super T>> void requireOrdered(String fromField, String toField, @Nullable T from, @Nullable T to) {
		if (from != null && to != null && to.compareTo(from) < 0) {
			throw InvalidInputException.of(toField, messageOf(fromField));
		}
	}

	private static String messageOf(String fromField) {
		return "must not be before " + fromField;
	}
}
