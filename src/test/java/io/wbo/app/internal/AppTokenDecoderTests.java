package io.wbo.app.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** In production the APP's tokens come from the broker's identity provider and are verified with its public key. */
class AppTokenDecoderTests {

	static KeyPair rsa() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	static String pem(RSAPublicKey key) {
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----";
	}

	static String token(KeyPair keys, String issuer, String subject) {
		return token(keys, issuer, subject, java.util.List.of());
	}

	static String token(KeyPair keys, String issuer, String subject, java.util.List<String> audience) {
		RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate()).build();
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
		JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject(subject).issuedAt(Instant.now())
				.expiresAt(Instant.now().plusSeconds(300)).audience(audience).build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
	}

	@Test
	void acceptsTokensOfTheConfiguredProviderOnly() throws Exception {
		KeyPair provider = rsa();
		JwtDecoder decoder = new AppSecurityConfig().appTokenDecoder(pem((RSAPublicKey) provider.getPublic()), "https://id.broker.example",
				"", false, null);
		assertThat(decoder.decode(token(provider, "https://id.broker.example", "100001")).getSubject()).isEqualTo("100001");
		assertThatThrownBy(() -> decoder.decode(token(rsa(), "https://id.broker.example", "100001"))).isInstanceOf(JwtException.class);
		assertThatThrownBy(() -> decoder.decode(token(provider, "https://elsewhere.example", "100001"))).isInstanceOf(JwtException.class);
	}

	@Test
	void withoutAKeyAndWithoutTheDevelopmentIssuerEveryTokenIsRefused() throws Exception {
		JwtDecoder decoder = new AppSecurityConfig().appTokenDecoder("", "", "", false, null);
		assertThatThrownBy(() -> decoder.decode(token(rsa(), "x", "100001"))).isInstanceOf(JwtException.class);
	}

	@Test
	void withAnAudienceConfiguredATokenMustNameIt() throws Exception {
		KeyPair provider = rsa();
		JwtDecoder decoder = new AppSecurityConfig().appTokenDecoder(pem((RSAPublicKey) provider.getPublic()), "https://id.broker.example",
				"wbo-app-api", false, null);
		assertThat(decoder.decode(token(provider, "https://id.broker.example", "100001", java.util.List.of("wbo-app-api", "other")))
				.getSubject()).isEqualTo("100001");
		assertThatThrownBy(() -> decoder.decode(token(provider, "https://id.broker.example", "100001", java.util.List.of("trading-api"))))
				.isInstanceOf(JwtException.class);
		assertThatThrownBy(() -> decoder.decode(token(provider, "https://id.broker.example", "100001"))).as("no aud at all")
				.isInstanceOf(JwtException.class);
	}
}
