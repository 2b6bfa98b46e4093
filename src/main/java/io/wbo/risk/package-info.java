/**
 * X-7 risk checks (風控): named, configurable rules that decide whether a withdrawal may proceed. The owning module
 * describes the application as a {@link io.wbo.risk.RiskSubject} and runs the checks on its background job queue;
 * {@link io.wbo.risk.RiskChecks} answers PASSED or FAILED with every reason. Thresholds live in the database and are
 * edited by an administrator through {@code /api/risk/settings}, audited.
 */
@NullMarked
package io.wbo.risk;

import org.jspecify.annotations.NullMarked;
