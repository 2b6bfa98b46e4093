package io.wbo.statement.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.pjfanning.xlsx.StreamingReader;
import io.wbo.reconciliation.Direction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.jspecify.annotations.Nullable;

/**
 * Reads a bank's own CSV or XLSX export with a {@link TemplateDefinition}. CSV text is decoded strictly in the
 * template's encoding (a Big5 file read as UTF-8 is refused, not imported as garbage); XLSX is read row by row with a
 * streaming reader, so neither needs the whole file in memory.
 */
final class TemplateParser implements StatementParser {

	private final TemplateDefinition template;
	private final DateTimeFormatter dateFormat;
	private final DateReader bookingDates = new DateReader("booking date");
	private final DateReader valueDates = new DateReader("value date");

	TemplateParser(TemplateDefinition template) {
		this.template = template;
		this.dateFormat = Amounts.pattern(template.dateFormat());
	}

	/** Statements run in date order, so most rows repeat the date of the row before: that one is not parsed again. */
	private final class DateReader {
		private final String what;
		private @Nullable String lastText;
		private Amounts.@Nullable Read<LocalDate> last;

		DateReader(String what) {
			this.what = what;
		}

		Amounts.Read<LocalDate> read(String text) {
			if (last == null || !text.equals(lastText)) {
				last = Amounts.date(text, dateFormat, what);
				lastText = text;
			}
			return last;
		}
	}

	@Override
	public void parse(InputStream in, LineSink sink) {
		if ("XLSX".equals(template.fileType())) {
			parseXlsx(in, sink);
		}
		else {
			parseCsv(in, sink);
		}
	}

	/** The first rows of a sample file, as the template reads them (for the template editor's preview). */
	static List<List<String>> preview(TemplateDefinition template, InputStream in, int rows) {
		List<List<String>> out = new ArrayList<>();
		TemplateParser parser = new TemplateParser(template);
		try {
			if ("XLSX".equals(template.fileType())) {
				try (Workbook workbook = StreamingReader.builder().rowCacheSize(50).bufferSize(4096).open(in)) {
					for (Row row : workbook.getSheetAt(0)) {
						if (out.size() >= rows) {
							break;
						}
						out.add(parser.cells(row));
					}
				}
			}
			else {
				try (CSVParser csv = parser.csvFormat().parse(parser.reader(in))) {
					for (CSVRecord record : csv) {
						if (out.size() >= rows) {
							break;
						}
						out.add(record.toList());
					}
				}
			}
		}
		catch (Exception e) {
			out.add(List.of("(the sample could not be read: " + reason(e) + ")"));
		}
		return out;
	}

	private CSVFormat csvFormat() {
		return CSVFormat.DEFAULT.builder().setDelimiter(template.delimiterChar()).setIgnoreSurroundingSpaces(true)
				.setIgnoreEmptyLines(false).get();
	}

	private BufferedReader reader(InputStream in) {
		CharsetDecoder decoder = Charset.forName(template.encoding()).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		return new BufferedReader(new InputStreamReader(new BomSkipping(in), decoder), 64 * 1024);
	}

	private void parseCsv(InputStream in, LineSink sink) {
		long lastLine = 0;
		try (CSVParser csv = csvFormat().parse(reader(in))) {
			for (CSVRecord record : csv) {
				long lineNo = record.getRecordNumber();
				lastLine = csv.getCurrentLineNumber();
				if (lineNo <= template.headerRows()) {
					continue;
				}
				List<String> cells = record.toList();
				if (blank(cells)) {
					continue;
				}
				row((int) lineNo, cells, sink);
			}
		}
		catch (UncheckedIOException | IOException e) {
			Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
			if (cause instanceof CharacterCodingException) {
				if ("Big5".equals(template.encoding())) {
					// what Hong Kong banks call Big5 has characters Big5 itself lacks (恒, 栢, 邨): the operator has to know which one to pick
					sink.error((int) lastLine + 1, "the file is not valid Big5 text here: Hong Kong characters such as 恒 or 栢 need the encoding Big5-HKSCS in the template");
				}
				else {
					sink.error((int) lastLine + 1, "the file is not valid " + template.encoding() + " text here (wrong encoding in the template?)");
				}
			}
			else {
				sink.error((int) lastLine + 1, "the file could not be read as CSV: " + reason(cause));
			}
		}
		catch (IllegalStateException e) {
			sink.error((int) lastLine + 1, "the file could not be read as CSV: " + reason(e));
		}
	}

	private void parseXlsx(InputStream file, LineSink sink) {
		InputStream in = FileMagic.prepareToCheckMagic(file);
		try {
			if (FileMagic.valueOf(in) == FileMagic.OLE2) {
				// many banks still offer "Excel" as the old binary format, which only the operator can convert
				sink.error(0, "the file is an old Excel workbook (.xls): save it as .xlsx and import it again");
				return;
			}
		}
		catch (IOException e) {
			sink.error(0, "the file could not be read as XLSX: " + reason(e));
			return;
		}
		try (Workbook workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(in)) {
			if (workbook.getNumberOfSheets() == 0) {
				sink.error(0, "the workbook has no sheet");
				return;
			}
			Sheet sheet = workbook.getSheetAt(0);
			for (Row r : sheet) {
				int lineNo = r.getRowNum() + 1;
				if (lineNo <= template.headerRows()) {
					continue;
				}
				List<String> cells = cells(r);
				if (blank(cells)) {
					continue;
				}
				row(lineNo, cells, sink);
			}
		}
		catch (Exception e) {
			sink.error(0, "the file could not be read as XLSX: " + reason(e));
		}
	}

	private String decimalSeparator() {
		return template.decimalSeparator() == null || template.decimalSeparator().isEmpty() ? "." : template.decimalSeparator();
	}

	/** A row without any text (",,,," as Excel writes an empty row to CSV) is no statement line and no error. */
	static boolean blank(List<String> cells) {
		return cells.stream().allMatch(String::isBlank);
	}

	private List<String> cells(Row row) {
		List<String> cells = new ArrayList<>();
		for (Cell cell : row) {
			int index = cell.getColumnIndex();
			while (cells.size() < index) {
				cells.add("");
			}
			cells.add(text(cell));
		}
		return cells;
	}

	/**
	 * A number cell holds a number, not text in the bank's notation: it is written with the template's decimal
	 * separator, so that reading the amount with the template's separators gives the same number back (a template of
	 * "8.800,50" would otherwise drop the point of 8800.5 as a thousands separator and read 88005).
	 */
	private String text(Cell cell) {
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
					: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString().replace(".", decimalSeparator());
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
			default -> "";
		};
	}

	/** Maps one row; every problem of the row is reported, the row is dropped if any. */
	void row(int lineNo, List<String> cells, LineSink sink) {
		List<String> errors = new ArrayList<>();
		String currency = cell(cells, "currency");
		if (currency == null) {
			currency = template.currency();
		}
		currency = currency == null ? null : currency.trim().toUpperCase(Locale.ROOT);
		LocalDate booking = null;
		String bookingText = cell(cells, "bookingDate");
		if (bookingText == null) {
			errors.add("booking date is missing");
		}
		else {
			Amounts.Read<LocalDate> d = bookingDates.read(bookingText);
			booking = d.value();
			if (d.error() != null) {
				errors.add(d.error());
			}
		}
		LocalDate value = null;
		String valueText = cell(cells, "valueDate");
		if (valueText != null) {
			Amounts.Read<LocalDate> d = valueDates.read(valueText);
			value = d.value();
			if (d.error() != null) {
				errors.add(d.error());
			}
		}
		Direction direction = null;
		BigDecimal amount = null;
		switch (template.amountMode()) {
			case "SIGNED" -> {
				String a = cell(cells, "amount");
				if (a == null) {
					errors.add("amount is missing");
				}
				else {
					Amounts.Read<BigDecimal> r = Amounts.signed(a, template.thousandsSeparator(), template.decimalSeparator());
					if (r.error() != null) {
						errors.add(r.error());
					}
					else {
						direction = r.value().signum() < 0 ? Direction.OUT : Direction.IN;
						amount = r.value().abs();
					}
				}
			}
			case "DEBIT_CREDIT" -> {
				String debit = nonZero(cell(cells, "debit"));
				String credit = nonZero(cell(cells, "credit"));
				if ((debit == null) == (credit == null)) {
					errors.add(debit == null ? "neither a debit nor a credit amount" : "both a debit and a credit amount");
				}
				else {
					Amounts.Read<BigDecimal> r = Amounts.signed(debit != null ? debit : credit, template.thousandsSeparator(), template.decimalSeparator());
					if (r.error() != null) {
						errors.add(r.error());
					}
					else {
						// a negative debit stays an outflow here: the operator flips it by hand (B-4)
						direction = debit != null ? Direction.OUT : Direction.IN;
						amount = r.value().abs();
					}
				}
			}
			default -> {
				String a = cell(cells, "amount");
				String word = cell(cells, "direction");
				if (word == null) {
					errors.add("direction is missing");
				}
				else if (matches(template.inWords(), word)) {
					direction = Direction.IN;
				}
				else if (matches(template.outWords(), word)) {
					direction = Direction.OUT;
				}
				else {
					errors.add("direction '" + word + "' is neither an inflow word " + template.inWords() + " nor an outflow word " + template.outWords());
				}
				if (a == null) {
					errors.add("amount is missing");
				}
				else {
					Amounts.Read<BigDecimal> r = Amounts.signed(a, template.thousandsSeparator(), template.decimalSeparator());
					if (r.error() != null) {
						errors.add(r.error());
					}
					else {
						amount = r.value().abs();
					}
				}
			}
		}
		if (currency == null) {
			errors.add("currency is missing");
		}
		else if (amount != null) {
			Amounts.Read<BigDecimal> scaled = Amounts.atScale(amount, currency);
			if (scaled.error() != null) {
				errors.add(scaled.error());
			}
			amount = scaled.value();
		}
		if (!errors.isEmpty()) {
			errors.forEach(e -> sink.error(lineNo, e));
			return;
		}
		sink.line(new ParsedLine(lineNo, direction, amount, currency, booking, value, cell(cells, "reference"),
				cell(cells, "counterpartyName"), cell(cells, "counterpartyAccount"), cell(cells, "counterpartyBank"),
				cell(cells, "description")));
	}

	/** Whether a direction word is one of a template's words: trimmed and case-blind, as templates are checked too. */
	static boolean matches(@Nullable List<String> words, String word) {
		return words != null && words.stream().anyMatch(w -> w != null && w.trim().equalsIgnoreCase(word.trim()));
	}

	private static @Nullable String nonZero(@Nullable String amount) {
		if (amount == null) {
			return null;
		}
		boolean anyDigit = false;
		for (int i = 0; i < amount.length(); i++) {
			char c = amount.charAt(i);
			if (c >= '1' && c <= '9') {
				return amount;
			}
			anyDigit |= c == '0';
		}
		return anyDigit ? null : amount;
	}

	private @Nullable String cell(List<String> cells, String field) {
		Integer column = template.column(field);
		if (column == null || column > cells.size()) {
			return null;
		}
		return Amounts.blankToNull(cells.get(column - 1));
	}

	static String reason(Throwable e) {
		String message = e.getMessage();
		if (message == null || message.isBlank()) {
			return e.getClass().getSimpleName();
		}
		return message.length() > 200 ? message.substring(0, 200) + "…" : message;
	}

	/** Drops a UTF-8 byte order mark, which Excel puts in front of CSV files. */
	private static final class BomSkipping extends java.io.PushbackInputStream {
		BomSkipping(InputStream in) {
			super(in, 3);
			try {
				byte[] head = new byte[3];
				int n = super.read(head, 0, 3);
				if (n > 0 && !(n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
					unread(head, 0, n);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
