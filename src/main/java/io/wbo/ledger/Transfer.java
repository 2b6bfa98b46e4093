package io.wbo.ledger;

import io.wbo.common.Money;

/**
 * A request to move money from one account to another. The key makes it idempotent: the same key with the same
 * content returns the first result; the same key with other content is refused.
 */
public record Transfer(String key, TransferKind kind, AccountRef debit, AccountRef credit, Money amount,
		String referenceType, String referenceId) {

	public Transfer {
		if (!debit.asset().equals(amount.asset()) || !credit.asset().equals(amount.asset())) {
			throw new IllegalArgumentException("transfer " + key + " mixes assets");
		}
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("transfer " + key + " must move a positive amount");
		}
		if (debit.equals(credit)) {
			throw new IllegalArgumentException("transfer " + key + " has the same debit and credit account");
		}
	}
}
