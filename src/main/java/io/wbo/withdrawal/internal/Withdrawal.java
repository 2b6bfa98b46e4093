package io.wbo.withdrawal.internal;

import java.math.BigDecimal;
import java.time.Instant;

import io.wbo.common.Asset;
import io.wbo.common.DomainException;
import io.wbo.common.IllegalTransitionException;
import io.wbo.common.Money;
import io.wbo.withdrawal.WithdrawalStatus;
import org.jspecify.annotations.Nullable;

/**
 * 出金申請: one customer's request to take money out, and the aggregate that owns its state. Every command is a
 * method that checks the current state against {@link Transition} and refuses anything else, naming the state. Money
 * does not move here: the service moves it through the ledger in the same transaction, keyed by {@link #freezeKey()}
 * and friends so a replay can never move it twice.
 */
final class Withdrawal {

	/** The receiving bank card as it was when the application was made (or last edited). */
	record Card(long id, String bankName, String bankCode, String accountNo, String holderName) {
	}

	private final long id;
	private final String serial;
	private final long customerId;
	private final Asset currency;
	private final Instant createdAt;
	private Money amount;
	private Money fee;
	private Card card;
	private @Nullable String remark;
	private WithdrawalStatus status;
	private int freezeVersion;
	private @Nullable Long pendingEdit;
	private @Nullable Long batchId;
	private @Nullable Long payoutId;
	private @Nullable String closeReason;
	private @Nullable String failureReason;
	private @Nullable String abnormalAction;
	private @Nullable Long abnormalWorkOrder;
	private final int version;

	Withdrawal(long id, String serial, long customerId, Asset currency, Money amount, Money fee, Card card, @Nullable String remark,
			WithdrawalStatus status, int freezeVersion, @Nullable Long pendingEdit, @Nullable Long batchId,
			@Nullable Long payoutId, @Nullable String closeReason, @Nullable String failureReason, @Nullable String abnormalAction,
			@Nullable Long abnormalWorkOrder, Instant createdAt, int version) {
		this.id = id;
		this.serial = serial;
		this.customerId = customerId;
		this.currency = currency;
		this.amount = amount;
		this.fee = fee;
		this.card = card;
		this.remark = remark;
		this.status = status;
		this.freezeVersion = freezeVersion;
		this.pendingEdit = pendingEdit;
		this.batchId = batchId;
		this.payoutId = payoutId;
		this.closeReason = closeReason;
		this.failureReason = failureReason;
		this.abnormalAction = abnormalAction;
		this.abnormalWorkOrder = abnormalWorkOrder;
		this.createdAt = createdAt;
		this.version = version;
	}

	private WithdrawalStatus move(Transition transition) {
		if (!transition.allowedFrom(status)) {
			throw new IllegalTransitionException("withdrawal", serial, status, transition.action());
		}
		WithdrawalStatus before = status;
		status = transition.to();
		return before;
	}

	// --- risk check (W-3)

	void riskPassed() {
		move(Transition.RISK_PASS);
	}

	void riskFailed() {
		move(Transition.RISK_FAIL);
	}

	// --- before submission (W-4 .. W-7)

	void reject(String reason) {
		move(Transition.REJECT);
		closeReason = reason;
		pendingEdit = null;
	}

	void delete(String reason) {
		move(Transition.DELETE);
		closeReason = reason;
		pendingEdit = null;
	}

	/** An edit was proposed as a work order; only one may wait at a time. */
	void editProposed(long workOrderId) {
		if (!status.isBeforeSubmission()) {
			throw new IllegalTransitionException("withdrawal", serial, status, "edit");
		}
		if (pendingEdit != null) {
			throw DomainException.rule("edit-pending", "withdrawal " + serial + " already has an edit waiting for approval in work order " + pendingEdit);
		}
		pendingEdit = workOrderId;
	}

	/** The approved edit applies: new figures, a new freeze generation, and the risk check runs again. */
	void applyEdit(Money newAmount, Money newFee, Card newCard, @Nullable String newRemark) {
		move(Transition.RECHECK);
		amount = newAmount;
		fee = newFee;
		card = newCard;
		remark = newRemark;
		freezeVersion++;
		pendingEdit = null;
	}

	void editClosed(long workOrderId) {
		if (pendingEdit != null && pendingEdit == workOrderId) {
			pendingEdit = null;
		}
	}

	void submit() {
		requireNoPendingEdit("submit");
		move(Transition.SUBMIT);
	}

	private void requireNoPendingEdit(String action) {
		if (pendingEdit != null) {
			throw DomainException.rule("edit-pending", "cannot " + action + " withdrawal " + serial
					+ ": its edit waits for approval in work order " + pendingEdit);
		}
	}

	// --- direct payout (W-8)

	void requestDirectPayout() {
		move(Transition.REQUEST_DIRECT_PAYOUT);
	}

	/** The payout order (提現單) that now carries this application's money. */
	void payoutOrder(long newPayoutId) {
		payoutId = newPayoutId;
	}

	void directPayoutRefused() {
		move(Transition.DIRECT_PAYOUT_REFUSED);
		payoutId = null;
	}

	void directPayoutApproved() {
		move(Transition.DIRECT_PAYOUT_APPROVED);
	}

	void directSucceeded() {
		move(Transition.DIRECT_SUCCEEDED);
		failureReason = null;
	}

	void directFailed(String reason) {
		move(Transition.DIRECT_FAILED);
		failureReason = reason;
	}

	// --- abnormal handling (W-13)

	void handleAbnormal(AbnormalAction action) {
		move(Transition.HANDLE_ABNORMAL);
		abnormalAction = action.name();
	}

	void reviewedIn(long workOrderId) {
		abnormalWorkOrder = workOrderId;
	}

	void abnormalRefused() {
		move(Transition.ABNORMAL_REFUSED);
		abnormalAction = null;
		abnormalWorkOrder = null;
	}

	void turnedToSuccess() {
		move(Transition.TO_SUCCESS);
	}

	void turnedToFailure() {
		move(Transition.TO_FAILURE);
	}

	void repaid() {
		move(Transition.REPAY);
		failureReason = null;
	}

	void resubmitted() {
		move(Transition.RESUBMIT);
		failureReason = null;
	}

	void returned() {
		move(Transition.RETURN);
	}

	// --- ledger keys: one per movement and generation, so a replay never moves money twice

	Money total() {
		return amount.plus(fee);
	}

	String freezeKey() {
		return "WD:" + id + ":FREEZE:v" + freezeVersion;
	}

	String unfreezeKey() {
		return "WD:" + id + ":UNFREEZE:v" + freezeVersion;
	}

	String payoutKey() {
		return "WD:" + id + ":PAYOUT";
	}

	String feeKey() {
		return "WD:" + id + ":FEE";
	}

	long id() {
		return id;
	}

	String serial() {
		return serial;
	}

	long customerId() {
		return customerId;
	}

	Asset currency() {
		return currency;
	}

	Money amount() {
		return amount;
	}

	Money fee() {
		return fee;
	}

	Card card() {
		return card;
	}

	@Nullable String remark() {
		return remark;
	}

	WithdrawalStatus status() {
		return status;
	}

	int freezeVersion() {
		return freezeVersion;
	}


	@Nullable Long pendingEdit() {
		return pendingEdit;
	}

	@Nullable Long batchId() {
		return batchId;
	}

	@Nullable Long payoutId() {
		return payoutId;
	}

	@Nullable String closeReason() {
		return closeReason;
	}

	@Nullable String failureReason() {
		return failureReason;
	}

	@Nullable String abnormalAction() {
		return abnormalAction;
	}

	@Nullable Long abnormalWorkOrder() {
		return abnormalWorkOrder;
	}

	Instant createdAt() {
		return createdAt;
	}

	int version() {
		return version;
	}

	BigDecimal amountValue() {
		return amount.amount();
	}
}
