package io.wbo.ledger;

import java.util.List;

/**
 * The result of recomputing the books: per asset the total debits and credits (equal when balanced), and every
 * account whose stored totals differ from the sum of its transfers or whose guarded balance is negative.
 */
public record BooksReport(boolean ok, long accounts, long transfers, List<AssetTotals> assets, List<AccountProblem> problems) {

	public record AssetTotals(String asset, String debits, String credits, boolean balanced) {
	}

	public record AccountProblem(long accountId, String account, String problem) {
	}
}
