package io.wbo.app.internal;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
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
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
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

	@Bean
	JwtDecoder appTokenDecoder(@Value("${wbo.app.token.public-key:}") String publicKey, @Value("${wbo.app.token.issuer:}") String issuer,
			@Value("${wbo.app.dev-token-issuer:false}") boolean devIssuer, SystemSecrets secrets) throws Exception {
		if (!publicKey.isBlank()) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(rsa(publicKey)).build();
			decoder.setClaimSetConverter(ISSUER_AS_TEXT);
			if (!issuer.isBlank()) {
				decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
			}
			return decoder;
		}
		if (devIssuer) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(devKey(secrets)).macAlgorithm(MacAlgorithm.HS256).build();
			decoder.setClaimSetConverter(ISSUER_AS_TEXT);
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

	static SecretKey devKey(SystemSecrets secrets) {
		return new SecretKeySpec(secrets.getOrCreate(DEV_SECRET).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	private static RSAPublicKey rsa(String pem) throws Exception {
		String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}
}
