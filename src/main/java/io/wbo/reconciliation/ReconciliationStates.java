package io.wbo.reconciliation;

import org.jspecify.annotations.Nullable;

/** The latest result kept per record, as far as other modules may change it outside a run. */
public interface ReconciliationStates {

	/** What a run says of a record tagged by hand (B-5), and what the record shows from the tag on. */
	String TAGGED_BY_HAND = "tagged by hand";

	/**
	 * B-5: a bank line tagged to a record matches it now, as the next run will say: the record shows MATCHED, tagged by
	 * hand, without waiting for that run.
	 */
	void bindLine(String recordType, long recordId, long statementLineId);

	/**
	 * B-6: a tag rejected frees both sides. A result that rested on that bank line no longer holds: it is withdrawn, and
	 * the record shows no result until the next run reconciles it again.
	 */
	void releaseLine(String recordType, long recordId, long statementLineId);

	/**
	 * B-3, B-4: a bank line deleted or flipped after a run compared it with a record (an amount mismatch) says nothing
	 * of that record any more: the result that rested on it is withdrawn until the next run. {@code recordType} and
	 * {@code recordId} are the record the line names, if one (a batch line names none: its records are found by the
	 * line).
	 */
	void forgetLine(long statementLineId, @Nullable String recordType, @Nullable Long recordId);
}
