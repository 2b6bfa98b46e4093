package io.wbo.statement.internal;

/** Receives what a parser reads, in file order: good lines, the problems of bad ones, and the accounts the file names. */
interface LineSink {

	void line(ParsedLine line);

	void error(int lineNo, String message);

	/**
	 * The bank account a statement of the file is for, as the file names it (MT940 :25:, camt.053 Acct/Id), with the
	 * line that names it: the importer refuses a file for another account than the one it is imported into. A bank's
	 * CSV or XLSX export does not name its account.
	 */
	void account(int lineNo, String accountId);
}
