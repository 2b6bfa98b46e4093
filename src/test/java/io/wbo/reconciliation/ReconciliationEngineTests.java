package io.wbo.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wbo.statement.StatementFixtures;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@WboTest
class ReconciliationEngineTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestRecords records;

	TestHttp finance;
	long account;

	@BeforeEach
	void setUp() {
		finance = TestHttp.operator(port, "finance");
		account = StatementFixtures.account(jdbc);
	}

	static LocalDate d(int day) {
		return LocalDate.of(2032, 1, day);
	}

	/** Imports outflow lines through the HSBC demo template: {day, reference, counterparty account, amount}. */
	void bankLines(String[]... lines) {
		StringBuilder csv = new StringBuilder("Date,Value Date,Description,Reference,Counterparty,Counterparty Account,Withdrawal,Deposit,Balance,Currency\n");
		for (String[] l : lines) {
			csv.append(String.format("%02d/01/2032,%02d/01/2032,PAYOUT,%s,NAME,%s,\"%s\",,0,HKD%n", Integer.parseInt(l[0]), Integer.parseInt(l[0]), l[1], l[2], l[3]));
		}
		long template = 0;
		for (JsonNode t : finance.get("/api/statement-templates").json()) {
			if (t.get("name").asText().startsWith("HSBC")) {
				template = t.get("id").asLong();
			}
		}
		TestHttp.Response r = finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(template), "accountId", Long.toString(account)),
				"file", "recon.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	JsonNode run() {
		TestHttp.Response r = finance.post("/api/reconciliations", Map.of("direction", "OUT", "accountId", account, "from", "2032-01-01", "to", "2032-01-31"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(java.time.Instant.parse(r.json().get("finishedAt").asText())).as("when the run ended, not when it began")
				.isAfter(java.time.Instant.parse(r.json().get("startedAt").asText()));
		return r.json();
	}

	Map<String, JsonNode> resultsBySerialOrLine(long runId) {
		Map<String, JsonNode> out = new HashMap<>();
		for (JsonNode r : finance.get("/api/reconciliations/" + runId + "/results?size=500").json().get("items")) {
			String key = r.hasNonNull("record") ? r.get("record").get("serial").asText() : "LINE:" + r.get("bankReference").asText("") + ":" + r.get("bankAmount").asText();
			out.put(key, r);
		}
		return out;
	}

	JsonNode line(String reference) {
		for (JsonNode l : finance.get("/api/statements?size=500&accountId=" + account).json().get("items")) {
			if (reference.equals(l.path("bankReference").asText())) {
				return l;
			}
		}
		throw new AssertionError("no line " + reference);
	}

	@Test
	void givesEveryResultWithItsReasonAndIsIdempotent() {
		bankLines(new String[] { "2", "REF-A", "111", "1,000.00" }, new String[] { "3", "REF-B", "222", "2,000.00" },
				new String[] { "5", "", "333", "3,000.00" }, new String[] { "10", "", "", "7,500.00" }, new String[] { "12", "", "555", "4,100.00" },
				new String[] { "20", "REF-X", "777", "777.00" }, new String[] { "23", "", "888", "8,000.00" }, new String[] { "24", "", "999", "9,000.00" },
				new String[] { "23", "", "1010", "1,500.00" }, new String[] { "25", "", "10-10", "1,500.00" });
		SystemRecord byRef = records.add(account, "1000.00", d(2), "111", "REF-A", null);
		SystemRecord refWrongAmount = records.add(account, "1999.00", d(3), "222", "REF-B", null);
		SystemRecord byAmount = records.add(account, "3000.00", d(4), "333", null, null);
		SystemRecord batchA = records.add(account, "5000.00", d(9), "A1", null, "B-" + account);
		SystemRecord batchB = records.add(account, "2500.00", d(9), "A2", null, "B-" + account);
		SystemRecord counterpartyWrongAmount = records.add(account, "4000.00", d(12), "555", null, null);
		SystemRecord notInBank = records.add(account, "6000.00", d(15), "666", null, null);
		SystemRecord threeDays = records.add(account, "8000.00", d(20), "888", null, null);
		SystemRecord fourDays = records.add(account, "9000.00", d(20), "999", null, null);
		SystemRecord closest = records.add(account, "1500.00", d(25), "1010", null, null);

		JsonNode run = run();
		Map<String, JsonNode> results = resultsBySerialOrLine(run.get("id").asLong());
		assertThat(results.get(byRef.serial()).get("result").asText()).isEqualTo("MATCHED");
		assertThat(results.get(byRef.serial()).get("reason").asText()).contains("REF-A");
		assertThat(results.get(refWrongAmount.serial()).get("result").asText()).isEqualTo("AMOUNT_MISMATCH");
		assertThat(results.get(refWrongAmount.serial()).get("reason").asText()).contains("2000.00", "1999.00");
		assertThat(results.get(byAmount.serial()).get("result").asText()).isEqualTo("MATCHED");
		assertThat(results.get(byAmount.serial()).get("reason").asText()).contains("1 day apart");
		assertThat(results.get(batchA.serial()).get("result").asText()).isEqualTo("MATCHED");
		assertThat(results.get(batchB.serial()).get("result").asText()).isEqualTo("MATCHED");
		assertThat(results.get(batchA.serial()).get("lineId").asLong()).isEqualTo(results.get(batchB.serial()).get("lineId").asLong());
		assertThat(results.get(batchA.serial()).get("reason").asText()).contains("batch", "2 payouts");
		assertThat(results.get(counterpartyWrongAmount.serial()).get("result").asText()).isEqualTo("AMOUNT_MISMATCH");
		assertThat(results.get(notInBank.serial()).get("result").asText()).isEqualTo("MISSING_IN_BANK");
		assertThat(results.get(threeDays.serial()).get("result").asText()).isEqualTo("MATCHED");
		assertThat(results.get(fourDays.serial()).get("result").asText()).isEqualTo("MISSING_IN_BANK");
		assertThat(results.get(closest.serial()).get("result").asText()).isEqualTo("MATCHED");
		assertThat(results.get(closest.serial()).get("bankDate").asText()).isEqualTo("2032-01-25");
		assertThat(results.get("LINE:REF-X:777.00").get("result").asText()).isEqualTo("MISSING_IN_SYSTEM");
		assertThat(results.get("LINE::9000.00").get("result").asText()).isEqualTo("MISSING_IN_SYSTEM");
		assertThat(results.get("LINE::1500.00").get("bankDate").asText()).isEqualTo("2032-01-23");

		// every kind of reason this run gave, said in the operator's language with its values kept
		JsonNode chinese = TestHttp.operator(port, "finance").speaking("zh-Hant").get("/api/reconciliations/" + run.get("id").asLong() + "/results?size=500")
				.json().get("items");
		assertThat(chinese.size()).isEqualTo(results.size());
		for (JsonNode r : chinese) {
			assertThat(r.get("reason").asText()).as("reason of %s", r).matches(t -> t.codePoints().anyMatch(
					c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).doesNotContain(" and ", " apart", "bank line");
		}
		assertThat(chinese.findValuesAsString("reason")).anyMatch(t -> t.contains("REF-A")).anyMatch(t -> t.contains("1999.00"));
		// and on the bank line itself
		assertThat(TestHttp.operator(port, "finance").speaking("zh-Hant").get("/api/statements?size=500&accountId=" + account).json()
				.get("items").findValuesAsString("reconReason")).isNotEmpty().allMatch(t -> t.codePoints().anyMatch(
						c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));

		JsonNode counts = run.get("counts");
		assertThat(counts.get("MATCHED").asInt()).isEqualTo(6);
		assertThat(counts.get("AMOUNT_MISMATCH").asInt()).isEqualTo(2);
		assertThat(counts.get("MISSING_IN_BANK").asInt()).isEqualTo(2);
		assertThat(counts.get("MISSING_IN_SYSTEM").asInt()).isEqualTo(3);

		JsonNode matchedLine = line("REF-A");
		assertThat(matchedLine.get("status").asText()).isEqualTo("MATCHED");
		assertThat(matchedLine.get("matched").get("serial").asText()).isEqualTo(byRef.serial());
		assertThat(line("REF-B").get("status").asText()).isEqualTo("UNMATCHED");
		assertThat(line("REF-B").get("reconResult").asText()).isEqualTo("AMOUNT_MISMATCH");
		assertThat(line("REF-X").get("reconResult").asText()).isEqualTo("MISSING_IN_SYSTEM");
		// a first clean match is kept in the published state and not announced; a mismatch is announced
		assertThat(records.eventsFor(byRef.id())).isZero();
		assertThat(jdbc.sql("SELECT result FROM recon_record_state WHERE record_type = 'TESTPAY' AND record_id = :id").param("id", batchA.id())
				.query(String.class).single()).isEqualTo("MATCHED");
		assertThat(records.eventsFor(refWrongAmount.id())).isEqualTo(1);

		// the same period again: the same results, no new events, nothing duplicated, and no line or record state rewritten
		List<String> linesBefore = lineVersions();
		JsonNode again = run();
		assertThat(lineVersions()).isEqualTo(linesBefore);
		assertThat(jdbc.sql("SELECT count(*) FROM recon_record_state WHERE run_id = :run").param("run", again.get("id").asLong())
				.query(Integer.class).single()).isZero();
		assertThat(again.get("counts")).isEqualTo(counts);
		Map<String, JsonNode> rerun = resultsBySerialOrLine(again.get("id").asLong());
		assertThat(rerun.keySet()).isEqualTo(results.keySet());
		rerun.forEach((k, v) -> {
			assertThat(v.get("result")).as(k).isEqualTo(results.get(k).get("result"));
			assertThat(v.get("lineId")).as(k).isEqualTo(results.get(k).get("lineId"));
		});
		assertThat(records.eventsFor(refWrongAmount.id())).as("a re-run announces nothing").isEqualTo(1);
		String csv = new String(finance.download("/api/reconciliations/" + again.get("id").asLong() + "/results/export?format=csv&result=AMOUNT_MISMATCH"),
				StandardCharsets.UTF_8);
		assertThat(csv.lines()).hasSize(3);
		assertThat(csv).contains("Amount mismatch", refWrongAmount.serial()).doesNotContain("AMOUNT_MISMATCH");
		// a download link carries the operator's language: the reasons come in it (results and bank lines)
		String exported = new String(finance.download("/api/reconciliations/" + again.get("id").asLong()
				+ "/results/export?format=csv&result=AMOUNT_MISMATCH&lang=zh-Hant"), StandardCharsets.UTF_8);
		assertThat(exported).contains("金額不符", "銀行參考號 REF-B", refWrongAmount.serial()).doesNotContain("bank reference REF-B");
		assertThat(new String(finance.download("/api/statements/export?format=csv&accountId=" + account + "&lang=zh-Hans"), StandardCharsets.UTF_8))
				.contains("银行参考号 REF-B", "金额不符", "出账", "已匹配", "文件导入").doesNotContain("bank reference REF-B", ",OUT,", ",MATCHED,");
		assertThat(jdbc.sql("SELECT count(*) FROM statement_line WHERE account_id = :a").param("a", account).query(Integer.class).single()).isEqualTo(10);
	}

	/** Each line of the account with its row version (xmin changes with every write, even one that changes nothing). */
	List<String> lineVersions() {
		return jdbc.sql("SELECT id || ':' || version || ':' || xmin FROM statement_line WHERE account_id = :a ORDER BY id").param("a", account)
				.query(String.class).list();
	}

	@Test
	void ofTwoEquallyGoodRecordsTheOlderIsMatchedWhateverOrderTheSourceListsThemInAndARepeatedRecordCountsOnce() {
		bankLines(new String[] { "8", "", "4242", "4,242.00" });
		SystemRecord older = records.add(account, "4242.00", d(8), "4242", null, null);
		SystemRecord newer = records.add(account, "4242.00", d(8), "4242", null, null);
		JsonNode first = run();
		assertThat(first.get("counts").get("MATCHED").asInt()).isEqualTo(1);
		assertThat(first.get("counts").get("MISSING_IN_BANK").asInt()).isEqualTo(1);
		Map<String, JsonNode> results = resultsBySerialOrLine(first.get("id").asLong());
		assertThat(results.get(older.serial()).get("result").asText()).isEqualTo("MATCHED");
		assertThat(results.get(newer.serial()).get("result").asText()).isEqualTo("MISSING_IN_BANK");

		records.listNewestFirstAndTwice(account);
		JsonNode again = run();
		assertThat(again.get("counts").get("MATCHED").asInt()).as("each record once").isEqualTo(1);
		assertThat(again.get("counts").get("MISSING_IN_BANK").asInt()).isEqualTo(1);
		results = resultsBySerialOrLine(again.get("id").asLong());
		assertThat(results.get(older.serial()).get("result").asText()).isEqualTo("MATCHED");
		assertThat(records.eventsFor(older.id())).as("nothing changed for the older record").isZero();
	}

	@Test
	void aLateBankLineChangesTheResultOnTheNextRun() {
		SystemRecord payout = records.add(account, "4321.00", d(6), "4321", null, null);
		JsonNode first = run();
		assertThat(first.get("counts").get("MISSING_IN_BANK").asInt()).isEqualTo(1);
		bankLines(new String[] { "7", "LATE-1", "43-21", "4,321.00" });
		JsonNode second = run();
		assertThat(second.get("counts").get("MATCHED").asInt()).isEqualTo(1);
		assertThat(second.get("counts").get("MISSING_IN_BANK").asInt()).isZero();
		assertThat(records.eventsFor(payout.id())).isEqualTo(2);
		assertThat(records.events.get(records.events.size() - 1).result()).isEqualTo(ReconciliationResult.MATCHED);
	}

	@Test
	void aRecordThatAlreadyHasALineCannotBeTaggedToAnother() {
		bankLines(new String[] { "9", "HAS-1", "", "6,161.00" }, new String[] { "9", "SPARE-1", "", "6,161.00" },
				new String[] { "10", "SPARE-2", "", "7,272.00" });
		SystemRecord matched = records.add(account, "6161.00", d(9), "M-1", "HAS-1", null);
		run();
		assertThat(line("HAS-1").get("status").asText()).isEqualTo("MATCHED");
		TestHttp.Response again = finance.post("/api/statements/" + line("SPARE-1").get("id").asLong() + "/tag",
				Map.of("recordId", matched.serial(), "recordType", TestRecords.TYPE));
		assertThat(again.status()).as(again.body()).isEqualTo(409);

		SystemRecord free = records.add(account, "7272.00", d(25), "T-1", null, null);
		long spare = line("SPARE-2").get("id").asLong();
		assertThat(finance.post("/api/statements/" + spare + "/tag", Map.of("recordId", free.serial(), "recordType", TestRecords.TYPE)).status())
				.isEqualTo(200);
		TestHttp.Response second = finance.post("/api/statements/" + line("SPARE-1").get("id").asLong() + "/tag",
				Map.of("recordId", free.serial(), "recordType", TestRecords.TYPE, "reason", "same payout"));
		assertThat(second.status()).as(second.body()).isEqualTo(409);
	}

	@Test
	void aTaggedLineCountsAsMatchedAndRejectingTheTagFreesBoth() {
		bankLines(new String[] { "8", "TAG-1", "", "5,555.00" });
		SystemRecord payout = records.add(account, "5555.00", d(8), "X-1", "OTHER-REF", null);
		records.add(account, "5555.00", d(8), "X-2", null, null); // a second candidate the amount rule would take
		long lineId = line("TAG-1").get("id").asLong();
		TestHttp.Response tag = finance.post("/api/statements/" + lineId + "/tag", Map.of("recordId", payout.serial(), "recordType", TestRecords.TYPE));
		assertThat(tag.status()).as(tag.body()).isEqualTo(200);
		assertThat(tag.json().get("status").asText()).isEqualTo("TAGGED");

		Map<String, JsonNode> results = resultsBySerialOrLine(run().get("id").asLong());
		assertThat(results.get(payout.serial()).get("result").asText()).isEqualTo("MATCHED");
		assertThat(results.get(payout.serial()).get("reason").asText()).contains("tagged by hand");
		assertThat(line("TAG-1").get("status").asText()).isEqualTo("TAGGED");

		TestHttp.Response reject = finance.post("/api/statements/" + lineId + "/reject-tag", Map.of("reason", "wrong payout"));
		assertThat(reject.status()).as(reject.body()).isEqualTo(200);
		assertThat(reject.json().get("status").asText()).isEqualTo("UNMATCHED");
		assertThat(reject.json().get("matched").isNull()).isTrue();
		assertThat(reject.json().get("reconResult").isNull()).as("the line's result rested on the tag").isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM recon_record_state WHERE record_type = :t AND record_id = :id").param("t", TestRecords.TYPE)
				.param("id", payout.id()).query(Long.class).single()).as("nor does the record's").isZero();
		Map<String, JsonNode> after = resultsBySerialOrLine(run().get("id").asLong());
		assertThat(after.get(payout.serial()).get("result").asText()).isNotEqualTo("TAGGED");
		assertThat(line("TAG-1").get("status").asText()).isEqualTo("MATCHED");
	}

	@Test
	void filtersTheResultsByAnAmountOnEitherSideInTheListAndTheExport() {
		bankLines(new String[] { "4", "AMT-SAME", "", "5,000.00" }, new String[] { "5", "AMT-DIFF", "", "4,990.00" },
				new String[] { "6", "AMT-BANK", "", "4,999.99" }, new String[] { "7", "AMT-SMALL", "", "100.00" });
		SystemRecord same = records.add(account, "5000.00", d(4), "A-1", "AMT-SAME", null);
		SystemRecord differs = records.add(account, "5010.00", d(5), "A-2", "AMT-DIFF", null);
		SystemRecord notInBank = records.add(account, "7000.00", d(8), "A-3", null, null);
		SystemRecord small = records.add(account, "100.00", d(7), "A-4", "AMT-SMALL", null);
		long runId = run().get("id").asLong();
		String results = "/api/reconciliations/" + runId + "/results?size=500";

		assertThat(keys(results + "&minAmount=5000&maxAmount=5000")).as("both sides 5,000; the mismatch has neither")
				.containsExactly(same.serial());
		assertThat(keys(results + "&minAmount=4995&maxAmount=5005")).as("a bank amount alone counts").containsExactlyInAnyOrder(same.serial(),
				"LINE:AMT-BANK");
		assertThat(keys(results + "&minAmount=5005.00&maxAmount=5010")).as("the mismatch by its system amount").containsExactly(differs.serial());
		assertThat(keys(results + "&minAmount=4990&maxAmount=4990.00")).as("the mismatch by its bank amount, bounds included")
				.containsExactly(differs.serial());
		assertThat(keys(results + "&minAmount=6000")).as("a lower bound alone").containsExactly(notInBank.serial());
		assertThat(keys(results + "&maxAmount=100")).as("an upper bound alone").containsExactly(small.serial());
		assertThat(keys(results + "&result=AMOUNT_MISMATCH&minAmount=1000")).as("with the result filter").containsExactly(differs.serial());
		assertThat(keys(results + "&minAmount=&maxAmount=")).as("blank bounds: no filter").hasSize(5);

		// keyset pages through the filtered results: every one once, in id order
		List<String> paged = new java.util.ArrayList<>();
		String next = null;
		do {
			JsonNode page = finance.get("/api/reconciliations/" + runId + "/results?size=1&minAmount=4990&maxAmount=5010"
					+ (next == null ? "" : "&after=" + next)).json();
			page.get("items").forEach(r -> paged.add(key(r)));
			next = page.hasNonNull("next") ? page.get("next").asText() : null;
		}
		while (next != null);
		assertThat(paged).containsExactly(same.serial(), differs.serial(), "LINE:AMT-BANK");

		String csv = new String(finance.download("/api/reconciliations/" + runId + "/results/export?format=csv&minAmount=5005&maxAmount=5010"),
				StandardCharsets.UTF_8);
		assertThat(csv.lines()).as("the header and the one result").hasSize(2);
		assertThat(csv).contains(differs.serial()).doesNotContain(same.serial(), notInBank.serial());

		// refused as on the withdrawal list, naming the field, in the list and in the export
		TestHttp.Response bad = finance.get(results + "&minAmount=1e3");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).contains("application/problem+json");
		assertThat(bad.fieldError("minAmount")).isNotNull();
		assertThat(finance.get(results + "&minAmount=5,000.50").fieldError("minAmount")).as("the console sends amounts ungrouped").isNotNull();
		assertThat(finance.get(results + "&maxAmount=-1").fieldError("maxAmount")).isNotNull();
		TestHttp.Response reversed = finance.get(results + "&minAmount=5010&maxAmount=4990");
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.fieldError("maxAmount")).isEqualTo("must not be below minAmount");
		TestHttp.Response both = finance.get(results + "&result=NOPE&minAmount=abc");
		assertThat(both.fieldError("result")).as("every bad filter at once").isNotNull();
		assertThat(both.fieldError("minAmount")).isNotNull();
		assertThat(finance.getBinary("/api/reconciliations/" + runId + "/results/export?format=csv&minAmount=5010&maxAmount=4990").status())
				.isEqualTo(400);
	}

	List<String> keys(String path) {
		TestHttp.Response r = finance.get(path);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		List<String> out = new java.util.ArrayList<>();
		r.json().get("items").forEach(item -> out.add(key(item)));
		return out;
	}

	static String key(JsonNode result) {
		return result.hasNonNull("record") ? result.get("record").get("serial").asText() : "LINE:" + result.get("bankReference").asText("");
	}

	@Test
	void refusesABadRunRequest() {
		TestHttp.Response r = finance.post("/api/reconciliations", Map.of("direction", "OUT", "from", "2032-01-31", "to", "2032-01-01"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.fieldError("accountId")).isNotNull();
		assertThat(TestHttp.operator(port, "maker").post("/api/reconciliations", Map.of("direction", "OUT", "accountId", account,
				"from", "2032-01-01", "to", "2032-01-31")).status()).isEqualTo(403);
	}

	@Test
	void followsUpAMismatchUntilResolved() {
		records.add(account, "6543.00", d(11), "6543", null, null);
		long runId = run().get("id").asLong();
		JsonNode missing = finance.get("/api/reconciliations/" + runId + "/results?result=MISSING_IN_BANK").json().get("items").get(0);
		TestHttp.Response open = finance.post("/api/reconciliations/results/" + missing.get("id").asLong() + "/follow-up",
				Map.of("assignee", "finance", "comment", "asked the bank"));
		assertThat(open.status()).as(open.body()).isEqualTo(200);
		long id = open.json().get("id").asLong();
		assertThat(open.json().get("assignee").asText()).isEqualTo("finance");
		assertThat(open.json().get("comments").get(0).get("text").asText()).isEqualTo("asked the bank");
		TestHttp.Response nobody = finance.post("/api/reconciliation-follow-ups/" + id + "/assign", Map.of("assignee", "nobody"));
		assertThat(nobody.fieldError("assignee")).as("work is handed only to an operator who exists").contains("not an active operator");
		assertThat(finance.get("/api/reconciliation-follow-ups/" + id).json().get("assignee").asText()).isEqualTo("finance");
		assertThat(finance.post("/api/reconciliation-follow-ups/" + id + "/resolve", Map.of()).status()).isEqualTo(400);
		TestHttp.Response resolved = finance.post("/api/reconciliation-follow-ups/" + id + "/resolve", Map.of("reason", "bank booked it in February"));
		assertThat(resolved.json().get("status").asText()).isEqualTo("RESOLVED");
		assertThat(finance.post("/api/reconciliation-follow-ups/" + id + "/resolve", Map.of("reason", "again")).status()).isEqualTo(409);
		// a re-run shows the same follow-up on the record's new result
		long rerun = run().get("id").asLong();
		JsonNode again = finance.get("/api/reconciliations/" + rerun + "/results?result=MISSING_IN_BANK").json().get("items").get(0);
		assertThat(again.get("followUp").get("id").asLong()).isEqualTo(id);
		List<String> actions = new java.util.ArrayList<>();
		TestHttp.operator(port, "auditor").get("/api/audit?entityType=ReconciliationFollowUp&entityId=" + id).json().get("items")
				.forEach(e -> actions.add(e.get("action").asText()));
		assertThat(actions).contains("RECONCILIATION_FOLLOW_UP_OPENED", "RECONCILIATION_FOLLOW_UP_RESOLVED");
	}
}
