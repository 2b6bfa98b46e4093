package io.wbo.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An operator account as stored; the lock-out rule lives here. */
record Operator(long id, String username, String displayName, String passwordHash, boolean enabled,
		@Nullable String totpSecret, boolean totpEnabled, int failedLogins, @Nullable Instant lockedUntil, Instant createdAt,
		List<String> roles) {

	static final int MAX_FAILED_LOGINS = 5;
	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	boolean needsTotp() {
		return totpEnabled && totpSecret != null;
	}
}
