package io.wbo.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@WboTest
class StatementImportTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp finance;
	long account;
	String accountNo;

	@BeforeEach
	void setUp() {
		finance = TestHttp.operator(port, "finance");
		account = StatementFixtures.account(jdbc);
		accountNo = StatementFixtures.accountNo(jdbc, account);
	}

	long template(String namePrefix) {
		for (JsonNode t : finance.get("/api/statement-templates").json()) {
			if (t.get("name").asText().startsWith(namePrefix)) {
				return t.get("id").asLong();
			}
		}
		throw new IllegalStateException("no demo template " + namePrefix);
	}

	TestHttp.Response importWithTemplate(long templateId, String fixture) {
		return finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(templateId), "accountId", Long.toString(account)),
				"file", fixture, StatementFixtures.file(fixture));
	}

	/** Imports an MT940 or camt.053 fixture made a statement of the test's account. */
	TestHttp.Response importFormat(String format, String fixture) {
		return importFile(format, fixture, StatementFixtures.statementOf(fixture, accountNo), account);
	}

	TestHttp.Response importFile(String format, String name, byte[] content, long accountId) {
		return finance.multipart("/api/statements/import", Map.of("format", format, "accountId", Long.toString(accountId)), "file", name, content);
	}

	List<JsonNode> lines() {
		List<JsonNode> out = new ArrayList<>();
		finance.get("/api/statements?size=500&accountId=" + account).json().get("items").forEach(out::add);
		return out;
	}

	@Test
	void importsABankCsvAndNeverDuplicatesOnReimportOrOverlap() {
		long hsbc = template("HSBC");
		TestHttp.Response first = importWithTemplate(hsbc, "hsbc-2031-01.csv");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("total").asInt()).isEqualTo(5);
		assertThat(first.json().get("created").asInt()).isEqualTo(5);
		assertThat(first.json().get("duplicates").asInt()).isZero();

		TestHttp.Response again = importWithTemplate(hsbc, "hsbc-2031-01.csv");
		assertThat(again.json().get("created").asInt()).isZero();
		assertThat(again.json().get("duplicates").asInt()).isEqualTo(5);

		TestHttp.Response overlap = importWithTemplate(hsbc, "hsbc-2031-01-overlap.csv");
		assertThat(overlap.json().get("total").asInt()).isEqualTo(4);
		assertThat(overlap.json().get("created").asInt()).isEqualTo(1);
		assertThat(overlap.json().get("duplicates").asInt()).isEqualTo(3);

		List<JsonNode> lines = lines();
		assertThat(lines).hasSize(6);
		// the two identical lines without a bank reference are both real payouts and both kept
		assertThat(lines.stream().filter(l -> l.get("amount").asText().equals("3200.50"))).hasSize(2);
		JsonNode payout = lines.stream().filter(l -> "FPS3101020001".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(payout.get("direction").asText()).isEqualTo("OUT");
		assertThat(payout.get("amount").asText()).isEqualTo("12500.00");
		assertThat(payout.get("bookingDate").asText()).isEqualTo("2031-01-02");
		assertThat(payout.get("counterpartyName").asText()).isEqualTo("CHAN TAI MAN");
		assertThat(payout.get("status").asText()).isEqualTo("UNMATCHED");
		assertThat(payout.get("source").asText()).isEqualTo("IMPORT");
		JsonNode deposit = lines.stream().filter(l -> "FPS3101020002".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(deposit.get("direction").asText()).isEqualTo("IN");
		assertThat(lines.stream().filter(l -> l.get("currency").asText().equals("USD"))).hasSize(1);

		JsonNode history = finance.get("/api/statement-imports?accountId=" + account).json().get("items");
		assertThat(history).hasSize(3);
		JsonNode latest = history.get(0);
		assertThat(latest.get("fileName").asText()).isEqualTo("hsbc-2031-01-overlap.csv");
		assertThat(latest.get("importedBy").asText()).isEqualTo("finance");
		assertThat(latest.get("created").asInt()).isEqualTo(1);
		assertThat(finance.download("/api/statement-imports/" + latest.get("id").asLong() + "/file"))
				.isEqualTo(StatementFixtures.file("hsbc-2031-01-overlap.csv"));
		String csv = new String(finance.download("/api/statements/export?format=csv&accountId=" + account), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines()).hasSize(7);
		assertThat(csv).contains("FPS3101020001", "12500.00", "CHAN TAI MAN");
		// the company account by its bank and account number, as on the bank's own statement, not by wbo's row id
		String bankName = jdbc.sql("SELECT bank_name FROM company_account WHERE id = :a").param("a", account).query(String.class).single();
		assertThat(csv.lines().toList().get(0)).contains("Bank 銀行", "Account 帳號");
		assertThat(csv.lines().toList().get(1)).contains("," + bankName + "," + accountNo + ",");
		assertThat(finance.download("/api/statements/export?format=xlsx&accountId=" + account)).startsWith((byte) 'P', (byte) 'K');
	}

	@Test
	void aLineTheFileRepeatsIsStoredOnceAndTheFileStillImports() {
		String csv = """
				Date,Value Date,Description,Reference,Counterparty,Counterparty Account,Withdrawal,Deposit,Balance,Currency
				05/01/2031,05/01/2031,FPS PAYOUT,FPS3101050001,CHAN TAI MAN,004-1,"100.00",,"900.00",HKD
				05/01/2031,05/01/2031,FPS PAYOUT,FPS3101050002,WONG SIU MING,004-2,"200.00",,"700.00",HKD
				05/01/2031,05/01/2031,FPS PAYOUT,FPS3101050001,CHAN TAI MAN,004-1,"100.00",,"700.00",HKD
				""";
		TestHttp.Response imported = finance.multipart("/api/statements/import",
				Map.of("templateId", Long.toString(template("HSBC")), "accountId", Long.toString(account)), "file", "repeat.csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("total").asInt()).isEqualTo(3);
		assertThat(imported.json().get("created").asInt()).isEqualTo(2);
		assertThat(imported.json().get("duplicates").asInt()).isEqualTo(1);
		// the first of the two is the one kept, under this import
		assertThat(jdbc.sql("SELECT line_no FROM statement_line WHERE account_id = :a AND bank_reference = 'FPS3101050001' AND import_id = :i")
				.param("a", account).param("i", imported.json().get("importId").asLong()).query(Integer.class).list()).containsExactly(2);
	}

	@Test
	void aStoredLineFarIntoALongFileLeavesOutOnlyThatLine() {
		String header = "Date,Value Date,Description,Reference,Counterparty,Counterparty Account,Withdrawal,Deposit,Balance,Currency\n";
		String known = "06/01/2031,06/01/2031,FPS PAYOUT,FPS-KNOWN,CHAN TAI MAN,004-1,\"100.00\",,\"900.00\",HKD\n";
		long hsbc = template("HSBC");
		java.util.function.Function<String, TestHttp.Response> upload = csv -> finance.multipart("/api/statements/import",
				Map.of("templateId", Long.toString(hsbc), "accountId", Long.toString(account)), "file", "long.csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(upload.apply(header + known).json().get("created").asInt()).isEqualTo(1);
		// far more than the first batch the import sends before it looks at what the database said, then the stored line
		StringBuilder csv = new StringBuilder(header);
		for (int i = 0; i < 3_000; i++) {
			csv.append("05/01/2031,05/01/2031,FPS PAYOUT TO A LONG NAMED COUNTERPARTY,FPS-NEW-").append(i).append(",CUSTOMER ").append(i)
					.append(",004-").append(i).append(",\"").append(100 + i).append(".00\",,\"0.00\",HKD\n");
		}
		TestHttp.Response second = upload.apply(csv + known);
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().get("created").asInt()).isEqualTo(3_000);
		assertThat(second.json().get("duplicates").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM statement_line WHERE account_id = :a").param("a", account).query(Long.class).single())
				.isEqualTo(3_001L);
		assertThat(jdbc.sql("SELECT count(DISTINCT line_no) FROM statement_line WHERE import_id = :i").param("i", second.json().get("importId")
				.asLong()).query(Long.class).single()).isEqualTo(3_000L);
	}

	@Test
	void theSameFileImportedTwiceAtOnceIsStoredOnce() throws Exception {
		long hsbc = template("HSBC");
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
			java.util.concurrent.Callable<TestHttp.Response> upload = () -> {
				together.await();
				return importWithTemplate(hsbc, "hsbc-2031-01.csv");
			};
			List<java.util.concurrent.Future<TestHttp.Response>> both = two.invokeAll(List.of(upload, upload));
			List<Integer> created = new ArrayList<>();
			for (java.util.concurrent.Future<TestHttp.Response> f : both) {
				assertThat(f.get().status()).as(f.get().body()).isEqualTo(200);
				created.add(f.get().json().get("created").asInt());
			}
			assertThat(created).containsExactlyInAnyOrder(5, 0);
		}
		finally {
			two.shutdown();
		}
		assertThat(lines()).hasSize(5);
	}

	@Test
	void refusesAFileWithBadRowsListingEveryOneAndStoresNothing() {
		TestHttp.Response r = importWithTemplate(template("HSBC"), "hsbc-bad-rows.csv");
		assertThat(r.status()).as(r.body()).isEqualTo(422);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		List<Integer> badLines = new ArrayList<>();
		r.json().get("errors").forEach(e -> badLines.add(e.get("line").asInt()));
		assertThat(badLines).contains(3, 4, 5, 6, 7).doesNotContain(2);
		assertThat(r.body()).contains("does not match the date format", "is not a number", "both a debit and a credit", "more than 2 decimals",
				"unknown currency");
		assertThat(lines()).isEmpty();
		assertThat(finance.get("/api/statement-imports?accountId=" + account).json().get("items")).isEmpty();
	}

	@Test
	void readsBig5ExportsWithChineseHeadersAndDirectionWords() {
		TestHttp.Response r = importWithTemplate(template("中銀香港"), "bochk-2031-01-big5.csv");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("created").asInt()).isEqualTo(3);
		JsonNode out = lines().stream().filter(l -> "BOC310106001".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(out.get("direction").asText()).isEqualTo("OUT");
		assertThat(out.get("counterpartyName").asText()).isEqualTo("陳大文");
		assertThat(out.get("counterpartyBank").asText()).isEqualTo("匯豐銀行");
		assertThat(lines().stream().filter(l -> l.get("currency").asText().equals("CNY")).findFirst().orElseThrow().get("amount").asText())
				.isEqualTo("1234.56");
	}

	/** A new template: a demo bank's template with some of its definition changed, saved under a fresh name. */
	long templateLike(String demoBank, String name, Map<String, Object> changes) {
		Map<String, Object> definition = TestHttpJson.toMap(finance.get("/api/statement-templates/" + template(demoBank)).json().get("definition"));
		definition.putAll(changes);
		TestHttp.Response saved = finance.post("/api/statement-templates", Map.of("name", name + " " + System.nanoTime(), "bankName", "Test Bank",
				"definition", definition));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		return saved.json().get("id").asLong();
	}

	/** 恒 (Hang Seng) and names such as 栢 are not in Big5 itself: Hong Kong banks' "Big5" files are Big5-HKSCS. */
	@Test
	void readsHongKongCharactersWithBig5HkscsAndSaysSoWhenTheTemplateSaysBig5() {
		byte[] csv = ("中國銀行(香港) 交易明細,,,,,,,,\n交易日期,流水號,收支,金額,幣種,對方戶名,對方帳號,對方銀行,摘要\n"
				+ "2031/01/08,BOC310108001,支出,\"3,000.00\",HKD,陳栢軒,024-388-111222-001,恒生銀行,轉數快 出金\n")
				.getBytes(java.nio.charset.Charset.forName("Big5-HKSCS"));
		JsonNode boc = finance.get("/api/statement-templates/" + template("中銀香港")).json();
		long big5 = templateLike("中銀香港", "BOCHK Big5", Map.of("encoding", "Big5"));
		TestHttp.Response refused = finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(big5), "accountId",
				Long.toString(account)), "file", "bochk.csv", csv);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("Big5-HKSCS");

		assertThat(boc.get("definition").get("encoding").asText()).as("the demo template reads what the bank writes").isEqualTo("Big5-HKSCS");
		TestHttp.Response r = importWithTemplate(boc.get("id").asLong(), "bochk-2031-01-big5.csv");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		TestHttp.Response hk = finance.multipart("/api/statements/import", Map.of("templateId", boc.get("id").asText(), "accountId",
				Long.toString(account)), "file", "bochk.csv", csv);
		assertThat(hk.status()).as(hk.body()).isEqualTo(200);
		JsonNode line = lines().stream().filter(l -> "BOC310108001".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(line.get("counterpartyName").asText()).isEqualTo("陳栢軒");
		assertThat(line.get("counterpartyBank").asText()).isEqualTo("恒生銀行");
	}

	@Test
	void refusesAFileInAnotherEncodingThanTheTemplates() {
		JsonNode boc = finance.get("/api/statement-templates/" + template("中銀香港")).json();
		Map<String, Object> definition = TestHttpJson.toMap(boc.get("definition"));
		definition.put("encoding", "UTF-8");
		TestHttp.Response created = finance.post("/api/statement-templates",
				Map.of("name", "BOCHK UTF-8 " + System.nanoTime(), "bankName", "Bank of China (Hong Kong)", "definition", definition));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		TestHttp.Response r = importWithTemplate(created.json().get("id").asLong(), "bochk-2031-01-big5.csv");
		assertThat(r.status()).as(r.body()).isEqualTo(422);
		assertThat(r.body()).contains("not valid UTF-8");
		assertThat(lines()).isEmpty();
	}

	static byte[] hangSengXlsx(boolean badRow) throws java.io.IOException {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("交易紀錄");
			var header = sheet.createRow(0);
			String[] titles = { "交易日期", "起息日", "摘要", "金額", "參考編號", "對方名稱", "對方帳號" };
			for (int i = 0; i < titles.length; i++) {
				header.createCell(i).setCellValue(titles[i]);
			}
			var dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd-mm-yyyy"));
			Object[][] rows = { { java.time.LocalDate.of(2031, 4, 1), "01-04-2031", "FPS 轉出", -8800.5, "HS310401A", "何俊希", "016-200-300400-001" },
					{ "02-04-2031", "02-04-2031", "FPS 轉入", "12,000.00", "HS310402B", "吳詠詩", "003-111-222333-001" },
					{ "03-04-2031", "03-04-2031", "手續費", badRow ? "abc" : "-15", "", "", "" } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					Object v = rows[r][c];
					var cell = row.createCell(c);
					if (v instanceof java.time.LocalDate d) {
						cell.setCellValue(d);
						cell.setCellStyle(dateStyle);
					}
					else if (v instanceof Double n) {
						cell.setCellValue(n);
					}
					else {
						cell.setCellValue((String) v);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void importsAnXlsxExportWithDateCellsAndASignedAmountColumn() throws Exception {
		long hangSeng = template("Hang Seng");
		TestHttp.Response r = finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(hangSeng), "accountId", Long.toString(account)),
				"file", "hangseng-2031-04.xlsx", hangSengXlsx(false));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("created").asInt()).isEqualTo(3);
		JsonNode out = lines().stream().filter(l -> "HS310401A".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(out.get("direction").asText()).isEqualTo("OUT");
		assertThat(out.get("amount").asText()).isEqualTo("8800.50");
		assertThat(out.get("bookingDate").asText()).isEqualTo("2031-04-01");
		assertThat(out.get("counterpartyName").asText()).isEqualTo("何俊希");
		JsonNode in = lines().stream().filter(l -> "HS310402B".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(in.get("direction").asText()).isEqualTo("IN");
		assertThat(in.get("amount").asText()).isEqualTo("12000.00");

		long other = StatementFixtures.account(jdbc);
		TestHttp.Response bad = finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(hangSeng), "accountId", Long.toString(other)),
				"file", "hangseng-bad.xlsx", hangSengXlsx(true));
		assertThat(bad.status()).as(bad.body()).isEqualTo(422);
		assertThat(bad.json().get("errors").get(0).get("line").asInt()).isEqualTo(4);
		TestHttp.Response garbage = finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(hangSeng), "accountId", Long.toString(other)),
				"file", "not-really.xlsx", "PK this is not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(garbage.status()).as(garbage.body()).isEqualTo(422);
		assertThat(garbage.body()).contains("XLSX");
	}

	/** A number cell of a workbook has no separators of its own: "8800.5" is not 88005 for a template of "8.800,50". */
	@Test
	void readsNumberCellsOfAWorkbookWhateverTheTemplatesSeparators() throws Exception {
		long id = templateLike("Hang Seng", "Decimal comma", Map.of("thousandsSeparator", ".", "decimalSeparator", ","));
		TestHttp.Response ok = finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(id), "accountId", Long.toString(account)),
				"file", "numbers.xlsx", hangSengXlsxNumbers());
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(lines()).extracting(l -> l.get("amount").asText()).containsExactlyInAnyOrder("8800.50", "15.00");
	}

	static byte[] hangSengXlsxNumbers() throws java.io.IOException {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("Sheet1");
			sheet.createRow(0).createCell(0).setCellValue("Date");
			Object[][] rows = { { "01-04-2031", -8800.5, "NUM-1" }, { "02-04-2031", -15.0, "NUM-2" } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue((String) rows[r][0]);
				row.createCell(3).setCellValue((Double) rows[r][1]);
				row.createCell(4).setCellValue((String) rows[r][2]);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void refusesAnOldExcelWorkbookSayingToSaveItAsXlsx() throws Exception {
		byte[] xls;
		try (org.apache.poi.hssf.usermodel.HSSFWorkbook workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("Date");
			workbook.write(out);
			xls = out.toByteArray();
		}
		TestHttp.Response r = finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(template("Hang Seng")), "accountId",
				Long.toString(account)), "file", "statement.xls", xls);
		assertThat(r.status()).as(r.body()).isEqualTo(422);
		assertThat(r.json().get("errors").get(0).get("message").asText()).isEqualTo("the file is an old Excel workbook (.xls): save it as .xlsx and import it again");
		TestHttp.Response zh = TestHttp.operator(port, "finance").speaking("zh-Hant").multipart("/api/statements/import", Map.of("templateId",
				Long.toString(template("Hang Seng")), "accountId", Long.toString(account)), "file", "statement.xls", xls);
		assertThat(zh.json().get("errors").get(0).get("message").asText()).contains(".xlsx").doesNotContain("OLE2");
	}

	@Test
	void readsGb18030WithAGb18030Template() {
		long id = templateLike("中銀香港", "BOC GB18030", Map.of("encoding", "GB18030"));
		TestHttp.Response r = importWithTemplate(id, "bochk-2031-01-gb18030.csv");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(lines().stream().anyMatch(l -> "李嘉欣".equals(l.path("counterpartyName").asText()))).isTrue();
	}

	@Test
	void readsMonthNamesInCapitalsAsBanksPrintThem() {
		long id = templateLike("HSBC", "Month names", Map.of("dateFormat", "dd-MMM-yyyy"));
		String csv = "Date,Value Date,Description,Reference,Counterparty,Counterparty Account,Withdrawal,Deposit,Balance,Currency\n"
				+ "02-FEB-2032,02-FEB-2032,PAYOUT,MON-1,A,1,\"1,000.00\",,0,HKD\n"
				+ "03-Feb-2032,03-feb-2032,PAYOUT,MON-2,B,2,\"2,000.00\",,0,HKD\n";
		TestHttp.Response r = finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(id), "accountId", Long.toString(account)),
				"file", "months.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(lines()).extracting(l -> l.get("bookingDate").asText()).containsExactlyInAnyOrder("2032-02-02", "2032-02-03");
	}

	@Test
	void previewsTheFirstRowsOfASampleAsATemplateReadsThem() {
		JsonNode hsbc = finance.get("/api/statement-templates/" + template("HSBC")).json();
		TestHttp.Response r = finance.multipartParts("/api/statement-templates/preview", Map.of("definition", hsbc.get("definition").toString()),
				"file", "sample.csv", StatementFixtures.file("hsbc-bad-rows.csv"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("rows").get(0).get(0).asText()).isEqualTo("Date");
		assertThat(r.json().get("parsed").get(0).get("amount").asText()).isEqualTo("12500.00");
		assertThat(r.json().get("parsed").toString()).contains("does not match the date format");
	}

	@Test
	void previewLeavesCellsTheRowDoesNotHaveEmptyNotTheTextNull() {
		JsonNode hsbc = finance.get("/api/statement-templates/" + template("HSBC")).json();
		String sample = "Date,Value Date,Description,Reference,Counterparty,Counterparty Account,Withdrawal,Deposit,Balance,Currency\n"
				+ "03/01/2031,03/01/2031,CHARGES,,,,25.00,,0,HKD\n";
		TestHttp.Response r = finance.multipartParts("/api/statement-templates/preview", Map.of("definition", hsbc.get("definition").toString()),
				"file", "sample.csv", sample.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode line = r.json().get("parsed").get(0);
		assertThat(line.get("amount").asText()).isEqualTo("25.00");
		assertThat(line.path("reference").isMissingNode() || line.get("reference").isNull()).as(line.toString()).isTrue();
		assertThat(line.path("counterpartyName").isMissingNode() || line.get("counterpartyName").isNull()).as(line.toString()).isTrue();
		assertThat(r.body()).doesNotContain("\"null\"");
	}

	@Test
	void previewSkipsBlankRowsAsTheImportDoes() {
		JsonNode hsbc = finance.get("/api/statement-templates/" + template("HSBC")).json();
		String sample = "Date,Value Date,Description,Reference,Counterparty,Counterparty Account,Withdrawal,Deposit,Balance,Currency\n"
				+ "03/01/2031,03/01/2031,PAYOUT,PV-1,A,1,25.00,,0,HKD\n"
				+ ",,,,,,,,,\n"
				+ "04/01/2031,04/01/2031,PAYOUT,PV-2,B,2,30.00,,0,HKD\n";
		TestHttp.Response r = finance.multipartParts("/api/statement-templates/preview", Map.of("definition", hsbc.get("definition").toString()),
				"file", "sample.csv", sample.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("parsed")).extracting(l -> l.get("line").asInt() + ":" + l.path("amount").asText())
				.containsExactly("2:25.00", "4:30.00");
	}

	@Test
	void listsLinesWithinAnAmountRange() {
		TestHttp.Response imported = importWithTemplate(template("HSBC"), "hsbc-2031-01.csv");
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		List<JsonNode> all = lines();
		java.math.BigDecimal min = all.stream().map(l -> new java.math.BigDecimal(l.get("amount").asText())).min(java.math.BigDecimal::compareTo)
				.orElseThrow();
		java.math.BigDecimal max = all.stream().map(l -> new java.math.BigDecimal(l.get("amount").asText())).max(java.math.BigDecimal::compareTo)
				.orElseThrow();
		JsonNode onlyMin = finance.get("/api/statements?accountId=" + account + "&minAmount=" + min.toPlainString() + "&maxAmount="
				+ min.toPlainString()).json().get("items");
		assertThat(onlyMin).isNotEmpty();
		onlyMin.forEach(l -> assertThat(new java.math.BigDecimal(l.get("amount").asText())).isEqualByComparingTo(min));
		JsonNode aboveMin = finance.get("/api/statements?accountId=" + account + "&minAmount=" + min.add(new java.math.BigDecimal("0.01"))
				.toPlainString()).json().get("items");
		assertThat(aboveMin).hasSize((int) all.stream().filter(l -> new java.math.BigDecimal(l.get("amount").asText()).compareTo(min) > 0).count());
		assertThat(finance.get("/api/statements?accountId=" + account + "&maxAmount=" + max.toPlainString()).json().get("items")).hasSize(all.size());
		TestHttp.Response bad = finance.get("/api/statements?minAmount=1e3");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.fieldError("minAmount")).isNotNull();
		assertThat(finance.get("/api/statements?minAmount=10&maxAmount=5").fieldError("maxAmount")).isNotNull();
	}

	@Test
	void refusesAnImportWithoutAFileAsBadInput() {
		TestHttp.Response r = finance.post("/api/statements/import", Map.of("accountId", account));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.fieldError("file")).isNotNull();
	}

	@Test
	void refusesAnInvalidTemplateNamingEveryProblem() {
		TestHttp.Response r = finance.post("/api/statement-templates", Map.of("name", "broken " + System.nanoTime(), "bankName", "X", "definition",
				Map.of("fileType", "PDF", "encoding", "EBCDIC", "headerRows", 1, "columns", Map.of("amount", 2), "dateFormat", "dd/MM/yyyy", "amountMode", "SIGNED")));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.fieldError("definition.fileType")).isNotNull();
		assertThat(r.fieldError("definition.encoding")).isNotNull();
		assertThat(r.fieldError("definition.columns.bookingDate")).isNotNull();
	}

	@Test
	void importsMt940WithAndWithoutDetailsAndSeveralStatements() {
		TestHttp.Response r = importFormat("MT940", "hsbc-2031-02.mt940");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("created").asInt()).isEqualTo(3);
		JsonNode payout = lines().stream().filter(l -> "FPS3102010001".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(payout.get("direction").asText()).isEqualTo("OUT");
		assertThat(payout.get("amount").asText()).isEqualTo("12500.00");
		assertThat(payout.get("counterpartyName").asText()).isEqualTo("陳大文");
		assertThat(payout.get("counterpartyAccount").asText()).isEqualTo("004-123-456789-001");
		JsonNode reversal = lines().stream().filter(l -> "REV3102030003".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(reversal.get("direction").asText()).isEqualTo("IN");

		TestHttp.Response multi = importFormat("MT940", "multi-bank.mt940");
		assertThat(multi.status()).as(multi.body()).isEqualTo(200);
		assertThat(multi.json().get("created").asInt()).isEqualTo(3);
		JsonNode cny = lines().stream().filter(l -> l.get("currency").asText().equals("CNY")).findFirst().orElseThrow();
		assertThat(cny.get("counterpartyName").asText()).isEqualTo("李嘉欣");
		assertThat(cny.get("amount").asText()).isEqualTo("2500.50");
		assertThat(importFormat("MT940", "hsbc-2031-02.mt940").json().get("duplicates").asInt()).isEqualTo(3);
	}

	@Test
	void refusesMalformedMt940() {
		TestHttp.Response truncated = importFormat("MT940", "truncated.mt940");
		assertThat(truncated.status()).as(truncated.body()).isEqualTo(422);
		assertThat(truncated.body()).contains(":62F:");
		TestHttp.Response wrong = importFormat("MT940", "wrong-tags.mt940");
		assertThat(wrong.status()).isEqualTo(422);
		List<Integer> badLines = new ArrayList<>();
		wrong.json().get("errors").forEach(e -> badLines.add(e.get("line").asInt()));
		assertThat(badLines).contains(4, 5, 6);
		assertThat(importFile("MT940", "bochk-2031-01-big5.csv", StatementFixtures.file("bochk-2031-01-big5.csv"), account).status()).isEqualTo(422);
		assertThat(lines()).isEmpty();
	}

	long demoAccount(String accountNo) {
		return jdbc.sql("SELECT id FROM company_account WHERE account_no = :no").param("no", accountNo).query(Long.class).single();
	}

	int storedLines(long accountId) {
		return jdbc.sql("SELECT count(*) FROM statement_line WHERE account_id = :a").param("a", accountId).query(Integer.class).single();
	}

	static List<String> lineErrors(TestHttp.Response r) {
		List<String> out = new ArrayList<>();
		r.json().get("errors").forEach(e -> out.add(e.get("line").asInt() + ": " + e.get("message").asText()));
		return out;
	}

	@Test
	void refusesAStatementForAnotherAccountNamingItsLineAndImportsItIntoItsOwn() {
		long hsbc = demoAccount("004-500-888001-838");
		long boc = demoAccount("012-875-0-066688-1");
		int hsbcLines = storedLines(hsbc);
		int bocLines = storedLines(boc);

		TestHttp.Response mt940 = importFile("MT940", "multi-bank.mt940", StatementFixtures.file("multi-bank.mt940"), hsbc);
		assertThat(mt940.status()).as(mt940.body()).isEqualTo(422);
		assertThat(lineErrors(mt940)).containsExactly(
				"2: the statement is for account 012-875-0-066688-1, not the chosen account 004-500-888001-838",
				"9: the statement is for account 012-875-0-066688-1, not the chosen account 004-500-888001-838");
		TestHttp.Response camt = importFile("CAMT053", "hsbc-2031-03.camt053.02.xml", StatementFixtures.file("hsbc-2031-03.camt053.02.xml"), boc);
		assertThat(camt.status()).as(camt.body()).isEqualTo(422);
		assertThat(lineErrors(camt)).containsExactly("7: the statement is for account 004500888001838, not the chosen account 012-875-0-066688-1");
		assertThat(storedLines(hsbc)).isEqualTo(hsbcLines);
		assertThat(storedLines(boc)).isEqualTo(bocLines);

		// the same files for the accounts they name (the camt.053 file writes the number without its separators)
		TestHttp.Response ownMt940 = importFile("MT940", "multi-bank.mt940", StatementFixtures.file("multi-bank.mt940"), boc);
		assertThat(ownMt940.status()).as(ownMt940.body()).isEqualTo(200);
		assertThat(ownMt940.json().get("created").asInt()).isEqualTo(3);
		TestHttp.Response ownCamt = importFile("CAMT053", "hsbc-2031-03.camt053.02.xml", StatementFixtures.file("hsbc-2031-03.camt053.02.xml"), hsbc);
		assertThat(ownCamt.status()).as(ownCamt.body()).isEqualTo(200);
		assertThat(ownCamt.json().get("created").asInt()).isEqualTo(2);
	}

	@Test
	void readsTheStatementsAccountWithTheBanksCodeInFrontAndAsAnIban() {
		String prefixed = "BKCHHKHH/" + accountNo.replace("-", " ").toLowerCase(java.util.Locale.ROOT);
		TestHttp.Response mt940 = importFile("MT940", "multi-bank.mt940", StatementFixtures.statementOf("multi-bank.mt940", prefixed), account);
		assertThat(mt940.status()).as(mt940.body()).isEqualTo(200);
		String iban = new String(StatementFixtures.file("hsbc-2031-03.camt053.02.xml"), java.nio.charset.StandardCharsets.UTF_8)
				.replaceAll("<Othr><Id>004500888001838</Id></Othr>", "<IBAN>HK95" + accountNo.replace("-", "") + "</IBAN>");
		TestHttp.Response camt = importFile("CAMT053", "iban.camt053.xml", iban.getBytes(java.nio.charset.StandardCharsets.UTF_8), account);
		assertThat(camt.status()).as(camt.body()).isEqualTo(200);
		assertThat(lines()).hasSize(5);
	}

	@Test
	void refusesAStatementWithAPartOfTheAccountNumberOrNone() {
		String cut = accountNo.substring(0, accountNo.length() - 1);
		TestHttp.Response mt940 = importFile("MT940", "cut.mt940", StatementFixtures.statementOf("hsbc-2031-02.mt940", cut), account);
		assertThat(mt940.status()).as(mt940.body()).isEqualTo(422);
		assertThat(lineErrors(mt940)).containsExactly("3: the statement is for account " + cut + ", not the chosen account " + accountNo);
		String noAccount = new String(StatementFixtures.file("hsbc-2031-03.camt053.02.xml"), java.nio.charset.StandardCharsets.UTF_8)
				.replaceAll("<Acct>.*</Acct>", "");
		TestHttp.Response camt = importFile("CAMT053", "no-account.camt053.xml", noAccount.getBytes(java.nio.charset.StandardCharsets.UTF_8), account);
		assertThat(camt.status()).as(camt.body()).isEqualTo(422);
		assertThat(lineErrors(camt)).containsExactly("5: the statement starting here has no account (Acct)");
		assertThat(lines()).isEmpty();
	}

	@Test
	void importsCamt053VersionsTwoAndEight() {
		TestHttp.Response v2 = importFormat("CAMT053", "hsbc-2031-03.camt053.02.xml");
		assertThat(v2.status()).as(v2.body()).isEqualTo(200);
		assertThat(v2.json().get("created").asInt()).isEqualTo(2); // the pending entry is not a bank line yet
		JsonNode payout = lines().stream().filter(l -> "CAMT3103010001".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(payout.get("counterpartyName").asText()).isEqualTo("張偉傑");
		assertThat(payout.get("counterpartyAccount").asText()).isEqualTo("003-998-776655-001");
		assertThat(payout.get("direction").asText()).isEqualTo("OUT");
		JsonNode credit = lines().stream().filter(l -> "CAMT3103010002".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(credit.get("counterpartyName").asText()).isEqualTo("LAU MEI LING");
		assertThat(credit.get("direction").asText()).isEqualTo("IN");

		TestHttp.Response v8 = importFormat("CAMT053", "scb-2031-03.camt053.08.xml");
		assertThat(v8.status()).as(v8.body()).isEqualTo(200);
		assertThat(v8.json().get("created").asInt()).isEqualTo(2);
		JsonNode usd = lines().stream().filter(l -> "SCB310302A1".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(usd.get("counterpartyName").asText()).isEqualTo("CHEUNG WAI KIT");
		assertThat(usd.get("bookingDate").asText()).isEqualTo("2031-03-02");
		JsonNode batch = lines().stream().filter(l -> "SCB310303BATCH".equals(l.path("bankReference").asText())).findFirst().orElseThrow();
		assertThat(batch.get("amount").asText()).isEqualTo("7500.00");
	}

	@Test
	void refusesMalformedCamt053() {
		TestHttp.Response bad = importFormat("CAMT053", "bad-amount.camt053.xml");
		assertThat(bad.status()).as(bad.body()).isEqualTo(422);
		assertThat(bad.json().get("errors").size()).isGreaterThanOrEqualTo(3);
		TestHttp.Response truncated = importFormat("CAMT053", "truncated.camt053.xml");
		assertThat(truncated.status()).as(truncated.body()).isEqualTo(422);
		assertThat(truncated.body()).contains("well-formed");
		assertThat(importFormat("CAMT053", "hsbc-2031-02.mt940").status()).isEqualTo(422);
		assertThat(lines()).isEmpty();
	}
}
