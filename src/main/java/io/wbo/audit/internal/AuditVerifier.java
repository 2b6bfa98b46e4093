package io.wbo.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wbo.audit.ChainedRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every chain from its genesis, recomputing each hash and checking the links and sequence numbers, then checks
 * that each chain head points at the last entry (a deleted tail is caught too); then has every {@link ChainedRecords}
 * (ledger transfers) walk its own chains. Streams rows: memory stays flat.
 */
@Component
public class AuditVerifier {

	private final JdbcTemplate jdbc;
	private final List<ChainedRecords> others;

	AuditVerifier(javax.sql.DataSource dataSource, List<ChainedRecords> others) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(2000);
		this.others = others;
	}

	/**
	 * {@code checked} and {@code firstBrokenId} are about audit entries; {@code records} about the records other
	 * modules chain themselves (ledger transfers); {@code reason} is the first problem found anywhere.
	 */
	public record ChainCheck(boolean ok, long checked, @Nullable Long firstBrokenId, @Nullable String reason,
			List<ChainedRecords.Check> records) {
	}

	@Transactional(readOnly = true)
	public ChainCheck verify() {
		Map<Integer, String> heads = new HashMap<>();
		Map<Integer, Long> headSeqs = new HashMap<>();
		jdbc.query("SELECT chain_no, last_seq, last_hash FROM audit_chain_head", rs -> {
			heads.put(rs.getInt(1), rs.getString(3));
			headSeqs.put(rs.getInt(1), rs.getLong(2));
		});
		Walk walk = new Walk();
		jdbc.query("""
				SELECT id, chain_no, seq, occurred_at, actor, ip, action, entity_type, entity_id, changes, remark, prev_hash, hash
				FROM audit_entry ORDER BY chain_no, seq""", walk::accept);
		for (Map.Entry<Integer, String> head : heads.entrySet()) {
			String last = walk.lastHash.getOrDefault(head.getKey(), AuditChain.genesis(head.getKey()));
			long lastSeq = walk.lastSeq.getOrDefault(head.getKey(), 0L);
			if (!last.equals(head.getValue()) || lastSeq != headSeqs.get(head.getKey())) {
				walk.broken(walk.lastId.getOrDefault(head.getKey(), 0L),
						"chain " + head.getKey() + " ends at seq " + lastSeq + " but its head says " + headSeqs.get(head.getKey()));
			}
		}
		List<ChainedRecords.Check> records = others.stream().map(ChainedRecords::verify).toList();
		String reason = walk.reason != null ? walk.reason
				: records.stream().map(ChainedRecords.Check::reason).filter(java.util.Objects::nonNull).findFirst().orElse(null);
		return new ChainCheck(reason == null, walk.checked, walk.firstBrokenId, reason, records);
	}

	private static final class Walk {
		long checked;
		@Nullable Long firstBrokenId;
		@Nullable String reason;
		final Map<Integer, String> lastHash = new HashMap<>();
		final Map<Integer, Long> lastSeq = new HashMap<>();
		final Map<Integer, Long> lastId = new HashMap<>();
		boolean chainBroken;
		int currentChain = -1;

		void accept(ResultSet rs) throws SQLException {
			long id = rs.getLong("id");
			int chain = rs.getInt("chain_no");
			long seq = rs.getLong("seq");
			if (chain != currentChain) {
				currentChain = chain;
				chainBroken = false;
			}
			checked++;
			String expectedPrev = lastHash.getOrDefault(chain, AuditChain.genesis(chain));
			long expectedSeq = lastSeq.getOrDefault(chain, 0L) + 1;
			String content = AuditChain.content(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("ip"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
					rs.getString("changes"), rs.getString("remark"));
			String stored = rs.getString("hash");
			if (!chainBroken) {
				if (seq != expectedSeq) {
					broken(id, "entry " + id + ": sequence " + seq + " follows " + (expectedSeq - 1) + " (an entry is missing)");
				}
				else if (!rs.getString("prev_hash").equals(expectedPrev)) {
					broken(id, "entry " + id + ": does not link to the previous entry's hash");
				}
				else if (!AuditChain.hash(expectedPrev, seq, content).equals(stored)) {
					broken(id, "entry " + id + ": its content does not match its hash (altered)");
				}
			}
			lastHash.put(chain, stored);
			lastSeq.put(chain, seq);
			lastId.put(chain, id);
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
