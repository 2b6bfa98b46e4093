package io.wbo.ledger;

/** A balance as the console and the APP show it: amounts as plain decimal strings at the asset's scale. */
public record BalanceView(String asset, String available, String frozen, String withdrawable) {

	public static BalanceView of(Balance b) {
		return new BalanceView(b.asset(), b.available().text(), b.frozen().text(), b.withdrawable().text());
	}
}
