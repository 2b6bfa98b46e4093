package io.wbo.risk.internal;

import java.util.List;

import io.wbo.customer.BankCard;
import io.wbo.customer.Customer;
import io.wbo.ledger.Balance;
import io.wbo.risk.RiskFinding;
import io.wbo.risk.RiskSettings;
import io.wbo.risk.RiskSubject;

/** One named risk rule: readable alone, testable alone, switchable off by an administrator. */
public interface RiskRule {

	/** Stable code shown to operators and used in {@code disabledRules}. */
	String code();

	/** Position in the list of findings. */
	int order();

	RiskFinding check(Context context);

	/** Everything a rule may look at, loaded once per check. */
	record Context(RiskSubject subject, RiskSettings settings, Customer customer, List<BankCard> cards, Balance balance) {
	}

	default RiskFinding pass(String message) {
		return new RiskFinding(code(), true, message);
	}

	default RiskFinding fail(String message) {
		return new RiskFinding(code(), false, message);
	}
}
