package io.wbo.ledger.internal;

/**
 * The hashes of the seals over ledger transfers, each defined once, in SQL, for {@link LedgerSealer} that writes
 * them and {@link LedgerSeals} that checks them. A seal lists transfers by id, each with SHA-256 of its content
 * (everything that says who moved how much from where to where, when and why); its own hash covers the previous seal's
 * hash, its number, the id range it covers and the list, so the seals form one chain. The database computes both as it
 * reads the rows: the sealer never carries a transfer to the JVM, and the verification compares what it recomputes now
 * with what was stored then.
 */
final class TransferSeal {

	/** A list entry: the transfer's id (8 bytes, big-endian) and its content hash (32). */
	static final int ENTRY = Long.BYTES + 32;

	/** SHA-256 of a {@code ledger_transfer} row's content: its time in microseconds and its columns as text. */
	static final String CONTENT_HASH_SQL = """
			sha256(convert_to(concat_ws('|', CAST(extract(EPOCH FROM coalesce(occurred_at, created_at)) * 1000000 AS BIGINT),
			  coalesce(actor, ''), coalesce(ip, ''), transfer_key, kind, asset, CAST(trim_scale(amount) AS TEXT), debit_account_id,
			  credit_account_id, coalesce(reference_type, ''), coalesce(reference_id, '')), 'UTF8'))""";

	/** SHA-256 of a {@code ledger_seal} row: the previous seal's hash (nothing for the first), its number, range and list. */
	static final String SEAL_HASH_SQL = """
			sha256(coalesce(prev_hash, CAST('' AS BYTEA)) || int8send(seq) || int8send(after_id) || int8send(up_to_id) || transfers)""";

	private TransferSeal() {
	}
}
