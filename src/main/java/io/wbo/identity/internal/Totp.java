package io.wbo.identity.internal;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords (SHA-1, 6 digits, 30 s), the kind every authenticator app reads. */
public final class Totp {

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	public static String newSecret() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return base32(bytes);
	}

	/** Accepts the code of the current 30-second step and of one step either side (clock drift). */
	public static boolean verify(String secret, String code, Instant now) {
		return matchingStep(secret, code, now).isPresent();
	}

	/**
	 * The 30-second step whose code this is, among the current one and one either side (clock drift); the latest when
	 * two match. Whoever accepts it remembers the step, so the code is not accepted twice.
	 */
	static java.util.OptionalLong matchingStep(String secret, String code, Instant now) {
		if (code == null || !code.matches("\\d{6}")) {
			return java.util.OptionalLong.empty();
		}
		long step = now.getEpochSecond() / 30;
		for (long s = step + 1; s >= step - 1; s--) {
			if (java.security.MessageDigest.isEqual(code(secret, s).getBytes(), code.getBytes())) {
				return java.util.OptionalLong.of(s);
			}
		}
		return java.util.OptionalLong.empty();
	}

	public static String codeAt(String secret, Instant at) {
		return code(secret, at.getEpochSecond() / 30);
	}

	static String code(String secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(unbase32(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0xf;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
					| (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public static String otpauthUri(String issuer, String account, String secret) {
		return "otpauth://totp/" + issuer + ":" + account + "?secret=" + secret + "&issuer=" + issuer + "&digits=6&period=30";
	}

	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] unbase32(String text) {
		ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : text.toUpperCase().toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				continue;
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		byte[] result = new byte[out.position()];
		out.flip().get(result);
		return result;
	}
}
