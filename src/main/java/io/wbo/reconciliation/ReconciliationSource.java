package io.wbo.reconciliation;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Implemented (as a bean) by a module that owns records to reconcile: withdrawals for OUT, deposits for IN. Streams
 * its records for one company account whose date falls in [from, to] (inclusive) without loading them all at once.
 */
public interface ReconciliationSource {

	String recordType();

	Direction direction();

	void forEachRecord(long companyAccountId, LocalDate from, LocalDate to, Consumer<SystemRecord> consumer);
}
