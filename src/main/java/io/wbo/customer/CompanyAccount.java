package io.wbo.customer;

import java.util.List;

/** One of the broker's own bank accounts, receiving deposits and/or paying withdrawals. */
public record CompanyAccount(long id, String bankName, String bankCode, String accountNo, String accountName,
		List<String> currencies, List<String> channels, String purpose, boolean active) {

	public boolean supportsCurrency(String currency) {
		return currencies.contains(currency);
	}

	public boolean supportsChannel(String channel) {
		return channels.contains(channel);
	}
}
