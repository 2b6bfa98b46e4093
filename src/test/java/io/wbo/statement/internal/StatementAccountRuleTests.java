package io.wbo.statement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A statement's account identifier names a company account by its letters and digits, with whatever the bank puts in front. */
class StatementAccountRuleTests {

	@Test
	void acceptsTheNumberWithOtherSeparatorsCaseOrTheBanksCodeInFront() {
		for (String id : new String[] { "004-500-888001-838", "004500888001838", "004 500 888001 838", "HSBCHKHH/004500888001838",
				"/004-500-888001-838\nHSBCHKHH", "HK12004500888001838" }) {
			assertThat(StatementAccountRule.isFor(id, "004-500-888001-838")).as(id).isTrue();
		}
		assertThat(StatementAccountRule.isFor("hk-sc-447-0-998877-6", "HKSC4470998877 6")).isTrue();
	}

	@Test
	void refusesAnotherNumberOrAPartOfIt() {
		for (String id : new String[] { "012-875-0-066688-1", "00450088800183", "004-500-888001-839", "", "---" }) {
			assertThat(StatementAccountRule.isFor(id, "004-500-888001-838")).as(id).isFalse();
		}
		assertThat(StatementAccountRule.isFor("004500888001838", "--")).as("an account number without a digit names nothing").isFalse();
	}
}
