package io.wbo.ledger.internal;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import io.wbo.audit.ChainedRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the seals over ledger transfers ({@link LedgerSealer}) for the audit log's verification: seals everything
 * committed first, then walks the transfers in id order beside the seals' lists, recomputing each transfer's content
 * hash, so a transfer altered, removed or slipped into a sealed range is named; and checks the chain of seals (each
 * links to the previous one, covers the range after it and matches its hash, the last one is the head's). Streams the
 * transfers and holds one seal at a time: memory stays flat.
 */
@Component
class LedgerSeals implements ChainedRecords {

	/** How long a verification waits for transactions still writing transfers before checking what is sealed. */
	static final Duration WAIT = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;
	private final LedgerSealer sealer;

	LedgerSeals(DataSource dataSource, LedgerSealer sealer) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(2000);
		this.sealer = sealer;
	}

	@Override
	@Transactional(readOnly = true)
	public Check verify() {
		sealer.sealCommitted(WAIT);
		LedgerSealer.Head head = LedgerSealer.Head.read(jdbc, false);
		Walk walk = new Walk();
		jdbc.query("SELECT id, " + TransferSeal.CONTENT_HASH_SQL + " AS content_hash FROM ledger_transfer WHERE id <= ? ORDER BY id", walk::accept,
				head.upToId());
		walk.finish(head);
		long pending = java.util.Objects.requireNonNull(
				jdbc.queryForObject("SELECT count(*) FROM ledger_transfer WHERE id > ?", Long.class, head.upToId()));
		return new Check("ledger transfers", walk.checked, pending, walk.firstBrokenId, walk.reason);
	}

	/** A seal as stored, read one at a time in order of its number; {@code intact}: its hash still matches its content. */
	private record Seal(long seq, long afterId, long upToId, ByteBuffer transfers, byte @Nullable [] prevHash, byte[] hash, boolean intact) {

		int size() {
			return transfers.capacity() / TransferSeal.ENTRY;
		}

		long id(int k) {
			return transfers.getLong(k * TransferSeal.ENTRY);
		}

		byte[] contentHash(int k) {
			byte[] hash = new byte[TransferSeal.ENTRY - Long.BYTES];
			transfers.get(k * TransferSeal.ENTRY + Long.BYTES, hash);
			return hash;
		}
	}

	private final class Walk {
		long checked;
		@Nullable Long firstBrokenId;
		@Nullable String reason;
		/** The seal listing the transfers being walked, the position in its list, and whether no seal follows it. */
		@Nullable Seal seal;
		int k;
		boolean noMoreSeals;
		long lastSeq;
		byte @Nullable [] lastHash;
		long lastUpToId;

		void accept(ResultSet rs) throws SQLException {
			long id = rs.getLong("id");
			while (!noMoreSeals && (seal == null || id > seal.upToId())) {
				nextSeal();
			}
			if (seal == null || id > seal.upToId() || id <= seal.afterId()) {
				broken(id, "transfer " + id + " is in no seal, though the seals' head says it covers it (seals removed)");
				return;
			}
			for (; k < seal.size() && seal.id(k) < id; k++) {
				missing(seal.id(k));
			}
			if (k < seal.size() && seal.id(k) == id) {
				checked++;
				if (!Arrays.equals(seal.contentHash(k), rs.getBytes("content_hash"))) {
					broken(id, "transfer " + id + ": its content does not match its hash in seal " + seal.seq() + " (altered)");
				}
				k++;
			}
			else {
				broken(id, "transfer " + id + " is not in seal " + seal.seq() + ", which covers its id (added afterwards)");
			}
		}

		/** The rest of the seals' lists name transfers no longer there; the last seal must be the head's. */
		void finish(LedgerSealer.Head head) {
			do {
				for (; seal != null && k < seal.size(); k++) {
					missing(seal.id(k));
				}
				nextSeal();
			}
			while (!noMoreSeals);
			if (lastSeq != head.seq() || !Arrays.equals(lastHash, head.hash())) {
				broken(lastUpToId + 1, "the last seal is number " + lastSeq + " but the seals' head says " + head.seq() + " (seals removed)");
			}
		}

		private void missing(long id) {
			broken(id, "transfer " + id + ", listed in seal " + java.util.Objects.requireNonNull(seal).seq() + ", is missing (removed)");
		}

		/** Reads the seal after the last one and checks its link, its range and its hash. */
		private void nextSeal() {
			List<Seal> next = jdbc.query("SELECT *, " + TransferSeal.SEAL_HASH_SQL + " = hash AS intact FROM ledger_seal WHERE seq > ? ORDER BY seq LIMIT 1",
					(rs, n) -> new Seal(rs.getLong("seq"), rs.getLong("after_id"), rs.getLong("up_to_id"), ByteBuffer.wrap(rs.getBytes("transfers")),
							rs.getBytes("prev_hash"), rs.getBytes("hash"), rs.getBoolean("intact")), lastSeq);
			k = 0;
			if (next.isEmpty()) {
				seal = null;
				noMoreSeals = true;
				return;
			}
			Seal s = next.get(0);
			long first = s.size() > 0 ? s.id(0) : s.afterId() + 1;
			if (s.seq() != lastSeq + 1 || s.afterId() != lastUpToId) {
				broken(first, "seal " + s.seq() + " follows seal " + lastSeq + " (covering ids up to " + lastUpToId + ") but covers ids after "
						+ s.afterId() + " (seals removed)");
			}
			else if (!Arrays.equals(s.prevHash(), lastHash) || !s.intact()) {
				broken(first, "seal " + s.seq() + " does not match its hash or the previous seal's (altered)");
			}
			seal = s;
			lastSeq = s.seq();
			lastHash = s.hash();
			lastUpToId = s.upToId();
		}

		void broken(long id, String why) {
			if (firstBrokenId == null || id < firstBrokenId) {
				firstBrokenId = id;
				reason = why;
			}
		}
	}
}
