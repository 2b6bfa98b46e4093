/**
 * reconciliation (對帳): matches bank statement lines against the system's records of one direction, one
 * company account and one period. Business modules contribute their records through {@link
 * io.wbo.reconciliation.ReconciliationSource} and learn each record's result from {@link
 * io.wbo.reconciliation.RecordReconciled}; this module never reads their tables. The one exception is statement_line, which
 * the engine reads and marks with set-based SQL (both modules have one owner, and a million lines cannot go through Java
 * twice); see {@code ReconciliationEngine}.
 */
@NullMarked
package io.wbo.reconciliation;

import org.jspecify.annotations.NullMarked;
