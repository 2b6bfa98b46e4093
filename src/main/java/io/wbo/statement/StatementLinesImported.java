package io.wbo.statement;

/**
 * New statement lines were stored for a company account (by a file import, a bank pull or the bank webhook); deposit
 * matching listens for inflows. {@code importId} is null for lines that came through the bank API.
 */
public record StatementLinesImported(long accountId, @org.jspecify.annotations.Nullable Long importId, String source, int created) {
}
