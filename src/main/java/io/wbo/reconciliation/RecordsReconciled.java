package io.wbo.reconciliation;

import java.util.List;

/**
 * The records whose result a reconciliation run set or changed, published in chunks (a first run over a million
 * records publishes a few hundred of these, not a million events), so the owning module keeps the results on its
 * records with a few set-based statements per chunk.
 */
public record RecordsReconciled(List<RecordReconciled> records) {

	public RecordsReconciled {
		records = List.copyOf(records);
	}

	/** How many records one event carries at most. */
	public static final int CHUNK = 5_000;
}
