package io.wbo.ledger;

/** What a ledger account holds. Customer accounts are guarded (never below zero); system accounts are not. */
public enum AccountKind {
	AVAILABLE(true),
	FROZEN(true),
	COMPANY_BANK(false),
	FEE_INCOME(false),
	SUSPENSE(false),
	HOT_WALLET(false),
	REWARDS_EXPENSE(false),
	ADJUSTMENT(false);

	private final boolean guarded;

	AccountKind(boolean guarded) {
		this.guarded = guarded;
	}

	public boolean guarded() {
		return guarded;
	}
}
