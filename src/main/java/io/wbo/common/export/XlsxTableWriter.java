package io.wbo.common.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming SXSSF: only a small window of rows stays in memory, the rest goes to a compressed
 * temporary file, so a million rows need no more heap than a hundred. Numbers (money) are numeric cells written from
 * their exact decimal text; times are text in ISO-8601 UTC so nothing is shifted by the reader's time zone.
 */
public final class XlsxTableWriter implements TableWriter {

	/** Rows kept in memory before they are flushed to the temporary file. */
	static final int WINDOW = 100;

	/** The XLSX row limit; beyond it a new sheet continues. */
	static final int MAX_ROWS = 1_048_576;

	private final OutputStream out;
	private final String sheetName;
	private final SXSSFWorkbook workbook;
	private final CellStyle headerStyle;
	/** Amounts are exact text, aligned right like numbers. */
	private final CellStyle amountStyle;
	private SXSSFSheet sheet;
	private List<String> headers = List.of();
	private int rowIndex;
	private int sheets;

	public XlsxTableWriter(OutputStream out, String sheetName) {
		this.out = out;
		this.sheetName = sheetName;
		this.workbook = new SXSSFWorkbook(WINDOW);
		this.workbook.setCompressTempFiles(true);
		this.headerStyle = workbook.createCellStyle();
		var font = workbook.createFont();
		font.setBold(true);
		headerStyle.setFont(font);
		this.amountStyle = workbook.createCellStyle();
		amountStyle.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
		newSheet();
	}

	private void newSheet() {
		sheets++;
		sheet = workbook.createSheet(sheets == 1 ? sheetName : sheetName + " " + sheets);
		rowIndex = 0;
		if (!headers.isEmpty()) {
			writeHeader();
		}
	}

	@Override
	public void header(List<String> headers) {
		this.headers = List.copyOf(headers);
		writeHeader();
	}

	private void writeHeader() {
		Row row = sheet.createRow(rowIndex++);
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(headerStyle);
		}
		sheet.createFreezePane(0, 1);
	}

	@Override
	public void row(Object[] cells) {
		if (rowIndex >= MAX_ROWS) {
			newSheet();
		}
		Row row = sheet.createRow(rowIndex++);
		for (int i = 0; i < cells.length; i++) {
			Object value = cells[i];
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (value instanceof BigDecimal d) {
				// money stays an exact decimal all the way: a spreadsheet number would make it a binary double
				cell.setCellValue(d.toPlainString());
				cell.setCellStyle(amountStyle);
			}
			else if (value instanceof Long n) {
				cell.setCellValue(n); // ids and counts: whole numbers a spreadsheet holds exactly
			}
			else if (value instanceof Integer n) {
				cell.setCellValue(n);
			}
			else if (value instanceof Boolean b) {
				cell.setCellValue(b);
			}
			else if (value instanceof Instant t) {
				cell.setCellValue(TableWriter.time(t));
			}
			else if (value instanceof LocalDate d) {
				cell.setCellValue(d.toString());
			}
			else {
				cell.setCellValue(value.toString());
			}
		}
	}

	@Override
	public void finish() throws IOException {
		workbook.write(out);
		out.flush();
	}

	@Override
	public void close() throws IOException {
		workbook.close();
	}
}
