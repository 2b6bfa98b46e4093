package io.wbo.reconciliation.internal;

import io.wbo.reconciliation.ReconciliationStates;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** recon_record_state outside a run: a line tagged to a record by hand, or taken back. */
@Service
class RecordStates implements ReconciliationStates {

	private final JdbcClient jdbc;

	RecordStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void bindLine(String recordType, long recordId, long statementLineId) {
		// no run decided it: run_id stays empty until the next run, which finds the same (no change, no event)
		jdbc.sql("""
				INSERT INTO recon_record_state (record_type, record_id, result, reason, line_id, run_id)
				VALUES (:type, :id, 'MATCHED', :reason, :line, NULL)
				ON CONFLICT (record_type, record_id) DO UPDATE SET result = 'MATCHED', reason = :reason, line_id = :line, run_id = NULL""")
				.param("type", recordType).param("id", recordId).param("reason", TAGGED_BY_HAND).param("line", statementLineId).update();
	}

	@Override
	@Transactional
	public void releaseLine(String recordType, long recordId, long statementLineId) {
		jdbc.sql("DELETE FROM recon_record_state WHERE record_type = :type AND record_id = :id AND line_id = :line")
				.param("type", recordType).param("id", recordId).param("line", statementLineId).update();
	}

	@Override
	@Transactional
	public void forgetLine(long statementLineId, @Nullable String recordType, @Nullable Long recordId) {
		if (recordType != null && recordId != null) {
			releaseLine(recordType, recordId, statementLineId);
			return;
		}
		// a batch line's payouts: no index leads from a line to its records (it would cost every run's upserts), and
		// deleting or flipping a line a run compared is a rare hand action
		jdbc.sql("DELETE FROM recon_record_state WHERE line_id = :line").param("line", statementLineId).update();
	}
}
