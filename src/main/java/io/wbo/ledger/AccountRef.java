package io.wbo.ledger;

import io.wbo.common.Asset;

/** Names a ledger account without knowing its id: owner, asset and kind. */
public record AccountRef(String ownerType, String ownerRef, Asset asset, AccountKind kind) {

	public static AccountRef available(long customerId, Asset asset) {
		return new AccountRef("CUSTOMER", Long.toString(customerId), asset, AccountKind.AVAILABLE);
	}

	public static AccountRef frozen(long customerId, Asset asset) {
		return new AccountRef("CUSTOMER", Long.toString(customerId), asset, AccountKind.FROZEN);
	}

	/** The clearing account of one company bank account in one currency. */
	public static AccountRef companyBank(long companyAccountId, Asset asset) {
		return new AccountRef("SYSTEM", "COMPANY_BANK:" + companyAccountId, asset, AccountKind.COMPANY_BANK);
	}

	public static AccountRef system(AccountKind kind, Asset asset) {
		return new AccountRef("SYSTEM", kind.name(), asset, kind);
	}
}
