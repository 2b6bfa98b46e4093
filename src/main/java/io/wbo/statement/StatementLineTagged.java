package io.wbo.statement;

import org.jspecify.annotations.Nullable;

/**
 * A bank line was tagged to a record (B-5), or the tag was rejected (B-6, {@code tagged == false}), by {@code actor};
 * {@code line} says which line for the record's history (date, amount, reference), {@code remark} why (the reason an
 * amount that disagrees was tagged anyway, or the tag rejected).
 */
public record StatementLineTagged(long statementLineId, String recordType, long recordId, boolean tagged, String actor, String line,
		@Nullable String remark) {
}
