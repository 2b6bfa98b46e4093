package io.wbo.statement.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.prowidesoftware.swift.model.field.Field60F;
import com.prowidesoftware.swift.model.field.Field61;
import io.wbo.reconciliation.Direction;
import org.jspecify.annotations.Nullable;

/**
 * SWIFT MT940 customer statements: the FIN envelope ({1:}{2:}{4: ... -}) or the bare tag text banks put in host-to-host
 * files, one or several statements per file. The tag structure is checked here (every statement needs :20:, :25:, an
 * opening balance :60F:/:60M:, its :61: entries and a closing balance :62F:/:62M:), the fields :60a: and :61: are
 * split by prowide's field model, and the optional :86: details are read for the counterparty (structured /NAME/,
 * /ACCT/, ?32 subfields) or kept as the description. Each statement's account (:25:) goes to the sink, which checks it is
 * the account imported into. Text must be UTF-8 (ASCII is UTF-8).
 */
final class Mt940Parser implements StatementParser {

	private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):(.*)$");
	private static final Set<String> KNOWN = Set.of("20", "21", "25", "25P", "28", "28C", "60F", "60M", "61", "62F", "62M", "64", "65",
			"86", "13D", "34F", "90D", "90C");
	private static final Pattern F61 = Pattern.compile("^(\\d{6})(\\d{4})?(RC|RD|C|D)[A-Z]?(\\d{1,12},\\d{0,3})(.*)$", Pattern.DOTALL);

	@Override
	public void parse(InputStream in, LineSink sink) {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
		List<Tag> tags = new ArrayList<>();
		int lineNo = 0;
		try {
			String line;
			Tag current = null;
			while ((line = reader.readLine()) != null) {
				lineNo++;
				String text = stripEnvelope(line);
				if (text.isBlank()) {
					continue;
				}
				if (text.equals("-") || text.equals("-}")) {
					current = null;
					continue;
				}
				Matcher m = TAG.matcher(text);
				if (m.matches()) {
					if (!KNOWN.contains(m.group(1))) {
						sink.error(lineNo, "unknown MT940 tag :" + m.group(1) + ":");
						current = null;
						continue;
					}
					current = new Tag(m.group(1), lineNo, new StringBuilder(m.group(2)));
					tags.add(current);
				}
				else if (current != null) {
					current.value.append('\n').append(text);
				}
				else {
					sink.error(lineNo, "text outside of any MT940 tag");
				}
			}
		}
		catch (CharacterCodingException e) {
			sink.error(lineNo + 1, "the file is not valid UTF-8 text");
			return;
		}
		catch (IOException | UncheckedIOException e) {
			sink.error(lineNo + 1, "the file could not be read: " + TemplateParser.reason(e));
			return;
		}
		if (tags.isEmpty()) {
			sink.error(0, "no MT940 statement found in the file");
			return;
		}
		statements(tags, sink);
	}

	/** Removes {1:...}{2:...}{4: in front of the first tag and a closing "-}" of the FIN envelope. */
	private static String stripEnvelope(String line) {
		String text = line.stripTrailing();
		if (text.startsWith("{1:")) {
			int body = text.indexOf("{4:");
			text = body < 0 ? "" : text.substring(body + 3);
		}
		if (text.startsWith("{5:") || text.startsWith("{S:")) {
			return "";
		}
		if (text.endsWith("-}")) {
			text = text.substring(0, text.length() - 2);
		}
		return text;
	}

	private record Tag(String name, int line, StringBuilder value) {
		String text() {
			return value.toString();
		}
	}

	private void statements(List<Tag> tags, LineSink sink) {
		int i = 0;
		while (i < tags.size()) {
			Tag start = tags.get(i);
			if (!start.name().equals("20")) {
				sink.error(start.line(), "tag :" + start.name() + ": before the statement's :20: reference");
				i++;
				continue;
			}
			int end = i + 1;
			while (end < tags.size() && !tags.get(end).name().equals("20")) {
				end++;
			}
			statement(tags.subList(i, end), sink);
			i = end;
		}
	}

	private void statement(List<Tag> tags, LineSink sink) {
		Tag first = tags.get(0);
		String currency = null;
		boolean account = false;
		boolean closing = false;
		for (Tag t : tags) {
			switch (t.name()) {
				case "25", "25P" -> {
					// :25P: puts the account's bank on a second line
					String id = t.text().replace('\n', ' ').strip();
					if (!id.isEmpty()) {
						account = true;
						sink.account(t.line(), id);
					}
				}
				case "60F", "60M" -> {
					if (!t.text().matches("[CD]\\d{6}[A-Z]{3}\\d{1,15},\\d{0,3}")) {
						sink.error(t.line(), "opening balance :" + t.name() + ": '" + t.text() + "' is not D/C mark, date, currency and amount");
					}
					else {
						currency = new Field60F(t.text()).getCurrency();
					}
				}
				case "62F", "62M" -> closing = true;
				default -> {
				}
			}
		}
		if (!account) {
			sink.error(first.line(), "the statement starting here has no account :25:");
		}
		if (currency == null) {
			sink.error(first.line(), "the statement starting here has no valid opening balance :60F: (needed for the currency)");
		}
		if (!closing) {
			sink.error(first.line(), "the statement starting here has no closing balance :62F: (truncated file?)");
		}
		for (int k = 0; k < tags.size(); k++) {
			Tag t = tags.get(k);
			if (!t.name().equals("61")) {
				if (t.name().equals("86") && (k == 0 || !tags.get(k - 1).name().equals("61"))) {
					continue; // statement-level information
				}
				continue;
			}
			String details = k + 1 < tags.size() && tags.get(k + 1).name().equals("86") ? tags.get(k + 1).text() : null;
			entry(t, details, currency, sink);
		}
	}

	private void entry(Tag t, @Nullable String details, @Nullable String currency, LineSink sink) {
		String value = t.text();
		String firstLine = value.contains("\n") ? value.substring(0, value.indexOf('\n')) : value;
		Matcher m = F61.matcher(firstLine);
		if (!m.matches()) {
			sink.error(t.line(), "entry :61: '" + firstLine + "' is not date, D/C mark and amount (e.g. 2611201120D1234,56NTRFNONREF)");
			return;
		}
		Field61 f;
		try {
			f = new Field61(value);
		}
		catch (RuntimeException e) {
			sink.error(t.line(), "entry :61: could not be read: " + TemplateParser.reason(e));
			return;
		}
		LocalDate valueDate;
		LocalDate booking;
		try {
			valueDate = yymmdd(m.group(1));
			booking = valueDate;
			if (m.group(2) != null) {
				int month = Integer.parseInt(m.group(2).substring(0, 2));
				int day = Integer.parseInt(m.group(2).substring(2));
				booking = LocalDate.of(valueDate.getYear(), month, day);
				// an entry date in early January for a late-December value date belongs to the next year, and back
				if (booking.isBefore(valueDate.minusMonths(6))) {
					booking = booking.plusYears(1);
				}
				else if (booking.isAfter(valueDate.plusMonths(6))) {
					booking = booking.minusYears(1);
				}
			}
		}
		catch (DateTimeException | NumberFormatException e) {
			sink.error(t.line(), "entry :61: has an impossible date in '" + firstLine + "'");
			return;
		}
		String mark = m.group(3);
		Direction direction = switch (mark) {
			case "C", "RD" -> Direction.IN; // a reversal of a debit brings the money back
			default -> Direction.OUT;
		};
		BigDecimal amount = new BigDecimal(m.group(4).replace(',', '.').replaceAll("\\.$", ""));
		if (currency == null) {
			return; // already reported for the statement
		}
		Amounts.Read<BigDecimal> scaled = Amounts.atScale(amount, currency);
		if (scaled.error() != null) {
			sink.error(t.line(), scaled.error());
			return;
		}
		String ownerRef = Amounts.blankToNull(f.getReferenceForTheAccountOwner());
		String bankRef = Amounts.blankToNull(f.getReferenceOfTheAccountServicingInstitution());
		String reference = bankRef != null ? bankRef : ("NONREF".equals(ownerRef) ? null : ownerRef);
		String supplementary = Amounts.blankToNull(f.getSupplementaryDetails());
		Details d = details(details);
		String description = d.description != null ? d.description : supplementary;
		sink.line(new ParsedLine(t.line(), direction, scaled.value(), currency, booking, valueDate, reference, d.name, d.account, d.bank,
				description));
	}

	private static LocalDate yymmdd(String text) {
		int yy = Integer.parseInt(text.substring(0, 2));
		return LocalDate.of(yy < 80 ? 2000 + yy : 1900 + yy, Integer.parseInt(text.substring(2, 4)), Integer.parseInt(text.substring(4, 6)));
	}

	private record Details(@Nullable String name, @Nullable String account, @Nullable String bank, @Nullable String description) {
	}

	private static final Pattern SLASH_CODE = Pattern.compile("/(NAME|ORDP|BENM|ACCT|BANK|REMI|NARR)/([^/]*)");
	private static final Pattern QUESTION_CODE = Pattern.compile("\\?(\\d{2})([^?]*)");

	/** Reads the counterparty out of :86: where the bank structures it; otherwise it is all description. */
	static Details details(@Nullable String raw) {
		if (raw == null) {
			return new Details(null, null, null, null);
		}
		String text = raw.replace("\n", "");
		String name = null;
		String account = null;
		String bank = null;
		StringBuilder description = new StringBuilder();
		Matcher slash = SLASH_CODE.matcher(text);
		boolean structured = false;
		while (slash.find()) {
			structured = true;
			String v = Amounts.blankToNull(slash.group(2));
			switch (slash.group(1)) {
				case "NAME", "ORDP", "BENM" -> name = name == null ? v : name;
				case "ACCT" -> account = v;
				case "BANK" -> bank = v;
				default -> {
					if (v != null) {
						description.append(description.isEmpty() ? "" : " ").append(v);
					}
				}
			}
		}
		if (!structured && text.startsWith("?") || text.matches("^\\d{3}\\?.*")) {
			Matcher q = QUESTION_CODE.matcher(text);
			StringBuilder qName = new StringBuilder();
			while (q.find()) {
				structured = true;
				int code = Integer.parseInt(q.group(1));
				String v = q.group(2);
				if (code == 32 || code == 33) {
					qName.append(v);
				}
				else if (code == 31) {
					account = Amounts.blankToNull(v);
				}
				else if (code == 30) {
					bank = Amounts.blankToNull(v);
				}
				else if (code >= 20 && code <= 29) {
					description.append(v);
				}
			}
			name = Amounts.blankToNull(qName.toString());
		}
		if (!structured) {
			return new Details(null, null, null, Amounts.blankToNull(text));
		}
		return new Details(name, account, bank, Amounts.blankToNull(description.toString()));
	}
}
