package io.wbo.statement;

import org.jspecify.annotations.Nullable;

/**
 * One statement line as a bank API gives it (pulled by a {@link BankConnector} or pushed to the bank-statements
 * webhook). Amounts are positive decimal strings; {@code direction} is IN (credit) or OUT (debit); dates ISO-8601.
 */
public record BankLine(@Nullable String direction, @Nullable String amount, @Nullable String currency, @Nullable String bookingDate,
		@Nullable String valueDate, @Nullable String bankReference, @Nullable String counterpartyName, @Nullable String counterpartyAccount,
		@Nullable String counterpartyBank, @Nullable String description) {
}
