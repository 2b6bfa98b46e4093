package io.wbo.reconciliation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The counterparty key must be the one the SQL of a run computes for bank lines (letters and digits, upper case). */
class CounterpartyAccountKeyTests {

	@Test
	void keepsOnlyAsciiLettersAndDigitsInUpperCase() {
		assertThat(ReconciliationEngine.normalizeAccount("004-123 456")).isEqualTo("004123456");
		assertThat(ReconciliationEngine.normalizeAccount("hk-ab.12")).isEqualTo("HKAB12");
		assertThat(ReconciliationEngine.normalizeAccount("帳號 ８８-12")).isEqualTo("12");
	}

	@Test
	void anAccountWithoutLettersOrDigitsHasNoKey() {
		assertThat(ReconciliationEngine.normalizeAccount(" - ")).isNull();
		assertThat(ReconciliationEngine.normalizeAccount(null)).isNull();
	}
}
