package io.wbo.withdrawal.internal;

import static io.wbo.withdrawal.WithdrawalStatus.*;

import java.util.EnumSet;
import java.util.Set;

import io.wbo.withdrawal.WithdrawalStatus;

/**
 * Every allowed move of a withdrawal, and no other (SPEC W state summary). The aggregate applies one to itself; batch
 * actions use the same table in their set-based SQL ({@link #fromNames()}), so both paths obey the same rules.
 * Rejecting a payout's approval work order returns the application to where the request started (not in the
 * summary's arrows, but the only place a refused request can go).
 */
enum Transition {
	RISK_PASS("pass the risk check", RISK_PASSED, RISK_CHECKING),
	RISK_FAIL("fail the risk check", RISK_FAILED, RISK_CHECKING),
	RECHECK("apply an edit to", RISK_CHECKING, RISK_CHECKING, RISK_PASSED, RISK_FAILED),
	REJECT("reject", REJECTED, RISK_CHECKING, RISK_PASSED, RISK_FAILED),
	DELETE("delete", DELETED, RISK_CHECKING, RISK_PASSED, RISK_FAILED),
	SUBMIT("submit", SUBMITTED, RISK_PASSED),
	REQUEST_DIRECT_PAYOUT("request a direct payout of", DIRECT_PENDING_APPROVAL, SUBMITTED),
	DIRECT_PAYOUT_REFUSED("refuse the direct payout of", SUBMITTED, DIRECT_PENDING_APPROVAL),
	DIRECT_PAYOUT_APPROVED("approve the direct payout of", DIRECT_PROCESSING, DIRECT_PENDING_APPROVAL),
	DIRECT_SUCCEEDED("record a successful payout of", COMPLETED, DIRECT_PROCESSING),
	DIRECT_FAILED("record a failed payout of", ABNORMAL, DIRECT_PROCESSING),
	PACK("pack into a batch", IN_BATCH, SUBMITTED),
	UNPACK("remove from its batch", SUBMITTED, IN_BATCH),
	BATCH_SUBMIT("submit the batch of", BATCH_PENDING_APPROVAL, IN_BATCH),
	BATCH_REFUSED("refuse the batch payout of", IN_BATCH, BATCH_PENDING_APPROVAL),
	BATCH_APPROVED("approve the batch payout of", BATCH_PROCESSING, BATCH_PENDING_APPROVAL),
	RESULTS_ENTERED("send for result review", RESULT_PENDING_REVIEW, BATCH_PROCESSING),
	RESULTS_REFUSED("refuse the results of", BATCH_PROCESSING, RESULT_PENDING_REVIEW),
	BATCH_SUCCEEDED("complete", COMPLETED, RESULT_PENDING_REVIEW),
	BATCH_FAILED("mark abnormal", ABNORMAL, RESULT_PENDING_REVIEW),
	HANDLE_ABNORMAL("handle as abnormal", ABNORMAL_PENDING_REVIEW, ABNORMAL),
	ABNORMAL_REFUSED("refuse the handling of", ABNORMAL, ABNORMAL_PENDING_REVIEW),
	TO_SUCCESS("turn to success", COMPLETED, ABNORMAL_PENDING_REVIEW),
	TO_FAILURE("turn to failure", FAILED, ABNORMAL_PENDING_REVIEW),
	REPAY("re-pay", DIRECT_PROCESSING, ABNORMAL_PENDING_REVIEW),
	RESUBMIT("resubmit", DIRECT_PROCESSING, ABNORMAL_PENDING_REVIEW),
	RETURN("return", RETURNED, COMPLETED);

	private final String action;
	private final WithdrawalStatus to;
	private final Set<WithdrawalStatus> from;

	Transition(String action, WithdrawalStatus to, WithdrawalStatus first, WithdrawalStatus... more) {
		this.action = action;
		this.to = to;
		this.from = EnumSet.of(first, more);
	}

	String action() {
		return action;
	}

	WithdrawalStatus to() {
		return to;
	}

	Set<WithdrawalStatus> from() {
		return from;
	}

	boolean allowedFrom(WithdrawalStatus status) {
		return from.contains(status);
	}

	String[] fromNames() {
		return from.stream().map(Enum::name).toArray(String[]::new);
	}
}
