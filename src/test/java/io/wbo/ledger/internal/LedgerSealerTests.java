package io.wbo.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.Money;
import io.wbo.ledger.AccountKind;
import io.wbo.ledger.AccountRef;
import io.wbo.ledger.Ledger;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sealer never seals past a transfer still uncommitted: one committed later with a lower id is sealed too. */
@WboTest
class LedgerSealerTests {

	static final Actor TESTER = Actor.system("sealer-test");

	@Autowired
	LedgerSealer sealer;

	@Autowired
	LedgerSeals seals;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	static Money hkd(String amount) {
		return new Money(Asset.HKD, new BigDecimal(amount));
	}

	long transferId(String key) {
		return jdbc.sql("SELECT id FROM ledger_transfer WHERE transfer_key = :k").param("k", key).query(Long.class).single();
	}

	long sealedUpTo() {
		return jdbc.sql("SELECT up_to_id FROM ledger_seal_head").query(Long.class).single();
	}

	@Test
	void aTransferCommittedAfterAHigherOneIsSealedToo() throws Exception {
		long customer = 9_000_000 + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		long other = customer + 1;
		for (long c : new long[] { customer, other }) {
			ledger.credit(c, hkd("100.00"), AccountRef.system(AccountKind.ADJUSTMENT, Asset.HKD), "S:FUND:" + c, "Test", "f", TESTER);
		}
		CountDownLatch posted = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		// a transaction takes the lower id and stays open while a later transfer commits
		CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			ledger.freeze(customer, hkd("1.00"), "S:SLOW:" + customer, "Test", "slow", TESTER);
			posted.countDown();
			try {
				assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		}));
		assertThat(posted.await(30, TimeUnit.SECONDS)).isTrue();
		// another customer's accounts: the slow transaction holds this customer's rows
		ledger.freeze(other, hkd("2.00"), "S:FAST:" + customer, "Test", "fast", TESTER);
		long fast = transferId("S:FAST:" + customer);

		assertThat(sealer.sealCommitted(Duration.ofMillis(300))).as("nothing sealed while the slow one may still commit").isZero();
		assertThat(sealedUpTo()).isLessThan(fast);
		// a verification meanwhile checks what is sealed and counts the committed transfers it could not check yet
		io.wbo.audit.ChainedRecords.Check meanwhile = seals.verify();
		assertThat(meanwhile.ok()).isTrue();
		assertThat(meanwhile.pending()).isGreaterThanOrEqualTo(1);

		commit.countDown();
		slow.get(30, TimeUnit.SECONDS);
		long slowId = transferId("S:SLOW:" + customer);
		assertThat(slowId).isLessThan(fast);
		// this call or the scheduled sealer (running all along) seals them now
		sealer.sealCommitted(Duration.ofSeconds(5));
		assertThat(sealedUpTo()).isGreaterThanOrEqualTo(fast);
		for (long id : new long[] { slowId, fast }) {
			assertThat(jdbc.sql("SELECT count(*) FROM ledger_seal WHERE :id > after_id AND :id <= up_to_id AND position(int8send(:id) IN transfers) > 0")
					.param("id", id).query(Long.class).single()).as("seals listing transfer %d", id).isEqualTo(1L);
		}
	}

	@Test
	void aTransactionThatPostedATransferNeverSealsPastIt() {
		long customer = 9_000_000 + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		ledger.credit(customer, hkd("10.00"), AccountRef.system(AccountKind.ADJUSTMENT, Asset.HKD), "S:FUND:" + customer, "Test", "f", TESTER);
		String key = "S:OWN:" + customer;
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			ledger.freeze(customer, hkd("1.00"), key, "Test", "own", TESTER);
			// another connection seals: it would not see this transfer, so it must not seal past it
			sealer.sealCommitted(Duration.ofMillis(200));
			assertThat(sealedUpTo()).isLessThan(transferId(key));
		});
		sealer.sealCommitted(Duration.ofSeconds(5));
		assertThat(sealedUpTo()).isGreaterThanOrEqualTo(transferId(key));
	}
}
