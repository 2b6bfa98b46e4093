package io.wbo.withdrawal;

import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What every withdrawal integration test starts from: the fixtures and console sessions of the three demo roles. */
@WboTest
public abstract class WithdrawalIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected Ledger ledger;

	@Autowired
	protected TransactionTemplate tx;

	protected WithdrawalFixtures fx;
	protected TestHttp maker;
	protected TestHttp checker;
	protected TestHttp approver;

	@BeforeEach
	protected void setUpFixtures() {
		fx = new WithdrawalFixtures(jdbc, ledger, tx, port);
		maker = TestHttp.operator(port, "maker");
		checker = TestHttp.operator(port, "checker");
		approver = TestHttp.operator(port, "approver");
	}
}
