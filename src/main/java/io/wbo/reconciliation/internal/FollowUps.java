package io.wbo.reconciliation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.CursorPage;
import io.wbo.common.DomainException;
import io.wbo.common.IllegalTransitionException;
import io.wbo.common.InvalidInputException;
import io.wbo.identity.OperatorDirectory;
import io.wbo.reconciliation.ReconciliationResult;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follow-up of a mismatch (需要進一步追蹤處理): opened on a result other than MATCHED, assigned to someone, commented,
 * resolved with a reason. Keyed by the record (or the bank line), so it survives re-runs of the period.
 */
@Service
class FollowUps {

	enum Status {
		OPEN, RESOLVED
	}

	/** Named apart from a work order's comment, which has another shape: the API document keeps one type per name. */
	@Schema(name = "FollowUpComment")
	record Comment(String by, Instant at, String text) {
	}

	record FollowUp(long id, String subjectKey, long resultId, Status status, @Nullable String assignee, List<Comment> comments,
			@Nullable String resolution, Instant createdAt, Instant updatedAt, int version) {
	}

	private final JdbcClient jdbc;
	private final ReconciliationQueries queries;
	private final AuditLog audit;
	private final JsonMapper json;
	private final OperatorDirectory operators;

	FollowUps(JdbcClient jdbc, ReconciliationQueries queries, AuditLog audit, JsonMapper json, OperatorDirectory operators) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.audit = audit;
		this.json = json;
		this.operators = operators;
	}

	FollowUp get(long id) {
		return jdbc.sql("SELECT * FROM recon_follow_up WHERE id = :id").param("id", id).query(this::row).optional()
				.orElseThrow(() -> DomainException.notFound("follow-up", id));
	}

	CursorPage<FollowUp> list(@Nullable Status status, int size, @Nullable Long before) {
		List<FollowUp> rows = jdbc.sql("""
				SELECT * FROM recon_follow_up WHERE (CAST(:status AS TEXT) IS NULL OR status = :status)
				  AND (CAST(:before AS BIGINT) IS NULL OR id < :before) ORDER BY id DESC LIMIT :limit""")
				.param("status", status == null ? null : status.name()).param("before", before).param("limit", size + 1).query(this::row).list();
		return CursorPage.of(new ArrayList<>(rows), size, f -> Long.toString(f.id()));
	}

	/** Opens (or returns the open) follow-up of a mismatch result. */
	@Transactional
	FollowUp open(long resultId, @Nullable String assignee, @Nullable String comment, Actor actor) {
		ReconciliationQueries.ResultView result = queries.result(resultId).orElseThrow(() -> DomainException.notFound("reconciliation result", resultId));
		if (result.result() == ReconciliationResult.MATCHED) {
			throw DomainException.rule("nothing-to-follow-up", "result " + resultId + " is MATCHED; only mismatches are followed up");
		}
		String key = result.record() != null ? "RECORD:" + result.record().type() + ":" + result.record().id() : "LINE:" + result.lineId();
		Long existing = jdbc.sql("SELECT id FROM recon_follow_up WHERE subject_key = :key").param("key", key).query(Long.class).optional().orElse(null);
		long id;
		if (existing != null) {
			FollowUp f = get(existing);
			if (f.status() == Status.OPEN) {
				return f;
			}
			jdbc.sql("UPDATE recon_follow_up SET status = 'OPEN', resolution = NULL, result_id = :result, updated_at = now(), version = version + 1 WHERE id = :id")
					.param("result", resultId).param("id", existing).update();
			id = existing;
		}
		else {
			id = jdbc.sql("INSERT INTO recon_follow_up (subject_key, result_id) VALUES (:key, :result) RETURNING id").param("key", key)
					.param("result", resultId).query(Long.class).single();
		}
		audit.record(AuditRecord.of(actor, "RECONCILIATION_FOLLOW_UP_OPENED", "ReconciliationFollowUp", id,
				List.of(FieldChange.set("subject", key), FieldChange.set("result", result.result()))));
		if (assignee != null && !assignee.isBlank()) {
			assign(id, assignee, actor);
		}
		if (comment != null && !comment.isBlank()) {
			comment(id, comment, actor);
		}
		return get(id);
	}

	@Transactional
	FollowUp assign(long id, @Nullable String assignee, Actor actor) {
		if (assignee == null || assignee.isBlank()) {
			throw InvalidInputException.of("assignee", "is required");
		}
		if (!operators.isActive(assignee.trim())) {
			throw InvalidInputException.of("assignee", "is not an active operator");
		}
		FollowUp f = requireOpen(id, "assign");
		write(f, "assignee = :value", assignee.trim());
		audit.record(AuditRecord.of(actor, "RECONCILIATION_FOLLOW_UP_ASSIGNED", "ReconciliationFollowUp", id,
				List.of(FieldChange.of("assignee", f.assignee(), assignee.trim()))));
		return get(id);
	}

	@Transactional
	FollowUp comment(long id, @Nullable String text, Actor actor) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of("comment", "is required");
		}
		FollowUp f = get(id);
		List<Comment> comments = new ArrayList<>(f.comments());
		comments.add(new Comment(actor.name(), Instant.now(), text.trim()));
		write(f, "comments = CAST(:value AS jsonb)", json.writeValueAsString(comments));
		audit.record(AuditRecord.of(actor, "RECONCILIATION_FOLLOW_UP_COMMENTED", "ReconciliationFollowUp", id,
				List.of(FieldChange.set("comment", text.trim()))));
		return get(id);
	}

	@Transactional
	FollowUp resolve(long id, @Nullable String reason, Actor actor) {
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "is required");
		}
		FollowUp f = requireOpen(id, "resolve");
		write(f, "status = 'RESOLVED', resolution = :value", reason.trim());
		audit.record(AuditRecord.of(actor, "RECONCILIATION_FOLLOW_UP_RESOLVED", "ReconciliationFollowUp", id,
				List.of(FieldChange.of("status", f.status(), Status.RESOLVED))).withRemark(reason.trim()));
		return get(id);
	}

	private FollowUp requireOpen(long id, String action) {
		FollowUp f = get(id);
		if (f.status() != Status.OPEN) {
			throw new IllegalTransitionException("follow-up", id, f.status(), action);
		}
		return f;
	}

	private void write(FollowUp f, String set, String value) {
		int n = jdbc.sql("UPDATE recon_follow_up SET " + set + ", updated_at = now(), version = version + 1 WHERE id = :id AND version = :version")
				.param("value", value).param("id", f.id()).param("version", f.version()).update();
		if (n != 1) {
			throw new OptimisticLockingFailureException("follow-up " + f.id() + " changed meanwhile");
		}
	}

	private FollowUp row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		Comment[] comments = json.readValue(rs.getString("comments"), Comment[].class);
		return new FollowUp(rs.getLong("id"), rs.getString("subject_key"), rs.getLong("result_id"), Status.valueOf(rs.getString("status")),
				rs.getString("assignee"), List.of(comments), rs.getString("resolution"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}

}
