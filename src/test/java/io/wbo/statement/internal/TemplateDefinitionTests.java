package io.wbo.statement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wbo.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The template rules on their own (the HTTP refusals are in StatementTemplateRulesTests). */
class TemplateDefinitionTests {

	static TemplateDefinition hsbc(String dateFormat, String thousands, String decimal) {
		TemplateDefinition d = DemoTemplates.HSBC;
		return new TemplateDefinition(d.fileType(), d.encoding(), d.delimiter(), d.headerRows(), d.columns(), dateFormat, d.amountMode(), thousands,
				decimal, d.inWords(), d.outWords(), d.currency());
	}

	static List<String> refusals(TemplateDefinition definition) {
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class, definition::validate);
		return e == null ? List.of() : e.errors().stream().map(f -> f.field() + " " + f.message()).toList();
	}

	@Test
	void theDemoTemplatesFollowTheRules() {
		for (TemplateDefinition demo : List.of(DemoTemplates.HSBC, DemoTemplates.BOCHK, DemoTemplates.HANG_SENG)) {
			assertThatCode(demo::validate).as(demo.toString()).doesNotThrowAnyException();
		}
	}

	@Test
	void acceptsDatePatternsThatReadAWholeDateAlsoWithATime() {
		for (String pattern : new String[] { "dd/MM/yyyy", "yyyyMMdd", "dd MMM yyyy", "d/M/yy", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ssXXX" }) {
			assertThat(refusals(hsbc(pattern, ",", "."))).as(pattern).isEmpty();
		}
	}

	@Test
	void refusesDatePatternsWithoutTheYearTheMonthOrTheDay() {
		for (String pattern : new String[] { "qqq[[", "HH:mm", "yyyy-MM", "dd/MM", "YYYY-MM-dd", "d/M/y" }) {
			assertThat(refusals(hsbc(pattern, ",", "."))).as(pattern)
					.containsExactly("definition.dateFormat must print and read back a whole date (year, month and day), e.g. dd/MM/yyyy");
		}
		assertThat(refusals(hsbc("dd/MM/yyyy{", ",", "."))).containsExactly("definition.dateFormat is not a valid date pattern");
	}

	@Test
	void refusesSeparatorsThatChangeAmounts() {
		assertThat(refusals(hsbc("dd/MM/yyyy", ".", "."))).containsExactly("definition.thousandsSeparator must differ from the decimal separator '.'");
		assertThat(refusals(hsbc("dd/MM/yyyy", ".", null))).as("no decimal separator is '.'")
				.containsExactly("definition.thousandsSeparator must differ from the decimal separator '.'");
		assertThat(refusals(hsbc("dd/MM/yyyy", "-", "."))).containsExactly("definition.thousandsSeparator must not be a letter, a digit or a minus sign");
		assertThat(refusals(hsbc("dd/MM/yyyy", ",", "x"))).containsExactly("definition.decimalSeparator must be '.' or ','");
		assertThat(refusals(hsbc("dd/MM/yyyy", " ", "."))).as("a space between thousands").isEmpty();
		assertThat(refusals(hsbc("dd/MM/yyyy", null, "."))).isEmpty();
	}

	@Test
	void letsOnlyTheValueDateShareTheBookingDatesColumn() {
		TemplateDefinition d = DemoTemplates.HSBC;
		Map<String, Integer> oneDate = new HashMap<>(d.columns());
		oneDate.put("valueDate", d.columns().get("bookingDate"));
		assertThat(refusals(withColumns(oneDate))).isEmpty();
		Map<String, Integer> clash = new HashMap<>(d.columns());
		clash.put("credit", d.columns().get("debit"));
		clash.put("valueDate", d.columns().get("description"));
		assertThat(refusals(withColumns(clash))).containsExactlyInAnyOrder("definition.columns.debit column 7 is also mapped to credit",
				"definition.columns.valueDate column 3 is also mapped to description");
	}

	static TemplateDefinition withColumns(Map<String, Integer> columns) {
		TemplateDefinition d = DemoTemplates.HSBC;
		return new TemplateDefinition(d.fileType(), d.encoding(), d.delimiter(), d.headerRows(), columns, d.dateFormat(), d.amountMode(),
				d.thousandsSeparator(), d.decimalSeparator(), d.inWords(), d.outWords(), d.currency());
	}
}
