package io.wbo.reconciliation.internal;

import io.wbo.reconciliation.ReconciliationStates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** recon_record_state outside a run: only what rested on a line that is taken back. */
@Service
class RecordStates implements ReconciliationStates {

	private final JdbcClient jdbc;

	RecordStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void releaseLine(String recordType, long recordId, long statementLineId) {
		jdbc.sql("DELETE FROM recon_record_state WHERE record_type = :type AND record_id = :id AND line_id = :line")
				.param("type", recordType).param("id", recordId).param("line", statementLineId).update();
	}
}
