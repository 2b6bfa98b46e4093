package io.wbo.reconciliation;

import org.jspecify.annotations.Nullable;

/**
 * One system record whose result a reconciliation run set or changed; they reach the owning module in
 * {@link RecordsReconciled} chunks, and it keeps the result on its record (e.g. the 對帳結果 column of the withdrawal
 * list).
 */
public record RecordReconciled(String recordType, long recordId, ReconciliationResult result, String reason, long runId,
		@Nullable Long statementLineId) {
}
