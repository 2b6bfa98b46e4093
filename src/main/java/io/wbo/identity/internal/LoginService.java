package io.wbo.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a login: password, then TOTP when enrolled. Five failures lock the account for fifteen minutes (audited).
 * Every failed attempt is audited with the username tried and the caller's address (never the password), so a
 * password-guessing run shows in the audit log even against usernames that do not exist. Failures are committed even
 * though the call is refused, hence {@code noRollbackFor}. Usernames are matched regardless of case.
 */
@Service
class LoginService {

	/** Hash of a random password, checked for unknown users so their answer takes as long as a known user's. */
	private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z8Q5oHlvM2pWf4Yk1D1OZ6e6";

	private final OperatorStore operators;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final TotpCheck totpCheck;

	LoginService(OperatorStore operators, PasswordEncoder passwords, AuditLog audit, TotpCheck totpCheck) {
		this.operators = operators;
		this.passwords = passwords;
		this.audit = audit;
		this.totpCheck = totpCheck;
	}

	@Transactional(noRollbackFor = DomainException.class)
	public Operator login(String username, String password, @Nullable String totp, String ip) {
		new InvalidInputException.Collector()
				.require(username != null && !username.isBlank(), "username", "is required")
				.require(password != null && !password.isEmpty(), "password", "is required")
				.throwIfAny();
		String tried = username.trim();
		Optional<Operator> found = operators.byUsername(tried);
		if (found.isEmpty() || !found.get().enabled()) {
			passwords.matches(password, DUMMY_HASH);
			auditFailure(found.orElse(null), tried, ip, found.isEmpty() ? "UNKNOWN_USERNAME" : "DISABLED");
			throw badCredentials();
		}
		Operator operator = found.get();
		Instant now = Instant.now();
		if (operator.lockedAt(now)) {
			auditFailure(operator, tried, ip, "LOCKED");
			throw locked(operator.lockedUntil());
		}
		if (!passwords.matches(password, operator.passwordHash())) {
			throw fail(operator, tried, ip, "WRONG_PASSWORD", badCredentials());
		}
		if (operator.needsTotp()) {
			if (totp == null || totp.isBlank()) {
				throw new DomainException(HttpStatus.UNAUTHORIZED, "totp-required", "enter the 6-digit code from your authenticator app");
			}
			switch (totpCheck.check(operator.id(), operator.totpSecret(), totp.trim(), now)) {
				case WRONG -> throw fail(operator, tried, ip, "WRONG_TOTP",
						new DomainException(HttpStatus.UNAUTHORIZED, "totp-invalid", "the authenticator code is wrong or expired"));
				case ALREADY_USED -> throw fail(operator, tried, ip, "TOTP_ALREADY_USED", new DomainException(HttpStatus.UNAUTHORIZED,
						"totp-invalid", "this authenticator code was already used; wait for the next one"));
				case ACCEPTED -> {
				}
			}
		}
		operators.registerSuccess(operator.id());
		audit.record(AuditRecord.of(actor(operator, ip), "OPERATOR_LOGIN", "Operator", operator.id(), List.of()));
		return operator;
	}

	/** Ends an operator's session: recorded, so the audit log shows when a session ended on purpose. */
	@Transactional
	public void logout(Actor actor) {
		audit.record(AuditRecord.of(actor, "OPERATOR_LOGOUT", "Operator", actor.id(), List.of()));
	}

	private DomainException fail(Operator operator, String tried, String ip, String why, DomainException reason) {
		auditFailure(operator, tried, ip, why);
		Optional<Instant> lockedUntil = operators.registerFailure(operator.id());
		if (lockedUntil.isPresent()) {
			audit.record(AuditRecord.of(actor(operator, ip), "OPERATOR_LOCKED", "Operator", operator.id(),
					List.of(FieldChange.of("lockedUntil", null, lockedUntil.get())))
					.withRemark(Operator.MAX_FAILED_LOGINS + " failed logins"));
			return locked(lockedUntil.get());
		}
		return reason;
	}

	/**
	 * The attempt as it came: the username as typed (cut to a sane length: it is whatever the caller sent), the
	 * address, and why it failed. The actor is the operator when the username names one, else nobody (id 0).
	 */
	private void auditFailure(@Nullable Operator operator, String tried, String ip, String why) {
		String username = tried.length() > MAX_LOGGED_USERNAME ? tried.substring(0, MAX_LOGGED_USERNAME) + "…" : tried;
		Actor actor = operator != null ? actor(operator, ip) : new Actor(Actor.Kind.OPERATOR, 0, username, ip);
		audit.record(AuditRecord.of(actor, "OPERATOR_LOGIN_FAILED", "Operator", operator != null ? Long.toString(operator.id()) : "-",
				List.of(FieldChange.set("username", username), FieldChange.set("reason", why))));
	}

	private static final int MAX_LOGGED_USERNAME = 64;

	static Actor actor(Operator operator, String ip) {
		return new Actor(Actor.Kind.OPERATOR, operator.id(), operator.username(), ip);
	}

	private static DomainException badCredentials() {
		return new DomainException(HttpStatus.UNAUTHORIZED, "bad-credentials", "wrong username or password");
	}

	private static final java.time.format.DateTimeFormatter HONG_KONG_MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(io.wbo.common.BusinessDay.ZONE);

	private static DomainException locked(Instant until) {
		return new DomainException(HttpStatus.LOCKED, "account-locked",
				"too many failed logins: the account is locked until " + HONG_KONG_MINUTE.format(until) + " (Hong Kong time)",
				Map.of("lockedUntil", until.toString()));
	}
}
