package io.wbo.reconciliation;

/** 對帳結果 of a record or a bank line. */
public enum ReconciliationResult {
	MATCHED, AMOUNT_MISMATCH, MISSING_IN_BANK, MISSING_IN_SYSTEM
}
