package io.wbo.statement.internal;

import io.wbo.common.AccountNumbers;

/**
 * Whether the account a statement file names (MT940 :25:, camt.053 Acct/Id) is the company account it is imported
 * into. Banks print one number with different separators ("004-500-888001-838", "004500888001838") and often put
 * their bank code or BIC in front ("HSBCHKHH/004500888001838"), so the numbers are compared by their
 * {@link AccountNumbers#key} and the statement's identifier must contain the account's number.
 */
final class StatementAccountRule {

	private StatementAccountRule() {
	}

	static boolean isFor(String statementAccountId, String accountNo) {
		String number = AccountNumbers.key(accountNo);
		String named = AccountNumbers.key(statementAccountId);
		return number != null && named != null && named.contains(number);
	}
}
