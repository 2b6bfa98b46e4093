package io.wbo.audit;

import java.util.List;

import io.wbo.common.Actor;
import io.wbo.common.DomainException;
import io.wbo.common.Hashing;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the HMAC-SHA256 signature that an integration (account-opening system, bank gateway) puts over the raw body
 * in the {@code X-Wbo-Signature: sha256=<hex>} header. A missing or wrong signature is refused with 401 and the
 * attempt is audited in its own transaction, so the record survives the refusal.
 */
@Service
public class IntegrationGuard {

	public static final String HEADER = "X-Wbo-Signature";

	private final AuditLog audit;

	IntegrationGuard(AuditLog audit) {
		this.audit = audit;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = DomainException.class)
	public Actor verify(String integration, @Nullable String secret, byte[] body, @Nullable String signature, String ip) {
		Actor actor = Actor.integration(integration, ip);
		String reason = null;
		if (secret == null || secret.isBlank()) {
			reason = "no shared secret is configured for " + integration;
		}
		else if (signature == null || !signature.startsWith("sha256=")) {
			reason = "missing " + HEADER + " header";
		}
		else if (!Hashing.constantTimeEquals(signature.substring(7).toLowerCase(), Hashing.hmacSha256(secret, body))) {
			reason = "signature does not match the body";
		}
		if (reason != null) {
			audit.record(AuditRecord.of(actor, "INTEGRATION_SIGNATURE_REJECTED", "Integration", integration,
					List.of(FieldChange.set("bodySha256", Hashing.sha256(body)))).withRemark(reason));
			throw new DomainException(HttpStatus.UNAUTHORIZED, "bad-signature", "request refused: " + reason);
		}
		return actor;
	}

	/** The header value a caller must send for this body (used by tests and the demo simulator). */
	public static String sign(String secret, byte[] body) {
		return "sha256=" + Hashing.hmacSha256(secret, body);
	}
}
