package io.wbo.common;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list: the items and the cursor of the next page (null on the last page). */
public record CursorPage<T>(List<T> items, String next) {

	public static final int MAX_SIZE = 500;

	/**
	 * Builds a page from a query that fetched {@code size + 1} rows: the extra row only tells that there is more.
	 */
	public static <T> CursorPage<T> of(List<T> fetched, int size, Function<T, String> cursorOf) {
		if (fetched.size() <= size) {
			return new CursorPage<>(fetched, null);
		}
		List<T> items = fetched.subList(0, size);
		return new CursorPage<>(List.copyOf(items), cursorOf.apply(items.get(size - 1)));
	}

	public <R> CursorPage<R> map(Function<T, R> mapper) {
		return new CursorPage<>(items.stream().map(mapper).toList(), next);
	}

	/** Validates the requested size: default 50, at most 500. */
	public static int size(Integer requested) {
		if (requested == null) {
			return 50;
		}
		if (requested < 1 || requested > MAX_SIZE) {
			throw InvalidInputException.of("size", "must be between 1 and " + MAX_SIZE);
		}
		return requested;
	}

	/** Parses an id cursor ("after"); null when absent. */
	public static Long afterId(String after) {
		if (after == null || after.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(after);
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("after", "is not a cursor returned by this list");
		}
	}
}
