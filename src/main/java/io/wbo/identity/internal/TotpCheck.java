package io.wbo.identity.internal;

import java.time.Instant;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

/**
 * Checks an operator's authenticator code and uses it up: a code is accepted once. A code of the step last accepted,
 * or of an earlier one, is refused even inside its 90-second window, so one seen over a shoulder or in a log is worth
 * nothing.
 */
@Component
class TotpCheck {

	enum Outcome { ACCEPTED, WRONG, ALREADY_USED }

	private final OperatorStore operators;

	TotpCheck(OperatorStore operators) {
		this.operators = operators;
	}

	Outcome check(long operatorId, String secret, String code, Instant now) {
		OptionalLong step = Totp.matchingStep(secret, code, now);
		if (step.isEmpty()) {
			return Outcome.WRONG;
		}
		return operators.useTotpStep(operatorId, step.getAsLong()) ? Outcome.ACCEPTED : Outcome.ALREADY_USED;
	}
}
