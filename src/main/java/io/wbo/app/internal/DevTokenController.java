package io.wbo.app.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.wbo.common.InvalidInputException;
import io.wbo.common.SystemSecrets;
import io.wbo.customer.Customers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The development token issuer (demo profile only): a token for any demo customer by number, so the APP API can be
 * tried without the broker's identity provider.
 */
@RestController
@ConditionalOnProperty(name = "wbo.app.dev-token-issuer", havingValue = "true")
class DevTokenController {

	static final Duration VALIDITY = Duration.ofHours(12);

	private final Customers customers;
	private final NimbusJwtEncoder encoder;
	private final String audience;

	DevTokenController(Customers customers, SystemSecrets secrets, @Value("${wbo.app.token.audience:}") String audience) {
		this.customers = customers;
		this.encoder = NimbusJwtEncoder.withSecretKey(AppSecurityConfig.devKey(secrets)).build();
		this.audience = audience;
	}

	record TokenRequest(@Nullable String customerNo) {
	}

	record Token(String token, Instant expiresAt) {
	}

	@PostMapping("/app/v1/dev/token")
	Token token(@RequestBody TokenRequest body) {
		if (body.customerNo() == null || customers.byNo(body.customerNo()).isEmpty()) {
			throw InvalidInputException.of("customerNo", "no customer with this number");
		}
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder().subject(body.customerNo()).issuer("wbo-dev").issuedAt(now)
				.expiresAt(now.plus(VALIDITY));
		if (!audience.isBlank()) {
			// the audience the decoder requires, as the identity provider would name it
			claims.audience(List.of(audience));
		}
		String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
		return new Token(token, now.plus(VALIDITY));
	}
}
