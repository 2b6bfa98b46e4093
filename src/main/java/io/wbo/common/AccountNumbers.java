package io.wbo.common;

import org.jspecify.annotations.Nullable;

/**
 * Banks print one account number with different separators and cases ("004-123 456", "004123456", "hk-ab.12"): the
 * key they are compared by keeps only the ASCII letters and digits, in upper case. The reconciliation's SQL computes
 * the same key for bank lines ({@code upper(regexp_replace(x, '[^0-9A-Za-z]', '', 'g'))}).
 */
public final class AccountNumbers {

	private AccountNumbers() {
	}

	/** The comparison key, null when nothing is left. By hand: a reconciliation run calls it for every record. */
	public static @Nullable String key(@Nullable String account) {
		if (account == null) {
			return null;
		}
		StringBuilder n = new StringBuilder(account.length());
		for (int i = 0; i < account.length(); i++) {
			char c = account.charAt(i);
			if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
				n.append(c);
			}
			else if (c >= 'a' && c <= 'z') {
				n.append((char) (c - 'a' + 'A'));
			}
		}
		return n.isEmpty() ? null : n.toString();
	}
}
