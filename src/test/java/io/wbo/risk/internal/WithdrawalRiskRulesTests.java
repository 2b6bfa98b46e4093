package io.wbo.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.wbo.common.Asset;
import io.wbo.common.Money;
import io.wbo.customer.BankCard;
import io.wbo.customer.Customer;
import io.wbo.customer.OpeningStatus;
import io.wbo.ledger.Balance;
import io.wbo.risk.RiskFinding;
import io.wbo.risk.RiskSettings;
import io.wbo.risk.RiskSubject;
import org.junit.jupiter.api.Test;

/** Each named rule alone, without Spring. */
class WithdrawalRiskRulesTests {

	final WithdrawalRiskRules rules = new WithdrawalRiskRules();

	static final RiskSettings SETTINGS = new RiskSettings(3, List.of(new RiskSettings.Limit("HKD", "10000.00", "5000.00")),
			List.of("999-888-777"), List.of(), 0);

	static Customer customer(OpeningStatus status, boolean frozen) {
		return new Customer(1, "100001", "Chan Tai Man", "陳大文", null, null, "M1", status, frozen, Instant.now());
	}

	static final BankCard CARD = new BankCard(7, 1, "HSBC", "004", "004-111-222333-001", "CHAN TAI MAN", "HKD", true);

	static RiskRule.Context context(Customer c, String amount, String frozen, String today, int count, BankCard card) {
		RiskSubject s = new RiskSubject(1, "HKD", new BigDecimal(amount), BigDecimal.ONE, card.id(), card.accountNo(), card.holderName(),
				new BigDecimal(today), count);
		return new RiskRule.Context(s, SETTINGS, c, List.of(CARD), new Balance("HKD", Money.zero(Asset.HKD),
				new Money(Asset.HKD, new BigDecimal(frozen))));
	}

	static RiskRule.Context ok() {
		return context(customer(OpeningStatus.OPENED, false), "100.00", "101.00", "100.00", 1, CARD);
	}

	@Test
	void everyRulePassesAnOrdinaryWithdrawal() {
		for (RiskRule rule : List.of(rules.accountOpen(), rules.cardOwnership(), rules.fundsHeld(), rules.dailyLimit(), rules.largeAmount(),
				rules.blacklistedAccount(), rules.frequency())) {
			assertThat(rule.check(ok()).passed()).as(rule.code()).isTrue();
		}
	}

	@Test
	void eachRuleFailsWithItsReason() {
		RiskFinding closed = rules.accountOpen().check(context(customer(OpeningStatus.CLOSED, false), "1", "2", "1", 1, CARD));
		assertThat(closed.passed()).isFalse();
		assertThat(closed.message()).contains("CLOSED");
		assertThat(rules.accountOpen().check(context(customer(OpeningStatus.OPENED, true), "1", "2", "1", 1, CARD)).message()).contains("frozen");
		BankCard stranger = new BankCard(8, 2, "HSBC", "004", "004-9", "SOMEONE ELSE", "HKD", true);
		assertThat(rules.cardOwnership().check(context(customer(OpeningStatus.OPENED, false), "1", "2", "1", 1, stranger)).passed()).isFalse();
		BankCard renamed = new BankCard(7, 1, "HSBC", "004", "004-111-222333-001", "SOMEONE ELSE", "HKD", true);
		assertThat(rules.cardOwnership().check(context(customer(OpeningStatus.OPENED, false), "1", "2", "1", 1, renamed)).passed()).isFalse();
		assertThat(rules.fundsHeld().check(context(customer(OpeningStatus.OPENED, false), "100.00", "50.00", "1", 1, CARD)).passed()).isFalse();
		assertThat(rules.dailyLimit().check(context(customer(OpeningStatus.OPENED, false), "100.00", "101", "10000.01", 1, CARD)).message())
				.contains("daily limit");
		assertThat(rules.largeAmount().check(context(customer(OpeningStatus.OPENED, false), "5000.00", "5001", "5000", 1, CARD)).passed())
				.isFalse();
		BankCard blacklisted = new BankCard(7, 1, "HSBC", "004", "999 888 777", "CHAN TAI MAN", "HKD", true);
		assertThat(rules.blacklistedAccount().check(context(customer(OpeningStatus.OPENED, false), "1", "2", "1", 1, blacklisted)).passed())
				.isFalse();
		assertThat(rules.frequency().check(context(customer(OpeningStatus.OPENED, false), "1", "2", "1", 4, CARD)).message()).contains("24 hours");
	}
}
