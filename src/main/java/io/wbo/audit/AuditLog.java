package io.wbo.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.wbo.audit.internal.AuditChain;
import io.wbo.audit.internal.AuditQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit entries. Must be called inside the transaction of the change it records ({@code MANDATORY}), so
 * the entry and the change commit or roll back together.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private volatile boolean enabled = true;

	private final AuditQueries queries;

	AuditLog(JdbcClient jdbc, JsonMapper json, AuditQueries queries) {
		this.jdbc = jdbc;
		this.json = json;
		this.queries = queries;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditRecord record) {
		if (!enabled) {
			return;
		}
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		String changes = json.writeValueAsString(record.changes());
		String content = AuditChain.content(at, record.actor().label(), record.actor().ip(), record.action(),
				record.entityType(), record.entityId(), changes, record.remark());
		int offset = ThreadLocalRandom.current().nextInt(AuditChain.CHAINS);
		int written = insert(AuditChain.INSERT_DRAWN, at, record, changes, content, offset);
		if (written == 0) {
			written = insert(AuditChain.INSERT_SKIP_LOCKED, at, record, changes, content, offset);
		}
		if (written == 0) {
			// every chain head is held by another transaction: wait for one instead of failing
			written = insert(AuditChain.INSERT_WAITING, at, record, changes, content, offset);
		}
		if (written == 0) {
			throw new IllegalStateException("audit entry could not be chained");
		}
	}

	private int insert(String sql, Instant at, AuditRecord r, String changes, String content, int offset) {
		return jdbc.sql(sql)
				.param("offset", offset)
				.param("chains", AuditChain.CHAINS)
				.param("at", java.sql.Timestamp.from(at))
				.param("actorKind", r.actor().kind().name())
				.param("actorId", r.actor().id())
				.param("actorName", r.actor().name())
				.param("actor", r.actor().label())
				.param("ip", r.actor().ip())
				.param("action", r.action())
				.param("entityType", r.entityType())
				.param("entityId", r.entityId())
				.param("changes", changes)
				.param("remark", r.remark())
				.param("content", content)
				.update();
	}

	/**
	 * Whether entries are written: always, except while the audit on/off benchmark switches auditing off. Modules whose
	 * records are their own audit records (ledger transfers) ask it too.
	 */
	public boolean enabled() {
		return enabled;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(List<AuditRecord> records) {
		records.forEach(this::record);
	}

	/**
	 * Records many entries (a batch action over thousands of records) in a few statements: one chain head is locked,
	 * the entries are hashed here by the chain's rule ({@link AuditChain#hash}) and inserted together with one
	 * {@code unnest}. {@code AuditVerifier} checks them like any other entry.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<AuditRecord> records) {
		if (!enabled || records.isEmpty()) {
			return;
		}
		if (records.size() == 1) {
			record(records.get(0));
			return;
		}
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		int offset = ThreadLocalRandom.current().nextInt(AuditChain.CHAINS);
		AuditChain.Head head = jdbc.sql(AuditChain.LOCK_HEAD_SKIP_LOCKED).param("offset", offset).param("chains", AuditChain.CHAINS)
				.query((rs, n) -> new AuditChain.Head(rs.getInt(1), rs.getLong(2), rs.getString(3))).optional()
				.orElseGet(() -> jdbc.sql(AuditChain.LOCK_HEAD_WAITING).param("chain", offset)
						.query((rs, n) -> new AuditChain.Head(rs.getInt(1), rs.getLong(2), rs.getString(3))).single());
		int n = records.size();
		Long[] seqs = new Long[n];
		String[] kinds = new String[n], names = new String[n], actors = new String[n], ips = new String[n], actions = new String[n],
				types = new String[n], ids = new String[n], changes = new String[n], remarks = new String[n], prevs = new String[n],
				hashes = new String[n];
		Long[] actorIds = new Long[n];
		String prev = head.lastHash();
		long seq = head.lastSeq();
		for (int i = 0; i < n; i++) {
			AuditRecord r = records.get(i);
			seq++;
			seqs[i] = seq;
			kinds[i] = r.actor().kind().name();
			actorIds[i] = r.actor().id();
			names[i] = r.actor().name();
			actors[i] = r.actor().label();
			ips[i] = r.actor().ip();
			actions[i] = r.action();
			types[i] = r.entityType();
			ids[i] = r.entityId();
			changes[i] = json.writeValueAsString(r.changes());
			remarks[i] = r.remark();
			prevs[i] = prev;
			hashes[i] = AuditChain.hash(prev, seq, AuditChain.content(at, actors[i], ips[i], actions[i], types[i], ids[i], changes[i], remarks[i]));
			prev = hashes[i];
		}
		jdbc.sql(AuditChain.INSERT_MANY).param("chain", head.chainNo()).param("at", java.sql.Timestamp.from(at))
				.param("seqs", seqs).param("kinds", kinds).param("actorIds", actorIds).param("names", names).param("actors", actors)
				.param("ips", ips).param("actions", actions).param("types", types).param("ids", ids).param("changes", changes)
				.param("remarks", remarks).param("prevs", prevs).param("hashes", hashes).update();
		jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE chain_no = :chain")
				.param("seq", seq).param("hash", prev).param("chain", head.chainNo()).update();
	}

	/** The latest entries about one entity, newest first (a customer's history, a record's timeline). */
	@Transactional(readOnly = true)
	public List<AuditEntry> history(String entityType, String entityId, int limit) {
		return queries.search(new AuditQueries.Filter(entityType, entityId, null, null, null, null), limit, null).items();
	}

	/** For the audit-on/off benchmark only; production never turns auditing off. */
	public void setEnabledForBenchmark(boolean enabled) {
		this.enabled = enabled;
	}
}
