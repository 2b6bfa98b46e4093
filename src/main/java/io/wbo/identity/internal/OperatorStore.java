package io.wbo.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.wbo.common.security.Permission;
import io.wbo.identity.OperatorDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for operators and roles. */
@Component
class OperatorStore implements OperatorDirectory {

	private static final String SELECT = """
			SELECT o.*, coalesce((SELECT array_agg(r.role_code ORDER BY r.role_code) FROM operator_role r WHERE r.operator_id = o.id), '{}') AS roles
			FROM operator o""";

	private final JdbcClient jdbc;
	private final TotpSecretSeal seal;

	OperatorStore(JdbcClient jdbc, TotpSecretSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	Optional<Operator> byUsername(String username) {
		// usernames are one regardless of case (a unique index on lower(username)): MAKER logs in as maker
		return jdbc.sql(SELECT + " WHERE lower(o.username) = lower(:u)").param("u", username).query(this::map).optional();
	}

	Optional<Operator> byId(long id) {
		return jdbc.sql(SELECT + " WHERE o.id = :id").param("id", id).query(this::map).optional();
	}

	List<Operator> all() {
		return jdbc.sql(SELECT + " ORDER BY o.username").query(this::map).list();
	}

	boolean any() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM operator)").query(Boolean.class).single();
	}

	long insert(String username, String displayName, String passwordHash) {
		return jdbc.sql("INSERT INTO operator (username, display_name, password_hash) VALUES (:u, :d, :p) RETURNING id")
				.param("u", username).param("d", displayName).param("p", passwordHash).query(Long.class).single();
	}

	void setRoles(long operatorId, List<String> roles) {
		jdbc.sql("DELETE FROM operator_role WHERE operator_id = :id").param("id", operatorId).update();
		for (String role : roles) {
			jdbc.sql("INSERT INTO operator_role (operator_id, role_code) VALUES (:id, :r)").param("id", operatorId).param("r", role).update();
		}
	}

	/**
	 * Changes to who may administer take turns (a transaction-scoped lock): two administrators demoting or disabling
	 * each other at the same moment would each pass their own checks and together leave nobody to administer.
	 */
	void lockAdministration() {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('wbo:administration', 0))").query().singleRow();
	}

	/** Enabled operators that hold the SYSTEM_ADMIN permission through one of their roles. */
	long enabledAdministrators() {
		return jdbc.sql("""
				SELECT count(DISTINCT o.id) FROM operator o JOIN operator_role r ON r.operator_id = o.id
				JOIN role_permission p ON p.role_code = r.role_code
				WHERE o.enabled AND p.permission = 'SYSTEM_ADMIN'""").query(Long.class).single();
	}

	void setEnabled(long id, boolean enabled) {
		jdbc.sql("UPDATE operator SET enabled = :e, version = version + 1 WHERE id = :id").param("e", enabled).param("id", id).update();
	}

	void setPassword(long id, String hash) {
		jdbc.sql("UPDATE operator SET password_hash = :h, failed_logins = 0, locked_until = NULL, version = version + 1 WHERE id = :id")
				.param("h", hash).param("id", id).update();
	}

	/** A new secret starts without a used step: its codes have never been seen. */
	void setTotp(long id, @Nullable String secret, boolean enabled) {
		jdbc.sql("""
				UPDATE operator SET totp_secret = :s, totp_enabled = :e, version = version + 1,
				  totp_last_step = CASE WHEN totp_secret IS NOT DISTINCT FROM :s THEN totp_last_step END
				WHERE id = :id""")
				.param("s", seal.seal(secret)).param("e", enabled).param("id", id).update();
	}

	/**
	 * Seals with the current key (WBO_SECRETS_KEY) the TOTP secrets still stored as they are, so that setting the key
	 * protects the secrets enrolled before it too, and those sealed with the previous key while the key is rotated.
	 * Returns how many were sealed. One operator's row at a time, each only if it did not change meanwhile.
	 */
	int sealStoredTotpSecrets() {
		if (!seal.sealing()) {
			return 0;
		}
		List<Map.Entry<Long, String>> stale = jdbc.sql("SELECT id, totp_secret FROM operator WHERE totp_secret IS NOT NULL")
				.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).stream().filter(e -> seal.needsSealing(e.getValue())).toList();
		for (Map.Entry<Long, String> e : stale) {
			jdbc.sql("UPDATE operator SET totp_secret = :s WHERE id = :id AND totp_secret = :was").param("s", seal.seal(seal.open(e.getValue())))
					.param("id", e.getKey()).param("was", e.getValue()).update();
		}
		return stale.size();
	}

	/**
	 * Marks a TOTP step as used, if it is later than the last one used. False when it is not: the code was already
	 * accepted (or an older one), also when two logins present it at the same moment.
	 */
	boolean useTotpStep(long id, long step) {
		return jdbc.sql("UPDATE operator SET totp_last_step = :s WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :s)")
				.param("s", step).param("id", id).update() == 1;
	}

	/** Counts a failed login; at the limit the account locks and the counter starts again. Returns the lock, if any. */
	Optional<Instant> registerFailure(long id) {
		return jdbc.sql("""
				UPDATE operator SET
				  locked_until = CASE WHEN failed_logins + 1 >= :max THEN now() + make_interval(mins => :mins) ELSE locked_until END,
				  failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END
				WHERE id = :id
				RETURNING CASE WHEN failed_logins = 0 THEN locked_until END AS locked""")
				.param("max", Operator.MAX_FAILED_LOGINS).param("mins", (int) Operator.LOCK_DURATION.toMinutes()).param("id", id)
				.query((rs, n) -> Optional.ofNullable(rs.getTimestamp("locked")).map(Timestamp::toInstant)).single();
	}

	void registerSuccess(long id) {
		jdbc.sql("UPDATE operator SET failed_logins = 0, locked_until = NULL WHERE id = :id AND (failed_logins <> 0 OR locked_until IS NOT NULL)")
				.param("id", id).update();
	}

	@Override
	public Set<Permission> permissionsOf(long operatorId) {
		List<String> codes = jdbc.sql("""
				SELECT DISTINCT rp.permission FROM operator o
				JOIN operator_role r ON r.operator_id = o.id
				JOIN role_permission rp ON rp.role_code = r.role_code
				WHERE o.id = :id AND o.enabled""").param("id", operatorId).query(String.class).list();
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (String code : codes) {
			Arrays.stream(Permission.values()).filter(p -> p.name().equals(code)).forEach(permissions::add);
		}
		return permissions;
	}

	@Override
	public String usernameOf(long operatorId) {
		return jdbc.sql("SELECT username FROM operator WHERE id = :id").param("id", operatorId).query(String.class).optional()
				.orElse("#" + operatorId);
	}

	@Override
	public boolean isActive(String username) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM operator WHERE username = :u AND enabled)").param("u", username).query(Boolean.class).single();
	}

	private Operator map(ResultSet rs, int n) throws SQLException {
		Timestamp locked = rs.getTimestamp("locked_until");
		return new Operator(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), rs.getBoolean("enabled"), seal.open(rs.getString("totp_secret")),
				rs.getBoolean("totp_enabled"), rs.getInt("failed_logins"), locked == null ? null : locked.toInstant(),
				rs.getTimestamp("created_at").toInstant(), List.of((String[]) rs.getArray("roles").getArray()));
	}
}
