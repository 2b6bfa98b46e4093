package io.wbo.statement.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.wbo.common.Asset;
import io.wbo.common.IllegalTransitionException;
import io.wbo.common.Money;
import io.wbo.reconciliation.Direction;
import org.jspecify.annotations.Nullable;

/**
 * 銀行流水: one line of a company account's bank statement. It owns the rules of what may be done to it: delete (B-3),
 * flip (B-4) and tag (B-5) only while unmatched; reject a tag (B-6) only while tagged.
 */
record StatementLine(long id, long accountId, Direction direction, Direction originalDirection, BigDecimal amount, String currency,
		LocalDate bookingDate, @Nullable LocalDate valueDate, @Nullable String bankReference, @Nullable String counterpartyName,
		@Nullable String counterpartyAccount, @Nullable String counterpartyBank, @Nullable String description, String source,
		@Nullable Long importId, @Nullable Integer lineNo, LineStatus status, @Nullable String recordType, @Nullable Long recordId,
		@Nullable String recordSerial, @Nullable String reconResult, @Nullable String reconReason, @Nullable Long reconRunId,
		@Nullable String remark, Instant createdAt, int version) {

	void requireUnmatched(String action) {
		if (status != LineStatus.UNMATCHED) {
			throw new IllegalTransitionException("statement line", id, status, action);
		}
	}

	void requireTagged(String action) {
		if (status != LineStatus.TAGGED) {
			throw new IllegalTransitionException("statement line", id, status, action);
		}
	}

	/** The line as another module's history names it: number, booking date, amount and the bank's reference. */
	String label() {
		return "#" + id + " " + bookingDate + " " + Money.display(amount, Asset.of(currency))
				+ (bankReference == null || bankReference.isBlank() ? "" : " " + bankReference.trim());
	}

	Direction flipped() {
		return direction == Direction.IN ? Direction.OUT : Direction.IN;
	}
}
