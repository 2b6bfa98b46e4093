package io.wbo.statement.internal;

/** Match status of a statement line (SPEC B). */
enum LineStatus {
	UNMATCHED, MATCHED, TAGGED, DELETED
}
