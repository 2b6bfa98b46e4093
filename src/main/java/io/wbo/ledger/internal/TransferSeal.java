package io.wbo.ledger.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * The hashes of the seals over ledger transfers in one place, for {@link LedgerSealer} that writes them and
 * {@link LedgerSeals} that checks them. A seal lists transfers by id, each with SHA-256 of its content (everything
 * that says who moved how much from where to where, when and why); its own hash covers the previous seal's hash, its
 * number, the id range it covers and the list, so the seals form one chain.
 */
final class TransferSeal {

	/** A list entry: the transfer's id (8 bytes, big-endian) and its content hash (32). */
	static final int ENTRY = Long.BYTES + 32;

	/**
	 * The content hash in SQL, for the sealer: the database hashes the transfers it reads (half the cost of sending
	 * them to the JVM to be hashed there). The verification recomputes it independently in Java ({@link #contentHash}),
	 * so the two must agree to the byte (a test seals transfers and verifies them).
	 */
	static final String CONTENT_HASH_SQL = """
			sha256(convert_to(concat_ws('|', CAST(extract(EPOCH FROM coalesce(occurred_at, created_at)) * 1000000 AS BIGINT),
			  coalesce(actor, ''), coalesce(ip, ''), transfer_key, kind, asset, CAST(trim_scale(amount) AS TEXT), debit_account_id,
			  credit_account_id, coalesce(reference_type, ''), coalesce(reference_id, '')), 'UTF8'))""";

	/**
	 * The columns {@link #contentHash} reads, for the verification; the time and the
	 * amount as the text they are hashed as (decoding a timestamp and a decimal cost more than the hash).
	 */
	static final String COLUMNS = """
			id, transfer_key, kind, asset, CAST(trim_scale(amount) AS TEXT) AS amount, debit_account_id, credit_account_id,
			reference_type, reference_id, CAST(extract(EPOCH FROM coalesce(occurred_at, created_at)) * 1000000 AS BIGINT) AS at_micros,
			actor, ip""";

	private TransferSeal() {
	}

	/** SHA-256 of the content of the transfer at the result set's row (selected with {@link #COLUMNS}). */
	static byte[] contentHash(ResultSet rs, MessageDigest sha) throws SQLException {
		String content = new StringBuilder(200).append(rs.getLong("at_micros")).append('|').append(text(rs.getString("actor"))).append('|').append(text(rs.getString("ip"))).append('|')
				.append(rs.getString("transfer_key")).append('|').append(rs.getString("kind")).append('|').append(rs.getString("asset"))
				.append('|').append(rs.getString("amount")).append('|').append(rs.getLong("debit_account_id"))
				.append('|').append(rs.getLong("credit_account_id")).append('|').append(text(rs.getString("reference_type")))
				.append('|').append(text(rs.getString("reference_id"))).toString();
		return sha.digest(content.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	/** The hash of a seal: the previous seal's hash (nothing for the first), its number, its id range and its list. */
	static byte[] sealHash(byte @Nullable [] previousHash, long seq, long afterId, long upToId, byte[] transfers) {
		MessageDigest sha = sha256();
		if (previousHash != null) {
			sha.update(previousHash);
		}
		sha.update(ByteBuffer.allocate(3 * Long.BYTES).putLong(seq).putLong(afterId).putLong(upToId).array());
		return sha.digest(transfers);
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
