package io.wbo.statement.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.wbo.reconciliation.Direction;
import org.jspecify.annotations.Nullable;

/**
 * ISO 20022 camt.053 bank-to-customer statements, read with a streaming XML reader (StAX) so a large file never sits in
 * memory. Accepts the versions banks send today (camt.053.001.02 to .001.13; .02 and .08 are tested): each booked entry
 * ({@code Ntry}) becomes one line, its counterparty being the debtor of a credit and the creditor of a debit. Each
 * statement's account (IBAN or other id) goes to the sink, which checks it is the account imported into. DTDs and
 * external entities are refused.
 */
final class Camt053Parser implements StatementParser {

	private static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.053\\.001\\.(0[2-9]|1[0-3])");
	private static final Pattern AMOUNT = Pattern.compile("\\d{1,18}(\\.\\d{1,5})?");

	@Override
	public void parse(InputStream in, LineSink sink) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		int line = 0;
		XMLStreamReader xml = null;
		try {
			xml = factory.createXMLStreamReader(in);
			Deque<String> path = new ArrayDeque<>();
			boolean root = true;
			int statements = 0;
			int statementLine = 0;
			boolean statementAccount = false;
			Entry entry = null;
			StringBuilder text = new StringBuilder();
			while (xml.hasNext()) {
				int event = xml.next();
				line = xml.getLocation().getLineNumber();
				switch (event) {
					case XMLStreamConstants.START_ELEMENT -> {
						String name = xml.getLocalName();
						if (root) {
							root = false;
							String ns = xml.getNamespaceURI();
							if (!"Document".equals(name) || ns == null || !NAMESPACE.matcher(ns).matches()) {
								sink.error(line, "not a camt.053 document (root " + name + " in namespace " + ns + ")");
								return;
							}
						}
						path.push(name);
						text.setLength(0);
						if ("Stmt".equals(name)) {
							statements++;
							statementLine = line;
							statementAccount = false;
						}
						if ("Ntry".equals(name) && inside(path, "Stmt")) {
							entry = new Entry(line);
						}
						if (entry != null && "Amt".equals(name) && path.size() >= 2 && isEntryLevel(path)) {
							entry.currency = xml.getAttributeValue(null, "Ccy");
						}
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
					case XMLStreamConstants.END_ELEMENT -> {
						String name = xml.getLocalName();
						String value = text.toString().strip();
						if (entry != null) {
							entry.collect(path, value);
						}
						if ("Ntry".equals(name) && entry != null) {
							entry.emit(sink);
							entry = null;
						}
						if (isStatementAccount(path) && !value.isEmpty()) {
							statementAccount = true;
							sink.account(line, value);
						}
						if ("Stmt".equals(name) && !statementAccount) {
							sink.error(statementLine, "the statement starting here has no account (Acct)");
						}
						path.pop();
						text.setLength(0);
					}
					default -> {
					}
				}
			}
			if (root) {
				sink.error(0, "the file is empty");
			}
			else if (statements == 0) {
				sink.error(0, "the document has no statement (Stmt)");
			}
		}
		catch (XMLStreamException e) {
			int at = e.getLocation() != null ? e.getLocation().getLineNumber() : line;
			sink.error(Math.max(at, 0), "the file is not well-formed XML: " + cleanMessage(e));
		}
		catch (RuntimeException e) {
			sink.error(line, "the file could not be read as camt.053: " + TemplateParser.reason(e));
		}
		finally {
			if (xml != null) {
				try {
					xml.close();
				}
				catch (XMLStreamException ignored) {
					// nothing left to release
				}
			}
		}
	}

	private static String cleanMessage(XMLStreamException e) {
		String m = TemplateParser.reason(e);
		int idx = m.indexOf("Message: ");
		return idx >= 0 ? m.substring(idx + 9) : m;
	}

	private static boolean inside(Deque<String> path, String element) {
		return path.contains(element);
	}

	/** The statement's own account: Stmt/Acct/Id/IBAN or Stmt/Acct/Id/Othr/Id (not a party's account, not the servicer's id). */
	private static boolean isStatementAccount(Deque<String> path) {
		return endsIn(path, "IBAN", "Id", "Acct", "Stmt") || endsIn(path, "Id", "Othr", "Id", "Acct", "Stmt");
	}

	/** Whether the path (innermost element first) ends in these elements. */
	private static boolean endsIn(Deque<String> path, String... innermostFirst) {
		return path.stream().limit(innermostFirst.length).toList().equals(List.of(innermostFirst));
	}

	/** Amt directly under Ntry (not the instructed amounts of the transaction details). */
	private static boolean isEntryLevel(Deque<String> path) {
		var it = path.iterator();
		it.next();
		return "Ntry".equals(it.next());
	}

	/** The fields of one Ntry, gathered by their path below it. */
	private static final class Entry {
		final int line;
		@Nullable String currency;
		final Map<String, String> values = new HashMap<>();
		int transactions;

		Entry(int line) {
			this.line = line;
		}

		void collect(Deque<String> path, String value) {
			StringBuilder relative = new StringBuilder();
			var it = path.descendingIterator();
			boolean below = false;
			while (it.hasNext()) {
				String p = it.next();
				if (below) {
					relative.append(relative.isEmpty() ? "" : "/").append(p);
				}
				else if ("Ntry".equals(p)) {
					below = true;
				}
			}
			String key = relative.toString();
			if (key.equals("NtryDtls/TxDtls")) {
				transactions++;
			}
			if (!value.isEmpty()) {
				values.putIfAbsent(normalize(key), value);
			}
		}

		/** Drops the wrappers that differ between versions (.08 puts the party in Pty). */
		private static String normalize(String key) {
			return key.replace("/Pty/", "/").replace("NtryDtls/TxDtls/", "Tx/");
		}

		@Nullable String first(String... keys) {
			for (String k : keys) {
				String v = values.get(k);
				if (v != null) {
					return v;
				}
			}
			return null;
		}

		void emit(LineSink sink) {
			String status = first("Sts", "Sts/Cd");
			if (status != null && !status.equals("BOOK")) {
				return; // pending and information entries are not bank lines yet
			}
			String amountText = first("Amt");
			String mark = first("CdtDbtInd");
			boolean reversal = "true".equals(first("RvslInd"));
			boolean ok = true;
			if (amountText == null || !AMOUNT.matcher(amountText).matches()) {
				sink.error(line, "entry amount '" + amountText + "' is not a decimal number");
				ok = false;
			}
			if (currency == null || currency.isBlank()) {
				sink.error(line, "entry amount has no currency (Ccy)");
				ok = false;
			}
			if (!"CRDT".equals(mark) && !"DBIT".equals(mark)) {
				sink.error(line, "entry credit/debit indicator '" + mark + "' is neither CRDT nor DBIT");
				ok = false;
			}
			String bookingText = first("BookgDt/Dt", "BookgDt/DtTm");
			LocalDate booking = date(bookingText);
			LocalDate value = date(first("ValDt/Dt", "ValDt/DtTm"));
			if (bookingText != null && booking == null) {
				sink.error(line, "entry booking date '" + bookingText + "' is not a date");
				ok = false;
			}
			else if (booking == null && value == null) {
				sink.error(line, "entry has neither a booking date (BookgDt) nor a value date (ValDt)");
				ok = false;
			}
			if (!ok) {
				return;
			}
			Amounts.Read<BigDecimal> scaled = Amounts.atScale(new BigDecimal(amountText), currency);
			if (scaled.error() != null) {
				sink.error(line, scaled.error());
				return;
			}
			boolean credit = "CRDT".equals(mark) != reversal;
			// the counterparty is who paid us on a credit and whom we paid on a debit
			String party = "CRDT".equals(mark) ? "Dbtr" : "Cdtr";
			String single = transactions <= 1 ? "Tx/" : "#none#/";
			String name = first(single + "RltdPties/" + party + "/Nm");
			String account = first(single + "RltdPties/" + party + "Acct/Id/IBAN", single + "RltdPties/" + party + "Acct/Id/Othr/Id");
			String bank = first(single + "RltdAgts/" + party + "Agt/FinInstnId/Nm", single + "RltdAgts/" + party + "Agt/FinInstnId/BICFI",
					single + "RltdAgts/" + party + "Agt/FinInstnId/BIC");
			String reference = first("AcctSvcrRef", "Tx/Refs/AcctSvcrRef", single + "Refs/EndToEndId");
			if ("NOTPROVIDED".equals(reference)) {
				reference = null;
			}
			String description = first(single + "RmtInf/Ustrd", "AddtlNtryInf");
			sink.line(new ParsedLine(line, credit ? Direction.IN : Direction.OUT, scaled.value(), currency, booking != null ? booking : value,
					value, reference, name, account, bank, description));
		}

		private static @Nullable LocalDate date(@Nullable String text) {
			if (text == null || text.length() < 10) {
				return null;
			}
			try {
				return LocalDate.parse(text.substring(0, 10));
			}
			catch (DateTimeParseException e) {
				return null;
			}
		}
	}
}
