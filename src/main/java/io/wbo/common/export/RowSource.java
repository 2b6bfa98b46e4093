package io.wbo.common.export;

/**
 * Produces the rows of an export one at a time, typically from a JDBC cursor inside a read-only transaction, so
 * memory does not grow with the number of rows. Cells are {@code String}, {@code Number}
 * ({@code BigDecimal} for money), {@code java.time.Instant} / {@code LocalDate}, {@code Boolean} or null.
 */
@FunctionalInterface
public interface RowSource {

	void forEachRow(RowSink sink) throws Exception;

	/** Receives one row; throwing aborts the export. */
	@FunctionalInterface
	interface RowSink {
		void accept(Object[] row) throws Exception;
	}
}
