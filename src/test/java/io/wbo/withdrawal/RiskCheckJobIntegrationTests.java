package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The risk check job keeps working past an application it cannot check: a row with a currency wbo does not know
 * (bad data, as a faulty migration or a manual fix could leave) fails its batch, is found and set aside, and the
 * applications behind it are checked as usual.
 */
class RiskCheckJobIntegrationTests extends WithdrawalIntegrationTest {

	@Test
	void oneApplicationThatCannotBeCheckedDoesNotHoldUpTheOthers() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long poison = jdbc.sql("""
				INSERT INTO withdrawal (serial, customer_id, customer_no, customer_name, currency, amount, fee, bank_card_id,
				                        card_bank_name, card_bank_code, card_account_no, card_holder_name, source, status, created_by)
				VALUES ('WBAD-' || nextval('withdrawal_serial_seq'), :c, :no, 'Bad Data', 'XXX', 10, 0, :card, 'HSBC Hong Kong', '004',
				        '004-000', 'BAD DATA', 'MANUAL', 'RISK_CHECKING', 'migration') RETURNING id""")
				.param("c", c.id()).param("no", c.customerNo()).param("card", c.cardId()).query(Long.class).single();

		long good = fx.manual(maker, c, "100.00", "0.00");
		fx.awaitStatus(maker, good, "RISK_PASSED");

		assertThat(jdbc.sql("SELECT status FROM withdrawal WHERE id = :id").param("id", poison).query(String.class).single())
				.as("the bad one still waits, for a person to look at").isEqualTo("RISK_CHECKING");
		jdbc.sql("DELETE FROM withdrawal WHERE id = :id").param("id", poison).update();
	}
}
