package io.wbo.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.security.Permission;
import io.wbo.common.startup.InvalidSettingException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of operators and roles (系統設置), and an operator's own TOTP enrolment. Every change audited. */
@Service
class OperatorAdminService {

	static final int MIN_PASSWORD_LENGTH = 8;

	/**
	 * A password given by a setting at start (WBO_ADMIN_PASSWORD, WBO_DEMO_PASSWORD) follows the rule every operator's
	 * does, and a short one is told by the setting's name in the startup report.
	 */
	static void requirePasswordSetting(String setting, String password) {
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidSettingException(setting, "must be at least " + MIN_PASSWORD_LENGTH + " characters");
		}
	}

	private final OperatorStore operators;
	private final RoleStore roles;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final TotpCheck totpCheck;
	private final OperatorSessions sessions;

	OperatorAdminService(OperatorStore operators, RoleStore roles, PasswordEncoder passwords, AuditLog audit, TotpCheck totpCheck,
			OperatorSessions sessions) {
		this.operators = operators;
		this.roles = roles;
		this.passwords = passwords;
		this.audit = audit;
		this.totpCheck = totpCheck;
		this.sessions = sessions;
	}

	record OperatorView(long id, String username, String displayName, boolean enabled, boolean totpEnabled,
			@Nullable Instant lockedUntil, Instant createdAt, List<String> roles) {

		static OperatorView of(Operator o) {
			return new OperatorView(o.id(), o.username(), o.displayName(), o.enabled(), o.totpEnabled(),
					o.lockedAt(Instant.now()) ? o.lockedUntil() : null, o.createdAt(), o.roles());
		}
	}

	@Transactional(readOnly = true)
	public List<OperatorView> list() {
		return operators.all().stream().map(OperatorView::of).toList();
	}

	@Transactional
	public OperatorView create(String username, String displayName, String password, List<String> roleCodes, Actor actor) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector()
				.require(username != null && username.matches("[a-zA-Z0-9._-]{3,40}"), "username",
						"must be 3 to 40 letters, digits, dots, dashes or underscores");
		validatePassword(password, errors);
		errors.require(displayName != null && !displayName.isBlank(), "displayName", "is required");
		validateRoles(roleCodes, errors);
		errors.throwIfAny();
		if (operators.byUsername(username).isPresent()) {
			throw InvalidInputException.of("username", "is already taken");
		}
		long id;
		try {
			id = operators.insert(username, displayName.trim(), passwords.encode(password));
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			// created at the same moment by another administrator, under this name in some case
			throw InvalidInputException.of("username", "is already taken");
		}
		operators.setRoles(id, roleCodes);
		audit.record(AuditRecord.of(actor, "OPERATOR_CREATED", "Operator", id, List.of(FieldChange.set("username", username),
				FieldChange.set("displayName", displayName), FieldChange.set("roles", String.join(",", roleCodes)))));
		return OperatorView.of(operators.byId(id).orElseThrow());
	}

	@Transactional
	public OperatorView setEnabled(long id, boolean enabled, Actor actor) {
		Operator operator = find(id);
		if (!enabled && id == actor.id()) {
			throw DomainException.rule("self-disable", "you cannot disable your own account");
		}
		operators.lockAdministration();
		operators.setEnabled(id, enabled);
		keepAnAdministrator();
		audit.record(AuditRecord.of(actor, enabled ? "OPERATOR_ENABLED" : "OPERATOR_DISABLED", "Operator", id,
				List.of(FieldChange.of("enabled", operator.enabled(), enabled))));
		return OperatorView.of(find(id));
	}

	@Transactional
	public OperatorView setRoles(long id, List<String> roleCodes, Actor actor) {
		Operator operator = find(id);
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		validateRoles(roleCodes, errors);
		errors.throwIfAny();
		if (id == actor.id() && operator.roles().contains("SYSTEM_ADMIN") && !roleCodes.contains("SYSTEM_ADMIN")) {
			throw DomainException.rule("self-demote", "you cannot remove your own SYSTEM_ADMIN role");
		}
		operators.lockAdministration();
		operators.setRoles(id, roleCodes);
		keepAnAdministrator();
		audit.record(AuditRecord.of(actor, "OPERATOR_ROLES_CHANGED", "Operator", id,
				List.of(FieldChange.of("roles", String.join(",", operator.roles()), String.join(",", roleCodes)))));
		return OperatorView.of(find(id));
	}

	/** Refuses, after the change and under the administration lock, one that left no enabled administrator. */
	private void keepAnAdministrator() {
		if (operators.enabledAdministrators() == 0) {
			throw DomainException.rule("last-administrator", "this would leave no enabled operator with the SYSTEM_ADMIN permission");
		}
	}

	/** An administrator's reset: every session of the operator ends, whoever may hold one. */
	@Transactional
	public void resetPassword(long id, String password, Actor actor) {
		Operator operator = find(id);
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		validatePassword(password, errors);
		errors.throwIfAny();
		operators.setPassword(id, passwords.encode(password));
		int ended = sessions.end(operator, null);
		audit.record(AuditRecord.of(actor, "OPERATOR_PASSWORD_RESET", "Operator", id, List.of(FieldChange.set("password", "(changed)"),
				FieldChange.set("sessionsEnded", ended))));
	}

	/** The operator's own change: the session they changed it from stays, every other one ends. */
	@Transactional
	public void changeOwnPassword(Actor actor, String current, String password, @Nullable String currentSessionId) {
		Operator operator = find(actor.id());
		if (current == null || !passwords.matches(current, operator.passwordHash())) {
			throw InvalidInputException.of("currentPassword", "is wrong");
		}
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		validatePassword(password, errors);
		errors.throwIfAny();
		operators.setPassword(actor.id(), passwords.encode(password));
		int ended = sessions.end(operator, currentSessionId);
		audit.record(AuditRecord.of(actor, "OPERATOR_PASSWORD_CHANGED", "Operator", actor.id(), List.of(FieldChange.set("password", "(changed)"),
				FieldChange.set("sessionsEnded", ended))));
	}

	record TotpEnrolment(String secret, String otpauthUri) {
	}

	/** Starts enrolment: a new secret, active only after {@link #confirmTotp} proves the app has it. */
	@Transactional
	public TotpEnrolment enrolTotp(Actor actor) {
		Operator operator = find(actor.id());
		if (operator.totpEnabled()) {
			throw DomainException.rule("totp-already-enabled", "two-factor authentication is already on; turn it off first");
		}
		String secret = Totp.newSecret();
		operators.setTotp(actor.id(), secret, false);
		audit.record(AuditRecord.of(actor, "OPERATOR_TOTP_ENROLMENT_STARTED", "Operator", actor.id(), List.of()));
		return new TotpEnrolment(secret, Totp.otpauthUri("wbo", operator.username(), secret));
	}

	@Transactional
	public void confirmTotp(Actor actor, String code) {
		Operator operator = find(actor.id());
		if (operator.totpSecret() == null) {
			throw DomainException.rule("totp-not-enrolling", "start the enrolment first");
		}
		requireCode(operator, operator.totpSecret(), code);
		operators.setTotp(actor.id(), operator.totpSecret(), true);
		audit.record(AuditRecord.of(actor, "OPERATOR_TOTP_ENABLED", "Operator", actor.id(), List.of(FieldChange.of("totpEnabled", false, true))));
	}

	@Transactional
	public void disableTotp(Actor actor, String code) {
		Operator operator = find(actor.id());
		if (!operator.needsTotp()) {
			throw InvalidInputException.of("code", "is wrong or expired");
		}
		requireCode(operator, operator.totpSecret(), code);
		operators.setTotp(actor.id(), null, false);
		audit.record(AuditRecord.of(actor, "OPERATOR_TOTP_DISABLED", "Operator", actor.id(), List.of(FieldChange.of("totpEnabled", true, false))));
	}

	private void requireCode(Operator operator, String secret, String code) {
		switch (totpCheck.check(operator.id(), secret, code, Instant.now())) {
			case WRONG -> throw InvalidInputException.of("code", "is wrong or expired");
			case ALREADY_USED -> throw InvalidInputException.of("code", "was already used; wait for the next one");
			case ACCEPTED -> {
			}
		}
	}

	@Transactional(readOnly = true)
	public List<RoleStore.Role> roles() {
		return roles.all();
	}

	@Transactional
	public RoleStore.Role saveRole(String code, String name, String description, List<String> permissions, Actor actor) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector()
				.require(code != null && code.matches("[A-Z][A-Z0-9_]{1,40}"), "code", "must be upper-case letters, digits and underscores")
				.require(name != null && !name.isBlank(), "name", "is required");
		Set<String> known = Arrays.stream(Permission.values()).map(Enum::name).collect(Collectors.toSet());
		List<String> unknown = new ArrayList<>(permissions == null ? List.of() : permissions);
		unknown.removeAll(known);
		errors.require(unknown.isEmpty(), "permissions", "unknown permission(s): " + String.join(", ", unknown));
		errors.throwIfAny();
		if ("SYSTEM_ADMIN".equals(code) && !permissions.contains("SYSTEM_ADMIN")) {
			throw InvalidInputException.of("permissions", "the SYSTEM_ADMIN role must keep the SYSTEM_ADMIN permission");
		}
		List<String> before = roles.byCode(code).map(RoleStore.Role::permissions).orElse(List.of());
		roles.upsert(code, name.trim(), description == null ? "" : description.trim(), permissions.stream().sorted().toList());
		audit.record(AuditRecord.of(actor, "ROLE_SAVED", "Role", code, List.of(
				FieldChange.of("permissions", String.join(",", before), String.join(",", permissions.stream().sorted().toList())))));
		return roles.byCode(code).orElseThrow();
	}

	private void validateRoles(List<String> roleCodes, InvalidInputException.Collector errors) {
		if (roleCodes == null || roleCodes.isEmpty()) {
			errors.add("roles", "at least one role is required");
			return;
		}
		Set<String> known = roles.all().stream().map(RoleStore.Role::code).collect(Collectors.toSet());
		List<String> unknown = roleCodes.stream().filter(r -> !known.contains(r)).toList();
		errors.require(unknown.isEmpty(), "roles", "unknown role(s): " + String.join(", ", unknown));
	}

	private static void validatePassword(String password, InvalidInputException.Collector errors) {
		errors.require(password != null && password.length() >= MIN_PASSWORD_LENGTH, "password",
				"must be at least " + MIN_PASSWORD_LENGTH + " characters");
	}

	private Operator find(long id) {
		return operators.byId(id).orElseThrow(() -> DomainException.notFound("operator", id));
	}
}
