package io.wbo.statement;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A bank template that would misread every file is refused when it is saved (400 naming the field and the reason,
 * nothing saved): separators that change amounts, a delimiter that splits them, a date pattern that cannot read a
 * date, two fields on one column.
 */
@WboTest
class StatementTemplateRulesTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestHttp finance;

	@BeforeEach
	void setUp() {
		finance = TestHttp.operator(port, "finance");
	}

	JsonNode demo(String namePrefix) {
		for (JsonNode t : finance.get("/api/statement-templates").json()) {
			if (t.get("name").asText().startsWith(namePrefix)) {
				return t;
			}
		}
		throw new IllegalStateException("no demo template " + namePrefix);
	}

	/** The definition of a demo template, with some of its settings changed. */
	Map<String, Object> definition(String demoPrefix, Map<String, Object> changes) {
		Map<String, Object> definition = TestHttpJson.toMap(demo(demoPrefix).get("definition"));
		definition.putAll(changes);
		return definition;
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> columns(String demoPrefix, Map<String, Integer> changes) {
		Map<String, Object> definition = definition(demoPrefix, Map.of());
		Map<String, Object> columns = new java.util.LinkedHashMap<>((Map<String, Object>) definition.get("columns"));
		columns.putAll(changes);
		definition.put("columns", columns);
		return definition;
	}

	TestHttp.Response create(String name, Map<String, Object> definition) {
		return finance.post("/api/statement-templates", Map.of("name", name, "bankName", "Test Bank", "definition", definition));
	}

	void refused(Map<String, Object> definition, String field, String reason) {
		String name = "refused " + System.nanoTime();
		TestHttp.Response r = create(name, definition);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.header("Content-Type")).contains("application/problem+json");
		assertThat(r.fieldError(field)).as(r.body()).isEqualTo(reason);
		assertThat(jdbc.sql("SELECT count(*) FROM statement_template WHERE name = :n").param("n", name).query(Integer.class).single()).isZero();
	}

	void accepted(Map<String, Object> definition) {
		TestHttp.Response r = create("accepted " + System.nanoTime(), definition);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	@Test
	void refusesTheSameThousandsAndDecimalSeparator() {
		refused(definition("HSBC", Map.of("thousandsSeparator", ".", "decimalSeparator", ".")), "definition.thousandsSeparator",
				"must differ from the decimal separator '.'");
		refused(definition("HSBC", Map.of("thousandsSeparator", ",", "decimalSeparator", ",")), "definition.thousandsSeparator",
				"must differ from the decimal separator ','");
		refused(definition("HSBC", Map.of("thousandsSeparator", "0")), "definition.thousandsSeparator", "must not be a letter, a digit or a minus sign");
		refused(definition("HSBC", Map.of("decimalSeparator", "/")), "definition.decimalSeparator", "must be '.' or ','");
		accepted(definition("HSBC", Map.of("delimiter", ";", "thousandsSeparator", ".", "decimalSeparator", ",")));
	}

	@Test
	void refusesADateFormatThatCannotReadAWholeDate() {
		for (String pattern : new String[] { "qqq[[", "HH:mm", "MM/yyyy", "YYYY-MM-dd" }) {
			refused(definition("HSBC", Map.of("dateFormat", pattern)), "definition.dateFormat",
					"must print and read back a whole date (year, month and day), e.g. dd/MM/yyyy");
		}
		refused(definition("HSBC", Map.of("dateFormat", "dd/MM/yyyy{")), "definition.dateFormat", "is not a valid date pattern");
		accepted(definition("HSBC", Map.of("dateFormat", "yyyy-MM-dd HH:mm:ss")));
	}

	@Test
	void refusesADelimiterThatSplitsAmountsOrCells() {
		refused(definition("HSBC", Map.of("delimiter", ".")), "definition.delimiter", "must differ from the decimal separator '.'");
		refused(definition("HSBC", Map.of("delimiter", ",", "thousandsSeparator", ".", "decimalSeparator", ",")), "definition.delimiter",
				"must differ from the decimal separator ','");
		for (String delimiter : new String[] { "a", "7", "\"", "\n" }) {
			refused(definition("HSBC", Map.of("delimiter", delimiter)), "definition.delimiter", "must not be a letter, a digit, a quote or a line break");
		}
		// the HSBC export's own layout: amounts with a thousands comma are quoted
		accepted(definition("HSBC", Map.of("delimiter", ",", "thousandsSeparator", ",")));
		accepted(definition("HSBC", Map.of("delimiter", "\t")));
	}

	@Test
	void refusesTwoFieldsOnOneColumnButTheValueDateOnTheBookingDates() {
		refused(columns("中銀香港", Map.of("amount", 1)), "definition.columns.bookingDate", "column 1 is also mapped to amount");
		refused(columns("HSBC", Map.of("credit", 7)), "definition.columns.debit", "column 7 is also mapped to credit");
		refused(columns("Hang Seng", Map.of("counterpartyName", 4)), "definition.columns.counterpartyName", "column 4 is also mapped to amount");
		accepted(columns("HSBC", Map.of("valueDate", 1)));
	}

	/** A word in both lists would read every such line as an inflow, the first list looked at. */
	@Test
	void refusesADirectionWordThatIsBothAnInflowAndAnOutflow() {
		refused(definition("中銀香港", Map.of("inWords", List.of("存入", "CR"), "outWords", List.of("支出", " cr "))), "definition.outWords",
				"must not repeat an inflow word: cr");
		accepted(definition("中銀香港", Map.of("inWords", List.of("存入", "CR"), "outWords", List.of("支出", "DR"))));
	}

	@Test
	void refusesAnUpdateThatBreaksARuleAndKeepsTheTemplate() {
		TestHttp.Response created = create("kept " + System.nanoTime(), definition("HSBC", Map.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		long id = created.json().get("id").asLong();
		TestHttp.Response r = finance.put("/api/statement-templates/" + id, Map.of("name", created.json().get("name").asText(), "bankName", "Test Bank",
				"definition", definition("HSBC", Map.of("thousandsSeparator", "."))));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.fieldError("definition.thousandsSeparator")).isEqualTo("must differ from the decimal separator '.'");
		JsonNode after = finance.get("/api/statement-templates/" + id).json();
		assertThat(after.get("version").asInt()).isEqualTo(created.json().get("version").asInt());
		assertThat(after.get("definition").get("thousandsSeparator").asText()).isEqualTo(",");
	}

	@Test
	void previewRefusesSuchATemplateToo() {
		Map<String, Object> broken = definition("HSBC", Map.of("thousandsSeparator", ".", "decimalSeparator", "."));
		TestHttp.Response r = finance.multipartParts("/api/statement-templates/preview",
				Map.of("definition", tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(broken)), "file", "sample.csv",
				StatementFixtures.file("hsbc-2031-01.csv"));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.fieldError("definition.thousandsSeparator")).isNotNull();
	}

	@Test
	void aTemplateSavedBeforeTheRulesImportsNothingUntilCorrected() {
		TestHttp.Response created = create("old " + System.nanoTime(), definition("HSBC", Map.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		long id = created.json().get("id").asLong();
		// as a template saved before the separator rule existed is stored
		jdbc.sql("UPDATE statement_template SET definition = jsonb_set(definition, '{thousandsSeparator}', '\".\"') WHERE id = :id").param("id", id)
				.update();
		long account = StatementFixtures.account(jdbc);
		TestHttp.Response r = finance.multipart("/api/statements/import", Map.of("templateId", Long.toString(id), "accountId", Long.toString(account)),
				"file", "hsbc-2031-01.csv", StatementFixtures.file("hsbc-2031-01.csv"));
		assertThat(r.status()).as(r.body()).isEqualTo(422);
		assertThat(r.json().get("type").asText()).endsWith("/template-invalid");
		assertThat(r.json().get("detail").asText()).contains(created.json().get("name").asText(), "definition.thousandsSeparator",
				"must differ from the decimal separator '.'");
		assertThat(jdbc.sql("SELECT count(*) FROM statement_line WHERE account_id = :a").param("a", account).query(Integer.class).single()).isZero();
		assertThat(r.header("Content-Type")).contains("application/problem+json");
	}
}
