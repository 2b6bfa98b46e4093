package io.wbo.reconciliation;

import java.util.List;

/**
 * The records whose result a reconciliation run set or changed, except first clean matches (a record's first result,
 * MATCHED: the expected outcome of nearly every record, readable like every result from {@code recon_record_state}).
 * Published in chunks, so the owning module records them with a few set-based statements per chunk.
 */
public record RecordsReconciled(List<RecordReconciled> records) {

	public RecordsReconciled {
		records = List.copyOf(records);
	}

	/** How many records one event carries at most. */
	public static final int CHUNK = 5_000;
}
