package io.wbo.common.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** What a reader of an export sees in its cells: Hong Kong time, exact amounts, no formula. */
class TableWritersTest {

	static final Instant UTC_EVENING = Instant.parse("2026-11-22T16:30:05.123456Z");

	static byte[] write(ExportFormat format, Object[]... rows) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (TableWriter writer = TableWriter.of(format, out, "Test")) {
			writer.header(List.of("A", "B", "C"));
			for (Object[] row : rows) {
				writer.row(row);
			}
			writer.finish();
		}
		return out.toByteArray();
	}

	@Test
	void csvCellsAreInHongKongTimeExactAndNeverAFormula() throws Exception {
		String csv = new String(write(ExportFormat.CSV, new Object[] { UTC_EVENING, new BigDecimal("12500.00"), "=HYPERLINK(\"x\")" },
				new Object[] { null, new BigDecimal("-3.50"), "-" }, new Object[] { "-1+2", "@SUM(A1)", "a,b" }), StandardCharsets.UTF_8);
		assertThat(csv.lines().toList()).containsExactly("\uFEFFA,B,C", "2026-11-23 00:30:05,12500.00,\"'=HYPERLINK(\"\"x\"\")\"", ",-3.50,-",
				"'-1+2,'@SUM(A1),\"a,b\"");
	}

	@Test
	void xlsxKeepsAmountsExactToTheLastDigit() throws Exception {
		byte[] xlsx = write(ExportFormat.XLSX, new Object[] { UTC_EVENING, new BigDecimal("12345678901234567.89"), 42L },
				new Object[] { new BigDecimal("0.000000000000000001"), new BigDecimal("12500.00"), null });
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Row first = book.getSheetAt(0).getRow(1);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("2026-11-23 00:30:05");
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("12345678901234567.89");
			assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
			Row second = book.getSheetAt(0).getRow(2);
			assertThat(second.getCell(0).getStringCellValue()).isEqualTo("0.000000000000000001");
			assertThat(second.getCell(1).getStringCellValue()).isEqualTo("12500.00");
		}
	}
}
