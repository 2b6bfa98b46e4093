package io.wbo.withdrawal;

/** The states of a withdrawal application, as named by the spec's state summary (SPEC W). */
public enum WithdrawalStatus {
	RISK_CHECKING, RISK_PASSED, RISK_FAILED, REJECTED, DELETED, SUBMITTED,
	DIRECT_PENDING_APPROVAL, DIRECT_PROCESSING,
	IN_BATCH, BATCH_PENDING_APPROVAL, BATCH_PROCESSING, RESULT_PENDING_REVIEW,
	ABNORMAL, ABNORMAL_PENDING_REVIEW, COMPLETED, FAILED, RETURNED;

	/** Before submission: may be edited, rejected or deleted. */
	public boolean isBeforeSubmission() {
		return this == RISK_CHECKING || this == RISK_PASSED || this == RISK_FAILED;
	}

	/** No further transition except a bank return of a completed payout. */
	public boolean isFinal() {
		return this == REJECTED || this == DELETED || this == FAILED || this == RETURNED;
	}
}
