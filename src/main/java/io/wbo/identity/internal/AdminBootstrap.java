package io.wbo.identity.internal;

import java.util.List;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fresh production database has no operator: when {@code WBO_ADMIN_PASSWORD} is set, the first start creates
 * {@code admin} with the SYSTEM_ADMIN role, who then creates everyone else. Without it the start says so, since a
 * console nobody can log in to gives no hint why.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final OperatorStore operators;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final String password;
	private final Environment environment;

	AdminBootstrap(OperatorStore operators, PasswordEncoder passwords, AuditLog audit,
			@Value("${wbo.admin.password:}") String password, Environment environment) {
		this.operators = operators;
		this.passwords = passwords;
		this.audit = audit;
		this.password = password;
		this.environment = environment;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (operators.any()) {
			return;
		}
		if (password.isBlank()) {
			// the demo profile creates its operators right after this runner
			if (!environment.matchesProfiles("demo")) {
				log.warn("no operator exists, so nobody can log in: restart with WBO_ADMIN_PASSWORD set to create the first "
						+ "operator 'admin' (SYSTEM_ADMIN)");
			}
			return;
		}
		OperatorAdminService.requirePasswordSetting("WBO_ADMIN_PASSWORD", password);
		long id = operators.insert("admin", "Administrator", passwords.encode(password));
		operators.setRoles(id, List.of("SYSTEM_ADMIN"));
		audit.record(AuditRecord.of(Actor.system("bootstrap"), "OPERATOR_CREATED", "Operator", id,
				List.of(FieldChange.set("username", "admin"), FieldChange.set("roles", "SYSTEM_ADMIN"))));
		log.info("created the first operator 'admin' from WBO_ADMIN_PASSWORD");
	}
}
