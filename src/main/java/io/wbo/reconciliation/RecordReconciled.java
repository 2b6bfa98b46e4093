package io.wbo.reconciliation;

import org.jspecify.annotations.Nullable;

/**
 * One system record whose result a reconciliation run set or changed ({@code previous}: its result before the run,
 * null on its first). The latest result of every record is published as the table {@code recon_record_state}, which
 * the owning module reads for its lists (e.g. the 對帳結果 column); these events, in {@link RecordsReconciled} chunks,
 * let it record what deserves its record's history.
 */
public record RecordReconciled(String recordType, long recordId, @Nullable ReconciliationResult previous, ReconciliationResult result,
		String reason, long runId, @Nullable Long statementLineId) {

	/** A first result that is a clean match: the expected outcome, nothing for anyone to follow up (never published). */
	public boolean firstCleanMatch() {
		return previous == null && result == ReconciliationResult.MATCHED;
	}
}
