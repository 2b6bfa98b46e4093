package io.wbo.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The thresholds of the risk rules (configuration, not code): at most {@code maxWithdrawals24h} applications per
 * customer in 24 hours, per-currency daily limit and large-amount threshold, blacklisted receiving accounts, and rules
 * an administrator switched off. {@code version} guards concurrent edits.
 */
public record RiskSettings(int maxWithdrawals24h, List<Limit> limits, List<String> blacklistedAccounts,
		List<String> disabledRules, int version) {

	/** Amounts as plain decimal strings, like every amount of the API. */
	public record Limit(String currency, @Nullable String dailyLimit, @Nullable String largeAmount) {
	}

	public Optional<BigDecimal> dailyLimit(String currency) {
		return limits.stream().filter(l -> l.currency().equals(currency) && l.dailyLimit() != null).findFirst()
				.map(l -> new BigDecimal(l.dailyLimit()));
	}

	public Optional<BigDecimal> largeAmount(String currency) {
		return limits.stream().filter(l -> l.currency().equals(currency) && l.largeAmount() != null).findFirst()
				.map(l -> new BigDecimal(l.largeAmount()));
	}

	public boolean isBlacklisted(String accountNo) {
		String normalized = normalize(accountNo);
		return blacklistedAccounts.stream().anyMatch(a -> normalize(a).equals(normalized));
	}

	static String normalize(String accountNo) {
		return accountNo.replaceAll("[^0-9A-Za-z]", "").toUpperCase();
	}
}
