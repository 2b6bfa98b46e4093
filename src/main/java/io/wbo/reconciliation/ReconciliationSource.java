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

	/**
	 * The same records as one SQL query over the owner's own tables, when the owner can say so: the engine then copies
	 * them with one {@code INSERT … SELECT} instead of streaming every row through Java and back (a month of a busy
	 * account's payouts is a million rows). Columns, in this order: {@code record_id, serial, currency, amount} (at the
	 * currency's scale), {@code d} (the record's date), {@code counterparty} (the account as written),
	 * {@code bank_reference, batch}; parameters {@code :account, :from, :to} (dates, inclusive). It must list exactly
	 * what {@link #forEachRecord} lists, each record once, in any order (ordering a million rows costs a sort the
	 * engine does not need: it breaks ties by record id).
	 */
	default java.util.Optional<String> recordsQuery() {
		return java.util.Optional.empty();
	}
}
