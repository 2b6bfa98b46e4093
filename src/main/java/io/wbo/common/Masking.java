package io.wbo.common;

/** How account numbers are shown to customers and in lists: all but the last four characters hidden. */
public final class Masking {

	private Masking() {
	}

	public static String accountNo(String accountNo) {
		return accountNo.length() <= 4 ? accountNo : "*".repeat(accountNo.length() - 4) + accountNo.substring(accountNo.length() - 4);
	}
}
