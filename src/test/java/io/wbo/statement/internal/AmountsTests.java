package io.wbo.statement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hand-written check of a plain amount accepts exactly -?\d{1,20}(\.\d{1,18})?. */
class AmountsTests {

	@Test
	void acceptsPlainDecimals() {
		assertThat(Amounts.plain("0")).isTrue();
		assertThat(Amounts.plain("-1234.50")).isTrue();
		assertThat(Amounts.plain("1".repeat(20) + "." + "9".repeat(18))).isTrue();
	}

	@Test
	void refusesAnythingElse() {
		for (String text : new String[] { "", "-", ".5", "5.", "1.2.3", "1e3", "+1", "1,000", "１２", "1".repeat(21), "1." + "0".repeat(19), "--1" }) {
			assertThat(Amounts.plain(text)).as(text).isFalse();
		}
	}

	@Test
	void readsBankStyles() {
		assertThat(Amounts.signed("(1,234.50)", ",", ".").value()).isEqualByComparingTo("-1234.50");
		assertThat(Amounts.signed("1.234,50-", ".", ",").value()).isEqualByComparingTo("-1234.50");
		assertThat(Amounts.signed("12x", ",", ".").error()).contains("is not a number");
	}
}
