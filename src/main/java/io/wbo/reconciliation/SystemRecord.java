package io.wbo.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One system record to reconcile: a completed withdrawal payout or a credited deposit, as the bank should show it.
 * {@code batchId} groups payouts that the bank may book as one line.
 */
public record SystemRecord(String recordType, long id, String serial, String currency, BigDecimal amount, LocalDate date,
		@Nullable String counterpartyAccount, @Nullable String bankReference, @Nullable String batchId) {
}
