package io.wbo.customer;

/** A customer's bank account that withdrawals pay into (銀行卡). */
public record BankCard(long id, long customerId, String bankName, String bankCode, String accountNo, String holderName,
		String currency, boolean verified) {

	/** The account number with all but the last four digits hidden, for lists and the APP. */
	public String maskedAccountNo() {
		return io.wbo.common.Masking.accountNo(accountNo);
	}
}
