package io.wbo.customer;

/** A customer's bank account that withdrawals pay into (銀行卡). */
public record BankCard(long id, long customerId, String bankName, String bankCode, String accountNo, String holderName,
		String currency, boolean verified) {

	/** The account number with all but the last four digits hidden, for lists and the APP. */
	public String maskedAccountNo() {
		return accountNo.length() <= 4 ? accountNo : "*".repeat(accountNo.length() - 4) + accountNo.substring(accountNo.length() - 4);
	}
}
