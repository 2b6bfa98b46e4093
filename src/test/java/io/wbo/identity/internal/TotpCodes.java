package io.wbo.identity.internal;

import java.time.Instant;

/** Test access to the current TOTP code of a secret (what the operator's authenticator app would show). */
public final class TotpCodes {

	private TotpCodes() {
	}

	public static String now(String secret) {
		return Totp.codeAt(secret, Instant.now());
	}

	/**
	 * The code of the next 30-second step, still accepted now (clock drift): a second code after one was just used,
	 * since a code is accepted once.
	 */
	public static String next(String secret) {
		return Totp.codeAt(secret, Instant.now().plusSeconds(30));
	}
}
