package io.wbo.statement;

/** A bank line was tagged to a record (B-5), or the tag was rejected (B-6, {@code tagged == false}). */
public record StatementLineTagged(long statementLineId, String recordType, long recordId, boolean tagged) {
}
