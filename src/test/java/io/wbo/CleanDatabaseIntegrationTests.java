package io.wbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every test class starts from the database as the application left it after starting, whatever the classes before
 * it changed; and the append-only tables refuse TRUNCATE, which their row triggers never see.
 */
@WboTest
class CleanDatabaseIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTestClassSeesOnlyWhatStartupCreated() {
		// startup creates demo customers 100001 ... 100036 only; every other class creates its own
		assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE customer_no NOT BETWEEN '100001' AND '100036'").query(Long.class).single())
				.isZero();
		// nor does the demo create withdrawals: those of the classes before are gone, with their ledger transfers
		assertThat(jdbc.sql("SELECT count(*) FROM withdrawal").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM ledger_transfer WHERE reference_type = 'Withdrawal'").query(Long.class).single()).isZero();
	}

	@Test
	void theAuditLogAndTheLedgerCannotBeTruncated() {
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE ledger_transfer CASCADE").update()).hasMessageContaining("immutable");
	}
}
