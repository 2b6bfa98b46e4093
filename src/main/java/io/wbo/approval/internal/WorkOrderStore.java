package io.wbo.approval.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wbo.approval.WorkOrderRequest;
import io.wbo.approval.WorkOrderStatus;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.CursorPage;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for work orders, their decisions, comments and policies. */
@Component
public class WorkOrderStore {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	WorkOrderStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public record Policy(String type, boolean enabled, List<String> levels, int version) {
	}

	public record Filter(@Nullable WorkOrderStatus status, @Nullable String type, @Nullable String subjectType, @Nullable String subjectId,
			@Nullable Long makerId, @Nullable Timestamp from, @Nullable Timestamp to, @Nullable Long decidableBy,
			@Nullable List<String> decidablePermissions) {

		public Filter {
			io.wbo.common.Periods.requireOrdered(from, to);
		}
	}

	public record Comment(long id, long operatorId, String operator, String text, java.time.Instant at) {
	}

	public long insert(WorkOrderRequest request, Actor maker, List<String> levels, WorkOrderStatus status) {
		return jdbc.sql("""
				INSERT INTO work_order (type, subject_type, subject_id, subject_label, status, maker_id, maker_name, levels,
				                        changes, payload, remark, contributor_ids, decided_at)
				VALUES (:type, :subjectType, :subjectId, :label, :status, :makerId, :maker, :levels, :changes, :payload, :remark,
				        :contributors, CASE WHEN :status = 'PENDING' THEN NULL ELSE now() END)
				RETURNING id""")
				.param("type", request.type()).param("subjectType", request.subjectType()).param("subjectId", request.subjectId())
				.param("label", request.subjectLabel()).param("status", status.name()).param("makerId", maker.id())
				.param("maker", maker.name()).param("levels", levels.toArray(String[]::new))
				.param("changes", json.writeValueAsString(request.changes())).param("payload", request.payload())
				.param("remark", request.remark())
				.param("contributors", request.contributorIds().stream().sorted().toArray(Long[]::new))
				.query(Long.class).single();
	}

	/** Loads and locks the work order: concurrent deciders queue here and the second sees the first one's result. */
	public Optional<WorkOrder> lock(long id) {
		return load("SELECT * FROM work_order WHERE id = :id FOR UPDATE", id);
	}

	public Optional<WorkOrder> find(long id) {
		return load("SELECT * FROM work_order WHERE id = :id", id);
	}

	private Optional<WorkOrder> load(String sql, long id) {
		Optional<WorkOrder> order = jdbc.sql(sql).param("id", id).query((rs, n) -> map(rs, List.of())).optional();
		return order.map(o -> withDecisions(o, decisions(id)));
	}

	private List<WorkOrder.Decision> decisions(long id) {
		return jdbc.sql("SELECT * FROM work_order_decision WHERE work_order_id = :id ORDER BY level")
				.param("id", id)
				.query((rs, n) -> new WorkOrder.Decision(rs.getInt("level"), rs.getLong("operator_id"), rs.getString("operator_name"),
						rs.getString("decision"), rs.getString("comment"), rs.getTimestamp("decided_at").toInstant()))
				.list();
	}

	private static WorkOrder withDecisions(WorkOrder o, List<WorkOrder.Decision> decisions) {
		return new WorkOrder(o.id(), o.type(), o.subjectType(), o.subjectId(), o.subjectLabel(), o.status(), o.makerId(),
				o.makerName(), o.levels(), o.currentLevel(), o.changes(), o.payload(), o.remark(), o.createdAt(), o.decidedAt(),
				o.version(), o.contributorIds(), decisions);
	}

	public void recordDecision(long id, int level, Actor actor, String decision, @Nullable String comment) {
		jdbc.sql("""
				INSERT INTO work_order_decision (work_order_id, level, operator_id, operator_name, decision, comment)
				VALUES (:id, :level, :op, :name, :decision, :comment)""")
				.param("id", id).param("level", level).param("op", actor.id()).param("name", actor.name())
				.param("decision", decision).param("comment", comment).update();
	}

	public void advance(long id, int nextLevel) {
		jdbc.sql("UPDATE work_order SET current_level = :level, version = version + 1 WHERE id = :id")
				.param("level", nextLevel).param("id", id).update();
	}

	public void finish(long id, WorkOrderStatus status) {
		jdbc.sql("UPDATE work_order SET status = :status, decided_at = now(), version = version + 1 WHERE id = :id")
				.param("status", status.name()).param("id", id).update();
	}

	public void addComment(long id, Actor actor, String text) {
		jdbc.sql("INSERT INTO work_order_comment (work_order_id, operator_id, operator_name, text) VALUES (:id, :op, :name, :text)")
				.param("id", id).param("op", actor.id()).param("name", actor.name()).param("text", text).update();
	}

	public List<Comment> comments(long id) {
		return jdbc.sql("SELECT * FROM work_order_comment WHERE work_order_id = :id ORDER BY id").param("id", id)
				.query((rs, n) -> new Comment(rs.getLong("id"), rs.getLong("operator_id"), rs.getString("operator_name"),
						rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
				.list();
	}

	public CursorPage<WorkOrder> search(Filter f, int size, @Nullable Long after) {
		StringBuilder sql = new StringBuilder("SELECT * FROM work_order w WHERE true");
		Map<String, Object> params = new HashMap<>();
		filter(f, sql, params);
		if (after != null) {
			sql.append(" AND w.id < :after");
			params.put("after", after);
		}
		sql.append(" ORDER BY w.id DESC LIMIT :limit");
		params.put("limit", size + 1);
		List<WorkOrder> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs, List.of())).list();
		return CursorPage.of(new ArrayList<>(rows), size, o -> Long.toString(o.id()));
	}

	public long count(Filter f) {
		StringBuilder sql = new StringBuilder("SELECT count(*) FROM work_order w WHERE true");
		Map<String, Object> params = new HashMap<>();
		filter(f, sql, params);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	private static void filter(Filter f, StringBuilder sql, Map<String, Object> params) {
		if (f.status() != null) {
			sql.append(" AND w.status = :status");
			params.put("status", f.status().name());
		}
		if (f.type() != null) {
			sql.append(" AND w.type = :type");
			params.put("type", f.type());
		}
		if (f.subjectType() != null) {
			sql.append(" AND w.subject_type = :subjectType");
			params.put("subjectType", f.subjectType());
		}
		if (f.subjectId() != null) {
			sql.append(" AND w.subject_id = :subjectId");
			params.put("subjectId", f.subjectId());
		}
		if (f.makerId() != null) {
			sql.append(" AND w.maker_id = :makerId");
			params.put("makerId", f.makerId());
		}
		if (f.from() != null) {
			sql.append(" AND w.created_at >= :from");
			params.put("from", f.from());
		}
		if (f.to() != null) {
			sql.append(" AND w.created_at < :to");
			params.put("to", f.to());
		}
		if (f.decidableBy() != null) {
			// the inbox: pending, not mine nor contributed to by me, the next level's permission held, no earlier level decided by me
			sql.append(" " + """
					 AND w.status = 'PENDING' AND w.maker_id <> :me AND NOT (:me = ANY(w.contributor_ids))
					 AND w.levels[w.current_level + 1] = ANY(:perms)
					 AND NOT EXISTS (SELECT 1 FROM work_order_decision d WHERE d.work_order_id = w.id AND d.operator_id = :me)""");
			params.put("me", f.decidableBy());
			params.put("perms", f.decidablePermissions() == null ? new String[0] : f.decidablePermissions().toArray(String[]::new));
		}
	}

	public List<Policy> policies() {
		return jdbc.sql("SELECT * FROM approval_policy ORDER BY work_order_type")
				.query((rs, n) -> new Policy(rs.getString("work_order_type"), rs.getBoolean("enabled"),
						List.of((String[]) rs.getArray("levels").getArray()), rs.getInt("version")))
				.list();
	}

	public Optional<Policy> policy(String type) {
		return policies().stream().filter(p -> p.type().equals(type)).findFirst();
	}

	public void registerDefault(String type, boolean enabled, List<String> levels) {
		jdbc.sql("INSERT INTO approval_policy (work_order_type, enabled, levels) VALUES (:t, :e, :l) ON CONFLICT DO NOTHING")
				.param("t", type).param("e", enabled).param("l", levels.toArray(String[]::new)).update();
	}

	public void savePolicy(String type, boolean enabled, List<String> levels) {
		jdbc.sql("UPDATE approval_policy SET enabled = :e, levels = :l, updated_at = now(), version = version + 1 WHERE work_order_type = :t")
				.param("t", type).param("e", enabled).param("l", levels.toArray(String[]::new)).update();
	}

	private WorkOrder map(ResultSet rs, List<WorkOrder.Decision> decisions) throws SQLException {
		Array levels = rs.getArray("levels");
		Timestamp decided = rs.getTimestamp("decided_at");
		return new WorkOrder(rs.getLong("id"), rs.getString("type"), rs.getString("subject_type"), rs.getString("subject_id"),
				rs.getString("subject_label"), WorkOrderStatus.valueOf(rs.getString("status")), rs.getLong("maker_id"),
				rs.getString("maker_name"), List.of((String[]) levels.getArray()), rs.getInt("current_level"),
				json.readValue(rs.getString("changes"), new TypeReference<List<FieldChange>>() {
				}), rs.getString("payload"), rs.getString("remark"), rs.getTimestamp("created_at").toInstant(),
				decided == null ? null : decided.toInstant(), rs.getInt("version"),
				java.util.Set.of((Long[]) rs.getArray("contributor_ids").getArray()), decisions);
	}
}
