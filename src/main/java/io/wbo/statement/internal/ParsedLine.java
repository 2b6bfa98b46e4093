package io.wbo.statement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.wbo.reconciliation.Direction;
import org.jspecify.annotations.Nullable;

/**
 * One statement line as a parser read it, before it is stored: {@code lineNo} is where it starts in the file (for the
 * operator's error report and the position among identical lines); the amount is positive, the direction says which way.
 */
record ParsedLine(int lineNo, Direction direction, BigDecimal amount, String currency, LocalDate bookingDate,
		@Nullable LocalDate valueDate, @Nullable String bankReference, @Nullable String counterpartyName,
		@Nullable String counterpartyAccount, @Nullable String counterpartyBank, @Nullable String description) {
}
