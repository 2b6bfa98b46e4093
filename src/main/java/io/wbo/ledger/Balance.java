package io.wbo.ledger;

import io.wbo.common.Money;

/** A customer's position in one asset. Withdrawable (可提現) equals available. */
public record Balance(String asset, Money available, Money frozen) {

	public Money withdrawable() {
		return available;
	}
}
