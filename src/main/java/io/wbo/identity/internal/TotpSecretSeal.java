package io.wbo.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Operators' TOTP secrets at rest. With a key ({@code WBO_SECRETS_KEY}: 32 random bytes in Base64, kept outside the
 * database — a key stored beside the secrets would protect nothing against a copy of the database) a secret is stored
 * AES-256-GCM sealed as {@code enc:v1:<Base64 of nonce and ciphertext>}; without one, as it is, with a warning at start.
 * The nonce is derived from the secret (HMAC under the key), so one secret always seals the same way: the store can
 * still tell whether a secret changed (which resets its last used step), and a TOTP secret is random and used once,
 * so equal ciphertexts reveal nothing another would not.
 *
 * <p>Rotating the key: start with the new key as {@code WBO_SECRETS_KEY} and the old one as
 * {@code WBO_SECRETS_PREVIOUS_KEY}; secrets open with either, and the start reseals every secret still sealed with the
 * old key ({@link TotpSecretSealing}), after which the old key can go.
 */
@Component
class TotpSecretSeal {

	private static final Logger log = LoggerFactory.getLogger(TotpSecretSeal.class);

	static final String PREFIX = "enc:v1:";

	private final @Nullable SecretKeySpec key;
	private final @Nullable SecretKeySpec previousKey;

	TotpSecretSeal(String base64Key) {
		this(base64Key, "");
	}

	@org.springframework.beans.factory.annotation.Autowired
	TotpSecretSeal(@Value("${wbo.secrets.key:}") String base64Key, @Value("${wbo.secrets.previous-key:}") String previousBase64Key) {
		this.key = parse(base64Key, "WBO_SECRETS_KEY");
		this.previousKey = parse(previousBase64Key, "WBO_SECRETS_PREVIOUS_KEY");
		if (key == null && previousKey != null) {
			throw new IllegalStateException("WBO_SECRETS_PREVIOUS_KEY is set without WBO_SECRETS_KEY: set the new key to rotate to");
		}
		if (key == null) {
			log.warn("WBO_SECRETS_KEY is not set: operators' TOTP secrets are stored unencrypted in the database");
		}
	}

	private static @Nullable SecretKeySpec parse(String base64Key, String name) {
		if (base64Key == null || base64Key.isBlank()) {
			return null;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(name + " must be 32 bytes in Base64 (e.g. `openssl rand -base64 32`)");
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(name + " must be 32 bytes in Base64 (e.g. `openssl rand -base64 32`), not " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	boolean sealing() {
		return key != null;
	}

	/** The form to store: sealed when there is a key. */
	@Nullable
	String seal(@Nullable String secret) {
		if (secret == null || key == null || secret.startsWith(PREFIX)) {
			return secret;
		}
		try {
			byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] nonce = Arrays.copyOf(mac.doFinal(plain), 12);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain);
			byte[] out = new byte[nonce.length + sealed.length];
			System.arraycopy(nonce, 0, out, 0, nonce.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("could not seal a TOTP secret", e);
		}
	}

	/** The secret as stored, opened: a sealed one needs the key it was sealed with (or, while rotating, the previous one). */
	@Nullable
	String open(@Nullable String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		if (key == null) {
			throw new IllegalStateException("operators' TOTP secrets are sealed in the database: set WBO_SECRETS_KEY to the key they were sealed with");
		}
		String opened = open(stored, key);
		if (opened == null && previousKey != null) {
			opened = open(stored, previousKey);
		}
		if (opened == null) {
			throw new IllegalStateException("a sealed TOTP secret does not open with WBO_SECRETS_KEY (another key?)"
					+ (previousKey == null ? "" : " nor with WBO_SECRETS_PREVIOUS_KEY"));
		}
		return opened;
	}

	/** Whether a stored secret must be sealed again: stored as it is, or sealed with the previous key. */
	boolean needsSealing(String stored) {
		return key != null && (!stored.startsWith(PREFIX) || open(stored, key) == null);
	}

	private static @Nullable String open(String stored, SecretKeySpec with) {
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, with, new GCMParameterSpec(128, in, 0, 12));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return null;
		}
	}
}
