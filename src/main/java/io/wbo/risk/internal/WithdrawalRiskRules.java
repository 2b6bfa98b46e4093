package io.wbo.risk.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import io.wbo.customer.BankCard;
import io.wbo.customer.OpeningStatus;
import io.wbo.risk.RiskFinding;
import io.wbo.risk.RiskSubject;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The withdrawal rules of X-7, each a named bean. */
@Configuration
class WithdrawalRiskRules {

	/** The securities account is opened and not frozen. */
	@Bean
	RiskRule accountOpen() {
		return rule("ACCOUNT_OPEN", 10, c -> {
			if (c.customer().openingStatus() != OpeningStatus.OPENED) {
				return "the account is " + c.customer().openingStatus() + ", not OPENED";
			}
			if (c.customer().frozen()) {
				return "the account is frozen";
			}
			return null;
		}, "account opened and not frozen");
	}

	/** The receiving card is one of the customer's cards and its holder is the customer. */
	@Bean
	RiskRule cardOwnership() {
		return rule("CARD_OWNERSHIP", 20, c -> {
			RiskSubject s = c.subject();
			Optional<BankCard> card = c.cards().stream().filter(k -> k.id() == s.bankCardId()).findFirst();
			if (card.isEmpty()) {
				return "bank card " + s.bankCardId() + " is not an active card of the customer";
			}
			if (!name(card.get().holderName()).equals(name(s.cardHolderName()))
					|| !name(card.get().accountNo()).equals(name(s.cardAccountNo()))) {
				return "the card on the application no longer matches the customer's card on file";
			}
			if (!name(s.cardHolderName()).equals(name(c.customer().nameEn()))
					&& (c.customer().nameZh() == null || !name(s.cardHolderName()).equals(name(c.customer().nameZh())))) {
				return "holder name '" + s.cardHolderName() + "' does not match the customer's name '" + c.customer().nameEn() + "'";
			}
			return null;
		}, "card belongs to the customer and the holder name matches");
	}

	/** Amount plus fee is held: frozen on creation, and the frozen balance still covers it. */
	@Bean
	RiskRule fundsHeld() {
		return rule("SUFFICIENT_FUNDS", 30, c -> {
			BigDecimal frozen = c.balance().frozen().amount();
			if (frozen.compareTo(c.subject().total()) < 0) {
				return "amount plus fee " + c.subject().total().toPlainString() + " exceeds the funds held ("
						+ frozen.toPlainString() + " " + c.subject().currency() + ")";
			}
			return null;
		}, "amount plus fee is covered by the funds frozen for it");
	}

	@Bean
	RiskRule dailyLimit() {
		return rule("DAILY_LIMIT", 40, c -> {
			Optional<BigDecimal> limit = c.settings().dailyLimit(c.subject().currency());
			if (limit.isPresent() && c.subject().amountToday().compareTo(limit.get()) > 0) {
				return "today's withdrawals of " + c.subject().amountToday().toPlainString() + " " + c.subject().currency()
						+ " exceed the daily limit of " + limit.get().toPlainString();
			}
			return null;
		}, "within the daily limit");
	}

	@Bean
	RiskRule largeAmount() {
		return rule("LARGE_AMOUNT", 50, c -> {
			Optional<BigDecimal> threshold = c.settings().largeAmount(c.subject().currency());
			if (threshold.isPresent() && c.subject().amount().compareTo(threshold.get()) >= 0) {
				return "amount " + c.subject().amount().toPlainString() + " " + c.subject().currency()
						+ " reaches the large-amount threshold of " + threshold.get().toPlainString();
			}
			return null;
		}, "below the large-amount threshold");
	}

	@Bean
	RiskRule blacklistedAccount() {
		return rule("BLACKLISTED_ACCOUNT", 60, c -> c.settings().isBlacklisted(c.subject().cardAccountNo())
				? "receiving account " + c.subject().cardAccountNo() + " is blacklisted" : null,
				"receiving account not blacklisted");
	}

	@Bean
	RiskRule frequency() {
		return rule("FREQUENCY_24H", 70, c -> c.subject().count24h() > c.settings().maxWithdrawals24h()
				? c.subject().count24h() + " withdrawals in 24 hours, more than " + c.settings().maxWithdrawals24h() : null,
				"not more than the allowed withdrawals in 24 hours");
	}

	private static String name(String text) {
		return text.replaceAll("[\\s\\-.,]", "").toUpperCase(Locale.ROOT);
	}

	/** A check returns null when the rule passes, or the reason it fails. */
	interface Check {
		@Nullable String violation(RiskRule.Context context);
	}

	private static RiskRule rule(String code, int order, Check check, String passMessage) {
		return new RiskRule() {
			public String code() {
				return code;
			}

			public int order() {
				return order;
			}

			public RiskFinding check(Context context) {
				String violation = check.violation(context);
				return violation == null ? pass(passMessage) : fail(violation);
			}

			@Override
			public String toString() {
				return code;
			}
		};
	}
}
