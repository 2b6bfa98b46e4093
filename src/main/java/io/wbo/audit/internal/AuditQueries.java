package io.wbo.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wbo.audit.AuditEntry;
import io.wbo.audit.FieldChange;
import io.wbo.common.CursorPage;
import io.wbo.common.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads audit entries with the console's filters; each filter has an index (see the migration). */
@Component
public class AuditQueries {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	AuditQueries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public record Filter(@Nullable String entityType, @Nullable String entityId, @Nullable String actor, @Nullable String action,
			@Nullable OffsetDateTime from, @Nullable OffsetDateTime to) {

		public Filter {
			io.wbo.common.Periods.requireOrdered(from, to);
		}
	}


	public CursorPage<AuditEntry> search(Filter f, int size, @Nullable Long after) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE true");
		Map<String, Object> params = new HashMap<>();
		if (f.entityType() != null && !f.entityType().isBlank()) {
			sql.append(" AND entity_type = :entityType");
			params.put("entityType", f.entityType());
		}
		if (f.entityId() != null && !f.entityId().isBlank()) {
			sql.append(" AND entity_id = :entityId");
			params.put("entityId", f.entityId());
		}
		if (f.actor() != null && !f.actor().isBlank()) {
			sql.append(" AND actor_name = :actor");
			params.put("actor", f.actor());
		}
		if (f.action() != null && !f.action().isBlank()) {
			sql.append(" AND action = :action");
			params.put("action", f.action());
		}
		if (f.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.put("from", java.sql.Timestamp.from(f.from().toInstant()));
		}
		if (f.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.put("to", java.sql.Timestamp.from(f.to().toInstant()));
		}
		if (after != null) {
			sql.append(" AND id < :after");
			params.put("after", after);
		}
		sql.append(" ORDER BY id DESC LIMIT :limit");
		params.put("limit", size + 1);
		List<AuditEntry> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
		return CursorPage.of(new ArrayList<>(rows), size, e -> Long.toString(e.id()));
	}

	public AuditEntry entry(long id) {
		return jdbc.sql("SELECT * FROM audit_entry WHERE id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
				.orElseThrow(() -> DomainException.notFound("audit entry", id));
	}

	/**
	 * The actions the log holds, for the console's filter. Read by skipping from one action to the next along the
	 * action index (a few dozen index probes) instead of reading every entry: 4 ms instead of 0.9 s at 3 million
	 * entries, and the log only grows.
	 */
	List<String> actions() {
		return jdbc.sql("""
				WITH RECURSIVE a AS (
				  (SELECT action FROM audit_entry ORDER BY action LIMIT 1)
				  UNION ALL
				  SELECT (SELECT e.action FROM audit_entry e WHERE e.action > a.action ORDER BY e.action LIMIT 1) FROM a WHERE a.action IS NOT NULL
				)
				SELECT action FROM a WHERE action IS NOT NULL""").query(String.class).list();
	}

	private AuditEntry map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_kind"),
				rs.getLong("actor_id"), rs.getString("actor_name"), rs.getString("ip"), rs.getString("action"),
				rs.getString("entity_type"), rs.getString("entity_id"),
				json.readValue(rs.getString("changes"), new TypeReference<List<FieldChange>>() {
				}), rs.getString("remark"), rs.getInt("chain_no"), rs.getLong("seq"), rs.getString("hash"));
	}
}
