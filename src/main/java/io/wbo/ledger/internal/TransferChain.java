package io.wbo.ledger.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * The hash chains of ledger transfers in one place. A transfer is its own audit record: it is chained into the
 * chain of each account it posts to, whose head (last sequence number and hash) is the account's row for a guarded
 * account and the slot posted to for an unguarded one — rows the transfer locks and updates anyway, so chaining adds
 * no lock and no row. A side's hash is SHA-256 of the previous hash of that chain (nothing for the first), the side's
 * sequence number (8 bytes, big-endian) and the transfer's content (UTF-8); the database computes it when the transfer
 * is posted (one round trip) and {@link LedgerChains} recomputes it here.
 */
final class TransferChain {

	private TransferChain() {
	}

	/** What a side's hash covers: everything that says who moved how much from where to where, when and why. */
	static byte[] content(Instant at, String actor, String ip, String key, String kind, String asset, BigDecimal amount, long debitId,
			long creditId, @Nullable String referenceType, @Nullable String referenceId) {
		return new StringBuilder(160).append(ChronoUnit.MICROS.between(Instant.EPOCH, at)).append('|').append(actor).append('|').append(ip)
				.append('|').append(key).append('|').append(kind).append('|').append(asset).append('|')
				.append(amount.stripTrailingZeros().toPlainString()).append('|').append(debitId).append('|').append(creditId).append('|')
				.append(referenceType == null ? "" : referenceType).append('|').append(referenceId == null ? "" : referenceId).toString()
				.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] hash(byte @Nullable [] previousHash, long seq, byte[] content) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			if (previousHash != null) {
				sha.update(previousHash);
			}
			sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
			return sha.digest(content);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
