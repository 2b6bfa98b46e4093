package io.wbo.statement;

import java.time.LocalDate;
import java.util.List;

import io.wbo.customer.CompanyAccount;

/**
 * B-2 銀企直連: pulls a company account's statement lines from its bank. One implementation per bank API; a sandbox
 * bank ships for development. Lines pulled twice are stored once (the same fingerprint rules as file imports).
 */
public interface BankConnector {

	String name();

	boolean supports(CompanyAccount account);

	/** The account's booked lines between the two dates (inclusive). */
	List<BankLine> pull(CompanyAccount account, LocalDate from, LocalDate to);
}
