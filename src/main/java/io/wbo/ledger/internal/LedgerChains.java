package io.wbo.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.wbo.audit.ChainedRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the hash chains of ledger transfers ({@link TransferChain}) for the audit log's verification: walks each
 * account's chain (each slot's, for an unguarded account) from its first transfer, checking sequence numbers and
 * recomputing every hash, then checks that each chain head names the chain's last transfer, so a transfer altered,
 * removed from the middle or cut off the end is found. Streams rows sorted by chain: memory stays flat.
 */
@Component
class LedgerChains implements ChainedRecords {

	private final JdbcTemplate jdbc;

	LedgerChains(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(2000);
	}

	@Override
	@Transactional(readOnly = true)
	public Check verify() {
		Walk walk = new Walk();
		jdbc.query("""
				SELECT t.id, t.transfer_key, t.kind, t.asset, t.amount, t.debit_account_id, t.credit_account_id, t.reference_type,
				       t.reference_id, t.occurred_at, t.actor, t.ip, s.account_id, s.slot, s.seq, s.hash
				FROM ledger_transfer t
				CROSS JOIN LATERAL (VALUES (t.debit_account_id, coalesce(t.debit_slot, -1), t.debit_seq, t.debit_hash),
				                           (t.credit_account_id, coalesce(t.credit_slot, -1), t.credit_seq, t.credit_hash))
				     AS s(account_id, slot, seq, hash)
				WHERE t.debit_seq IS NOT NULL OR t.credit_seq IS NOT NULL
				ORDER BY s.account_id, s.slot, s.seq""", walk::accept);
		jdbc.query("""
				SELECT h.account_id, h.slot, h.chain_seq, x.id, x.seq
				FROM (SELECT id AS account_id, -1 AS slot, chain_seq, chain_hash FROM ledger_account WHERE chain_seq > 0
				      UNION ALL
				      SELECT account_id, slot, chain_seq, chain_hash FROM ledger_account_slot WHERE chain_seq > 0) h
				LEFT JOIN LATERAL (
				  SELECT id, seq, hash FROM (
				    (SELECT id, debit_seq AS seq, debit_hash AS hash FROM ledger_transfer
				     WHERE debit_account_id = h.account_id AND coalesce(debit_slot, -1) = h.slot AND debit_seq IS NOT NULL
				     ORDER BY id DESC LIMIT 1)
				    UNION ALL
				    (SELECT id, credit_seq, credit_hash FROM ledger_transfer
				     WHERE credit_account_id = h.account_id AND coalesce(credit_slot, -1) = h.slot AND credit_seq IS NOT NULL
				     ORDER BY id DESC LIMIT 1)) u
				  ORDER BY seq DESC LIMIT 1) x ON true
				WHERE x.seq IS DISTINCT FROM h.chain_seq OR x.hash IS DISTINCT FROM h.chain_hash
				ORDER BY h.account_id, h.slot""", rs -> {
			Long last = (Long) rs.getObject("id");
			walk.broken(last == null ? 0 : last, "the chain of " + Walk.chain(rs.getLong("account_id"), rs.getInt("slot")) + " ends at sequence "
					+ (last == null ? 0 : rs.getLong("seq")) + " but its head says " + rs.getLong("chain_seq") + " (transfers removed)");
		});
		return new Check("ledger transfers", walk.sides / 2, walk.firstBrokenId, walk.reason);
	}

	private static final class Walk {
		long sides;
		@Nullable Long firstBrokenId;
		@Nullable String reason;
		long account = -1;
		int slot;
		long lastSeq;
		byte @Nullable [] lastHash;
		boolean chainBroken;

		static String chain(long account, int slot) {
			return slot < 0 ? "account " + account : "account " + account + " slot " + slot;
		}

		void accept(ResultSet rs) throws SQLException {
			sides++;
			long id = rs.getLong("id");
			long chainAccount = rs.getLong("account_id");
			int chainSlot = rs.getInt("slot");
			if (chainAccount != account || chainSlot != slot) {
				account = chainAccount;
				slot = chainSlot;
				lastSeq = 0;
				lastHash = null;
				chainBroken = false;
			}
			long seq = rs.getLong("seq");
			byte[] stored = rs.getBytes("hash");
			if (!chainBroken) {
				java.sql.Timestamp at = rs.getTimestamp("occurred_at");
				byte[] content = at == null ? new byte[0] : TransferChain.content(at.toInstant(), rs.getString("actor"), rs.getString("ip"),
						rs.getString("transfer_key"), rs.getString("kind"), rs.getString("asset"), rs.getBigDecimal("amount"),
						rs.getLong("debit_account_id"), rs.getLong("credit_account_id"), rs.getString("reference_type"),
						rs.getString("reference_id"));
				if (rs.getObject("seq") == null || seq != lastSeq + 1) {
					broken(id, "transfer " + id + ": sequence " + seq + " of the chain of " + chain(account, slot) + " follows " + lastSeq
							+ " (a transfer is missing)");
				}
				else if (!java.util.Arrays.equals(TransferChain.hash(lastHash, seq, content), stored)) {
					broken(id, "transfer " + id + ": its content does not match its hash in the chain of " + chain(account, slot) + " (altered)");
				}
			}
			lastSeq = seq;
			lastHash = stored;
		}

		void broken(long id, String why) {
			chainBroken = true;
			if (firstBrokenId == null || id < firstBrokenId) {
				firstBrokenId = id;
				reason = why;
			}
		}
	}
}
