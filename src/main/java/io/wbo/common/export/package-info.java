/**
 * Streamed exports shared by every records page: a {@link io.wbo.common.export.RowSource} fed from a JDBC
 * cursor, written as CSV or as XLSX through SXSSF with a small window, with a proper attachment Content-Disposition.
 */
@NullMarked
package io.wbo.common.export;

import org.jspecify.annotations.NullMarked;
