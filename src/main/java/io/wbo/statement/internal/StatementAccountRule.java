package io.wbo.statement.internal;

import java.util.Locale;

/**
 * Whether the account a statement file names (MT940 :25:, camt.053 Acct/Id) is the company account it is imported
 * into. Banks print one number with different separators ("004-500-888001-838", "004500888001838") and often put
 * their bank code or BIC in front ("HSBCHKHH/004500888001838"), so only letters and digits count, upper-cased, and the
 * statement's identifier must contain the account's number.
 */
final class StatementAccountRule {

	private StatementAccountRule() {
	}

	static boolean isFor(String statementAccountId, String accountNo) {
		String number = lettersAndDigits(accountNo);
		return !number.isEmpty() && lettersAndDigits(statementAccountId).contains(number);
	}

	private static String lettersAndDigits(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString().toUpperCase(Locale.ROOT);
	}
}
