package io.wbo.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wbo.common.Actor;
import io.wbo.common.DomainException;
import io.wbo.common.Hashing;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the signature an integration (account-opening system, bank gateway) sends in the header
 * {@code X-Wbo-Signature: t=<unix seconds>,sha256=<hex of HMAC-SHA256 over "<t>." followed by the raw body>}. The
 * time is signed with the body, and a request whose time is more than five minutes from the server's clock is refused:
 * a request recorded on the way cannot be sent again later. A missing, stale or wrong signature is refused with 401
 * and the attempt is audited in its own transaction, so the record survives the refusal.
 */
@Service
public class IntegrationGuard {

	public static final String HEADER = "X-Wbo-Signature";

	/** How far the signed time may be from the server's clock, either way (clocks of two systems drift). */
	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private static final Pattern FORMAT = Pattern.compile("t=(\\d{1,12}),sha256=([0-9a-fA-F]{64})");

	private final AuditLog audit;
	private final Clock clock = Clock.systemUTC();

	IntegrationGuard(AuditLog audit) {
		this.audit = audit;
	}

	/** A request whose signature holds: who sent it, and the time it was signed at. */
	public record Signed(Actor actor, Instant signedAt) {
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DomainException.class)
	public Signed verify(String integration, @Nullable String secret, byte[] body, @Nullable String signature, String ip) {
		Actor actor = Actor.integration(integration, ip);
		Header header = Header.parse(signature);
		String reason = whyNot(secret, body, signature, header, clock.instant(), integration);
		if (reason != null) {
			audit.record(AuditRecord.of(actor, "INTEGRATION_SIGNATURE_REJECTED", "Integration", integration,
					List.of(FieldChange.set("bodySha256", Hashing.sha256(body)))).withRemark(reason));
			throw new DomainException(HttpStatus.UNAUTHORIZED, "bad-signature", "request refused: " + reason);
		}
		return new Signed(actor, Instant.ofEpochSecond(java.util.Objects.requireNonNull(header).signedAt()));
	}

	/** The header's two parts: the signed time (unix seconds) and the HMAC in hex; null when it has not that form. */
	private record Header(long signedAt, String hmac) {

		static @Nullable Header parse(@Nullable String signature) {
			Matcher parts = FORMAT.matcher(signature == null ? "" : signature.trim());
			return parts.matches() ? new Header(Long.parseLong(parts.group(1)), parts.group(2).toLowerCase(java.util.Locale.ROOT)) : null;
		}
	}

	private static @Nullable String whyNot(@Nullable String secret, byte[] body, @Nullable String signature, @Nullable Header header,
			Instant now, String integration) {
		if (secret == null || secret.isBlank()) {
			return "no shared secret is configured for " + integration;
		}
		if (signature == null || signature.isBlank()) {
			return "missing " + HEADER + " header";
		}
		if (header == null) {
			return HEADER + " must be t=<unix seconds>,sha256=<hex>";
		}
		if (Math.abs(now.getEpochSecond() - header.signedAt()) > TOLERANCE.toSeconds()) {
			return "the signed time is more than 5 minutes from the server's clock";
		}
		if (!Hashing.constantTimeEquals(header.hmac(), Hashing.hmacSha256(secret, signedContent(header.signedAt(), body)))) {
			return "signature does not match the body";
		}
		return null;
	}

	/** What is signed: the time, a dot, and the raw body, so neither can be changed without the other. */
	private static byte[] signedContent(long signedAt, byte[] body) {
		byte[] prefix = (signedAt + ".").getBytes(StandardCharsets.US_ASCII);
		byte[] content = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, content, 0, prefix.length);
		System.arraycopy(body, 0, content, prefix.length, body.length);
		return content;
	}

	/** The header value a caller must send for this body at this time (used by tests and the demo simulator). */
	public static String sign(String secret, byte[] body, Instant at) {
		long t = at.getEpochSecond();
		return "t=" + t + ",sha256=" + Hashing.hmacSha256(secret, signedContent(t, body));
	}

	/** The header value for this body, signed now. */
	public static String sign(String secret, byte[] body) {
		return sign(secret, body, Instant.now());
	}
}
