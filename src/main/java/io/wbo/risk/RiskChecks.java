package io.wbo.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.Money;
import io.wbo.customer.BankCard;
import io.wbo.customer.Customer;
import io.wbo.customer.Customers;
import io.wbo.ledger.Balance;
import io.wbo.ledger.Ledger;
import io.wbo.risk.internal.RiskRule;
import io.wbo.risk.internal.RiskRule.Context;
import io.wbo.risk.internal.RiskSettingsStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs the named risk rules against a withdrawal and keeps their thresholds. */
@Service
public class RiskChecks {

	private final List<RiskRule> rules;
	private final RiskSettingsStore store;
	private final Customers customers;
	private final Ledger ledger;
	private final AuditLog audit;

	RiskChecks(List<RiskRule> rules, RiskSettingsStore store, Customers customers, Ledger ledger, AuditLog audit) {
		this.rules = rules.stream().sorted(Comparator.comparingInt(RiskRule::order)).toList();
		this.store = store;
		this.customers = customers;
		this.ledger = ledger;
		this.audit = audit;
	}

	/**
	 * Evaluates many subjects (a batch of the risk job) with one read of the settings, the customers, their cards and
	 * their balances, so a batch costs a few queries whatever its size. The outcomes are in the order of the subjects.
	 */
	@Transactional(readOnly = true)
	public List<RiskOutcome> evaluateAll(List<RiskSubject> subjects) {
		RiskSettings settings = store.load();
		Set<Long> ids = new HashSet<>();
		subjects.forEach(s -> ids.add(s.customerId()));
		Map<Long, Customer> customerById = customers.getAll(ids);
		Map<Long, List<BankCard>> cards = customers.bankCardsOf(ids);
		Map<Long, List<Balance>> balances = ledger.balances(ids);
		List<RiskOutcome> outcomes = new ArrayList<>(subjects.size());
		for (RiskSubject subject : subjects) {
			Customer customer = customerById.get(subject.customerId());
			if (customer == null) {
				throw DomainException.notFound("customer", subject.customerId());
			}
			outcomes.add(evaluate(new Context(subject, settings, customer, cards.get(subject.customerId()),
					Ledger.pick(balances.getOrDefault(subject.customerId(), List.of()), Asset.of(subject.currency())))));
		}
		return outcomes;
	}

	/** Every enabled rule on one subject; a failed rule never hides the others. */
	private RiskOutcome evaluate(Context context) {
		List<RiskFinding> failed = new ArrayList<>();
		List<RiskFinding> passed = new ArrayList<>();
		for (RiskRule rule : rules) {
			if (context.settings().disabledRules().contains(rule.code())) {
				continue;
			}
			RiskFinding finding = rule.check(context);
			(finding.passed() ? passed : failed).add(finding);
		}
		List<RiskFinding> all = new ArrayList<>(failed);
		all.addAll(passed);
		return new RiskOutcome(failed.isEmpty(), List.copyOf(all));
	}

	/** The rule codes, in the order they run (for the settings page). */
	public List<String> ruleCodes() {
		return rules.stream().map(RiskRule::code).toList();
	}

	@Transactional(readOnly = true)
	public RiskSettings settings() {
		return store.load();
	}

	@Transactional
	public RiskSettings save(RiskSettings proposed, Actor admin) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		errors.require(proposed.maxWithdrawals24h() >= 1 && proposed.maxWithdrawals24h() <= 10_000, "maxWithdrawals24h",
				"must be between 1 and 10000");
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < proposed.limits().size(); i++) {
			RiskSettings.Limit limit = proposed.limits().get(i);
			String field = "limits[" + i + "]";
			Asset asset = errors.attempt(() -> Asset.of(limit.currency(), field + ".currency"));
			if (asset == null) {
				continue;
			}
			errors.require(!seen.contains(asset.code()), field + ".currency", "is listed twice");
			seen.add(asset.code());
			if (limit.dailyLimit() != null) {
				errors.attempt(() -> Money.positive(asset, limit.dailyLimit(), field + ".dailyLimit"));
			}
			if (limit.largeAmount() != null) {
				errors.attempt(() -> Money.positive(asset, limit.largeAmount(), field + ".largeAmount"));
			}
		}
		for (int i = 0; i < proposed.disabledRules().size(); i++) {
			errors.require(ruleCodes().contains(proposed.disabledRules().get(i)), "disabledRules[" + i + "]",
					"unknown rule (known: " + String.join(", ", ruleCodes()) + ")");
		}
		for (int i = 0; i < proposed.blacklistedAccounts().size(); i++) {
			String account = proposed.blacklistedAccounts().get(i);
			errors.require(account != null && RiskSettings.normalize(account).length() >= 4, "blacklistedAccounts[" + i + "]",
					"must be an account number of at least 4 letters or digits");
		}
		errors.throwIfAny();
		RiskSettings before = store.load();
		if (!store.save(proposed, proposed.version())) {
			throw DomainException.conflict("the risk settings were changed by someone else (version " + before.version()
					+ "); reload and try again");
		}
		RiskSettings after = store.load();
		audit.record(AuditRecord.of(admin, "RISK_SETTINGS_CHANGED", "RiskSettings", "1", new FieldChange.Diff()
				.field("maxWithdrawals24h", before.maxWithdrawals24h(), after.maxWithdrawals24h())
				.field("limits", before.limits(), after.limits())
				.field("blacklistedAccounts", before.blacklistedAccounts(), after.blacklistedAccounts())
				.field("disabledRules", before.disabledRules(), after.disabledRules()).changes()));
		return after;
	}
}
