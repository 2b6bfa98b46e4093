package io.wbo.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key must be the one the reconciliation's SQL computes for bank lines (ASCII letters and digits, upper case). */
class AccountNumbersTests {

	@Test
	void keepsOnlyAsciiLettersAndDigitsInUpperCase() {
		assertThat(AccountNumbers.key("004-123 456")).isEqualTo("004123456");
		assertThat(AccountNumbers.key("hk-ab.12")).isEqualTo("HKAB12");
		assertThat(AccountNumbers.key("帳號 ８８-12")).isEqualTo("12");
	}

	@Test
	void anAccountWithoutLettersOrDigitsHasNoKey() {
		assertThat(AccountNumbers.key(" - ")).isNull();
		assertThat(AccountNumbers.key(null)).isNull();
	}
}
