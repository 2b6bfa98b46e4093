package io.wbo.withdrawal.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.BusinessDay;
import io.wbo.reconciliation.Direction;
import io.wbo.reconciliation.ReconciliationSource;
import io.wbo.reconciliation.RecordReconciled;
import io.wbo.reconciliation.RecordsReconciled;
import io.wbo.reconciliation.SystemRecord;
import io.wbo.statement.StatementLineTagged;
import io.wbo.statement.TagTarget;
import io.wbo.statement.TagTargets;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdrawals as reconciliation sees them (W-16, R-1): the completed payouts of a paying account, the target of a
 * bank line's tag (B-5), and the history of what each run found about an application.
 */
@Component
class WithdrawalReconciliation implements ReconciliationSource, TagTargets {

	static final String RECORD_TYPE = "WITHDRAWAL";

	private final JdbcClient jdbc;
	private final AuditLog audit;

	WithdrawalReconciliation(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
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

	/**
	 * Completed (and later returned) withdrawals paid from the account, by completion date (UTC), amount paid out
	 * without the fee at the currency's scale. {@link #recordsQuery} for the engine, {@link #forEachRecord} for anyone.
	 */
	private static final String RECORDS = """
			SELECT w.id AS record_id, w.serial, w.currency, round(w.amount, %1$s) AS amount, (w.completed_at AT TIME ZONE %2$s)::date AS d,
			       w.card_account_no AS counterparty, w.bank_reference, b.serial AS batch
			FROM withdrawal w LEFT JOIN payout_batch b ON b.id = w.batch_id
			WHERE w.paying_account_id = :account AND w.completed_at IS NOT NULL AND w.status IN ('COMPLETED', 'RETURNED')
			  AND w.completed_at >= CAST(:from AS date)::timestamp AT TIME ZONE %2$s
			  AND w.completed_at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE %2$s""".formatted(Asset.codes().stream()
			.map(code -> "WHEN '" + code + "' THEN " + Asset.of(code).scale())
			.collect(java.util.stream.Collectors.joining(" ", "CASE w.currency ", " END")), BusinessDay.SQL_ZONE);

	@Override
	public Optional<String> recordsQuery() {
		return Optional.of(RECORDS);
	}

	@Override
	@Transactional(readOnly = true)
	public void forEachRecord(long companyAccountId, LocalDate from, LocalDate to, Consumer<SystemRecord> consumer) {
		jdbc.sql(RECORDS + " ORDER BY w.completed_at, w.id").param("account", companyAccountId).param("from", from).param("to", to).withFetchSize(1000)
				.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(new SystemRecord(RECORD_TYPE,
						rs.getLong("record_id"), rs.getString("serial"), rs.getString("currency"), rs.getBigDecimal("amount"),
						rs.getObject("d", LocalDate.class), rs.getString("counterparty"), rs.getString("bank_reference"), rs.getString("batch"))));
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
	 * Puts what a run found into the applications' history, with an audit entry each: every result that is not a first
	 * clean match (a mismatch, a missing line, or a change of an earlier result). The 對帳結果 column itself is read from
	 * reconciliation's published state ({@code withdrawal_view}); a first clean match — nearly all of a month's
	 * payouts — is the expected outcome, recorded by the run and its results, so a first run over a million payouts
	 * does not rewrite a million applications' histories.
	 */
	@EventListener
	@Transactional
	public void on(RecordsReconciled changes) {
		List<RecordReconciled> notable = changes.records().stream()
				.filter(r -> RECORD_TYPE.equals(r.recordType()) && !r.firstCleanMatch()).toList();
		if (notable.isEmpty()) {
			return;
		}
		Actor system = Actor.system("reconciliation");
		List<AuditRecord> entries = new java.util.ArrayList<>(notable.size());
		jdbc.sql("""
				WITH r AS (
				  SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:previous AS text[]), CAST(:results AS text[]), CAST(:remarks AS text[]))
				         AS r(id, previous, result, remark)
				), ev AS (
				  INSERT INTO withdrawal_event (withdrawal_id, actor, action, remark)
				  SELECT w.id, :actor, 'RECONCILED_' || r.result, r.remark FROM r JOIN withdrawal w ON w.id = r.id
				  RETURNING withdrawal_id
				)
				SELECT r.id, r.previous, r.result, r.remark FROM r JOIN ev ON ev.withdrawal_id = r.id ORDER BY r.id""")
				.param("ids", notable.stream().map(RecordReconciled::recordId).toArray(Long[]::new))
				.param("previous", notable.stream().map(r -> r.previous() == null ? null : r.previous().name()).toArray(String[]::new))
				.param("results", notable.stream().map(r -> r.result().name()).toArray(String[]::new))
				.param("remarks", notable.stream().map(r -> "run " + r.runId() + ": " + r.reason()).toArray(String[]::new))
				.param("actor", system.name())
				.query(rs -> {
					entries.add(AuditRecord.of(system, "WITHDRAWAL_RECONCILED", WithdrawalService.ENTITY, rs.getLong("id"),
							List.of(FieldChange.of("reconciliation", rs.getString("previous"), rs.getString("result"))))
							.withRemark(rs.getString("remark")));
				});
		audit.recordAll(entries);
	}

	/**
	 * A bank line tagged to an application by hand, or its tag rejected (B-5, B-6), goes into the application's
	 * history; the audit entry is the line's, written by the tag itself.
	 */
	@EventListener
	@Transactional
	public void on(StatementLineTagged tag) {
		if (!RECORD_TYPE.equals(tag.recordType())) {
			return;
		}
		jdbc.sql("INSERT INTO withdrawal_event (withdrawal_id, actor, action, remark) VALUES (:id, :actor, :action, :remark)")
				.param("id", tag.recordId()).param("actor", tag.actor())
				.param("action", tag.tagged() ? "BANK_LINE_TAGGED" : "BANK_LINE_TAG_REJECTED")
				.param("remark", "bank line " + tag.line() + (tag.remark() == null ? "" : ": " + tag.remark())).update();
	}
}
