package io.wbo.withdrawal.internal;

import static io.wbo.withdrawal.WithdrawalStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

import io.wbo.common.Asset;
import io.wbo.common.DomainException;
import io.wbo.common.IllegalTransitionException;
import io.wbo.common.Money;
import io.wbo.withdrawal.WithdrawalStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The aggregate's state machine, without Spring: every allowed transition, and refusals naming the current state. */
class WithdrawalStateMachineTests {

	static Withdrawal in(WithdrawalStatus status) {
		Money hkd = new Money(Asset.HKD, new java.math.BigDecimal("100.00"));
		return new Withdrawal(1, "W20261122-000001", 7, Asset.HKD, hkd, new Money(Asset.HKD, new java.math.BigDecimal("5.00")),
				new Withdrawal.Card(3, "HSBC", "004", "004-1", "CHAN TAI MAN"), null, status, 1, null, null, 9L, null, null, null, null,
				Instant.now(), 0);
	}

	record Case(WithdrawalStatus from, Consumer<Withdrawal> command, WithdrawalStatus to) {
	}

	static final Case[] ALLOWED = {
			new Case(RISK_CHECKING, Withdrawal::riskPassed, RISK_PASSED),
			new Case(RISK_CHECKING, Withdrawal::riskFailed, RISK_FAILED),
			new Case(RISK_CHECKING, w -> w.reject("r"), REJECTED),
			new Case(RISK_PASSED, w -> w.reject("r"), REJECTED),
			new Case(RISK_FAILED, w -> w.reject("r"), REJECTED),
			new Case(RISK_CHECKING, w -> w.delete("r"), DELETED),
			new Case(RISK_PASSED, w -> w.delete("r"), DELETED),
			new Case(RISK_FAILED, w -> w.delete("r"), DELETED),
			new Case(RISK_PASSED, Withdrawal::submit, SUBMITTED),
			new Case(RISK_PASSED, w -> w.applyEdit(w.amount(), w.fee(), w.card(), "x"), RISK_CHECKING),
			new Case(RISK_FAILED, w -> w.applyEdit(w.amount(), w.fee(), w.card(), "x"), RISK_CHECKING),
			new Case(SUBMITTED, Withdrawal::requestDirectPayout, DIRECT_PENDING_APPROVAL),
			new Case(DIRECT_PENDING_APPROVAL, Withdrawal::directPayoutApproved, DIRECT_PROCESSING),
			new Case(DIRECT_PENDING_APPROVAL, Withdrawal::directPayoutRefused, SUBMITTED),
			new Case(DIRECT_PROCESSING, Withdrawal::directSucceeded, COMPLETED),
			new Case(DIRECT_PROCESSING, w -> w.directFailed("bank rejected"), ABNORMAL),
			new Case(ABNORMAL, w -> w.handleAbnormal(AbnormalAction.REPAY), ABNORMAL_PENDING_REVIEW),
			new Case(ABNORMAL_PENDING_REVIEW, Withdrawal::abnormalRefused, ABNORMAL),
			new Case(ABNORMAL_PENDING_REVIEW, Withdrawal::turnedToSuccess, COMPLETED),
			new Case(ABNORMAL_PENDING_REVIEW, Withdrawal::turnedToFailure, FAILED),
			new Case(ABNORMAL_PENDING_REVIEW, Withdrawal::repaid, DIRECT_PROCESSING),
			new Case(ABNORMAL_PENDING_REVIEW, Withdrawal::resubmitted, DIRECT_PROCESSING),
			new Case(COMPLETED, Withdrawal::returned, RETURNED) };

	@Test
	void everyAllowedTransitionMovesToItsState() {
		for (Case c : ALLOWED) {
			Withdrawal w = in(c.from());
			c.command().accept(w);
			assertThat(w.status()).as(c.from() + " → " + c.to()).isEqualTo(c.to());
		}
	}

	/** The batch path runs set-based in SQL, from the same transition table. */
	@Test
	void batchTransitionsFollowTheSpec() {
		assertThat(Transition.PACK.from()).containsExactly(SUBMITTED);
		assertThat(Transition.PACK.to()).isEqualTo(IN_BATCH);
		assertThat(Transition.BATCH_SUBMIT.from()).containsExactly(IN_BATCH);
		assertThat(Transition.BATCH_SUBMIT.to()).isEqualTo(BATCH_PENDING_APPROVAL);
		assertThat(Transition.BATCH_APPROVED.to()).isEqualTo(BATCH_PROCESSING);
		assertThat(Transition.RESULTS_ENTERED.from()).containsExactly(BATCH_PROCESSING);
		assertThat(Transition.RESULTS_ENTERED.to()).isEqualTo(RESULT_PENDING_REVIEW);
		assertThat(Transition.BATCH_SUCCEEDED.from()).containsExactly(RESULT_PENDING_REVIEW);
		assertThat(Transition.BATCH_SUCCEEDED.to()).isEqualTo(COMPLETED);
		assertThat(Transition.BATCH_FAILED.to()).isEqualTo(ABNORMAL);
		assertThat(Transition.SUBMIT.from()).containsExactly(RISK_PASSED);
	}

	@ParameterizedTest
	@EnumSource(value = WithdrawalStatus.class, names = "RISK_PASSED", mode = EnumSource.Mode.EXCLUDE)
	void onlyAPassedApplicationCanBeSubmitted(WithdrawalStatus status) {
		Withdrawal w = in(status);
		assertThatThrownBy(w::submit).isInstanceOf(IllegalTransitionException.class).hasMessageContaining(status.name());
		assertThat(w.status()).isEqualTo(status);
	}

	@ParameterizedTest
	@EnumSource(value = WithdrawalStatus.class, names = { "RISK_CHECKING", "RISK_PASSED", "RISK_FAILED" }, mode = EnumSource.Mode.EXCLUDE)
	void afterSubmissionNothingCanBeRejectedOrDeleted(WithdrawalStatus status) {
		assertThatThrownBy(() -> in(status).reject("no")).isInstanceOf(IllegalTransitionException.class).hasMessageContaining(status.name());
		assertThatThrownBy(() -> in(status).delete("no")).isInstanceOf(IllegalTransitionException.class).hasMessageContaining(status.name());
		assertThatThrownBy(() -> in(status).editProposed(5)).isInstanceOf(IllegalTransitionException.class);
	}

	@ParameterizedTest
	@EnumSource(value = WithdrawalStatus.class, names = "ABNORMAL", mode = EnumSource.Mode.EXCLUDE)
	void onlyAnAbnormalApplicationCanBeHandled(WithdrawalStatus status) {
		for (AbnormalAction action : AbnormalAction.values()) {
			assertThatThrownBy(() -> in(status).handleAbnormal(action)).isInstanceOf(IllegalTransitionException.class)
					.hasMessageContaining(status.name());
		}
	}

	@Test
	void aProcessingPayoutCanNeverBeRepaidOrCompletedTwice() {
		assertThatThrownBy(in(DIRECT_PROCESSING)::repaid).isInstanceOf(IllegalTransitionException.class)
				.hasMessageContaining("DIRECT_PROCESSING");
		assertThatThrownBy(in(COMPLETED)::directSucceeded).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("COMPLETED");
		assertThatThrownBy(in(COMPLETED)::turnedToSuccess).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(in(FAILED)::returned).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("FAILED");
	}

	@Test
	void noTransitionLeavesAFinalState() {
		Set<WithdrawalStatus> finals = EnumSet.of(REJECTED, DELETED, FAILED, RETURNED);
		for (Transition t : Transition.values()) {
			assertThat(t.from()).as(t.name()).doesNotContainAnyElementsOf(finals);
		}
	}

	@Test
	void anEditWaitingForApprovalBlocksSubmissionAndASecondEdit() {
		Withdrawal w = in(RISK_PASSED);
		w.editProposed(42);
		assertThatThrownBy(w::submit).isInstanceOf(DomainException.class).hasMessageContaining("work order 42");
		assertThatThrownBy(() -> w.editProposed(43)).isInstanceOf(DomainException.class);
		w.editClosed(42);
		w.submit();
		assertThat(w.status()).isEqualTo(SUBMITTED);
	}

	@Test
	void anApprovedEditStartsANewFreezeGenerationAndARecheck() {
		Withdrawal w = in(RISK_PASSED);
		String oldFreeze = w.freezeKey();
		w.applyEdit(new Money(Asset.HKD, new java.math.BigDecimal("50.00")), w.fee(), w.card(), null);
		assertThat(w.freezeKey()).isNotEqualTo(oldFreeze).endsWith(":v2");
		assertThat(w.status()).isEqualTo(RISK_CHECKING);
		assertThat(w.total().text()).isEqualTo("55.00");
	}
}
