package io.wbo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTests {

	/** RFC 6238 appendix B test vector (SHA-1, secret "12345678901234567890"), truncated to 6 digits. */
	@Test
	void matchesTheRfcTestVectors() {
		String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
		assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
	}

	@Test
	void acceptsOneStepOfClockDriftOnly() {
		String secret = Totp.newSecret();
		Instant now = Instant.ofEpochSecond(1_800_000_000L);
		assertThat(Totp.verify(secret, Totp.codeAt(secret, now.minusSeconds(30)), now)).isTrue();
		assertThat(Totp.verify(secret, Totp.codeAt(secret, now.minusSeconds(90)), now)).isFalse();
		assertThat(Totp.verify(secret, "abc", now)).isFalse();
	}
}
