package io.wbo.withdrawal.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.reconciliation.Direction;
import io.wbo.reconciliation.ReconciliationSource;
import io.wbo.reconciliation.RecordReconciled;
import io.wbo.reconciliation.RecordsReconciled;
import io.wbo.reconciliation.SystemRecord;
import io.wbo.statement.TagTarget;
import io.wbo.statement.TagTargets;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdrawals as reconciliation sees them (W-16, R-1): the completed payouts of a paying account, the target of a
 * bank line's tag (B-5), and the place where each run's result (對帳結果) is kept on the application.
 */
@Component
class WithdrawalReconciliation implements ReconciliationSource, TagTargets {

	static final String RECORD_TYPE = "WITHDRAWAL";

	private final JdbcClient jdbc;
	private final JdbcTemplate streaming;
	private final AuditLog audit;

	WithdrawalReconciliation(JdbcClient jdbc, javax.sql.DataSource dataSource, AuditLog audit) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
		this.audit = audit;
	}

	@Override
	public String recordType() {
		return RECORD_TYPE;
	}

	@Override
	public Direction direction() {
		return Direction.OUT;
	}

	/** Completed (and later returned) withdrawals paid from the account, by completion date (UTC), amount paid out without the fee. */
	@Override
	@Transactional(readOnly = true)
	public void forEachRecord(long companyAccountId, LocalDate from, LocalDate to, Consumer<SystemRecord> consumer) {
		streaming.query("""
				SELECT w.id, w.serial, w.currency, w.amount, w.completed_at, w.card_account_no, w.bank_reference, b.serial AS batch
				FROM withdrawal w LEFT JOIN payout_batch b ON b.id = w.batch_id
				WHERE w.paying_account_id = ? AND w.completed_at IS NOT NULL AND w.status IN ('COMPLETED', 'RETURNED')
				  AND w.completed_at >= ? AND w.completed_at < ?
				ORDER BY w.completed_at, w.id""", rs -> {
			Asset asset = Asset.of(rs.getString(3));
			consumer.accept(new SystemRecord(RECORD_TYPE, rs.getLong(1), rs.getString(2), asset.code(),
					rs.getBigDecimal(4).setScale(asset.scale()), rs.getTimestamp(5).toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
					rs.getString(6), rs.getString(7), rs.getString(8)));
		}, companyAccountId, Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
				Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TagTarget> find(String idOrSerial) {
		String key = idOrSerial == null ? "" : idOrSerial.trim();
		String where = key.matches("\\d{1,18}") ? "id = CAST(:key AS bigint)" : "serial = :key";
		return jdbc.sql("SELECT id, serial, currency, amount, status, paying_account_id FROM withdrawal WHERE " + where)
				.param("key", key).query((rs, n) -> {
					Asset asset = Asset.of(rs.getString(3));
					return new TagTarget(RECORD_TYPE, rs.getLong(1), rs.getString(2), asset.code(), rs.getBigDecimal(4).setScale(asset.scale()),
							"COMPLETED".equals(rs.getString(5)) || "RETURNED".equals(rs.getString(5)), (Long) rs.getObject(6));
				}).optional();
	}

	/**
	 * Keeps the latest reconciliation result and reason on the applications (the list's 對帳結果 column), with their
	 * history and audit entries: a few statements per chunk of a run's changes, whatever its size.
	 */
	@EventListener
	@Transactional
	public void on(RecordsReconciled changes) {
		List<RecordReconciled> mine = changes.records().stream().filter(r -> RECORD_TYPE.equals(r.recordType())).toList();
		if (mine.isEmpty()) {
			return;
		}
		Actor system = Actor.system("reconciliation");
		List<AuditRecord> entries = new java.util.ArrayList<>(mine.size());
		jdbc.sql("""
				WITH r AS (
				  SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:results AS text[]), CAST(:reasons AS text[]), CAST(:remarks AS text[]))
				         AS r(id, result, reason, remark)
				), old AS (
				  SELECT w.id, w.recon_result FROM withdrawal w JOIN r ON r.id = w.id ORDER BY w.id FOR UPDATE OF w
				), upd AS (
				  UPDATE withdrawal w SET recon_result = r.result, recon_reason = r.reason, updated_at = now()
				  FROM r, old WHERE w.id = r.id AND old.id = r.id
				  RETURNING w.id, old.recon_result AS before, r.result, r.remark
				), ev AS (
				  INSERT INTO withdrawal_event (withdrawal_id, actor, action, remark)
				  SELECT id, :actor, 'RECONCILED_' || result, remark FROM upd
				)
				SELECT id, before, result, remark FROM upd ORDER BY id""")
				.param("ids", mine.stream().map(RecordReconciled::recordId).toArray(Long[]::new))
				.param("results", mine.stream().map(r -> r.result().name()).toArray(String[]::new))
				.param("reasons", mine.stream().map(RecordReconciled::reason).toArray(String[]::new))
				.param("remarks", mine.stream().map(r -> "run " + r.runId() + ": " + r.reason()).toArray(String[]::new))
				.param("actor", system.name())
				.query(rs -> {
					entries.add(AuditRecord.of(system, "WITHDRAWAL_RECONCILED", WithdrawalService.ENTITY, rs.getLong("id"),
							List.of(FieldChange.of("reconciliation", rs.getString("before"), rs.getString("result"))))
							.withRemark(rs.getString("remark")));
				});
		audit.recordAll(entries);
	}
}
