/**
 * reconciliation (對帳): matches bank statement lines against the system's records of one direction, one
 * company account and one period. Business modules contribute their records through {@link
 * io.wbo.reconciliation.ReconciliationSource}; this module never reads their tables. The one exception is statement_line, which
 * the engine reads and marks with set-based SQL (both modules have one owner, and a million lines cannot go through Java
 * twice); see {@code ReconciliationEngine}. The other way round, the table {@code recon_record_state} (the latest result
 * of every record: record_type, record_id, result, reason, line_id, run_id) is published read-only for the owning
 * modules' lists to join, and the changes of each run reach them as {@link io.wbo.reconciliation.RecordsReconciled}.
 */
@NullMarked
package io.wbo.reconciliation;

import org.jspecify.annotations.NullMarked;
