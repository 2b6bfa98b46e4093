package io.wbo.ledger;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A transfer as an operator reads it on a customer's page: what moved (amount at the asset's scale), from which account
 * to which, why (the business record), and — being its own audit record — who moved it, from where and when. Actor and
 * address are null on transfers posted before transfers kept them (their audit entries say it).
 */
public record TransferView(long id, String key, String kind, String asset, String amount, Account debit, Account credit,
		@Nullable String referenceType, @Nullable String referenceId, Instant at, @Nullable String actor, @Nullable String ip) {

	/** A ledger account as {@link AccountRef} names it: owner type, owner ({@code COMPANY_BANK:3} for a bank account), kind. */
	public record Account(String ownerType, String ownerRef, String kind) {
	}
}
