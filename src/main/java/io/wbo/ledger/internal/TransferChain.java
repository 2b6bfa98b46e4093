package io.wbo.ledger.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.wbo.common.Hashing;
import org.jspecify.annotations.Nullable;

/**
 * The hash chains of ledger transfers in one place. A transfer is its own audit record: it is chained into the
 * chain of each account it posts to, whose head (last sequence number and hash) is the account's row for a guarded
 * account and the slot posted to for an unguarded one — rows the transfer locks and updates anyway, so chaining adds
 * no lock and no row. A side's hash is SHA-256 of {@code previousHash|seq|content}; the database computes it when the
 * transfer is posted (one round trip) and {@link LedgerChains} recomputes it here.
 */
final class TransferChain {

	/** The previous hash of the first transfer of every chain. */
	static final String GENESIS = "genesis";

	private TransferChain() {
	}

	/** What a side's hash covers: everything that says who moved how much from where to where, when and why. */
	static String content(Instant at, String actor, String ip, String key, String kind, String asset, BigDecimal amount, long debitId,
			long creditId, @Nullable String referenceType, @Nullable String referenceId) {
		return String.join("|", Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, at)), actor, ip, key, kind, asset,
				amount.stripTrailingZeros().toPlainString(), Long.toString(debitId), Long.toString(creditId),
				referenceType == null ? "" : referenceType, referenceId == null ? "" : referenceId);
	}

	static String hash(@Nullable String previousHash, long seq, String content) {
		return Hashing.sha256((previousHash == null ? GENESIS : previousHash) + "|" + seq + "|" + content);
	}
}
