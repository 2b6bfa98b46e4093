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
		int written = insert(AuditChain.INSERT_SKIP_LOCKED, at, record, changes, content, offset);
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

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(List<AuditRecord> records) {
		records.forEach(this::record);
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
