package io.wbo.statement.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wbo.common.AmountRange;
import io.wbo.common.CursorPage;
import io.wbo.reconciliation.Direction;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for statement lines and imports. Lists use the (account, direction, booking date) index and id keysets. */
@Component
class StatementStore {

	private final JdbcClient jdbc;

	StatementStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Amounts are bounds on the (always positive) amount of a line, inclusive, whichever its direction. */
	record Filter(@Nullable Direction direction, @Nullable LineStatus status, @Nullable Long accountId, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable String q, @Nullable Long importId, @Nullable BigDecimal minAmount, @Nullable BigDecimal maxAmount) {

		Filter {
			io.wbo.common.Periods.requireOrdered(from, to);
		}
	}

	Optional<StatementLine> byId(long id) {
		return jdbc.sql("SELECT * FROM statement_line WHERE id = :id").param("id", id).query(StatementStore::line).optional();
	}

	/** Newest first. */
	CursorPage<StatementLine> search(Filter f, int size, @Nullable Long before) {
		StringBuilder sql = new StringBuilder("SELECT * FROM statement_line WHERE true");
		Map<String, Object> p = new HashMap<>();
		where(f, sql, p);
		if (before != null) {
			sql.append(" AND id < :before");
			p.put("before", before);
		}
		sql.append(" ORDER BY id DESC LIMIT :limit");
		p.put("limit", size + 1);
		List<StatementLine> rows = jdbc.sql(sql.toString()).params(p).query(StatementStore::line).list();
		return CursorPage.of(new ArrayList<>(rows), size, l -> Long.toString(l.id()));
	}

	/** Streams every line the filter selects, newest first, from a cursor (exports); call inside a transaction. */
	void forEach(Filter f, java.util.function.Consumer<StatementLine> consumer) {
		StringBuilder sql = new StringBuilder("SELECT * FROM statement_line WHERE true");
		Map<String, Object> p = new HashMap<>();
		where(f, sql, p);
		sql.append(" ORDER BY id DESC");
		jdbc.sql(sql.toString()).withFetchSize(1000).params(p).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(line(rs, 0)));
	}

	private static void where(Filter f, StringBuilder sql, Map<String, Object> p) {
		if (f.direction() != null) {
			sql.append(" AND direction = :direction");
			p.put("direction", f.direction().name());
		}
		if (f.status() != null) {
			sql.append(" AND status = :status");
			p.put("status", f.status().name());
		}
		else {
			sql.append(" AND status <> 'DELETED'");
		}
		if (f.accountId() != null) {
			sql.append(" AND account_id = :account");
			p.put("account", f.accountId());
		}
		if (f.from() != null) {
			sql.append(" AND booking_date >= :from");
			p.put("from", f.from());
		}
		if (f.to() != null) {
			sql.append(" AND booking_date <= :to");
			p.put("to", f.to());
		}
		AmountRange amounts = new AmountRange(f.minAmount(), f.maxAmount());
		if (!amounts.isEmpty()) {
			sql.append(" AND ").append(amounts.condition("amount"));
			p.putAll(amounts.params());
		}
		if (f.importId() != null) {
			sql.append(" AND import_id = :import");
			p.put("import", f.importId());
		}
		if (f.q() != null && !f.q().isBlank()) {
			sql.append(" AND (bank_reference = :q OR counterparty_account = :q OR counterparty_name ILIKE :like OR record_serial = :q)");
			p.put("q", f.q().trim());
			p.put("like", "%" + f.q().trim().replace("%", "\\%").replace("_", "\\_") + "%");
		}
	}

	/**
	 * Writes the mutable part of a line, guarded by its version. A tag also sets the line's tag key, which is unique
	 * (one tag per record, V35). A line changed by hand (deleted, flipped, tagged, its tag rejected) no longer carries
	 * the result of the run that saw it before: the next run gives it one.
	 */
	void update(StatementLine before, Direction direction, LineStatus status, @Nullable String recordType, @Nullable Long recordId,
			@Nullable String recordSerial, @Nullable String remark) {
		int n = jdbc.sql("""
				UPDATE statement_line SET direction = :direction, status = :status, record_type = :type, record_id = :record,
				  record_serial = :serial, remark = :remark, version = version + 1, recon_result = NULL, recon_reason = NULL, recon_run_id = NULL,
				  tag_key = CASE WHEN CAST(:status AS TEXT) = 'TAGGED' THEN CAST(:type AS TEXT) || ':' || CAST(:record AS TEXT) END
				WHERE id = :id AND version = :version""")
				.param("direction", direction.name()).param("status", status.name()).param("type", recordType).param("record", recordId)
				.param("serial", recordSerial).param("remark", remark).param("id", before.id()).param("version", before.version()).update();
		if (n != 1) {
			throw new OptimisticLockingFailureException("statement line " + before.id() + " changed meanwhile");
		}
	}

	/**
	 * Whether a record is already tagged to a line or matched to one. Lines carry no index on their record (marking a
	 * line would then rewrite every index, V35): a tag is found by its key, a match through the record's latest
	 * reconciliation state, which names the line it matched; the line must still say so.
	 */
	boolean recordHasLine(String recordType, long recordId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM statement_line WHERE tag_key = CAST(:type AS TEXT) || ':' || CAST(:id AS TEXT))
				  OR EXISTS (SELECT 1 FROM recon_record_state r JOIN statement_line s ON s.id = r.line_id
				             WHERE r.record_type = :type AND r.record_id = :id
				               AND s.status = 'MATCHED' AND s.record_type = r.record_type AND s.record_id = r.record_id)""")
				.param("type", recordType).param("id", recordId).query(Boolean.class).single();
	}

	static StatementLine line(ResultSet rs, int row) throws SQLException {
		return new StatementLine(rs.getLong("id"), rs.getLong("account_id"), Direction.valueOf(rs.getString("direction")),
				Direction.valueOf(rs.getString("original_direction")), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getObject("booking_date", LocalDate.class), rs.getObject("value_date", LocalDate.class), rs.getString("bank_reference"),
				rs.getString("counterparty_name"), rs.getString("counterparty_account"), rs.getString("counterparty_bank"),
				rs.getString("description"), rs.getString("source"), (Long) rs.getObject("import_id"), (Integer) rs.getObject("line_no"),
				LineStatus.valueOf(rs.getString("status")), rs.getString("record_type"), (Long) rs.getObject("record_id"),
				rs.getString("record_serial"), rs.getString("recon_result"), rs.getString("recon_reason"), (Long) rs.getObject("recon_run_id"),
				rs.getString("remark"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

	record ImportView(long id, long accountId, String format, @Nullable Long templateId, String fileName, String fileSha256, long fileSize,
			int total, int created, int duplicates, String importedBy, java.time.Instant importedAt) {
	}

	CursorPage<ImportView> imports(@Nullable Long accountId, int size, @Nullable Long before) {
		List<ImportView> rows = jdbc.sql("""
				SELECT * FROM statement_import WHERE (CAST(:account AS BIGINT) IS NULL OR account_id = :account)
				  AND (CAST(:before AS BIGINT) IS NULL OR id < :before) ORDER BY id DESC LIMIT :limit""")
				.param("account", accountId).param("before", before).param("limit", size + 1).query((rs, i) -> new ImportView(rs.getLong("id"),
						rs.getLong("account_id"), rs.getString("format"), (Long) rs.getObject("template_id"), rs.getString("file_name"),
						rs.getString("file_sha256"), rs.getLong("file_size"), rs.getInt("total"), rs.getInt("created"), rs.getInt("duplicates"),
						rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant())).list();
		return CursorPage.of(new ArrayList<>(rows), size, v -> Long.toString(v.id()));
	}

	Optional<ImportView> importById(long id) {
		return imports(null, 1, id + 1).items().stream().filter(v -> v.id() == id).findFirst();
	}

	int chunkCount(long importId) {
		return jdbc.sql("SELECT count(*) FROM statement_import_chunk WHERE import_id = :id").param("id", importId).query(Integer.class).single();
	}

	byte[] chunk(long importId, int seq) {
		return jdbc.sql("SELECT data FROM statement_import_chunk WHERE import_id = :id AND seq = :seq").param("id", importId).param("seq", seq)
				.query(byte[].class).single();
	}
}
