package io.wbo.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.DomainException;
import io.wbo.common.Money;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@WboTest
class LedgerIntegrationTests {

	static final Actor TEST = Actor.system("ledger-test");

	@LocalServerPort
	int port;

	@Autowired
	Ledger ledger;

	static long freshCustomer() {
		return 9_000_000 + ThreadLocalRandom.current().nextLong(1_000_000_000L);
	}

	static Money hkd(String amount) {
		return new Money(Asset.HKD, new BigDecimal(amount));
	}

	TransferResult fund(long customer, String amount) {
		return ledger.credit(customer, hkd(amount), AccountRef.system(AccountKind.ADJUSTMENT, Asset.HKD), "T:FUND:" + customer,
				"Test", "fund", TEST);
	}

	@Test
	void manyThreadsRacingToFreezeMoreThanTheBalanceNeverOverdraw() throws Exception {
		long customer = freshCustomer();
		fund(customer, "1000.00");
		ExecutorService pool = Executors.newFixedThreadPool(16);
		AtomicInteger refused = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			int n = i;
			futures.add(pool.submit(() -> {
				try {
					ledger.freeze(customer, hkd("7.00"), "T:FREEZE:" + customer + ":" + n, "Test", "race", TEST);
				}
				catch (InsufficientFundsException e) {
					refused.incrementAndGet();
				}
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		Balance balance = ledger.balance(customer, Asset.HKD);
		assertThat(balance.frozen().amount()).isEqualByComparingTo("994.00");
		assertThat(balance.available().amount()).isEqualByComparingTo("6.00");
		assertThat(refused.get()).isEqualTo(200 - 142);
		assertThat(ledger.checkBooks().ok()).isTrue();
	}

	@Test
	void aReplayReturnsTheFirstTransferAndADifferentPayloadIsRefused() {
		long customer = freshCustomer();
		TransferResult first = fund(customer, "50.00");
		TransferResult replay = fund(customer, "50.00");
		assertThat(replay.replayed()).isTrue();
		assertThat(replay.transferId()).isEqualTo(first.transferId());
		assertThat(ledger.balance(customer, Asset.HKD).available().amount()).isEqualByComparingTo("50.00");
		assertThatThrownBy(() -> fund(customer, "60.00")).isInstanceOf(DomainException.class)
				.hasMessageContaining("already used for a different transfer");
	}

	@Test
	void freezeUnfreezeAndDebitFrozenMoveMoneyBetweenTheRightAccounts() {
		long customer = freshCustomer();
		fund(customer, "300.00");
		ledger.freeze(customer, hkd("120.50"), "T:F:" + customer, "Test", "1", TEST);
		ledger.unfreeze(customer, hkd("20.50"), "T:U:" + customer, "Test", "1", TEST);
		ledger.debitFrozen(customer, hkd("100.00"), AccountRef.companyBank(1, Asset.HKD), "T:D:" + customer, "Test", "1", TEST);
		Balance b = ledger.balance(customer, Asset.HKD);
		assertThat(b.available().text()).isEqualTo("200.00");
		assertThat(b.frozen().text()).isEqualTo("0.00");
		assertThatThrownBy(() -> ledger.debitFrozen(customer, hkd("0.01"), AccountRef.companyBank(1, Asset.HKD), "T:D2:" + customer,
				"Test", "1", TEST)).isInstanceOf(InsufficientFundsException.class).hasMessageContaining("frozen");
		assertThat(ledger.checkBooks().ok()).isTrue();
	}

	@Test
	void concurrentPayoutsIntoOneHotSystemAccountAllCount() throws Exception {
		AccountRef hot = AccountRef.companyBank(ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000), Asset.HKD);
		List<Long> customers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			long c = freshCustomer();
			fund(c, "100.00");
			ledger.freeze(c, hkd("100.00"), "T:HOTF:" + c, "Test", "hot", TEST);
			customers.add(c);
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> futures = new ArrayList<>();
		for (long c : customers) {
			futures.add(pool.submit(() -> {
				for (int n = 0; n < 25; n++) {
					ledger.debitFrozen(c, hkd("4.00"), hot, "T:HOT:" + c + ":" + n, "Test", "hot", TEST);
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		customers.forEach(c -> assertThat(ledger.balance(c, Asset.HKD).frozen().amount()).isEqualByComparingTo("0.00"));
		BooksReport books = ledger.checkBooks();
		assertThat(books.ok()).as(books.problems().toString()).isTrue();
	}

	@Test
	void theBooksCheckRecomputesEveryBalance() {
		TestHttp admin = TestHttp.operator(port, "admin");
		TestHttp.Response books = admin.get("/api/ledger/books-check");
		assertThat(books.status()).isEqualTo(200);
		assertThat(books.json().get("ok").asBoolean()).as(books.body()).isTrue();
		assertThat(books.json().get("transfers").asLong()).isGreaterThan(0);
		books.json().get("assets").forEach(a -> assertThat(a.get("debits").asText()).isEqualTo(a.get("credits").asText()));
	}
}
