package io.wbo.app.internal;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.wbo.common.SystemSecrets;
import io.wbo.common.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The APP's security: stateless bearer tokens. In production the tokens come from the broker's identity provider and
 * are verified with its RSA public key ({@code WBO_APP_TOKEN_PUBLIC_KEY}); with the development issuer on (demo
 * profile) wbo signs its own HS256 tokens with a key generated on first start.
 */
@Configuration
class AppSecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(AppSecurityConfig.class);
	static final String DEV_SECRET = "app-dev-token-key";

	@Bean
	@Order(1)
	SecurityFilterChain appSecurity(HttpSecurity http, JsonMapper json) throws Exception {
		ProblemResponses problems = new ProblemResponses(json);
		// RFC 6750: a refused request is told which scheme to use, and a token that was sent and refused is named invalid
		AuthenticationEntryPoint unauthenticated = (req, res, e) -> {
			res.setHeader("WWW-Authenticate", req.getHeader("Authorization") == null ? "Bearer" : "Bearer error=\"invalid_token\"");
			problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid bearer token is required");
		};
		http.securityMatcher("/app/**")
				.csrf(AbstractHttpConfigurer::disable)
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.authorizeHttpRequests(auth -> auth.requestMatchers("/app/v1/dev/token").permitAll().anyRequest().authenticated())
				.oauth2ResourceServer(rs -> rs.jwt(jwt -> {
				}).authenticationEntryPoint(unauthenticated))
				.exceptionHandling(ex -> ex
						.authenticationEntryPoint(unauthenticated)
						.accessDeniedHandler((req, res, e) -> problems.write(req, res, HttpStatus.FORBIDDEN, "forbidden", "not allowed")));
		return http.build();
	}

	/**
	 * The decoder of the APP's bearer tokens. With an audience set ({@code WBO_APP_TOKEN_AUDIENCE}), a token must name
	 * it in {@code aud}: a token the identity provider issued for another of the broker's services is not one for wbo.
	 */
	@Bean
	JwtDecoder appTokenDecoder(@Value("${wbo.app.token.public-key:}") String publicKey, @Value("${wbo.app.token.issuer:}") String issuer,
			@Value("${wbo.app.token.audience:}") String audience, @Value("${wbo.app.dev-token-issuer:false}") boolean devIssuer,
			SystemSecrets secrets) throws Exception {
		if (!publicKey.isBlank()) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(rsa(publicKey)).build();
			decoder.setClaimSetConverter(ISSUER_AS_TEXT);
			decoder.setJwtValidator(validator(issuer, audience));
			return decoder;
		}
		if (devIssuer) {
			log.warn("the development token issuer is on (wbo.app.dev-token-issuer, the demo profile): APP tokens are minted by wbo "
					+ "itself, for any customer number, at POST /app/v1/dev/token; never run it like this with real customers "
					+ "(set WBO_APP_TOKEN_PUBLIC_KEY to the broker identity provider's key instead)");
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(devKey(secrets)).macAlgorithm(MacAlgorithm.HS256).build();
			decoder.setClaimSetConverter(ISSUER_AS_TEXT);
			decoder.setJwtValidator(validator("", audience));
			return decoder;
		}
		log.warn("no APP token key configured (WBO_APP_TOKEN_PUBLIC_KEY): the customer API refuses every token");
		return token -> {
			throw new BadJwtException("no token key configured");
		};
	}

	/**
	 * The token's issuer kept as the text it is. By default it is turned into a URL, and an issuer that is not one (the
	 * development issuer's "wbo-dev") cost a thrown and caught exception on every request.
	 */
	private static final MappedJwtClaimSetConverter ISSUER_AS_TEXT = MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString()));

	/** Expiry and clock skew always; the issuer and the audience when configured. */
	private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
		if (!audience.isBlank()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
		}
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	static SecretKey devKey(SystemSecrets secrets) {
		return new SecretKeySpec(secrets.getOrCreate(DEV_SECRET).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	private static RSAPublicKey rsa(String pem) throws Exception {
		String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}
}
