package io.wbo.reconciliation;

/** The latest result kept per record, as far as other modules may change it outside a run. */
public interface ReconciliationStates {

	/**
	 * B-6: a tag rejected frees both sides. A result that rested on that bank line no longer holds: it is withdrawn, and
	 * the record shows no result until the next run reconciles it again.
	 */
	void releaseLine(String recordType, long recordId, long statementLineId);
}
