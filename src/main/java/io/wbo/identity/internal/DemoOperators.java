package io.wbo.identity.internal;

import java.util.List;
import java.util.Map;

import io.wbo.common.Actor;
import io.wbo.common.security.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo roles and one operator per role (demo profile only). The password comes from {@code WBO_DEMO_PASSWORD}, or the
 * README's published one when that is not set. A later start with {@code WBO_DEMO_PASSWORD} set gives it to every demo
 * operator still on the published password: the demo data is created once, and a machine first started without the
 * variable must not keep a password anyone can read in the README.
 */
@Component
@Profile("demo")
@Order(1)
class DemoOperators implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOperators.class);

	static final Map<String, List<Permission>> ROLES = Map.of(
			"MAKER", List.of(Permission.WITHDRAWAL_APPLY, Permission.WITHDRAWAL_VIEW, Permission.DEPOSIT_APPLY, Permission.DEPOSIT_VIEW,
					Permission.CUSTOMER_VIEW, Permission.CUSTOMER_MANAGE, Permission.CRYPTO_DEPOSIT_APPLY, Permission.CRYPTO_DEPOSIT_VIEW),
			"CHECKER", List.of(Permission.WITHDRAWAL_PROCESS, Permission.WITHDRAWAL_VIEW, Permission.CHEQUE_PRINT,
					Permission.WORK_ORDER_APPROVE, Permission.DEPOSIT_MATCH, Permission.DEPOSIT_REVIEW, Permission.DEPOSIT_VIEW,
					Permission.CUSTOMER_VIEW, Permission.CRYPTO_DEPOSIT_VIEW),
			"APPROVER", List.of(Permission.WORK_ORDER_APPROVE, Permission.WITHDRAWAL_VIEW, Permission.DEPOSIT_VIEW,
					Permission.CUSTOMER_VIEW, Permission.CRYPTO_DEPOSIT_VIEW, Permission.CRYPTO_DEPOSIT_REVOKE,
					Permission.CRYPTO_DEPOSIT_REFUND),
			"FINANCE", List.of(Permission.STATEMENT_MANAGE, Permission.RECONCILE, Permission.WITHDRAWAL_VIEW, Permission.DEPOSIT_VIEW,
					Permission.DEPOSIT_MATCH, Permission.CUSTOMER_VIEW),
			"OPERATIONS", List.of(Permission.REWARDS_FULL, Permission.CUSTOMER_VIEW, Permission.CRYPTO_CONFIG,
					Permission.CRYPTO_DEPOSIT_VIEW),
			"AUDITOR", List.of(Permission.AUDIT_VIEW, Permission.WITHDRAWAL_VIEW, Permission.DEPOSIT_VIEW, Permission.CUSTOMER_VIEW,
					Permission.CRYPTO_DEPOSIT_VIEW));

	private static final Map<String, String> NAMES = Map.of("MAKER", "Maker (初審)", "CHECKER", "Checker (複審)",
			"APPROVER", "Approver (審批)", "FINANCE", "Finance (財務)", "OPERATIONS", "Operations (運營)", "AUDITOR", "Auditor (審計)");

	/** The README's password, the default of {@code wbo.demo.password} (application-demo.yml). */
	static final String PUBLISHED_PASSWORD = "wbo-demo-2026";

	static final List<String> USERNAMES = List.of("admin", "maker", "checker", "approver", "finance", "operations", "auditor");

	private final OperatorAdminService admin;
	private final OperatorStore operators;
	private final PasswordEncoder passwords;
	private final String password;

	DemoOperators(OperatorAdminService admin, OperatorStore operators, PasswordEncoder passwords,
			@Value("${wbo.demo.password}") String password) {
		this.admin = admin;
		this.operators = operators;
		this.passwords = passwords;
		this.password = password;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		OperatorAdminService.requirePasswordSetting("WBO_DEMO_PASSWORD", password);
		Actor seeder = Actor.system("demo-seed");
		if (operators.byUsername("maker").isPresent()) {
			replacePublishedPassword(seeder);
			return;
		}
		ROLES.forEach((code, permissions) -> admin.saveRole(code, NAMES.get(code), "demo role",
				permissions.stream().map(Enum::name).toList(), seeder));
		if (operators.byUsername("admin").isEmpty()) {
			admin.create("admin", "Ada Admin 管理員", password, List.of("SYSTEM_ADMIN", "AUDITOR"), seeder);
		}
		admin.create("maker", "Mandy Mak 麥文迪", password, List.of("MAKER"), seeder);
		admin.create("checker", "Chris Cheung 張志明", password, List.of("CHECKER"), seeder);
		admin.create("approver", "Alice Au 區愛麗", password, List.of("APPROVER"), seeder);
		admin.create("finance", "Frank Fung 馮富強", password, List.of("FINANCE"), seeder);
		admin.create("operations", "Olivia Ho 何雅麗", password, List.of("OPERATIONS"), seeder);
		admin.create("auditor", "Aaron Tse 謝安然", password, List.of("AUDITOR"), seeder);
		log.info("demo operators created: {}", String.join(", ", USERNAMES));
	}

	/** An operator who chose their own password keeps it; only the published one is replaced (audited as a reset). */
	private void replacePublishedPassword(Actor seeder) {
		if (password.equals(PUBLISHED_PASSWORD)) {
			return;
		}
		List<String> replaced = new java.util.ArrayList<>();
		for (String username : USERNAMES) {
			operators.byUsername(username)
					.filter(operator -> passwords.matches(PUBLISHED_PASSWORD, operator.passwordHash()))
					.ifPresent(operator -> {
						admin.resetPassword(operator.id(), password, seeder);
						replaced.add(username);
					});
		}
		if (!replaced.isEmpty()) {
			log.info("demo operators given the password of WBO_DEMO_PASSWORD instead of the published one: {}", String.join(", ", replaced));
		}
	}
}
