package io.wbo.risk;

import java.math.BigDecimal;

/**
 * What the risk rules look at for one withdrawal: the application itself and the customer's recent withdrawals, which
 * the owning module counts ({@code amountToday} includes this application; {@code count24h} too).
 */
public record RiskSubject(long customerId, String currency, BigDecimal amount, BigDecimal fee, long bankCardId,
		String cardAccountNo, String cardHolderName, BigDecimal amountToday, int count24h) {

	public BigDecimal total() {
		return amount.add(fee);
	}
}
